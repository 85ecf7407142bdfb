import ArgumentParser
import PlanCore

struct SetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set an action's RAG status, recording the change (and an optional note) in the file.")

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The action's ref, e.g. 1.1a.")
    var ref: String

    @Option(
        help: ArgumentHelp(
            "The new status: red, amber, green, blue, not-started (or R, A, G, B, N).", valueName: "status"))
    var rag: StatusArgument

    @Option(help: ArgumentHelp("A progress note to add with the change.", valueName: "text"))
    var note: String?

    @Option(
        name: .customLong("agreed-by"),
        help: ArgumentHelp(
            "Who agreed that the impact is evidenced, when setting blue (required when the plan declares `Impact agreed by`).",
            valueName: "board"))
    var agreedBy: String?

    @Option(help: ArgumentHelp("Why the action leaves blue (required when it does).", valueName: "text"))
    var reason: String?

    @OptionGroup var author: AuthorOptions

    @OptionGroup var write: WriteOptions

    func run() throws {
        try EditCommand.run(
            path: plan.path, options: write, reading: .onDemand, quick: ref, author: author.author, day: author.day,
            unchanged: { document, outcome in
                "\(outcome.ref): already \(document.plan.statusKey.label(for: rag.status)); nothing changed"
            },
            edit: { document throws(PlanDocument.EditError) in
                try document.setStatus(
                    ref: ref, to: rag.status, on: author.day, by: author.author, note: note, agreedBy: agreedBy,
                    reason: reason)
            })
    }
}
