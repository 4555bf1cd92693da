import BriefCompanies
import BriefModel
import Foundation

/// Loads the gazetteer stories are tagged with: the built-in one, extended by the site's
/// `Content/companies.yml` when there is one. A broken file leaves the built-in gazetteer, with its errors recorded.
enum GazetteerLoader {
    /// Reads the site's `companies.yml` and applies it, as `brief normalize` does.
    static func load(_ options: BuildOptions, into diagnostics: inout Diagnostics) -> Gazetteer {
        let bytes = SiteFiles.readOptional(options.companiesFile, options, into: &diagnostics)
        return load(companiesBytes: bytes, path: options.display(options.companiesFile), into: &diagnostics)
    }

    /// Applies the `companies.yml` a build read with its inputs.
    static func load(_ inputs: SiteInputs, _ options: BuildOptions, into diagnostics: inout Diagnostics) -> Gazetteer {
        load(companiesBytes: inputs.companiesBytes, path: options.display(options.companiesFile), into: &diagnostics)
    }

    private static func load(companiesBytes: [UInt8]?, path: String, into diagnostics: inout Diagnostics)
        -> Gazetteer
    {
        let builtIn = Gazetteer.builtIn
        guard let bytes = companiesBytes else { return builtIn }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.add(BuildError.notUTF8(path: path, name: "companies.yml"))
            return builtIn
        }
        // Read into a collector of its own: a file that cannot be read leaves the built-in gazetteer, and its
        // error, which holds everything found before it, is recorded in place of what was found.
        var found = Diagnostics()
        do {
            let changes = try GazetteerFile.parse(text, path: path, extending: builtIn, into: &found)
            diagnostics.add(contentsOf: found.all)
            return builtIn.applying(changes)
        } catch {
            diagnostics.add(contentsOf: error.diagnostics)
            return builtIn
        }
    }
}
