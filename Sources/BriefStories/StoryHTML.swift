import BriefMarkdown
import BriefModel

/// A story's body as pages show it: its Markdown rendered by cmark-gfm with smart punctuation, and each
/// table in a box of its own that scrolls sideways on a narrow screen (and takes keyboard focus to do so).
public enum StoryHTML {
    /// Part of every processed source's cache key: a change to how bodies are rendered makes cached ones stale.
    public static let version = "story-html-2"

    static let tableBox = "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n<table>"

    /// The HTML for a story's Markdown body.
    public static func render(_ markdown: String) -> String {
        let html = CMark.html(markdown, smart: true)
        // On bytes: Foundation's `contains` costs a fifth of processing a source on Linux.
        guard html.containsBytes("<table>") else { return html }
        return html.replacingOccurrences(of: "<table>", with: tableBox)
            .replacingOccurrences(of: "</table>", with: "</table>\n</div>")
    }
}
