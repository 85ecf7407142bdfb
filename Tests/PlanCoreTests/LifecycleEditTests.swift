import Foundation
import Testing

@testable import PlanCore

@Suite("Adding, retiring, moving and rewording actions")
struct LifecycleEditTests {
    static let plan = """
        # Plan
        - Status R (Red): Late
        - Status A (Amber): On track
        - Status G (Green): Done
        - Status N (Not started): Not started

        ## 1 First
        ### 1.1 One

        - [A] 1.1a Do the first thing.
          - Owner: Ann
          - Due: 2026-03-31
          - Added 2026-01-05

        - [G] 1.1b Do the second thing.
          - Owner: Bob
          - Due: 2026-02-28
          - Status 2026-02-01 (Bob): A -> G

        ### 1.2 Two
        - Needs to improve: things.

        ## 2 Second
        ### 2.1 Three
        - [R] 2.1.1 Numbered.
          - Owner: Cy
          - Due: 2026-01-31

        """

    static let day = date("2026-03-01")

    @Test func addPutsTheActionAtTheEndOfTheAreaWithTheNextLetter() throws {
        var document = try parse(Self.plan)
        let outcome = try document.addAction(
            .init(text: "Do a third thing.", owners: ["Dee", "Eve"], due: "30/04/2026"), toArea: "1.1", on: Self.day,
            by: "Sam")
        #expect(outcome == .init(ref: "1.1c", changes: ["added to area 1.1"]))
        let expected = Self.plan.replacingOccurrences(
            of: "  - Status 2026-02-01 (Bob): A -> G\n",
            with: """
                  - Status 2026-02-01 (Bob): A -> G

                - [N] 1.1c Do a third thing.
                  - Owner: Dee; Eve
                  - Due: 2026-04-30
                  - Added 2026-03-01 (Sam)

                """)
        #expect(document.text == expected)
    }

    @Test func addWithAStatusRecordsTheStatusFromNotStarted() throws {
        var document = try parse(Self.plan)
        try document.addAction(
            .init(text: "Numbered too.", owners: ["Cy"], status: .amber), toArea: "2.1", on: Self.day, by: nil)
        let added = try #require(document.plan.action(ref: "2.1.2"))
        #expect(added.status == .amber)
        #expect(added.history.map(\.change) == [.added(""), .status(from: .notStarted, to: .amber)])
        #expect(document.text.hasSuffix("  - Added 2026-03-01\n  - Status 2026-03-01: N -> A\n"))
    }

