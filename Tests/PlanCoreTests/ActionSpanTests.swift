import Foundation
import Testing

@testable import PlanCore

/// Layout beside meaning: an action says what it says wherever it stands, and the
/// document's span table says where.
@Suite struct ActionSpanTests {
    static let plan =
        planHeader + """
            - [A] 1.1a Publish guidance
              for every agency.
              - Owner: Task group
              - Due: 2026-02-28
              - Note 2026-01-05 (Sam): Drafted.
            - [R] 1.1b Train staff.

            """

    @Test func anActionReadAtAnotherLineIsTheSameAction() throws {
        let document = try parse(Self.plan)
        let moved = try parse(Self.plan.replacingOccurrences(of: "### 1.1 Area one\n", with: "### 1.1 Area one\n\n\n"))
        let (action, later) = (document.plan.actions[0], moved.plan.actions[0])
        #expect(action.line != later.line && action.notes[0].line != later.notes[0].line)
        #expect(action == later)
        #expect(document.plan.actions == moved.plan.actions)
        #expect(document.spans != moved.spans)
    }

    @Test func theSpansHoldZeroBasedLineIndices() throws {
        let document = try parse(Self.plan)
        let lines = document.text.components(separatedBy: "\n")
        let (first, second) = (document.spans[0], document.spans[1])
        #expect(lines[first.actionLine].hasPrefix("- [A] 1.1a"))
        #expect(document.plan.actions[0].line == first.actionLine + 1)
        #expect(first.lines == first.actionLine..<first.actionLine + 5)
        #expect(first.textLines == first.actionLine + 1..<first.actionLine + 2)
        #expect(first.ownerLines.map { lines[$0.lowerBound] } == "  - Owner: Task group")
        #expect(first.dueLines.map { lines[$0.lowerBound] } == "  - Due: 2026-02-28")
        #expect(first.fieldIndent == "  " && first.statusOffset == 3 && first.textOffset == 11)
        #expect(second.lines == first.lines.upperBound..<first.lines.upperBound + 1)
        #expect(second.ownerLines == nil && second.dueLines == nil && second.fieldIndent == nil)
    }

    @Test func anEditMovesTheSpansOfTheLaterActions() throws {
        var document = try parse(Self.plan)
        let before = document.spans[1]
        try document.addNote(
            ref: "1.1a", text: "Published.\n\nSent to every agency.", on: date("2026-01-10"), by: "Sam")
        #expect(document.spans[1] == before.shifted(by: 3))
        #expect(document.spans[0].lines.upperBound == before.lines.lowerBound + 3)
    }
}
