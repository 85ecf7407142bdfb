import ArgumentParser
import PlanCore

struct MoveAction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move an action, with its history, to the end of another area.",
        discussion: """
            Records `- Moved DATE (AUTHOR): FROM -> TO`. The ref stays the same, since history, merges \
            and notes refer to it; `check` then says the ref is outside its area.
            """)

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The action's ref, e.g. 1.1a.")
    var ref: String

    @Argument(help: "The area to move it to, e.g. 2.3.")
    var area: String

    @OptionGroup var author: AuthorOptions

    @OptionGroup var write: WriteOptions

    func run() throws {
        let who = author.author
        try EditCommand.run(
            path: plan.path, options: write, author: who, day: author.day,
            unchanged: { _, outcome in "\(outcome.ref): already in area \(area); nothing changed" },
            edit: { document throws(PlanDocument.EditError) in
                try document.move(ref: ref, toArea: area, on: author.day, by: who)
            })
    }
}
