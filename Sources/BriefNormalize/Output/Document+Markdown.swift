import BriefModel

extension Document {
    /// The document as clean Markdown: `# Title`, then `## Heading` and paragraphs per section.
    public var markdown: String {
        var out = "# \(MarkdownEscaping.escape(title))\n"
        for section in sections {
            out += "\n" + section.markdown
        }
        return out
    }

    /// The Markdown with a front matter block (title, date, source), so that it can be saved as a cleaned source.
    public var markdownWithFrontMatter: String {
        var out = "---\ntitle: \(YAMLQuoting.quote(title))\n"
        if let date { out += "date: \(date.isoDay)\n" }
        out += "source: \(YAMLQuoting.quote(source))\n---\n\n"
        return out + markdown
    }
}

extension Section {
    /// `## Heading` (when the section has its own) and the body, separated by blank lines.
    public var markdown: String {
        let body = bodyMarkdown
        return hasOwnHeading ? "## \(MarkdownEscaping.escape(heading))\n\n" + body : body
    }

    /// The paragraphs as the Markdown body of a story: list items as lists, subheads in bold, quotes quoted.
    public var bodyMarkdown: String {
        var out = ""
        var previousWasItem = false
        for paragraph in paragraphs {
            var isItem = false
            let block: String
            switch paragraph.kind {
            case .text: block = paragraph.markdown
            case .subhead: block = "**" + paragraph.markdown + "**"
            case .quote: block = "> " + paragraph.markdown
            case .item(let depth):
                block = String(repeating: "  ", count: depth) + "- " + paragraph.markdown
                isItem = true
            }
            if !out.isEmpty { out += isItem && previousWasItem ? "\n" : "\n\n" }
            out += block
            previousWasItem = isItem
        }
        return out + "\n"
    }
}

/// Writes YAML scalars that read back as exactly the given text.
enum YAMLQuoting {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
