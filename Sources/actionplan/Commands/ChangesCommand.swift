import ArgumentParser
import PlanCore

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What moved since a date: status changes by kind, actions added, due dates moved, notes added.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, json }

    @OptionGroup var plans: PlanPathsArgument

    @Option(help: ArgumentHelp("Changes after the end of this day (e.g. the last review).", valueName: "date"))
    var since: DateArgument?

    @Option(
        name: .customLong("since-review"),
        help: ArgumentHelp(
            "Changes since a review in the plan's log: 1 for the previous review, 2 for the review before that.",
            valueName: "n"))
    var sinceReview: Int?

    @Option(help: ArgumentHelp("Up to the end of this day (default: today).", valueName: "date"))
    var until: DateArgument?

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        if (since == nil) == (sinceReview == nil) { throw ValidationError("give --since DATE or --since-review N") }
        if let sinceReview, sinceReview < 1 { throw ValidationError("--since-review counts from 1") }
    }

    func run() throws {
        let end = until?.date ?? PlanDate.today()
        guard let path = plans.single else {
            guard let since = since?.date else {
                Console.error("error: --since-review reads one plan's log; give one plan, or --since DATE")
                throw ExitCode(1)
            }
            return try runPortfolio(since: since, until: end)
        }
        let document = try PlanLoading.load(path)
        guard let start = since?.date ?? sinceReview.flatMap({ document.plan.reviewDate(back: $0, onOrBefore: end) })
        else {
            Console.error("error: the plan's log has fewer than \(sinceReview ?? 0) reviews on or before \(end.iso)")
            throw ExitCode(1)
        }
        guard start <= end else {
            Console.error("error: --since \(start.iso) is after --until \(end.iso)")
            throw ExitCode(1)
        }
        let changes = Changes(plan: document.plan, since: start, until: end)
        switch format {
        case .text: print(ChangesReport.text(changes, title: document.plan.title), terminator: "")
        case .md: print(ChangesReport.markdown(changes, title: document.plan.title), terminator: "")
        case .json: print(ChangesReport.json(changes, path: path, title: document.plan.title).serialized())
        }
    }

    /// Several plans: each plan's changes in a section of its own.
    private func runPortfolio(since start: PlanDate, until end: PlanDate) throws {
        let portfolio = try PortfolioLoading.load(plans.paths)
        let reports = portfolio.loaded.map { member, document in
            (
                path: member.path, title: member.name,
                changes: Changes(plan: document.plan, since: start, until: end)
            )
        }
        switch format {
        case .text:
            print(
                reports.map { ChangesReport.text($0.changes, title: $0.title) }.joined(separator: "\n"), terminator: "")
        case .md:
            print(
                reports.map { ChangesReport.markdown($0.changes, title: $0.title) }.joined(separator: "\n"),
                terminator: "")
        case .json: print(PortfolioJSON.changes(reports, failed: portfolio.failures).serialized())
        }
        try PortfolioLoading.finish(portfolio)
    }
}
