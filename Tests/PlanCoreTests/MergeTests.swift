import Foundation
import Testing

@testable import PlanCore

/// The semantic three-way merge, on the smallest example plan and made-up edits.
@Suite struct MergeTests {
    let base: PlanDocument

    init() throws { base = try smallExamplePlan() }

    private func edited(_ edit: (inout PlanDocument) throws -> Void) rethrows -> PlanDocument {
        try base.edited(edit)
    }

    private func merged(_ ours: PlanDocument, _ theirs: PlanDocument) throws -> PlanMerge.Result {
        try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
    }

    @Test func unchangedSidesGiveTheOtherSide() throws {
        let ours = try edited { try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-02"), by: "Sam") }
        #expect(try merged(ours, base).data == ours.data)
        #expect(try merged(base, ours).data == ours.data)
        #expect(try merged(ours, ours).data == ours.data)
    }

    @Test func differentActionsMerge() throws {
        let ours = try edited { try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-02"), by: "Sam") }
        let theirs = try edited {
            try $0.addNote(ref: "2.1b", text: "Signed.", on: date("2026-11-03"), by: "Jo")
            try $0.setDue(ref: "1.2a", to: "2027-03-31", on: date("2026-11-03"), by: "Jo")
        }
        let result = try merged(ours, theirs)
        #expect(result.conflicts.isEmpty)
        let plan = try #require(result.document).plan
        #expect(plan.action(ref: "1.1b")?.status == .green)
        #expect(plan.action(ref: "2.1b")?.notes.last?.text == "Signed.")
        #expect(plan.action(ref: "1.2a")?.due?.text == "2027-03-31")
        #expect(result.theirChangedRefs == ["1.2a", "2.1b"])
        // The same result whichever side is "ours".
        #expect(try merged(theirs, ours).data == result.data)
    }

    /// A plan may repeat an extra field; each is its own item in a merge, so neither
    /// is lost nor taken for the other.
    @Test func repeatedExtraFieldsAreMergedOneByOne() throws {
        let text = """
            # Plan
            ## 1 Voices
            ### 1.1 Records
            - [A] 1.1a Audit the records.
              - Owner: Sam
              - Evidence: report A
              - Evidence: minutes B

            """
        let base = try PlanDocument(data: Data(text.utf8))
        var ours = base
        try ours.addNote(ref: "1.1a", text: "Audit started.", on: date("2026-11-02"), by: "Sam")
        let theirs = try PlanDocument(data: Data(text.replacingOccurrences(of: "minutes B", with: "minutes C").utf8))
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let action = try #require(result.document?.plan.action(ref: "1.1a"))
        #expect(action.extraFields.map(\.value) == ["report A", "minutes C"])
        #expect(action.notes.map(\.text) == ["Audit started."])
    }

    @Test func differentFieldsOfOneActionMerge() throws {
        let ours = try edited {
            try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-02"), by: "Sam", note: "Done.")
        }
        let theirs = try edited {
            try $0.setOwners(ref: "1.1b", to: ["Quality Assurance Team"], on: date("2026-11-01"), by: "Jo")
            try $0.setDue(ref: "1.1b", to: "2027-01-15", on: date("2026-11-03"), by: "Jo")
        }
        let result = try merged(ours, theirs)
        let action = try #require(result.document?.plan.action(ref: "1.1b"))
        #expect(action.status == .green)
        #expect(action.owners == ["Quality Assurance Team"])
        #expect(action.due?.text == "2027-01-15")
        #expect(action.notes.map(\.text) == ["Done."])
        // Every history line kept, in date order.
        let dates = action.history.map(\.date.iso)
        #expect(dates == ["2026-04-08", "2026-11-01", "2026-11-02", "2026-11-03"])
        #expect(dates == dates.sorted())
    }

    @Test func notesFromBothSidesAreKeptInDateOrder() throws {
        let ours = try edited {
            try $0.addNote(ref: "1.2a", text: "Supplier confirmed April.", on: date("2026-11-05"), by: "Sam")
        }
        let theirs = try edited {
            try $0.addNote(ref: "1.2a", text: "Phone calls audited.", on: date("2026-11-02"), by: "Jo")
            try $0.addNote(ref: "1.2a", text: "Board told.", on: date("2026-11-09"), by: "Jo")
        }
        let result = try merged(ours, theirs)
        let notes = try #require(result.document?.plan.action(ref: "1.2a")).notes
        #expect(
            notes.map(\.text) == [
                "The record supplier cannot add the flag\nuntil its spring release. Until then, health visitors phone the GP practice\nabout every child with a neglect plan.",
                "Phone calls audited.", "Supplier confirmed April.", "Board told.",
            ])
    }

    @Test func twoDifferentStatusesAreAConflictThatCheckReports() throws {
        let ours = try edited { try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-02"), by: "Sam") }
        let theirs = try edited {
            try $0.setStatus(ref: "1.1b", to: .red, on: date("2026-11-03"), by: "Jo")
            try $0.addNote(ref: "1.1b", text: "Auditors off sick.", on: date("2026-11-03"), by: "Jo")
            try $0.addNote(ref: "2.1b", text: "Signed.", on: date("2026-11-03"), by: "Jo")
        }
        let result = try merged(ours, theirs)
        #expect(result.document == nil)
        #expect(result.conflicts == [PlanMerge.Conflict(ref: "1.1b", field: "status", ours: "G", theirs: "R")])
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(text.contains("<<<<<<< ours: 1.1b status G\n- [G] 1.1b"))
        #expect(text.contains("=======\n- [R] 1.1b"))
        #expect(text.contains(">>>>>>> theirs: 1.1b status R\n"))
        // The other change merged cleanly; the note on the contested action is on both sides.
        #expect(text.components(separatedBy: "Auditors off sick.").count == 3)
        #expect(text.contains("- Note 2026-11-03 (Jo): Signed."))

        let problems = errors(text)
        #expect(problems.count == 1)
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("<<<<<<<") })
            + 1
        #expect(problems.first?.hasPrefix("\(line):1: error: unresolved merge conflict") == true)
        #expect(problems.first?.contains("ours: 1.1b status G or theirs: 1.1b status R") == true)

        // Resolving in an editor: keep one side, delete the other and the markers.
        let resolved = editingLines(text) { lines in
            let start = lines.firstIndex { $0.hasPrefix("<<<<<<<") }!
            let middle = lines.firstIndex { $0 == "=======" }!
            let end = lines.firstIndex { $0.hasPrefix(">>>>>>>") }!
            lines.removeSubrange(middle...end)
            lines.remove(at: start)
        }
        let document = try parse(resolved)
        #expect(document.plan.action(ref: "1.1b")?.status == .green)
        #expect(document.plan.action(ref: "1.1b")?.notes.map(\.text) == ["Auditors off sick."])
    }

