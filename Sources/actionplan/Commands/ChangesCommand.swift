import ArgumentParser
import PlanCore

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What moved since a date: status changes by kind, actions added, due dates moved, notes added.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, json }

    @OptionGroup var plans: PlanPathsArgument

    @Option(help: ArgumentHelp("Changes after the end of this day (e.g. the last review).", valueName: "date"))
    var since: DateArgument

    @Option(help: ArgumentHelp("Up to the end of this day (default: today).", valueName: "date"))
    var until: DateArgument?

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let end = until?.date ?? PlanDate.today()
        guard since.date <= end else {
            Console.error("error: --since \(since.date.iso) is after --until \(end.iso)")
            throw ExitCode(1)
        }
        guard let path = plans.single else { return try runPortfolio(until: end) }
        let document = try PlanLoading.load(path)
        let changes = Changes(plan: document.plan, since: since.date, until: end)
        switch format {
        case .text: print(ChangesReport.text(changes, title: document.plan.title), terminator: "")
        case .md: print(ChangesReport.markdown(changes, title: document.plan.title), terminator: "")
        case .json: print(ChangesReport.json(changes, path: path, title: document.plan.title).serialized())
        }
    }

    /// Several plans: each plan's changes in a section of its own.
    private func runPortfolio(until end: PlanDate) throws {
        let portfolio = try PortfolioLoading.load(plans.paths)
        let reports = portfolio.loaded.map { member, document in
            (
                path: member.path, title: member.name,
                changes: Changes(plan: document.plan, since: since.date, until: end)
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
