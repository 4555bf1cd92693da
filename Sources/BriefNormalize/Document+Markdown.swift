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
    /// `## Heading` and the paragraphs, separated by blank lines.
    public var markdown: String {
        var out = "## \(MarkdownEscaping.escape(heading))\n"
        for paragraph in paragraphs {
            out += "\n" + paragraph.markdown + "\n"
        }
        return out
    }

    /// The paragraphs alone, as the Markdown body of a story.
    public var bodyMarkdown: String {
        paragraphs.map(\.markdown).joined(separator: "\n\n") + "\n"
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
                if scalar.value < 0x20 { out += "\\x" + String(scalar.value, radix: 16).leftPadded(2) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
