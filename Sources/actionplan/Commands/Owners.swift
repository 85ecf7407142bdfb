import ArgumentParser
import PlanCore

struct Owners: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "owners",
        abstract: "Every owner across the plans, with their open, overdue, due-soon and not-updated actions.",
        discussion: """
            Names are folded so that spellings differing only in case, spaces or punctuation count as \
            one owner (the other spellings are shown, so that they can be tidied); `a; b` names two.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var plans: PlanPathsArgument

    @Option(
        name: .customLong("due-within"),
        help: ArgumentHelp("Due soon: due within this many days (default: 30).", valueName: "days"))
    var dueWithin = 30

    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        if dueWithin < 0 { throw ValidationError("--due-within must be 0 or more days") }
    }

    func run() throws {
        let portfolio = try PortfolioLoading.load(plans.paths)
        let report = OwnerReport(portfolio, asOf: asOf.day, dueWithin: dueWithin)
        switch format {
        case .text: print(PortfolioText.owners(report, width: Console.width), terminator: "")
        case .json: print(PortfolioJSON.owners(report).serialized())
        }
        try PortfolioLoading.finish(portfolio)
    }
}
