import Foundation
import Testing

@testable import PlanCore

/// What boards circulate: the protective marking on every page, the short pack, and
/// red and overdue actions with the text of their latest note.
@Suite("Board papers")
struct BoardPaperTests {
    static let marked = """
        # Marked plan
        - As at: 2026-02-20
        - Classification: OFFICIAL-SENSITIVE
        - Board: Safeguarding "Board" & partners

        ## 1 Section
        ### 1.1 Area
        - [R] 1.1a Publish the guidance.
          - Owner: Sam
          - Due: 2026-01-31
          - Note 2026-02-10 (Jo): Delayed by the legal review; the board is asked for 31 March.
        - [G] 1.1b Train the staff.
          - Due: 2026-01-31
          - Note 2026-01-20 (Jo): Done.
        """

    static func pack(_ length: PackLength = .full) throws -> BoardPack {
        var pack = BoardPack(plan: try parse(marked).plan, asOf: date("2026-03-01"))
        pack.length = length
        return pack
    }

    @Test func markingFromTheHeader() throws {
        let pack = try Self.pack()
        #expect(pack.marking == "OFFICIAL-SENSITIVE")
        #expect(pack.board == "Safeguarding \"Board\" & partners")
        #expect(!pack.headerFields.map(\.name).contains("Classification"))
        let other = try parse("# P\n- Protective marking:   OFFICIAL\n\n## 1 S\n### 1.1 A\n- [A] 1.1a X.\n").plan
        #expect(BoardPack(plan: other, asOf: date("2026-03-01")).marking == "OFFICIAL")
        let none = try parse("# P\n\n## 1 S\n### 1.1 A\n- [A] 1.1a X.\n").plan
        #expect(BoardPack(plan: none, asOf: date("2026-03-01")).marking == nil)
    }

    @Test func markingOnEveryPageOfTheHTML() throws {
        let html = BoardPackHTML.render(try Self.pack())
        #expect(html.contains("@top-center { content: \"OFFICIAL-SENSITIVE\";"))
        #expect(html.contains("@bottom-center { content: \"OFFICIAL-SENSITIVE\";"))
        #expect(html.contains("@bottom-left { content: \"Safeguarding \\\"Board\\\" \\26  partners\";"))
        #expect(html.contains("@top-right { content: \"As at 20 February 2026\";"))
        // On screen, at the top and the bottom of the page.
        #expect(html.components(separatedBy: "<p class=\"marking\">OFFICIAL-SENSITIVE</p>").count == 3)
        let markdown = BoardPackMarkdown.render(try Self.pack())
        #expect(markdown.hasPrefix("**OFFICIAL-SENSITIVE**\n\n# Marked plan"))
        #expect(markdown.hasSuffix("**OFFICIAL-SENSITIVE**\n"))
    }

    @Test func redAndOverdueShowTheLatestNote() throws {
        let html = BoardPackHTML.render(try Self.pack())
        #expect(
            html.contains(
                "<td class=\"latest\"><p class=\"note-head\">10 Feb 2026, Jo</p>"
                    + "<p>Delayed by the legal review; the board is asked for 31 March.</p></td>"))
        let markdown = BoardPackMarkdown.render(try Self.pack())
        #expect(
            markdown.contains("| **10 Feb 2026, Jo**: Delayed by the legal review; the board is asked for 31 March. |"))
    }

    @Test func shortPackHoldsTheExceptionsAndNotThePlan() throws {
        let html = BoardPackHTML.render(try Self.pack(.short))
        for id in ["summary", "red-and-overdue", "changes", "trend"] {
            #expect(html.contains("<section id=\"\(id)\""), "\(id)")
        }
        for id in ["plan", "rag-by-section", "attention"] { #expect(!html.contains("<section id=\"\(id)\""), "\(id)") }
        #expect(html.contains("<h2>Exceptions: red and overdue actions</h2>"))
        let markdown = BoardPackMarkdown.render(try Self.pack(.short))
        #expect(markdown.contains("## Exceptions: red and overdue actions") && markdown.contains("## Trend"))
        #expect(!markdown.contains("## The plan"))
        #expect(BoardPackMarkdown.render(try Self.pack()).contains("## The plan"))
    }

    /// Each action is a table whose head (ref and status) repeats on a new page; each note is a row kept whole.
    @Test func actionsRepeatTheirRefAcrossPages() throws {
        let html = BoardPackHTML.render(try Self.pack())
        #expect(
            html.contains(
                "<table class=\"action-frame\">\n<thead><tr><th scope=\"col\"><h5><span class=\"ref\">1.1a</span>"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("tr, figure, .figures, dl.fields, .notes > li { break-inside: avoid;"))
        #expect(html.contains("<tr class=\"note\"><td><p class=\"note-head\"><time datetime=\"2026-02-10\">"))
    }

    @Test func cssStringsCannotEscape() {
        #expect(BoardPackHTML.css("a\"b\\c</style>&") == "\"a\\\"b\\\\c\\3C /style>\\26 \"")
        #expect(BoardPackHTML.css("x\u{202E}y") == "\"x\\\\u{202E}y\"")
    }
}