    @Test func sameOwnerChangedDifferentlyIsAConflict() throws {
        let ours = try edited { try $0.setOwners(ref: "2.1a", to: ["A"], on: date("2026-11-02"), by: "Sam") }
        let theirs = try edited { try $0.setOwners(ref: "2.1a", to: ["B"], on: date("2026-11-02"), by: "Jo") }
        let result = try merged(ours, theirs)
        #expect(result.conflicts == [PlanMerge.Conflict(ref: "2.1a", field: "owner", ours: "A", theirs: "B")])
        // Each side's version has only its own owner change.
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(
            text.components(separatedBy: "(Sam): Designated Nurse, Northmoor Integrated Care Board -> A").count == 2)
    }

    @Test func theSameChangeOnBothSidesIsKeptOnce() throws {
        let change: (inout PlanDocument) throws -> Void = {
            try $0.setStatus(ref: "2.1c", to: .green, on: date("2026-11-02"), by: "Sam")
        }
        let result = try merged(try edited(change), try edited(change))
        #expect(result.data == (try edited(change)).data)
    }

    @Test func actionsAddedOnBothSidesAreKept() throws {
        func adding(_ ref: String, _ text: String) throws -> PlanDocument {
            let lines = base.text.components(separatedBy: "\n")
            let at = lines.firstIndex { $0.hasPrefix("## 2 ") }!
            var edited = lines
            edited.insert(contentsOf: ["- [A] \(ref) \(text)", "  - Owner: X", "  - Due: 2027-01-01", ""], at: at)
            return try parse(edited.joined(separator: "\n"))
        }
        let result = try merged(try adding("1.2c", "Ours."), try adding("1.2d", "Theirs."))
        let refs = try #require(result.document).plan.actions.map(\.ref)
        #expect(refs == ["1.1a", "1.1b", "1.2a", "1.2b", "1.2c", "1.2d", "2.1a", "2.1b", "2.1c"])
    }

