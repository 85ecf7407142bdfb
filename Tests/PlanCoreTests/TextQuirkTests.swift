import Foundation
import Testing

@testable import PlanCore

/// Notes indented with tabs, and the width of wide characters terminals draw in two cells.
@Suite struct TextQuirkTests {
    @Test func aNoteIndentedWithTabsKeepsItsRelativeIndentation() throws {
        let plan = try parse(
            """
            # P
            ## 1 S
            ### 1.1 A
            - [A] 1.1a Do it.

            """)
        var document = plan
        try document.addNote(
            ref: "1.1a", text: "Items:\n  - one\n\t- under one\n\t\t- under that\n  - two", on: date("2026-11-10"),
            by: nil)
        let note = try #require(document.plan.action(ref: "1.1a")?.latestNote?.text)
        #expect(note == "Items:\n- one\n  - under one\n      - under that\n- two")
        #expect(!String(decoding: document.data, as: UTF8.self).contains("\t"))
        #expect(PlanDocument.normalizedNote("a\n\t- b\n\t\t- c") == "a\n- b\n    - c")
    }

    @Test func wideCharactersTakeTheCellsTerminalsGiveThem() {
        // Yijing hexagrams, Tangut, kana supplement, enclosed ideographs: two cells, as wcwidth says.
        for wide in ["䷀", "𗀀", "𛀁", "🈐", "中", "Ａ", "👨‍👩‍👧‍👦"] {
            #expect(DisplayWidth.of(wide) == 2, "\(wide)")
        }
        // Emoji that default to text presentation are one cell unless asked for as emoji.
        #expect(DisplayWidth.of("🌡") == 1)
        #expect(DisplayWidth.of("🌡\u{FE0F}") == 2)
        #expect(DisplayWidth.of("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}") == 1)
    }

    @Test func cuttingTextKeepsGraphemeClustersWhole() {
        let family = "👨‍👩‍👧‍👦"
        let marks = "e" + String(repeating: "\u{301}", count: 12)
        #expect(DisplayWidth.truncate("ab\(family)cd", to: 5) == "ab\(family)…")
        #expect(DisplayWidth.truncate("ab\(marks)cd", to: 4) == "ab\(marks)…")
        #expect(DisplayWidth.fit(family, to: 3) == family + " ")
    }
}
