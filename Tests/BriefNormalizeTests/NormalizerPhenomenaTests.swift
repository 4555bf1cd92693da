import BriefMarkdown
import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// One test per kind of mess the normalizer must clean up, each with at least two inputs.
final class NormalizerPhenomenaTests: XCTestCase {
    private func paragraphs(_ document: Document) -> [String] {
        document.sections.flatMap(\.paragraphs).map(\.text)
    }

    // MARK: Copies and chunks

    func testPartMarkersInAnyForm() {
        for marker in [
            "Part 1/2:", "PART 1 OF 2", "part 1 of 2:", "[Part 1/2]", "(Part 1 / 2)", "**Part 1/2:**", "Part 1/2 -",
            "--- Part 1/2 ---", "=== PART 1 OF 2 ===", "1/2", "(1/2)", "[1/2]",
        ] {
            let second = marker.replacingOccurrences(of: "1", with: "2", options: [], range: marker.range(of: "1"))
            let text =
                "First paragraph is here and it is long enough.\nSecond paragraph follows with more words.\n"
                + "\(marker)\nFirst paragraph is here and it is long enough.\n[...]\n\(second)\nSecond paragraph follows with more words.\n"
            XCTAssertEqual(
                paragraphs(Fixtures.normalize(text)),
                ["First paragraph is here and it is long enough.", "Second paragraph follows with more words."], marker)
        }
        XCTAssertNil(PartMarkers.parse("Part 2 of 3 of the plan is about costs."), "prose that starts like a marker")
        XCTAssertNil(PartMarkers.parse("1/3 of revenue comes from China."))
        XCTAssertNil(PartMarkers.parse("24/7"))
        XCTAssertNil(PartMarkers.parse("---"))
        XCTAssertEqual(PartMarkers.parse("Part 3/5: The rest")?.rest, "The rest")
    }

    func testHeadingInOnlyOneCopyIsKept() {
        // Heading only in the chunks (the sample's case) and only in the full copy.
        let onlyInChunks = Fixtures.normalize(
            """
            Alpha paragraph one has enough words to count.
            Beta paragraph two has enough words to count.
            Part 1/1:
            Alpha paragraph one has enough words to count.
            Second Heading Here
            Beta paragraph two has enough words to count.
            """)
        XCTAssertEqual(onlyInChunks.sections.map(\.heading).last, "Second Heading Here")
        XCTAssertEqual(
            onlyInChunks.sections.last?.paragraphs.map(\.text), ["Beta paragraph two has enough words to count."])
        let onlyInFull = Fixtures.normalize(
            """
            Alpha paragraph one has enough words to count.
            Second Heading Here
            Beta paragraph two has enough words to count.
            Part 1/1:
            Alpha paragraph one has enough words to count.
            Beta paragraph two has enough words to count.
            """)
        XCTAssertEqual(onlyInFull.sections.last?.heading, "Second Heading Here")
        XCTAssertEqual(paragraphs(onlyInFull).count, 2)
    }

    func testElisionMarksAreRemoved() {
        for mark in ["[...]", "[…]", "(...)", "(…)", "…", "...", "[ … ]"] {
            let document = Fixtures.normalize(
                """
                Part 1/2:
                Opening paragraph of the story is complete here.
                \(mark)
                Part 2/2:
                Closing paragraph of the story is complete too.
                """)
            XCTAssertEqual(
                paragraphs(document),
                [
                    "Opening paragraph of the story is complete here.",
                    "Closing paragraph of the story is complete too.",
                ], mark)
        }
        XCTAssertEqual(ElisionMarks.strip("Text that ends here [...]").text, "Text that ends here")
        XCTAssertTrue(ElisionMarks.strip("[…] text that resumes").atStart)
        // Emphasis in or around a mark is part of it; emphasis elsewhere is left alone.
        for marked in ["Text that ends here *[...]*", "Text that ends here [...*]*", "Text that ends here **[…]**"] {
            let stripped = ElisionMarks.strip(marked)
            XCTAssertEqual(stripped.text, "Text that ends here", marked)
            XCTAssertTrue(stripped.atEnd, marked)
        }
        XCTAssertEqual(ElisionMarks.strip("A *bold* claim [...]").text, "A *bold* claim")
        XCTAssertEqual(ElisionMarks.strip("Keep *this* and [*] too").text, "Keep *this* and [*] too")
    }

