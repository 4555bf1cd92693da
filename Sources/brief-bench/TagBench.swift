import ArgumentParser
import BriefCompanies
import BriefModel
import BriefNormalize
import Foundation

/// Times company tagging alone over every story of a corpus (normalization is done first, untimed).
struct TagBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Tag every story of a corpus with companies.")

    @Argument(
        help: ArgumentHelp(
            "A folder of sources (for example OUT/brief/Content from gen_corpus.py).", valueName: "folder"))
    var folder: String

    func run() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter(SourceText.isSourceFileName)
            .sorted()
        var sections: [(String, [String])] = []
        for name in names {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            for section in Normalizer.normalize(SourceText(path: name, text: text)).sections {
                sections.append((section.heading, section.paragraphs.map(\.text)))
            }
        }
        let setupStart = DispatchTime.now()
        let tagger = CompanyTagger(gazetteer: .builtIn)
        let setup = Double(DispatchTime.now().uptimeNanoseconds - setupStart.uptimeNanoseconds) / 1e9
        let start = DispatchTime.now()
        var mentions = 0
        for (heading, paragraphs) in sections {
            mentions += tagger.tag(heading: heading, paragraphs: paragraphs).count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print(
            String(
                format:
                    "tag: %d stories of %d sources, %d company tags, in %.3f s on one core (gazetteer load and trie %.3f s)",
                sections.count, names.count, mentions, seconds, setup))
    }
}
