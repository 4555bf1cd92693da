import ArgumentParser
import BriefCore
import BriefModel
import Foundation

struct CompaniesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "companies",
        abstract: "List the companies the stories in Content/ mention.",
        discussion:
            "With --unknown, list names that look like organisations but are not known yet, to add to Content/companies.yml."
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
        if unknown {
            let unknown = try listed { () throws(DiagnosticError) in try CompanyListing.unknown(options) }
            let found = unknown.companies
            printDiagnostics(unknown.diagnostics)
            for company in found {
                let place = "\(company.file):\(company.line):\(company.column)"
                let mentions = counted(company.mentions, "mention")
                print(terminalSafe("\(place): \(company.name) (\(mentions)): \"\(company.context)\""))
            }
            let names =
                found.count == 1
                ? "1 unknown name that looks like a company"
                : "\(found.count) unknown names that look like companies"
            FileHandle.standardError.write(Data("\(names); add the real ones to Content/companies.yml.\n".utf8))
            return
        }
        let known = try listed { () throws(DiagnosticError) in try CompanyListing.known(options) }
        printDiagnostics(known.diagnostics)
        let width = max(7, known.companies.map(\.name.count).max() ?? 0)
        print("Company".padding(toLength: width, withPad: " ", startingAt: 0) + "  Stories  Mentions")
        for company in known.companies {
            let name = terminalSafe(company.name).padding(toLength: width, withPad: " ", startingAt: 0)
            print(name + "  " + String(company.stories).leftAligned(7) + "  " + String(company.mentions).leftAligned(8))
        }
        print(
            "\(counted(known.companies.count, "company", "companies")) in \(counted(known.stories, "story", "stories")) of \(counted(known.briefings, "briefing"))."
        )
    }

    /// The listing, or its errors printed and exit status 1.
    private func listed<T>(_ list: () throws(DiagnosticError) -> T) throws -> T {
        do {
            return try list()
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

extension String {
    /// Right-aligns a number in a column of the given width.
    fileprivate func leftAligned(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
