import Foundation
import PackagePlugin

/// Builds the default theme (`Templates/`) and the company gazetteer into the binary, so a
/// copied `brief` needs nothing beside it. The files stay the single source of truth.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        var entries: [(name: String, url: URL)] = []
        let templates = context.package.directoryURL.appending(path: "Templates")
        for url in files(under: templates) {
            entries.append(("theme/" + relativePath(of: url, in: templates), url))
        }
        let gazetteer = target.directoryURL.appending(path: "Companies/Gazetteer.yml")
        if FileManager.default.fileExists(atPath: gazetteer.path) {
            entries.append(("data/Gazetteer.yml", gazetteer))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme and the gazetteer",
                executable: try context.tool(named: "brief-embed").url,
                arguments: [output.path] + entries.map { "\($0.name)=\($0.url.path)" },
                inputFiles: entries.map(\.url),
                outputFiles: [output]
            ),
        ]
    }

    private func files(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }

    private func relativePath(of url: URL, in folder: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
    }
}
