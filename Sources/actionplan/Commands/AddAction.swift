import ArgumentParser
import PlanCore

struct AddAction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an action to an area, with an Added line in its history.",
        discussion: """
            The action goes at the end of the area (or right after --after REF), with the next free ref \
            in the area's scheme (1.1a, 1.1b … or 1.1.1, 1.1.2 …) unless --ref is given. It starts as \
            Not started, or as --rag with a status line from N.
            """)

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The area's number, e.g. 1.2.")
    var area: String

    @Option(help: ArgumentHelp("What will be done.", valueName: "text"))
    var text: String

    @Option(help: ArgumentHelp("An owner (repeat for several).", valueName: "name"))
    var owner: [String] = []

    @Option(help: ArgumentHelp("The due date (a date, or text such as 'March 2027').", valueName: "date|text"))
    var due: String?

    @Option(help: ArgumentHelp("The status it starts in (default: not-started).", valueName: "status"))
    var rag: StatusArgument?

    @Option(help: ArgumentHelp("The new action's ref (default: the next free one in the area).", valueName: "ref"))
    var ref: String?

    @Option(help: ArgumentHelp("Put it right after this action of the area.", valueName: "ref"))
    var after: String?

    @OptionGroup var author: AuthorOptions

    @OptionGroup var write: WriteOptions

    func validate() throws {
        if owner.isEmpty { throw ValidationError("give at least one --owner") }
    }

    func run() throws {
        let who = author.author
        let new = PlanDocument.NewAction(text: text, owners: owner, due: due, status: rag?.status, ref: ref)
        try EditCommand.run(path: plan.path, options: write, author: who, day: author.day) {
            document throws(PlanDocument.EditError) in
            try document.addAction(new, toArea: area, after: after, on: author.day, by: who)
        }
    }
}
