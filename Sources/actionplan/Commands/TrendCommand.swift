import ArgumentParser
import PlanCore

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "% complete and counts per status over time, rebuilt from the plan's history.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @OptionGroup var plans: PlanPathsArgument

    @Option(help: ArgumentHelp("First day (default: the first date in the plan's history).", valueName: "date"))
    var from: DateArgument?

    @Option(help: ArgumentHelp("Last day (default: today).", valueName: "date"))
    var to: DateArgument?

    @Option(help: "One point at the end of each month, or every seven days.")
    var every: Trend.Interval = .month

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        guard let path = plans.single else { return try runPortfolio() }
        let document = try PlanLoading.load(path)
        let end = to?.date ?? PlanDate.today()
        let start = from?.date ?? Trend.firstDate(of: document.plan) ?? end
        guard start <= end else {
            Console.error("error: --from \(start.iso) is after --to \(end.iso)")
            throw ExitCode(1)
        }
        let trend = Trend(plan: document.plan, from: start, to: end, every: every)
        switch format {
        case .text: print(TrendReport.text(trend, title: document.plan.title, every: every), terminator: "")
        case .csv: print(TrendReport.csv(trend), terminator: "")
        case .json:
            print(TrendReport.json(trend, path: path, title: document.plan.title, every: every).serialized())
        }
    }

    /// Several plans: the portfolio's trend, then each plan's, over the same days.
    private func runPortfolio() throws {
        let portfolio = try PortfolioLoading.load(plans.paths)
        let loaded = portfolio.loaded
        let end = to?.date ?? PlanDate.today()
        let start = from?.date ?? loaded.compactMap { Trend.firstDate(of: $0.document.plan) }.min() ?? end
        guard start <= end else {
            Console.error("error: --from \(start.iso) is after --to \(end.iso)")
            throw ExitCode(1)
        }
        let trends = loaded.map { member, document in
            (
                path: member.path, title: member.name,
                trend: Trend(plan: document.plan, from: start, to: end, every: every)
            )
        }
        let total = Trend(combining: trends.map(\.trend))
        switch format {
        case .text:
            var out = TrendReport.text(
                total, title: portfolio.title ?? "Portfolio of \(loaded.count) plans", every: every)
            for plan in trends { out += "\n" + TrendReport.text(plan.trend, title: plan.title, every: every) }
            print(out, terminator: "")
        case .csv:
            print(TrendReport.csv(total, plans: [("", total)] + trends.map { ($0.path, $0.trend) }), terminator: "")
        case .json:
            print(
                PortfolioJSON.trend(total: total, plans: trends, failed: portfolio.failures, every: every).serialized())
        }
        try PortfolioLoading.finish(portfolio)
    }
}

extension Trend.Interval: ExpressibleByArgument {}
