import Foundation
import Testing

@testable import PlanCore

/// An edit parses only the edited action's lines again and moves the rest of the
/// parsed plan. These tests hold it to what parsing the whole edited file gives.
@Suite("Incremental edits")
struct IncrementalEditTests {
    /// Every valid fixture and example plan, by name.
    static var plans: [(name: String, text: String)] {
        (Fixtures.files(in: "valid") + Fixtures.examplePlans).map {
            ($0.lastPathComponent, String(decoding: try! Data(contentsOf: $0), as: UTF8.self))
        }
    }

    static let day = date("2030-01-01")

    /// The edits a board makes, each as a function of the action it is made to.
    static let edits: [(name: String, apply: @Sendable (inout PlanDocument, Action) throws -> Void)] = [
        (
            "status",
            { document, action in
                let next = document.plan.statusKey.statuses.first { $0 != action.status }!
                try document.setStatus(ref: action.ref, to: next, on: day, by: "Jo Bloggs")
            }
        ),
        (
            "status and note",
            { document, action in
                let next = document.plan.statusKey.statuses.first { $0 != action.status }!
                try document.setStatus(
                    ref: action.ref, to: next, on: day, by: nil, note: "Moved on.\n\nSecond paragraph.")
            }
        ),
        (
            "note",
            { document, action in
                try document.addNote(
                    ref: action.ref, text: "Progress noted.\nOver two lines.", on: day, by: "Sam Patel")
            }
        ),
        (
            "owners",
            { document, action in
                try document.setOwners(ref: action.ref, to: ["New Owner", "Second Owner"], on: day, by: "Sam Patel")
            }
        ),
        (
            "due",
            { document, action in
                try document.setDue(ref: action.ref, to: "31/03/2031", on: day, by: nil)
            }
        ),
        (
            "text",
            { document, action in
                try document.setText(
                    ref: action.ref, to: "Reworded action.\n\nWith a second paragraph\nover two lines.")
            }
        ),
    ]

    /// Asserts that the incrementally edited document is what a full parse of its bytes gives.
    static func expectSameAsFullParse(
        _ edited: PlanDocument, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let full = try PlanDocument(data: edited.data)
        #expect(edited.plan == full.plan, "\(what): the plan differs from a full parse", sourceLocation: sourceLocation)
        expectSameLayout(edited, full, what, sourceLocation: sourceLocation)
        #expect(
            edited.warnings == full.warnings, "\(what): the warnings differ from a full parse",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: plans.map(\.name))
    func everyEditOfEveryActionMatchesAFullParse(name: String) throws {
        let text = Self.plans.first { $0.name == name }!.text
        let original = try parse(text)
        // The first, last and a few actions between: the ends are where line positions go wrong.
        let count = original.plan.actions.count
        let picked = Set([0, 1, count / 2, count - 2, count - 1].filter { $0 >= 0 && $0 < count })
        for index in picked.sorted() {
            let action = original.plan.actions[index]
            for edit in Self.edits {
                var document = original
                do {
                    try edit.apply(&document, action)
                } catch {
                    continue  // refused edits leave the document as it was (tested elsewhere)
                }
                try Self.expectSameAsFullParse(document, "\(name) \(action.ref) \(edit.name)")
            }
        }
    }

    @Test func editsInARowKeepPositionsRight() throws {
        var document = try parse(EditTests.plan)
        for (k, action) in document.plan.actions.enumerated().reversed() + document.plan.actions.enumerated() {
            try Self.edits[k % Self.edits.count].apply(&document, document.plan.actions[k])
            try Self.expectSameAsFullParse(document, "after editing \(action.ref)")
        }
    }

    @Test func warningsMoveWithTheirLines() throws {
        let text =
            planHeader + """
                - [A] 1.1a No owner here.
                  - Due: 2026-02-28
                - [A] 1.1b Nor here.
                  - Due: 2026-02-28
                Text at the start of a line ends the action above.

                """
        var document = try parse(text)
        #expect(document.warnings.count == 3)
        try document.addNote(ref: "1.1a", text: "One.\nTwo.\nThree.", on: Self.day, by: nil)
        try Self.expectSameAsFullParse(document, "note")
        try document.setOwners(ref: "1.1a", to: ["Owner"], on: Self.day, by: nil)
        #expect(document.warnings.count == 2)
        try Self.expectSameAsFullParse(document, "owner")
    }

    @Test func commentsAroundTheActionAreReadAsBefore() throws {
        let text =
            planHeader + """
                - [A] 1.1a First.
                  - Owner: A
                  - Due: 2026-02-28
                  <!-- an indented comment
                that runs on -->
                <!-- a comment right after the action -->
                  - Note 2026-01-01: still part of 1.1a

                <!-- between actions -->
                - [A] 1.1b Second.
                  - Owner: B
                  - Due: 2026-02-28
                <!--
                  - Note 2026-01-02: commented out
                -->

                """
        let original = try parse(text)
        for action in original.plan.actions {
            for edit in Self.edits {
                var document = original
                try edit.apply(&document, action)
                try Self.expectSameAsFullParse(document, "\(action.ref) \(edit.name)")
            }
        }
    }

    @Test func anEditThatWouldNotReadBackIsRefusedAsBefore() throws {
        var document = try parse(EditTests.plan)
        let before = document
        #expect(throws: PlanDocument.EditError.self) {
            try document.setStatus(ref: "1.1a", to: .green, on: date("2020-01-01"), by: nil)
        }
        #expect(document.text == before.text && document.plan == before.plan)
    }
}
