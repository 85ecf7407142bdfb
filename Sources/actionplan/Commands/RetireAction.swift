import ArgumentParser
import PlanCore

struct RetireAction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire",
        abstract: "Close an action without it being done (superseded, merged, no longer needed).",
        discussion: """
            Records `- Retired DATE (AUTHOR): REASON`. The action stays in the file with its status \
            letter, shown as retired, and counts in no figure (not in % complete, never overdue) from \
            that day on.
            """)

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The action's ref, e.g. 1.1a.")
    var ref: String

    @Option(help: ArgumentHelp("Why it is closed, e.g. 'merged into 1.2b'.", valueName: "text"))
    var reason: String

    @OptionGroup var author: AuthorOptions

    @OptionGroup var write: WriteOptions

    func run() throws {
        let who = author.author
        try EditCommand.run(path: plan.path, options: write, reading: .onDemand, author: who, day: author.day) {
            document throws(PlanDocument.EditError) in
            try document.retire(ref: ref, reason: reason, on: author.day, by: who)
        }
    }
}