    func testParagraphSplitAtAChunkBreakIsReassembled() {
        // With a full copy: the halves are found inside the full paragraph.
        let full = "The company said it would expand production in Texas next year. It did not say by how much."
        let withFull = Fixtures.normalize(
            "\(full)\nPart 1/2:\nThe company said it would expand production [...]\nPart 2/2:\nin Texas next year. It did not say by how much.\n"
        )
        XCTAssertEqual(paragraphs(withFull), [full])
        // Without one: the second half resumes in lower case.
        let chunksOnly = Fixtures.normalize(
            "Part 1/2:\nThe company said it would expand production\n[...]\nPart 2/2:\nin Texas next year. It did not say by how much.\n"
        )
        XCTAssertEqual(paragraphs(chunksOnly), [full])
    }

    func testLongestFaithfulVersionWins() {
        let long = "Shares rose five percent in early trading after the results beat forecasts for the quarter."
        let cutInFull = Fixtures.normalize("Shares rose five percent in early trading after the\nPart 1/1:\n\(long)\n")
        XCTAssertEqual(paragraphs(cutInFull), [long])
        let cutInChunk = Fixtures.normalize(
            "\(long)\nPart 1/2:\nShares rose five percent in early\n[...]\nPart 2/2:\nNothing else happened today at all, the company said.\n"
        )
        XCTAssertEqual(paragraphs(cutInChunk), [long, "Nothing else happened today at all, the company said."])
    }

    func testParagraphCutInEveryCopyIsMarkedAndWarned() {
        for cut in ["during critical pro", "as the company pushes to"] {
            let text =
                "The plant was built in record time, a feat rivals watched closely \(cut)\nPart 1/1:\nThe plant was built in record time, a feat rivals watched closely \(cut)\n"
            let document = Fixtures.normalize(text)
            XCTAssertEqual(
                paragraphs(document), ["The plant was built in record time, a feat rivals watched closely \(cut)…"])
            XCTAssertEqual(document.diagnostics.count, 1)
            XCTAssertEqual(document.diagnostics.first?.line, 1)
            XCTAssertEqual(document.diagnostics.first?.severity, .warning)
        }
    }

    // MARK: Headings and paragraphs

    func testBareLineHeadingsAndTitle() {
        let document = Fixtures.normalize(
            """
            The Week in Chips
            Nvidia Sells Out Again
            Nvidia said demand for its chips keeps growing faster than supply.
            Why Intel Is Worried
            Intel said it would cut prices to hold on to its share of the market.
            """)
        XCTAssertEqual(document.title, "The Week in Chips")
        XCTAssertEqual(document.sections.map(\.heading), ["Nvidia Sells Out Again", "Why Intel Is Worried"])
        let sentenceCase = Fixtures.normalize(
            """
            What the deal means
            The deal gives the buyer a large share of the market for cloud software.
            """)
        XCTAssertEqual(sentenceCase.sections.map(\.heading), ["What the deal means"])
        XCTAssertFalse(HeadingRules.looksLikeHeading("The company said it will grow."))
        XCTAssertFalse(HeadingRules.looksLikeHeading("and then it happened again to the team"))
    }

    func testLabelledTitleAndSeparatorLines() {
        let document = Fixtures.normalize(
            "Title: Apple Bets on Smart Glasses\n\n***\n\nWhy It Matters\nApple is building glasses to rival Meta, people familiar with the plans say.\n---\nIt wants to ship them in 2027, the people said.\n"
        )
        XCTAssertEqual(document.title, "Apple Bets on Smart Glasses")
        XCTAssertEqual(document.sections.map(\.heading), ["Why It Matters"])
        XCTAssertEqual(paragraphs(document).count, 2)
        let headline = Fixtures.normalize(
            "HEADLINE: Nvidia Sells Out\nNvidia said demand for its chips keeps growing faster than supply.\n")
        XCTAssertEqual(headline.title, "Nvidia Sells Out")
    }

