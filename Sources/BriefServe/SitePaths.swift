import BriefOutput
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Maps a request's target to a file of the output folder, and refuses every way out of it:
/// `..` (also percent-encoded), hidden files, and symbolic links that lead outside. A folder
/// without brief's marker file has no files to serve.
struct SitePaths: Sendable {
    /// What a request target leads to.
    enum Resolution: Equatable, Sendable {
        /// A regular file: its real path, and its path inside the site (`stories/x/index.html`).
        case file(path: String, relative: String)
        /// A folder asked for without its trailing slash: where to send the browser.
        case redirect(location: String)
        case notFound
        /// Outside the site.
        case forbidden
        /// Not a path: no leading slash, bad percent-encoding, a NUL.
        case badRequest
    }

    /// The output folder. Builds may swap it for a new one at any time, so it is looked up by
    /// path on every request, never kept open.
    let root: String

    func resolve(_ target: String) -> Resolution {
        let rawPath = String(target.prefix { $0 != "?" && $0 != "#" })
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0") else {
            return .badRequest
        }
        let segments = decoded.split(separator: "/").map(String.init)
        if segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") }) { return .forbidden }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        // Only a folder brief wrote is served, whatever `--output` names.
        guard let realRoot = Self.realPath(root), access(realRoot + "/" + SiteWriter.markerName, F_OK) == 0 else {
            return .notFound
        }
        let relative = segments.joined(separator: "/")
        guard let real = Self.realPath(relative.isEmpty ? root : root + "/" + relative) else { return .notFound }
        guard Self.isInside(real, realRoot) else { return .forbidden }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .file(path: real, relative: relative)
        case S_IFDIR:
            guard decoded.hasSuffix("/") else { return .redirect(location: Self.folderLocation(segments, target)) }
            let index = relative.isEmpty ? "index.html" : relative + "/index.html"
            guard let realIndex = Self.realPath(real + "/index.html"), stat(realIndex, &info) == 0,
                info.st_mode & S_IFMT == S_IFREG
            else { return .notFound }
            return Self.isInside(realIndex, realRoot) ? .file(path: realIndex, relative: index) : .forbidden
        default:
            return .notFound
        }
    }

    /// The folder's address with its slash, built from the decoded segments (so that `//host`
    /// cannot turn into a redirect to another site), with the query kept.
    private static func folderLocation(_ segments: [String], _ target: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        let path = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }.joined(
            separator: "/")
        let query = target.firstIndex(of: "?").map { String(target[$0...]) } ?? ""
        return "/" + path + (path.isEmpty ? "" : "/") + query
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The path with every symbolic link resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