    @Test func laterReviewDatesWin() throws {
        let ours = try edited { try $0.setLastReviewed(on: date("2026-11-20"), by: "Board") }
        let theirs = try edited { try $0.setLastReviewed(on: date("2026-11-25"), by: "Board") }
        let result = try merged(ours, theirs)
        #expect(result.document?.plan.lastReviewed?.date == date("2026-11-25"))
    }

    @Test func removedOnOneSideAndUntouchedOnTheOtherIsRemoved() throws {
        let without = try parse(
            editingLines(base.text) { lines in
                let start = lines.firstIndex { $0.hasPrefix("- [A] 2.1c") }!
                lines.removeSubrange(start - 1..<lines.count)
            })
        let ours = try edited { try $0.addNote(ref: "1.1a", text: "x", on: date("2026-11-02"), by: "Sam") }
        let result = try merged(ours, without)
        #expect(result.document?.plan.action(ref: "2.1c") == nil)
        #expect(result.document?.plan.action(ref: "1.1a")?.notes.count == 2)
        // Removed on one side, changed on the other: not merged by meaning.
        let changed = try edited { try $0.addNote(ref: "2.1c", text: "x", on: date("2026-11-02"), by: "Sam") }
        #expect(throws: PlanMerge.Failure.self) { try merged(changed, without) }
    }

    @Test func conflictMarkersWithoutAnEndAreReported() {
        let text = planHeader + "- [A] 1.1a Do it.\n  - Owner: X\n  - Due: 2026-05-01\n<<<<<<< HEAD\n"
        #expect(errors(text) == ["9:1: error: merge conflict marker `<<<<<<<` without its closing `>>>>>>>`"])
    }

    @Test func diff3FindsStableAndChangedRuns() throws {
        let hunks = try #require(Diff3.hunks(base: Array("abcdef"), ours: Array("abXdef"), theirs: Array("abcdeYf")))
        #expect(hunks.map(\.stable) == [true, false, true, false, true])
        #expect(Diff3.matches(Array("abc"), Array("xyz"), maxEdits: 2) == nil)
    }
}

/// `plans/small.plan`, the base most merge tests edit.
func smallExamplePlan() throws -> PlanDocument {
    let url = try #require(Fixtures.examplePlans.first { $0.lastPathComponent == "small.plan" })
    return try PlanDocument(data: Data(contentsOf: url))
}

extension PlanDocument {
    /// A copy with `edit` applied.
    func edited(_ edit: (inout PlanDocument) throws -> Void) rethrows -> PlanDocument {
        var document = self
        try edit(&document)
        return document
    }
}

/// `text` split into lines, edited, and joined again.
func editingLines(_ text: String, _ edit: (inout [String]) -> Void) -> String {
    var lines = text.components(separatedBy: "\n")
    edit(&lines)
    return lines.joined(separator: "\n")
}
