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
            "Who made the change (default: $ACTIONPLAN_USER, the configured name, then $USER).", valueName: "name"))
    var by: String?

    @Option(help: ArgumentHelp("The date of the change (default: today).", valueName: "date"))
    var date: DateArgument?

    var author: String? { Author.resolve(explicit: by) }
    var day: PlanDate { date?.date ?? PlanDate.today() }
}
