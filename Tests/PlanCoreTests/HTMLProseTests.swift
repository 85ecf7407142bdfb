import Testing

@testable import PlanCore

/// The HTML writer's prose, written line by line, against the same text built into
/// logical lines first (``HTMLWriter/proseByLogicalLines(_:)``).
@Suite("HTML prose")
struct HTMLProseTests {
    /// Pieces that lists, paragraphs, joins and escaping turn on.
    static let pieces = [
        "word", "Longer words here", "- ", "* ", "• ", "1. ", "12. ", "123. ", "1234. ", "-", "*", "7.", "3", " ", "  ",
        "\t", "\n", "\n\n", "\r\n", "é", "e\u{301}", "\u{301}", "<b>", "&", "\"'", "\u{202E}", "\u{1B}[31m", "\u{7}",
        "日本語", "\u{A0}", "- item one", "2. second", "Note: see", "    - nested",
    ]

    @Test func linesWrittenAsTheyAreReadMatchTheLogicalLines() {
        var generator = SystemRandomNumberGenerator()
        var cases = Self.pieces + Self.pieces.flatMap { first in Self.pieces.map { first + "\n" + $0 } }
        for _ in 0..<4_000 {
            let count = Int.random(in: 1...12, using: &generator)
            cases.append((0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined())
        }
        for text in cases {
            var byLines = HTMLWriter()
            byLines.prose(text)
            var byLogicalLines = HTMLWriter()
            byLogicalLines.proseByLogicalLines(text)
            #expect(byLines.html == byLogicalLines.html, "\(text.debugDescription)")
        }
    }

    @Test func wrappedParagraphsAndListsInHTML() {
        let text = "A paragraph wrapped\n  across two lines.\n\n- first item that\n  wraps\n- second\n3. third one"
        #expect(
            HTML.prose(text)
                == "<p>A paragraph wrapped across two lines.</p><ul><li>first item that wraps</li><li>second</li></ul>"
                + "<ol start=\"3\"><li>third one</li></ol>")
    }
}
