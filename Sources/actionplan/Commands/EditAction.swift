import ArgumentParser
import PlanCore

struct EditAction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an action's text, owners or due date, each recorded in its history.",
        discussion: """
            A new text keeps the old wording in a Reworded line; owners and due dates get Owner and Due \
            lines (OLD -> NEW). --reason goes with a due change as a note of the same day; re-dating an \
            overdue action without one is allowed, but `check` then reports it.
            """)

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The action's ref, e.g. 1.1a.")
    var ref: String

    @Option(help: ArgumentHelp("The new text of the action.", valueName: "text"))
    var text: String?

    @Option(help: ArgumentHelp("The new owner (repeat for several; replaces the owners).", valueName: "name"))
    var owner: [String] = []

    @Option(help: ArgumentHelp("The new due date (a date, or text).", valueName: "date|text"))
    var due: String?

    @Option(help: ArgumentHelp("Why the due date moved (a note of the same day).", valueName: "text"))
    var reason: String?

    @OptionGroup var author: AuthorOptions

    @OptionGroup var write: WriteOptions

    func validate() throws {
        if text == nil, owner.isEmpty, due == nil {
            throw ValidationError("give what to change: --text, --owner or --due")
        }
        if reason != nil, due == nil { throw ValidationError("--reason goes with --due") }
    }

    func run() throws {
        let who = author.author
        let day = author.day
        try EditCommand.run(path: plan.path, options: write, reading: .onDemand, quick: ref, author: who, day: day) {
            document throws(PlanDocument.EditError) in
            var changes: [String] = []
            var outcomeRef = ref
            if let text {
                let outcome = try document.reword(ref: ref, to: text, on: day, by: who)
                changes += outcome.changes
                outcomeRef = outcome.ref
            }
            if !owner.isEmpty {
                let outcome = try document.setOwners(ref: ref, to: owner, on: day, by: who)
                changes += outcome.changes
                outcomeRef = outcome.ref
            }
            if let due {
                let before = document.plan.action(ref: ref)?.due?.text ?? "none"
                let outcome = try document.setDue(ref: ref, to: due, on: day, by: who)
                changes += outcome.changes
                outcomeRef = outcome.ref
                if outcome.changed, let reason {
                    let after = document.plan.action(ref: ref)?.due?.text ?? due
                    try document.addNote(
                        ref: ref, text: "Due date moved from \(before) to \(after): \(reason)", on: day, by: who)
                    changes.append("reason noted")
                }
            }
            return PlanDocument.EditOutcome(ref: outcomeRef, changes: changes)
        }
    }
}