    @Test func addToAnEmptyAreaGoesAfterItsFields() throws {
        var document = try parse(Self.plan)
        try document.addAction(.init(text: "New.", owners: ["Ann"]), toArea: "1.2", on: Self.day, by: nil)
        #expect(
            document.text.contains(
                "### 1.2 Two\n- Needs to improve: things.\n\n- [N] 1.2a New.\n  - Owner: Ann\n  - Added 2026-03-01\n\n## 2"
            ))
    }

    @Test func addAfterARef() throws {
        var document = try parse(Self.plan)
        try document.addAction(
            .init(text: "Between.", owners: ["Ann"], ref: "1.1a2"), toArea: "1.1", after: "1.1a", on: Self.day,
            by: nil)
        #expect(document.plan.actions.map(\.ref) == ["1.1a", "1.1a2", "1.1b", "2.1.1"])
    }

    @Test(
        "bad input is refused and nothing changes",
        arguments: [
            (
                PlanDocument.NewAction(text: "x", owners: ["A"]), "9.9",
                PlanDocument.EditError.unknownArea("9.9", areas: ["1.1", "1.2", "2.1"])
            ),
            (PlanDocument.NewAction(text: "x", owners: ["A"], ref: "1.1A"), "1.1", .duplicateRef("1.1A")),
            (
                PlanDocument.NewAction(text: "x", owners: ["A\nB"]), "1.1",
                .invalidText("an owner's name must be on one line: 'A\\nB'")
            ),
            (
                PlanDocument.NewAction(text: "bell \u{7}", owners: ["A"]), "1.1",
                .invalidText("the text contains a control character; remove it and try again")
            ),
            (
                PlanDocument.NewAction(text: "x", owners: ["A"], due: "2023-02-29"), "1.1",
                .invalidText("'2023-02-29' is not a date: February 2023 has 28 days")
            ),
        ])
    func refused(new: PlanDocument.NewAction, area: String, error: PlanDocument.EditError) throws {
        var document = try parse(Self.plan)
        #expect(throws: error) { try document.addAction(new, toArea: area, on: Self.day, by: nil) }
        #expect(document.text == Self.plan)
    }

    @Test func nextLetters() {
        #expect(PlanDocument.nextLetters("a") == "b")
        #expect(PlanDocument.nextLetters("z") == "aa")
        #expect(PlanDocument.nextLetters("az") == "ba")
        #expect(PlanDocument.nextLetters("zz") == "aaa")
    }

    @Test func retiredActionsCountInNoFigureFromTheDayTheyAreRetired() throws {
        var document = try parse(Self.plan)
        try document.retire(ref: "2.1.1", reason: "Merged into 1.1a.", on: Self.day, by: "Sam")
        #expect(document.text.hasSuffix("  - Due: 2026-01-31\n  - Retired 2026-03-01 (Sam): Merged into 1.1a.\n"))
        let reread = try parse(document.text)
        #expect(reread.text == document.text)
        let action = try #require(reread.plan.action(ref: "2.1.1"))
        #expect(action.isRetired && action.status == .red && !action.isOverdue(on: Self.day))
        let now = PlanSummary(plan: reread.plan, asOf: Self.day).overall
        #expect(now.total == 2 && now.retired == 1 && now.complete == 1 && now.overdue == 0)
        #expect(now.percentComplete == 50)
        let before = PlanSummary(plan: reread.plan, asOf: date("2026-02-28")).overall
        #expect(before.total == 3 && before.retired == 0 && before.overdue == 1)
        let trend = Trend(plan: reread.plan, from: date("2026-02-28"), to: Self.day, every: .month)
        #expect(trend.points.map(\.counts.total) == [3, 2])
        #expect(throws: PlanDocument.EditError.invalidText("2.1.1 was already retired on 2026-03-01")) {
            try document.retire(ref: "2.1.1", reason: "again", on: Self.day, by: nil)
        }
        // 1.1a is due within the cycle; the retired 2.1.1, red and overdue before, is not walked.
        #expect(ReviewQueue(plan: reread.plan, on: Self.day).refs == ["1.1a"])
    }

    @Test func moveTakesTheActionWithItsLinesAndRecordsIt() throws {
        var document = try parse(Self.plan)
        let outcome = try document.move(ref: "1.1a", toArea: "1.2", on: Self.day, by: "Sam")
        #expect(outcome.changes == ["moved from area 1.1 to 1.2"])
        #expect(
            document.text.contains(
                """
                ### 1.1 One

                - [G] 1.1b
                """))
        #expect(
            document.text.contains(
                """
                - Needs to improve: things.

                - [A] 1.1a Do the first thing.
                  - Owner: Ann
                  - Due: 2026-03-31
                  - Added 2026-01-05
                  - Moved 2026-03-01 (Sam): 1.1 -> 1.2

                ## 2 Second
                """))
        let moved = try #require(document.plan.action(ref: "1.1a"))
        #expect(moved.areaNumber == "1.2" && moved.history.last?.change == .moved(from: "1.1", to: "1.2"))
        #expect(try document.move(ref: "1.1a", toArea: "1.2", on: Self.day, by: nil).changed == false)
    }

    @Test func rewordKeepsTheOldWording() throws {
        var document = try parse(Self.plan)
        try document.reword(ref: "1.1a", to: "Do the first thing well.\n\nAnd on time.", on: Self.day, by: "Sam")
        #expect(
            document.text.contains(
                """
                - [A] 1.1a Do the first thing well.

                  And on time.
                  - Owner: Ann
                  - Due: 2026-03-31
                  - Added 2026-01-05
                  - Reworded 2026-03-01 (Sam): Do the first thing.

                """))
        try document.reword(ref: "1.1a", to: "Short.", on: Self.day, by: "Sam")
        let action = try #require(document.plan.action(ref: "1.1a"))
        #expect(
            action.history.compactMap { if case .reworded(let old) = $0.change { old } else { nil } } == [
                "Do the first thing.", "Do the first thing well.\n\nAnd on time.",
            ])
        #expect(try parse(document.text).text == document.text)
    }

    @Test func historyChecks() throws {
        var document = try parse(Self.plan)
        // Overdue since 31 January, re-dated without a note; a note dated in the future.
        try document.setDue(ref: "2.1.1", to: "2026-06-30", on: Self.day, by: nil)
        try document.addNote(ref: "1.1a", text: "Later.", on: date("2031-05-05"), by: nil)
        let warnings = HistoryCheck.warnings(for: document.plan, on: Self.day)
        #expect(warnings.map(\.code) == ["future-history", "redated-without-reason"])
        #expect(warnings.map(\.line) == [14, 29])
        // With a note that day, the re-dating has its reason.
        try document.addNote(ref: "2.1.1", text: "Moved because the board agreed.", on: Self.day, by: nil)
        #expect(HistoryCheck.warnings(for: document.plan, on: Self.day).map(\.code) == ["future-history"])
    }

    @Test func aLetterEditedByHandIsFoundAndMended() throws {
        let baseline = try parse(Self.plan).plan
        let edited = try parse(Self.plan.replacingOccurrences(of: "- [A] 1.1a", with: "- [G] 1.1a"))
        let found = HistoryCheck.actionsWithoutStatusHistory(in: edited.plan, baseline: baseline)
        #expect(found.map(\.action.ref) == ["1.1a"] && found.map(\.from) == [.amber])
        #expect(
            HistoryCheck.warnings(for: edited.plan, on: Self.day, baseline: baseline).map(\.message) == [
                "1.1a is G but has no status line; when did it change?"
            ])
        var mended = edited
        try mended.recordStatusReached(ref: "1.1a", from: .amber, on: date("2026-02-20"), by: "Sam")
        #expect(mended.plan.action(ref: "1.1a")?.statusChanges.last?.from == .amber)
        #expect(HistoryCheck.warnings(for: mended.plan, on: Self.day, baseline: baseline).isEmpty)
        #expect(mended.plan.asOf(date("2026-02-19")).action(ref: "1.1a")?.status == .amber)
        // Without a baseline, a complete action with no status line at all is the one reported,
        // in a plan whose history is kept (here 2.1.1 has a status line of its own).
        let unknown = try parse(
            Self.plan.replacingOccurrences(of: "  - Status 2026-02-01 (Bob): A -> G\n", with: "")
                .replacingOccurrences(
                    of: "  - Owner: Cy\n  - Due: 2026-01-31\n",
                    with: "  - Owner: Cy\n  - Due: 2026-01-31\n  - Status 2026-02-01 (Bob): A -> R\n"))
        #expect(HistoryCheck.actionsWithoutStatusHistory(in: unknown.plan).map(\.from) == [.notStarted])
        // A plan with no status line anywhere (just imported) is taken as it stands.
        let imported = try parse(Self.plan.replacingOccurrences(of: "  - Status 2026-02-01 (Bob): A -> G\n", with: ""))
        #expect(HistoryCheck.actionsWithoutStatusHistory(in: imported.plan).isEmpty)
    }

    @Test func sorts() throws {
        let plan = try parse(Self.plan).plan
        func refs(_ terms: String...) -> [String] {
            ActionSort(terms.compactMap(ActionSort.Term.init)).sorted(plan.actions, on: Self.day).map(\.ref)
        }
        #expect(refs("due") == ["2.1.1", "1.1b", "1.1a"])
        #expect(refs("-due") == ["1.1a", "1.1b", "2.1.1"])
        #expect(refs("status") == ["2.1.1", "1.1a", "1.1b"])
        #expect(refs("-overdue-days", "ref") == ["2.1.1", "1.1a", "1.1b"])
        #expect(refs("owner") == ["1.1a", "1.1b", "2.1.1"])
        #expect(refs("updated") == ["2.1.1", "1.1a", "1.1b"])
        #expect(ActionSort.Term("-Due") == ActionSort.Term(.due, descending: true))
        #expect(ActionSort.Term("size") == nil)
    }
}

