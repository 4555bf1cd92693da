import BriefModel
import BriefNormalize
import BriefStories
import FuzzSupport

/// Created once: building the tagger from the built-in gazetteer takes far longer than one input.
let processor = SourceProcessor(gazetteer: .builtIn)

/// Bytes as a file in `Content/`: decoded, normalized as plain text, as Markdown and as subtitles, then tagged and rendered.
fuzz { bytes in
    guard case .source(let source) = SourceDecoder.decode(bytes, path: "fuzz.txt") else { return }
    for format in [SourceText.Format.plainText, .markdown, .subtitles] {
        let document = Normalizer.normalize(SourceText(path: "fuzz.txt", format: format, text: source.text))
        _ = processor.process(document)
        // Markdown is taken as written, so only scraped text promises clean, distinct paragraphs.
        guard format == .plainText else { continue }
        let paragraphs = document.sections.flatMap(\.paragraphs).map(\.text)
        for text in paragraphs where text.contains("[...]") {
            fatalError("elision mark left in a paragraph: \(text.debugDescription)")
        }
        var seen = Set<String>()
        for text in paragraphs where !seen.insert(text).inserted {
            fatalError("paragraph appears twice: \(text.debugDescription)")
        }
    }
}
