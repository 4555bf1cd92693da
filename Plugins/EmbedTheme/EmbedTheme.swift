// EmbedTheme: the build-tool plugin that embeds Templates/, the gazetteer and the sample Content/ into
// BriefBuiltIn. Depends on the brief-embed tool, which it runs at build time.

import Foundation
import PackagePlugin

/// Builds the default theme (`Templates/`), the company gazetteer and the sample briefing
/// (`Content/`, for `brief init`) into the binary, so a copied `brief` needs nothing beside
/// it. The files stay the single source of truth.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        var entries: [(name: String, url: URL)] = []
        let templates = context.package.directoryURL.appending(path: "Templates")
        for url in files(under: templates) {
            entries.append(("theme/" + relativePath(of: url, in: templates), url))
        }
        // The sample briefing, for `brief init`.
        let sample = context.package.directoryURL.appending(path: "Content")
        for url in files(under: sample) {
            entries.append(("sample/" + relativePath(of: url, in: sample), url))
        }
        let gazetteer = target.directoryURL.appending(path: "Gazetteer.yml")
        if FileManager.default.fileExists(atPath: gazetteer.path) {
            entries.append(("data/Gazetteer.yml", gazetteer))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        // The tool lists Templates/ itself, and the folder is an input too, so that a file added
        // to the theme is embedded even when SwiftPM reuses this plugin's earlier answer.
        return [
            .buildCommand(
                displayName: "Embedding the default theme and the gazetteer",
                executable: try context.tool(named: "brief-embed").url,
                arguments: [output.path, "theme/=\(templates.path)"]
                    + entries.filter { !$0.name.hasPrefix("theme/") }.map { "\($0.name)=\($0.url.path)" },
                inputFiles: entries.map(\.url) + [templates] + folders(under: templates),
                outputFiles: [output]
            )
        ]
    }

    private func files(under folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
            )
        else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }

    /// The folders below `folder`: a file added to one changes its modification time, so the command runs again.
    private func folders(under folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]
            )
        else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .sorted { $0.path < $1.path }
    }

    private func relativePath(of url: URL, in folder: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
    }
}