    func testOneParagraphPerLineOrBlankLineSeparated() {
        let perLine = Fixtures.normalize("First paragraph ends here.\nSecond paragraph ends here.\n")
        let blankLines = Fixtures.normalize("First paragraph ends here.\n\nSecond paragraph ends here.\n")
        XCTAssertEqual(paragraphs(perLine), ["First paragraph ends here.", "Second paragraph ends here."])
        XCTAssertEqual(paragraphs(blankLines), paragraphs(perLine))
    }

    func testHardWrappedLinesAreJoined() {
        let wrapped = """
            Revenue rose to thirty-five billion dollars for the quarter, up from
            eighteen billion a year earlier, as cloud companies kept buying its
            chips at a furious pace.

            The company said supply would remain tight through the middle of
            next year, even as its partners add more packaging capacity.
            """
        XCTAssertEqual(
            paragraphs(Fixtures.normalize(wrapped)),
            [
                "Revenue rose to thirty-five billion dollars for the quarter, up from eighteen billion a year earlier, as cloud companies kept buying its chips at a furious pace.",
                "The company said supply would remain tight through the middle of next year, even as its partners add more packaging capacity.",
            ])
        let transcript =
            "so today we are looking at the new\nelectric pickup and what it means\nfor the rest of the industry.\n"
        XCTAssertEqual(
            paragraphs(Fixtures.normalize(transcript)),
            ["so today we are looking at the new electric pickup and what it means for the rest of the industry."])
    }

    func testLineEndsAndSpaces() {
        let expected = ["A paragraph with odd spacing in it.", "Another one follows here."]
        for text in [
            "\u{FEFF}A paragraph\u{00A0}with  odd\tspacing in it.   \r\nAnother one follows here.\r\n",
            "A paragraph with odd spacing\u{200B} in it.\rAnother one\u{202F}follows here. \r",
        ] {
            XCTAssertEqual(paragraphs(Fixtures.normalize(text)), expected)
        }
    }

    func testBoilerplateLinesAreRemoved() {
        let lines = [
            "Advertisement", "Subscribe to our newsletter", "Share this article", "Read more: Tesla's new plant opens",
            "We use cookies to improve your experience. Accept all cookies", "[00:01:23]", "0:45", "5 min read",
            "By Jane Doe", "Photo: Getty Images", "[Music]", "© 2024 Example Media. All rights reserved.",
        ]
        for line in lines {
            let document = Fixtures.normalize(
                "Real text comes first and stays in place.\n\(line)\nReal text comes last and stays too.\n")
            XCTAssertEqual(
                paragraphs(document),
                ["Real text comes first and stays in place.", "Real text comes last and stays too."], line)
        }
        XCTAssertEqual(
            paragraphs(Fixtures.normalize("[00:01:23] So this is what they said today.\n")),
            ["So this is what they said today."])
        XCTAssertNil(
            Chrome.kind(of: "Subscribers to the new service grew by forty percent in a year, the company said."))
        XCTAssertNil(Timestamps.strip("12:30"))
        XCTAssertEqual(Timestamps.strip("10:30 a.m. is when the call starts."), "10:30 a.m. is when the call starts.")
    }

    func testInlineMarkdownLookalikesInPlainTextAreEscaped() {
        for text in [
            "#1 priority", "a <tag> b", "snake_case_name and a*b*c", "[link](url)", "5 * 3 and **unclosed", "x > y",
        ] {
            let document = Fixtures.normalize("Heading For The Test\n\(text) is written in the source.\n")
            let paragraph = document.sections[0].paragraphs[0]
            XCTAssertEqual(paragraph.text, "\(text) is written in the source.")
            XCTAssertEqual(MarkdownRenderingTests.plainText(ofHTML: CMark.html(paragraph.markdown)), paragraph.text)
        }
    }

    func testListMarkersAndQuotesInPlainTextAreStructure() {
        let document = Fixtures.normalize(
            """
            Heading For The Test
            - The first item of the list.
            * The second item of the list.
            1. A numbered item of the list.
              • A nested item under it.
            > Quoted words from an analyst.
            """)
        let paragraphs = document.sections[0].paragraphs
        XCTAssertEqual(
            paragraphs.map(\.text),
            [
                "The first item of the list.", "The second item of the list.",
                "A numbered item of the list.", "A nested item under it.",
                "Quoted words from an analyst.",
            ])
        XCTAssertEqual(
            paragraphs.map(\.kind), [.item(depth: 0), .item(depth: 0), .item(depth: 0), .item(depth: 1), .quote])
        XCTAssertEqual(
            document.sections[0].bodyMarkdown,
            """
            - The first item of the list.
            - The second item of the list.
            - A numbered item of the list.
              - A nested item under it.

            > Quoted words from an analyst.

            """)
    }

