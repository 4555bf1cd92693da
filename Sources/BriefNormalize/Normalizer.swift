// BriefNormalize: a source's text to a `Document` (title, stories, paragraphs). Depends on
// BriefModel (the values), BriefMarkdown (to check Markdown for unsafe content) and Yams (front matter) only: nothing
// of the site, the cache or the output. README.md in this folder says how a source flows through.
import BriefMarkdown
import BriefModel
import Foundation

/// Normalizes a source text into a `Document`: the product's core.
///
/// Each line is first classified by its form (`LineClassifier`, `ChromeContext`), the source's
/// layout is decided from that evidence (`Layout`), the layout's reader builds blocks, copies are
/// merged, and the title and stories are found (`DocumentBuilder`).
public enum Normalizer {
    /// The document a source holds; problems become its diagnostics, never a thrown error.
    public static func normalize(_ source: SourceText, options: NormalizeOptions = NormalizeOptions()) -> Document {
        run(source, options: options).document
    }

    /// What the normalizer did with a source, for `brief normalize`.
    struct Run {
        var document: Document
        /// The lines it read, classified.
        var lines: [Line]
        /// Lines before the text: front matter.
        var frontMatterLines: Int
        /// Lines that brief.yml's `ignore:` removed, with the index of the pattern.
        var ignored: [(number: Int, raw: Substring, pattern: Int)]
        var titleLine: Int?
    }

    static func run(_ source: SourceText, options: NormalizeOptions) -> Run {
        let allLines = Lines.split(source.text)
        var diagnostics = Diagnostics()
        let (frontMatter, bodyStart) = FrontMatter.read(allLines, source: source, into: &diagnostics)
        var body = allLines[bodyStart...].enumerated().map { (text: $0.element, number: bodyStart + $0.offset + 1) }
        var ignored: [(number: Int, raw: Substring, pattern: Int)] = []
        if !options.ignore.isEmpty {
            body.removeAll { line in
                guard let k = options.ignore.firstIndex(where: { $0.matches(line.text) }) else { return false }
                ignored.append((line.number, line.text, k))
                return true
            }
        }

        let isSubtitles =
            source.format == .subtitles || Subtitles.looksLikeSubtitles(body.prefix(Subtitles.probeLines).map(\.text))
        var lines = isSubtitles ? [] : LineClassifier.classify(Array(body))
        ChromeContext.mark(&lines)
        var layout = Layout.detect(lines, format: source.format)
        layout.isSubtitles = layout.isSubtitles || isSubtitles
        layout.isTranscript = layout.isTranscript || isSubtitles
        var titleHint = frontMatter.title
        var blocks: [Block]
        if layout.isSubtitles {
            let read = Subtitles.read(Array(body))
            lines = read.lines
            titleHint = titleHint ?? read.title
            blocks = TranscriptBlocks.blocks(lines, usesMarkdown: false)
        } else {
            if !layout.isTranscript { ChromeContext.markOpeningAndClosing(&lines) }
            FenceWrapper.unwrap(&lines)
            if layout.isTranscript {
                blocks = TranscriptBlocks.blocks(lines, usesMarkdown: layout.usesMarkdown)
            } else {
                let copies = CopySplitter.split(lines)
                let wrap = LineLayout.estimate(copies)
                blocks = CopyMerger.merge(
                    copies.map { copy in
                        layout.usesMarkdown
                            ? MarkdownBlocks.blocks(of: copy) : PlainBlocks.blocks(of: copy, layout: wrap)
                    }, isChunked: layout.isChunked)
            }
        }
        if layout.usesMarkdown { checkMarkdown(blocks, path: source.path, into: &diagnostics) }
        blocks.removeAll { $0.text.isEmpty }
        let built = DocumentBuilder(path: source.path, layout: layout).build(
            blocks, titleHint: titleHint, into: &diagnostics)
        if built.sections.isEmpty { diagnostics.add(NormalizeWarning.noText(path: source.path)) }
        let document = Document(
            source: source.path,
            title: built.title ?? source.baseName,
            hasOwnTitle: built.hasOwnTitle,
            date: frontMatter.date ?? ContentDate(fileName: source.fileName),
            sections: built.sections,
            metadata: frontMatter.metadata,
            diagnostics: diagnostics.all
        )
        return Run(
            document: document, lines: lines, frontMatterLines: bodyStart, ignored: ignored, titleLine: built.titleLine)
    }

    /// Raw HTML, or a link whose address may use a script scheme: worth asking cmark-gfm about.
    private static func mayBeUnsafe(_ markdown: String) -> Bool {
        markdown.containsByte(UInt8(ascii: "<")) || markdown.containsBytes("&#")
            || markdown.containsBytes("](")
                && ["script:", "Script:", "SCRIPT:", "data:", "DATA:", "file:", "FILE:"].contains {
                    markdown.containsBytes($0)
                }
    }

    /// Warns of raw HTML and script links in Markdown blocks, which the site leaves out.
    private static func checkMarkdown(_ blocks: [Block], path: String, into diagnostics: inout Diagnostics) {
        for block in blocks {
            guard let markdown = block.markdown, mayBeUnsafe(markdown) else { continue }
            for finding in CMark.unsafeContent(markdown) {
                let column = finding.line == 1 ? block.column + finding.column - 1 : finding.column
                diagnostics.add(
                    NormalizeWarning.unsafeMarkdown(
                        path: path, line: block.line + finding.line - 1, column: column, what: finding.what))
            }
        }
    }
}

/// A whole text wrapped in one code fence (```` ```markdown ```` … ```` ``` ````), as chatbots answer:
/// the fence is a wrapper, not a code block.
enum FenceWrapper {
    static func unwrap(_ lines: inout [Line]) {
        guard let first = lines.firstIndex(where: { !$0.isBlank && !$0.isChrome }), lines[first].kind == .fence,
            let last = lines.lastIndex(where: { !$0.isBlank && !$0.isChrome }), last > first,
            lines[last].kind == .fence,
            lines[(first + 1)..<last].allSatisfy({ $0.kind != .fence })
        else { return }
        let info = lines[first].content.dropFirst(3).lowercased()
        guard ["", "markdown", "md", "text"].contains(info) else { return }
        lines[first].kind = .chrome(.meta)
        lines[last].kind = .chrome(.meta)
    }
}

/// Splits text into lines at LF, CRLF or CR, dropping a leading byte order mark.
enum Lines {
    static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var offsets: [(Int, Int)] = []
        text.withBytes { bytes in
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            guard let base = bytes.baseAddress else { return }
            // Without a carriage return, `memchr` finds each line end much faster than a loop over the bytes.
            if memchr(base, 0x0D, bytes.count) == nil {
                while start < bytes.count, let end = memchr(base + start, 0x0A, bytes.count - start) {
                    let i = base.distance(to: end.assumingMemoryBound(to: UInt8.self))
                    offsets.append((start, i))
                    start = i + 1
                }
                if start < bytes.count { offsets.append((start, bytes.count)) }
                return
            }
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
        return offsets.map {
            text[utf8.index(utf8.startIndex, offsetBy: $0.0)..<utf8.index(utf8.startIndex, offsetBy: $0.1)]
        }
    }
}
