import Foundation
import Testing

@testable import PlanCore

@Suite("Editing")
struct EditTests {
    static let plan =
        planHeader + """
            - [A] 1.1a Publish guidance.
              - Owner: Task group
              - Due: 2026-02-28
              - Status 2025-11-03 (Sam): R -> A
            - [R] 1.1b Train staff.
              - Owner: Learning group
              - Due: 2026-03-31

            ## 2 Section two
            ### 2.1 Area
            - [A] 2.1a Bare action with no fields.

            """

    @Test func setStatusChangesOneLineAndAddsOne() throws {
        var document = try parse(Self.plan)
        let outcome = try document.setStatus(ref: "1.1A", to: .green, on: date("2026-02-01"), by: "Jo Bloggs")
        #expect(outcome == PlanDocument.EditOutcome(ref: "1.1a", changes: ["status Amber -> Green"]))
        #expect(
            document.text
                == Self.plan
                .replacingOccurrences(of: "- [A] 1.1a", with: "- [G] 1.1a")
                .replacingOccurrences(of: "R -> A\n", with: "R -> A\n  - Status 2026-02-01 (Jo Bloggs): A -> G\n"))
        #expect(document.plan.action(ref: "1.1a")?.statusChanges.last?.to == .green)
    }

    @Test func setStatusWithANoteAddsBothLines() throws {
        var document = try parse(Self.plan)
        try document.setStatus(
            ref: "1.1b", to: .amber, on: date("2026-02-01"), by: nil, note: "Back on track.\n\nTrainer found.")
        #expect(
            document.text.contains(
                """
                  - Due: 2026-03-31
                  - Status 2026-02-01: R -> A
                  - Note 2026-02-01: Back on track.

                    Trainer found.

                ## 2
                """))
        #expect(document.plan.action(ref: "1.1b")?.notes.last?.text == "Back on track.\n\nTrainer found.")
    }

    @Test func sameStatusChangesNothing() throws {
        var document = try parse(Self.plan)
        let outcome = try document.setStatus(ref: "1.1a", to: .amber, on: date("2026-02-01"), by: "Jo")
        #expect(!outcome.changed)
        #expect(document.text == Self.plan)
    }

    @Test func noteKeepsParagraphsAndLists() throws {
        var document = try parse(Self.plan)
        try document.addNote(
            ref: "2.1a", text: "Audit:\r\n- 87% good;  \n    - nested\n\n\n\nDone.\n\n", on: date("2026-02-02"),
            by: "Ana")
        #expect(
            document.text.hasSuffix(
                """
                - [A] 2.1a Bare action with no fields.
                  - Note 2026-02-02 (Ana): Audit:
                    - 87% good;
                        - nested

                    Done.

                """))
        #expect(document.plan.action(ref: "2.1a")?.notes.first?.text == "Audit:\n- 87% good;\n    - nested\n\nDone.")
    }

    @Test func refusedEditsLeaveTheDocumentAlone() throws {
        var document = try parse(Self.plan)
        #expect(throws: PlanDocument.EditError.unknownRef("1.1z", suggestions: ["1.1a", "1.1b"])) {
            try document.setStatus(ref: "1.1z", to: .green, on: date("2026-02-01"), by: nil)
        }
        #expect(throws: PlanDocument.EditError.statusNotInKey(.blue, key: .standard)) {
            try document.setStatus(ref: "1.1a", to: .blue, on: date("2026-02-01"), by: nil)
        }
        #expect(throws: PlanDocument.EditError.invalidText("the note is empty")) {
            try document.addNote(ref: "1.1a", text: " \n\n ", on: date("2026-02-01"), by: nil)
        }
        #expect(throws: PlanDocument.EditError.self) {
            try document.addNote(ref: "1.1a", text: "bell \u{7}", on: date("2026-02-01"), by: nil)
        }
        #expect(throws: PlanDocument.EditError.self) {
            try document.addNote(ref: "1.1a", text: "ok", on: date("2026-02-01"), by: "Jo (Police)")
        }
        // A continuation line starting with a comment marker would not read back.
        #expect(throws: PlanDocument.EditError.self) {
            try document.addNote(ref: "1.1a", text: "first\n<!-- hidden", on: date("2026-02-01"), by: nil)
        }
        #expect(document.text == Self.plan)
    }

    @Test func crlfStaysCRLF() throws {
        let crlf = Self.plan.replacingOccurrences(of: "\n", with: "\r\n")
        var document = try parse(crlf)
        try document.setStatus(ref: "2.1a", to: .green, on: date("2026-02-01"), by: "Jo", note: "a\nb")
        #expect(
            document.text == crlf.replacingOccurrences(of: "[A] 2.1a", with: "[G] 2.1a")
                + "  - Status 2026-02-01 (Jo): A -> G\r\n  - Note 2026-02-01 (Jo): a\r\n    b\r\n")
    }

    @Test func noFinalNewlineStaysThatWay() throws {
        let text = String(Self.plan.dropLast())
        var document = try parse(text)
        try document.addNote(ref: "2.1a", text: "Done.", on: date("2026-02-01"), by: nil)
        #expect(document.text == text + "\n  - Note 2026-02-01: Done.")
        try document.addNote(ref: "2.1a", text: "Again.", on: date("2026-02-02"), by: nil)
        #expect(document.text == text + "\n  - Note 2026-02-01: Done.\n  - Note 2026-02-02: Again.")
    }

    @Test func newLinesFollowTheActionsIndentation() throws {
        let tabbed = planHeader + "- [A] 1.1a Act.\n\t- Owner: X\n\t- Due: 2026-01-01\n"
        var document = try parse(tabbed)
        try document.setStatus(ref: "1.1a", to: .red, on: date("2026-02-01"), by: nil, note: "Why:\nstaff left")
        #expect(
            document.text == tabbed.replacingOccurrences(of: "[A]", with: "[R]")
                + "\t- Status 2026-02-01: A -> R\n\t- Note 2026-02-01: Why:\n\t  staff left\n")
    }

    @Test func insertsBeforeTrailingBlankLinesAndComments() throws {
        let text = planHeader + "- [A] 1.1a Act.\n  - Owner: X\n  - Due: 2026-01-01\n\n<!-- c -->\n\n"
        var document = try parse(text)
        try document.addNote(ref: "1.1a", text: "n", on: date("2026-02-01"), by: nil)
        #expect(
            document.text == planHeader
                + "- [A] 1.1a Act.\n  - Owner: X\n  - Due: 2026-01-01\n  - Note 2026-02-01: n\n\n<!-- c -->\n\n")
    }

    @Test func byteOrderMarkIsKept() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(Self.plan.utf8))
        var document = try PlanDocument(data: data)
        #expect(document.data == data)
        try document.addNote(ref: "2.1a", text: "n", on: date("2026-02-01"), by: nil)
        #expect(document.data.starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "#")]))
    }
}

