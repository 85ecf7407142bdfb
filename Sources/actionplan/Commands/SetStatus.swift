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

    func run() throws {
        let session = try PlanLoading.open(plan.path)
        var document = session.document
        let outcome: PlanDocument.EditOutcome
        do {
            outcome = try document.setStatus(
                ref: ref, to: rag.status, on: author.day, by: author.author, note: note, agreedBy: agreedBy,
                reason: reason)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
        guard outcome.changed else {
            print("\(outcome.ref): already \(document.plan.statusKey.label(for: rag.status)); nothing changed")
            return
        }
        let merged = try PlanLoading.save(document, in: session)
        print(
            "\(outcome.ref): \(outcome.changes.joined(separator: "; ")) (saved \(TerminalText.escaped(plan.path))\(merged))"
        )
    }
}
