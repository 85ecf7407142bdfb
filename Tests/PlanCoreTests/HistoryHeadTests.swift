import Foundation
import Testing

@testable import PlanCore

/// The name in brackets after a history line's date, read from the bytes.
@Suite struct HistoryHeadTests {
    static func note(_ head: String) -> String {
        planHeader + "- [A] 1.1a Act.\n  - Owner: Group\n  - Due: 2026-02-28\n  - Note 2026-01-05 " + head + "\n"
    }

    @Test func nestedBracketsStayInTheName() throws {
        let document = try parse(Self.note("(Sam (Police), Zoë ()): Done."))
        let note = try #require(document.plan.actions.first?.notes.first)
        #expect(note.author == "Sam (Police), Zoë ()" && note.text == "Done.")
        #expect(HistoryHeadTests.offset("(a(b)c) d") == 6 && HistoryHeadTests.offset("(é)") == 3)
        #expect(HistoryHeadTests.offset("(open") == nil && HistoryHeadTests.offset("(a))") == 2)
    }

    @Test func aBracketNotClosedIsReportedWhereItOpens() {
        #expect(errors(Self.note("(Sam: Done.")).contains { $0.contains("the name in brackets is not closed") })
    }

    static func offset(_ text: String) -> Int? { PlanParser.closingBracket(in: Substring(text)) }
}
