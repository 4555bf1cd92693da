import ArgumentParser
import BriefCore
import Foundation
import BriefCompanies
import BriefSite

struct CompaniesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "companies",
        abstract: "List the companies the stories in Content/ mention.",
        discussion: "With --unknown, list names that look like organisations but are not known yet, to add to Content/companies.yml."
    )

    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/.", valueName: "folder"))
    var root: String = "."

    @Flag(help: "List likely organisations that brief does not know, with where they appear.")
    var unknown = false

    @Flag(help: "Include sources marked `draft: true`.")
    var drafts = false

    func run() throws {
        var options = BuildOptions(root: URL(fileURLWithPath: root))
        options.drafts = drafts
        let content: LoadedContent
        switch ContentLoader.load(options) {
        case .success(let loaded): content = loaded
        case .failure(let error):
            printDiagnostics(error.diagnostics)
            throw ExitCode(1)
        }
        printDiagnostics(content.diagnostics)
        if unknown {
            let found = UnknownCompanies.find(in: content.sources.map { ($0.document.source, $0.stories.flatMap(\.paragraphs)) },
                                               gazetteer: content.gazetteer)
            for company in found {
                let place = "\(company.file):\(company.line):\(company.column)"
                let mentions = counted(company.mentions, "mention")
                print(terminalSafe("\(place): \(company.name) (\(mentions)): \"\(company.context)\""))
            }
            FileHandle.standardError.write(Data("\(counted(found.count, "unknown name")) that look like companies; add the real ones to Content/companies.yml.\n".utf8))
            return
        }
        let (model, _) = SiteAssembler(config: content.config, gazetteer: content.gazetteer).assemble(content.sources)
        let width = max(7, model.companies.map(\.company.name.count).max() ?? 0)
        print("Company".padding(toLength: width, withPad: " ", startingAt: 0) + "  Stories  Mentions")
        for entry in model.companies {
            let name = terminalSafe(entry.company.name).padding(toLength: width, withPad: " ", startingAt: 0)
            print(name + "  " + String(entry.storyIDs.count).leftAligned(7) + "  " + String(entry.mentions).leftAligned(8))
        }
        print("\(counted(model.companies.count, "company", "companies")) in \(counted(model.stories.count, "story", "stories")) of \(counted(model.briefings.count, "briefing")).")
    }
}

private extension String {
    /// Right-aligns a number in a column of the given width.
    func leftAligned(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
