import ArgumentParser
import PlanCore

/// A date on the command line: ISO (`2023-02-28`) or UK (`28/02/2023`, `28 February 2023`).
struct DateArgument: ExpressibleByArgument {
    var date: PlanDate

    init?(argument: String) {
        guard let date = DateText.parseUserDate(argument) else { return nil }
        self.date = date
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A status on the command line: `red`, `r`, `R`, `not-started`…
struct StatusArgument: ExpressibleByArgument {
    var status: Status

    init?(argument: String) {
        guard let status = Status(userInput: argument) else { return nil }
        self.status = status
    }

    static var allValueStrings: [String] { Status.allCases.map(\.identifier) }
}

struct PlanPathArgument: ParsableArguments {
    @Argument(help: "The plan file.", completion: .file(extensions: ["plan"]))
    var path: String
}

struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Show the plan as it stood at the end of this day (default: today).", valueName: "date"))
    var asOf: DateArgument?

    var day: PlanDate { asOf?.date ?? PlanDate.today() }
}

struct AuthorOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Who made the change (default: $ACTIONPLAN_USER, the configured name, git's user.name, the account's full name, then the login name).",
            valueName: "name"))
    var by: String?

    @Option(help: ArgumentHelp("The date of the change (default: today).", valueName: "date"))
    var date: DateArgument?

    @Flag(
        name: .customLong("allow-future"),
        help: "Accept a --date after today (refused otherwise: the change would count in no figure until then).")
    var allowFuture = false

    func validate() throws { try Self.refuseFuture(date?.date, allowed: allowFuture) }

    /// A `--date` after today is refused unless `--allow-future` is given: the change
    /// would count in no figure until then, and block every earlier change.
    static func refuseFuture(_ date: PlanDate?, allowed: Bool) throws {
        if let date, date > PlanDate.today(), !allowed {
            throw ValidationError(
                "--date \(date.iso) is after today (\(PlanDate.today().iso)); a change dated in the future counts in no figure until then and blocks earlier changes. Give --allow-future if that is meant."
            )
        }
    }

    var author: String? { Author.resolve(explicit: by, gitName: Git.userName) }
    var day: PlanDate { date?.date ?? PlanDate.today() }
}

/// What every command that writes a plan takes: `--dry-run` and `--format`.
struct WriteOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Flag(name: .customLong("dry-run"), help: "Print the diff the change would make to the file, and write nothing.")
    var dryRun = false

    @Option(help: "How to print the result: text, or json (see docs/json.md).")
    var format: Format = .text
}
