import BriefModel
import BriefNormalize
import BriefStories
import FuzzSupport

/// Created once: building the tagger from the built-in gazetteer takes far longer than one input.
let processor = SourceProcessor(gazetteer: .builtIn)

/// Bytes as a file in `Content/`: decoded, normalized as plain text, as Markdown and as subtitles, then tagged and rendered.
fuzz { bytes in
    var skipped = Diagnostics()
    guard let source = try? SourceDecoder.decode(bytes, path: "fuzz.txt", into: &skipped) else { return }
    for format in [SourceText.Format.plainText, .markdown, .subtitles] {
        let document = Normalizer.normalize(SourceText(path: "fuzz.txt", format: format, text: source.text))
        _ = processor.process(document)
        // Markdown is taken as written, and a code fence keeps its lines as they are: only scraped text outside
        // fences promises that no elision mark is left. (A text may say the same paragraph twice: no check of that.)
        guard format == .plainText, !source.text.contains("```"), !source.text.contains("~~~") else { continue }
        for section in document.sections {
            for paragraph in section.paragraphs where paragraph.text.hasSuffix("[...]") {
                fatalError("elision mark left at the end of a paragraph: \(paragraph.text.debugDescription)")
            }
        }
    }
}