    // MARK: Markdown sources and documents without headings

    func testMarkdownSourceIsTakenAsWritten() {
        let source = SourceText(
            path: "Content/a.md",
            text: """
                ---
                title: From Front Matter
                date: 2024-05-01
                slug: my-slug
                draft: true
                companies: [Tesla]
                ---
                # Ignored Title

                ## First Story

                Text with **bold** and a [link](https://example.com).

                ## Second Story

                - a list
                - of items
                """)
        let document = Normalizer.normalize(source)
        XCTAssertEqual(document.title, "From Front Matter")
        XCTAssertEqual(document.date?.isoDay, "2024-05-01")
        XCTAssertEqual(document.metadata.slug, "my-slug")
        XCTAssertTrue(document.metadata.draft)
        XCTAssertEqual(document.metadata.companies, ["Tesla"])
        XCTAssertEqual(document.sections.map(\.heading), ["First Story", "Second Story"])
        XCTAssertEqual(
            document.sections[0].paragraphs[0].markdown, "Text with **bold** and a [link](https://example.com).")
        XCTAssertEqual(document.sections[0].paragraphs[0].text, "Text with bold and a link.")
        XCTAssertEqual(document.sections[1].paragraphs.map(\.text), ["a list", "of items"])
        XCTAssertEqual(document.sections[1].bodyMarkdown, "- a list\n- of items\n")

        let plain = Normalizer.normalize(SourceText(path: "Content/b.md", text: "# Only A Title\n\nSome text here.\n"))
        XCTAssertEqual(plain.title, "Only A Title")
        XCTAssertEqual(plain.sections.map(\.heading), ["Only A Title"])
    }

    func testBrokenFrontMatterIsAnErrorWithPosition() {
        let document = Normalizer.normalize(
            SourceText(path: "Content/c.md", text: "---\ntitle: [unclosed\n---\n## A\n\nText.\n"))
        let error = document.diagnostics.first { $0.severity == .error }
        XCTAssertEqual(error?.file, "Content/c.md")
        XCTAssertEqual(error?.line, 3)
        // A value of the wrong kind is a warning naming the key, which is ignored: the build goes on.
        let badDate = Normalizer.normalize(SourceText(path: "Content/d.md", text: "---\ndate: yesterday\n---\nText.\n"))
        XCTAssertEqual(badDate.diagnostics.first?.line, 2)
        XCTAssertEqual(badDate.diagnostics.first?.severity, .warning)
        XCTAssertTrue(badDate.diagnostics.first?.message.contains("\"date\" is ignored") == true)
        XCTAssertNil(badDate.date)
    }

    func testNoHeadingsGivesOneStoryTitledByItsFirstSentence() {
        let document = Fixtures.normalize(
            "walmart will raise wages for store workers for the third time in two years. The increase costs a lot.\n")
        XCTAssertEqual(document.title, "Walmart will raise wages for store workers for the third time in two years")
        XCTAssertEqual(document.sections.count, 1)
        XCTAssertEqual(document.sections[0].heading, document.title)
        let long = Fixtures.normalize(String(repeating: "word ", count: 40) + "end.\n")
        XCTAssertLessThanOrEqual(long.title.count, 81)
        XCTAssertTrue(long.title.hasSuffix("word…"), long.title)
    }

    func testDateFromFileName() {
        XCTAssertEqual(
            Fixtures.normalize("Text here.\n", path: "Content/2024-02-29-leap.txt").date?.isoDay, "2024-02-29")
        XCTAssertNil(Fixtures.normalize("Text here.\n", path: "Content/2023-02-29-not-leap.txt").date)
        XCTAssertNil(Fixtures.normalize("Text here.\n", path: "Content/notes.txt").date)
    }
}
