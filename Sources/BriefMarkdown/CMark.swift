// BriefMarkdown: the one file that calls cmark-gfm, rendering Markdown to HTML. Depends on CCmarkGFM only.

import CCmarkGFM
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one file that touches cmark-gfm's C API: parse, render, walk, free.
///
/// Safe mode is cmark-gfm's default (raw HTML and `javascript:` URLs are dropped); the
/// GitHub extensions are the table, strikethrough, autolink and tagfilter ones.
package enum CMark {
    /// The GitHub extensions every parser gets, by cmark-gfm's names for them.
    package static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// The core extensions, registered and looked up once per process, before any parser exists
    /// (a `static let` is initialised once, under a lock, by the first thread that needs it).
    /// Registration fills process-wide lists that every later lookup only reads; nothing writes
    /// to an extension after it, so sharing the pointers between threads is safe.
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.map { name in
            guard let found = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm has no \(name) extension")
            }
            return found
        }
    }()

    /// Held while a parser finishes, which is when cmark-gfm parses inlines.
    ///
    /// cmark-gfm (0.29.0.gfm.6, as Debian ships it) keeps its tables of special characters,
    /// `SPECIAL_CHARS` and `SKIP_CHARS` in `inlines.c`, for the whole process. Every
    /// `cmark_parser_finish` adds its extensions' characters (`~`, `:`, `w`) to them before it
    /// parses inlines and removes them afterwards (`process_inlines` in `blocks.c`), so a parser
    /// finishing on one thread takes those characters away from one still parsing inlines on
    /// another, and autolinks or strikethrough go missing at random. The tables are read only
    /// while inlines are parsed, and that happens only inside `cmark_parser_finish`: with this
    /// lock around it, no thread reads them while another writes them. Block parsing
    /// (`cmark_parser_feed`) and rendering stay parallel.
    private static let inlinePhase = NSLock()

    /// Something in the Markdown that safe mode does not pass through.
    package struct Finding: Equatable {
        /// The 1-based line of the finding in the text given.
        package var line: Int
        /// The 1-based column of the finding.
        package var column: Int
        /// What was found, as a diagnostic names it (for example "raw HTML").
        package var what: String
    }

    /// Parses `markdown` and hands the document node to `body`, freeing everything afterwards.
    private static func withDocument<T>(
        _ markdown: String, options: Int32, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T
    ) -> T {
        let extensions = extensions
        guard let parser = cmark_parser_new(options) else {
            preconditionFailure("cmark_parser_new failed (out of memory)")
        }
        defer { cmark_parser_free(parser) }
        for ext in extensions {
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        inlinePhase.lock()
        let finished = cmark_parser_finish(parser)
        inlinePhase.unlock()
        guard let document = finished else { preconditionFailure("cmark_parser_finish failed (out of memory)") }
        defer { cmark_node_free(document) }
        return body(document, cmark_parser_get_syntax_extensions(parser))
    }

    private static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The HTML for `markdown` in safe mode, punctuation kept as written.
    package static func html(_ markdown: String) -> String {
        html(markdown, smart: false)
    }

    /// - Parameter smart: typographic punctuation, as stories show it: cmark-gfm's smart option (curly quotes,
    ///   `--` and `---` as dashes, `...` as an ellipsis) and a hyphen between spaces as an en dash.
    package static func html(_ markdown: String, smart: Bool) -> String {
        let options = smart ? CMARK_OPT_DEFAULT | CMARK_OPT_SMART : CMARK_OPT_DEFAULT
        return withDocument(markdown, options: options) { document, extensions in
            if smart { dashSpacedHyphens(document) }
            return takeString(cmark_render_html(document, options, extensions))
        }
    }

    /// Turns " - " in text (not in code) into " – ".
    private static func dashSpacedHyphens(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node),
                strstr(literal, " - ") != nil
            else { continue }
            let dashed = String(cString: literal).replacingOccurrences(of: " - ", with: " \u{2013} ")
            cmark_node_set_literal(node, dashed)
        }
    }

    /// The text `markdown` renders to, without markup: what a reader sees of it.
    package static func plainText(_ markdown: String) -> String {
        withDocument(markdown, options: CMARK_OPT_DEFAULT) { document, _ in
            takeString(cmark_render_plaintext(document, CMARK_OPT_DEFAULT, 0))
        }
    }

    /// Raw HTML and script URLs in the Markdown, with their positions (1-based, relative to the text given).
    package static func unsafeContent(_ markdown: String) -> [Finding] {
        withDocument(markdown, options: CMARK_OPT_SOURCEPOS) { document, _ in
            var findings: [Finding] = []
            guard let iterator = cmark_iter_new(document) else { return findings }
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER
                else { continue }
                let type = cmark_node_get_type(node)
                let line = Int(cmark_node_get_start_line(node))
                let column = Int(cmark_node_get_start_column(node))
                if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    let tag = literal.drop { $0.isWhitespace }.prefix { $0 != ">" && !$0.isWhitespace }
                    findings.append(
                        Finding(line: line, column: column, what: tag.isEmpty ? "raw HTML" : "raw HTML (\(tag)>)"))
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) {
                    let target = String(cString: url)
                    let scheme = target.prefix { $0 != ":" }.lowercased().filter { !$0.isWhitespace }
                    if ["javascript", "vbscript", "data", "file"].contains(scheme) && target.contains(":") {
                        findings.append(Finding(line: line, column: column, what: "a \(scheme): link"))
                    }
                }
            }
            return findings
        }
    }
}
