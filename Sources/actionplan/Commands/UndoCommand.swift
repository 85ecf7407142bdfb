import ArgumentParser
import FoundationEssentials
import PlanCore

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the last change you made to the plan with actionplan.",
        discussion: """
            Each command that writes a plan records its change in your own state folder \
            ($XDG_STATE_HOME/actionplan/undo, else ~/.local/state/actionplan/undo). Undo takes the last \
            one back, keeping every change made since by anyone to other actions and fields; when a \
            later change touched what it changed, undo says what blocks it and writes nothing.
            """)

    @OptionGroup var plan: PlanPathArgument

    @OptionGroup var write: WriteOptions

    func run() throws {
        let journal = UndoJournal(planPath: plan.path)
        guard let (last, lastFile) = journal.newest() else {
            try EditCommand.fail(
                "nothing to undo: no change to \(plan.path) was recorded by actionplan for this account",
                path: plan.path, options: write)
        }
        let session = try PlanLoading.open(plan.path)
        let current = session.document
        let undone: PlanDocument
        do {
            undone = try last.undoing(on: current)
        } catch {
            try EditCommand.fail(
                "cannot undo \(last.description) (\(last.date)): \(error.description)", path: plan.path,
                options: write)
        }
        let outcome = PlanDocument.EditOutcome(
            ref: "plan", changes: undone.hasSameBytes(as: current) ? [] : ["undid \(last.description)"])
        try EditCommand.finish(
            session: session, edited: undone, outcome: outcome, options: write, author: nil,
            day: PlanDate.today(),
            unchanged: { _, _ in "nothing to undo: \(last.description) is no longer in the file" },
            recordForUndo: false)
        if !write.dryRun { try? journal.remove(lastFile) }
    }
}
