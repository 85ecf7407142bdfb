import ArgumentParser
import PlanCore

struct SignOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-off",
        abstract: "Record the board's decision that an area is fully addressed, and how it will be monitored.",
        discussion: """
            Adds `- Signed off DATE (BOARD): MONITORING` at the end of the area. An area with actions \
            that are not complete is refused unless --force is given.
            """)

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The area's number, e.g. 1.2.")
    var area: String

    @Option(help: ArgumentHelp("How the area will be monitored from now on.", valueName: "text"))
    var monitored: String

    @Flag(help: "Sign the area off even though some of its actions are not complete.")
    var force = false

    @OptionGroup var author: AuthorOptions

    func run() throws {
        try BoardEdit.run(plan.path) { (document: inout PlanDocument) throws(PlanDocument.EditError) in
            try document.signOff(
                area: area, on: author.day, by: author.author, monitoring: monitored, force: force)
        }
    }
}

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Record the board's own RAG for an area, which wins over the derived one until the area changes.")

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The area's number, e.g. 1.2.")
    var area: String

    @Option(
        help: ArgumentHelp(
            "The board's status for the area: red, amber, green, blue, not-started.", valueName: "status"))
    var rag: StatusArgument

    @Option(help: ArgumentHelp("Why, in a few words.", valueName: "text"))
    var reason: String?

    @OptionGroup var author: AuthorOptions

    func run() throws {
        try BoardEdit.run(plan.path) { (document: inout PlanDocument) throws(PlanDocument.EditError) in
            try document.assess(area: area, as: rag.status, on: author.day, by: author.author, because: reason)
        }
    }
}

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Record one value of a measure of an action or an area.",
        discussion: "Adds `- Value DATE (NAME): MEASURE = VALUE` to the action (or at the end of the area).")

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The action's ref (e.g. 1.1a) or the area's number (e.g. 1.2) that holds the measure.")
    var ref: String

    @Argument(help: "The measure's name, as on its `- Measure` line (case does not matter).")
    var name: String

    @Argument(help: "The value: a plain number such as 58 or 12.5.")
    var value: String

    @OptionGroup var author: AuthorOptions

    func run() throws {
        try BoardEdit.run(plan.path) { (document: inout PlanDocument) throws(PlanDocument.EditError) in
            try document.recordValue(of: name, on: ref, value: value, date: author.day, by: author.author)
        }
    }
}

struct AsAtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "as-at",
        abstract: "Move the plan's As at date: the date of its latest update round.")

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The new As at date (ISO or UK form).")
    var date: DateArgument

    func run() throws {
        try BoardEdit.run(plan.path) { (document: inout PlanDocument) throws(PlanDocument.EditError) in
            try document.setAsAt(date.date)
        }
    }
}

/// Open, edit, save and confirm: the shape every board command shares.
enum BoardEdit {
    static func run(
        _ path: String, _ edit: (inout PlanDocument) throws(PlanDocument.EditError) -> PlanDocument.EditOutcome
    ) throws {
        let session = try PlanLoading.open(path)
        var document = session.document
        let outcome: PlanDocument.EditOutcome
        do {
            outcome = try edit(&document)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
        guard outcome.changed else {
            print("\(outcome.ref): nothing changed")
            return
        }
        let merged = try PlanLoading.save(document, in: session)
        Console.print("\(outcome.ref): \(outcome.changes.joined(separator: "; ")) (saved \(path)\(merged))")
    }
}
