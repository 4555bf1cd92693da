import BriefModel
import BriefSite
import Foundation

/// Reads `brief.yml`: the site's settings, defaults when there is none.
enum SiteSettings {
    /// The settings file's bytes and the settings parsed from them, as `brief normalize` takes them;
    /// a build also checks there is no second settings file (`checkOneFile`).
    static func load(_ options: BuildOptions, into diagnostics: inout Diagnostics) -> (
        bytes: [UInt8], config: SiteConfig
    ) {
        let bytes = SiteFiles.readOptional(options.configFile, options, into: &diagnostics) ?? []
        return (bytes, parse(bytes, options, into: &diagnostics))
    }

    /// Records an error when both `brief.yml` and `brief.yaml` are there, since brief reads only one.
    static func checkOneFile(_ options: BuildOptions, into diagnostics: inout Diagnostics) {
        let yaml = options.root.appendingPathComponent("brief.yaml")
        guard FileManager.default.fileExists(atPath: yaml.path), options.configFile.lastPathComponent == "brief.yml"
        else { return }
        diagnostics.add(BuildError.twoSettingsFiles(path: options.display(yaml)))
    }

    /// The settings in `bytes` (defaults when empty); their problems are recorded.
    static func parse(_ bytes: [UInt8], _ options: BuildOptions, into diagnostics: inout Diagnostics) -> SiteConfig {
        guard !bytes.isEmpty else { return SiteConfig() }
        let path = options.display(options.configFile)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.add(BuildError.notUTF8(path: path, name: "brief.yml"))
            return SiteConfig()
        }
        return SiteConfig.parse(text, path: path, into: &diagnostics)
    }
}
