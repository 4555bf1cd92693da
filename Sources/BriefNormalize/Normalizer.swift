import BriefModel
/// Normalizes a source text into a `Document`: the product's core.
///
/// Plain text is treated as scraped: copies and "Part k/N" chunks are merged, artifacts and
/// boilerplate removed, bare-line headings found. Markdown is taken as written.
public enum Normalizer {
    public static func normalize(_ source: SourceText) -> Document {
        let allLines = Lines.split(source.text)
        var bodyStart = 0
        var frontMatter = FrontMatter()
        var diagnostics: [Diagnostic] = []
        if let (yaml, start) = FrontMatter.split(allLines) {
            let parsed = FrontMatter.parse(yaml.joined(separator: "\n"), path: source.path, firstLine: 2)
            frontMatter = parsed.0
            diagnostics += parsed.1
            bodyStart = start
        }
        let body = allLines[bodyStart...].enumerated().map { (text: $0.element, number: bodyStart + $0.offset + 1) }

        var title: String?
        var sections: [Section]
        switch source.format {
        case .plainText:
            let copies = CopySplitter.split(Array(body))
            let layout = LineLayout.estimate(copies)
            let merged = CopyMerger.merge(copies.map { BlockBuilder.blocks(of: $0, layout: layout) })
            let built = DocumentBuilder(path: source.path).build(merged, frontMatter: frontMatter)
            (title, sections) = (built.title, built.sections)
            diagnostics += built.diagnostics
        case .markdown:
            let parsed = MarkdownSource(path: source.path).parse(Array(body), frontMatterTitle: frontMatter.title)
            (title, sections) = (parsed.title, parsed.sections)
            diagnostics += parsed.diagnostics
        }

        if sections.isEmpty {
            diagnostics.append(.warning(source.path, "no text left after cleaning; the source has no stories"))
        }
        let resolvedTitle = frontMatter.title ?? title ?? source.baseName
        return Document(
            source: source.path,
            title: resolvedTitle,
            date: frontMatter.date ?? ContentDate(fileName: source.fileName),
            sections: sections,
            metadata: frontMatter.metadata,
            diagnostics: diagnostics
        )
    }
}

/// Splits text into lines at LF, CRLF or CR, dropping a leading byte order mark.
enum Lines {
    static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var offsets: [(Int, Int)] = []
        text.withBytes { bytes in
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var i = start
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    offsets.append((start, i))
                    i += b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            if start < bytes.count { offsets.append((start, bytes.count)) }
        }
        return offsets.map { text[utf8.index(utf8.startIndex, offsetBy: $0.0)..<utf8.index(utf8.startIndex, offsetBy: $0.1)] }
    }
}