@Suite("Undo journal")
struct UndoJournalTests {
    @Test func undoKeepsLaterChangesToOtherActionsAndRefusesWhenOneDependsOnIt() throws {
        var before = try parse(LifecycleEditTests.plan)
        let original = before
        try before.setStatus(ref: "1.1a", to: .red, on: LifecycleEditTests.day, by: "Me")
        let entry = UndoJournal.Entry(
            description: "1.1a: status", author: "Me", date: LifecycleEditTests.day, before: original, after: before)
        // Someone else notes 2.1.1 afterwards: the undo keeps it.
        var later = before
        try later.addNote(ref: "2.1.1", text: "Theirs.", on: LifecycleEditTests.day, by: "Them")
        let undone = try entry.undoing(on: later)
        #expect(undone.plan.action(ref: "1.1a")?.status == .amber)
        #expect(undone.plan.action(ref: "1.1a")?.history == original.plan.action(ref: "1.1a")?.history)
        #expect(undone.plan.action(ref: "2.1.1")?.notes.map(\.text) == ["Theirs."])
        // Someone else set 1.1a green after it: the undo is blocked.
        var blocked = before
        try blocked.setStatus(ref: "1.1a", to: .green, on: LifecycleEditTests.day, by: "Them")
        #expect(throws: UndoJournal.Entry.Refusal.self) { try entry.undoing(on: blocked) }
    }

    @Test func theJournalKeepsTheLastChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("undo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = UndoJournal(planPath: "/tmp/x.plan", environment: ["XDG_STATE_HOME": folder.path])
        #expect(journal.entries().isEmpty)
        for n in 0..<(UndoJournal.capacity + 2) {
            try journal.record(
                .init(
                    description: "\(n)", author: nil, date: LifecycleEditTests.day,
                    change: .texts(before: "", after: "")))
        }
        #expect(journal.entries().count == UndoJournal.capacity && journal.entries().last?.description == "21")
        try journal.dropLast()
        #expect(journal.entries().last?.description == "20")
    }

    @Test func theNewestReadableEntryIsUndoneAndOnlyItsFileRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("undo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = UndoJournal(planPath: "/tmp/x.plan", environment: ["XDG_STATE_HOME": folder.path])
        let entry = { (n: String) in
            UndoJournal.Entry(
                description: n, author: nil, date: LifecycleEditTests.day, change: .texts(before: "", after: ""))
        }
        try journal.record(entry("first"))
        try journal.record(entry("second"))
        // A file cut short by a crash, and names that are not the journal's, are passed over.
        try Data("{\"descr".utf8).write(to: journal.url.appendingPathComponent("000000000003.json"))
        for stray in ["5.json", "+4.json", "1000000000000.json", "notes.txt"] {
            try Data("{}".utf8).write(to: journal.url.appendingPathComponent(stray))
        }
        let newest = try #require(journal.newest())
        #expect(newest.entry.description == "second")
        // Recorded after the cut-short file: numbered past it, never over it.
        try journal.record(entry("third"))
        #expect(journal.entries().map(\.description) == ["first", "second", "third"])
        // Undoing "second" removes its file, not the newer "third".
        try journal.remove(newest.file)
        #expect(journal.entries().map(\.description) == ["first", "third"])
        #expect(journal.newest()?.entry.description == "third")
    }
}
