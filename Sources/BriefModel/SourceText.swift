/// One decoded source file from `Content/`, ready for normalization.
public struct SourceText: Sendable, Hashable {
    /// How the body is to be read.
    public enum Format: String, Sendable, Hashable {
        /// Scraped or pasted text: copies, chunks, bare headings, hard wraps.
        case plainText
        /// Markdown written by a person: `##` headings are the stories.
        case markdown
        /// A subtitle file (SubRip `.srt`, WebVTT `.vtt`): read as a transcript.
        case subtitles
    }

    /// The path shown in diagnostics, relative to the site root (for example `Content/a.txt`).
    public var path: String
    /// The file name without folders, used for dates and fallback slugs.
    public var fileName: String
    /// How the normalizer reads the body; taken from the file's extension unless given.
    public var format: Format
    /// The decoded text, still raw: line ends and BOM as in the file.
    public var text: String

    /// Reads a file's decoded text; without `format`, the extension decides (unknown ones read as plain text).
    public init(path: String, format: Format? = nil, text: String) {
        self.path = path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        self.fileName = name
        self.format = format ?? SourceText.format(forFileName: name)
        self.text = text
    }

    /// The file name without its extension.
    public var baseName: String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }

    /// Extensions read as Markdown.
    package static let markdownExtensions: Set<String> = ["md", "markdown", "mdown"]
    /// Extensions read as plain text.
    package static let textExtensions: Set<String> = ["txt", "text"]
    /// Extensions read as subtitles.
    package static let subtitleExtensions: Set<String> = ["srt", "vtt"]

    /// The extension of a file name, lower-cased, without the dot; empty when there is none.
    package static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// How a file is read, by its extension; anything unknown reads as plain text.
    package static func format(forFileName name: String) -> Format {
        let ext = fileExtension(name)
        if markdownExtensions.contains(ext) { return .markdown }
        return subtitleExtensions.contains(ext) ? .subtitles : .plainText
    }

    /// Whether a file in `Content/` is a source brief reads.
    public static func isSourceFileName(_ name: String) -> Bool {
        let ext = fileExtension(name)
        return markdownExtensions.contains(ext) || textExtensions.contains(ext) || subtitleExtensions.contains(ext)
    }
}