@Suite("Recording a review")
struct ReviewRecordTests {
    @Test func rewritesTheLastReviewedLine() throws {
        let text =
            "# P\n- As at: 2026-01-14\n- Last reviewed: 2025-12-18, Board\n\n## 1 S\n### 1.1 A\n- [A] 1.1a Act.\n  - Owner: X\n  - Due: 2026-03-01\n"
        var document = try parse(text)
        let outcome = try document.setLastReviewed(on: date("2026-01-31"), by: "Improvement Board")
        #expect(outcome.changes == ["last reviewed 2026-01-31"])
        #expect(
            document.text == text.replacingOccurrences(of: "2025-12-18, Board", with: "2026-01-31, Improvement Board"))
    }

    @Test func addsTheLineAfterAsAt() throws {
        let text =
            "# P\r\n- Period: 2026\r\n- As at: 2026-01-14\r\n- Board: B\r\n\r\n## 1 S\r\n### 1.1 A\r\n- [A] 1.1a Act.\r\n  - Owner: X\r\n  - Due: 2026-03-01\r\n"
        var document = try parse(text)
        try document.setLastReviewed(on: date("2026-01-31"), by: nil)
        #expect(
            document.text
                == text.replacingOccurrences(
                    of: "- As at: 2026-01-14\r\n", with: "- As at: 2026-01-14\r\n- Last reviewed: 2026-01-31\r\n"))
        #expect(document.plan.lastReviewed == Review(date: date("2026-01-31"), by: nil))
    }

    @Test func addsTheLineAfterATitleWithoutFinalNewline() throws {
        var document = try parse("# P")
        try document.setLastReviewed(on: date("2026-01-31"), by: "B")
        #expect(document.text == "# P\n- Last reviewed: 2026-01-31, B")
    }
}
