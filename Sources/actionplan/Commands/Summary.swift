import ArgumentParser
import PlanCore

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Counts per status, % complete and overdue, overall and per section.",
        discussion: """
            Given several plans or a folder, a line per plan and the portfolio's totals. A plan that \
            cannot be read is reported, the others are still summarised, and the exit status is 1.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum Grouping: String, ExpressibleByArgument, CaseIterable { case section, area }

    @OptionGroup var plans: PlanPathsArgument
    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Group the table by section, or by area with each area's rolled-up status.")
    var by: Grouping = .section

    func run() throws {
        guard let path = plans.single else { return try runPortfolio() }
        let document = try PlanLoading.load(path)
        let summary = PlanSummary(plan: document.plan, asOf: asOf.day)
        switch format {
        case .text where by == .area:
            print(SummaryText.render(summary, width: Console.width), terminator: "")
            print("\n" + SummaryText.areaTable(summary, width: Console.width), terminator: "")
        case .text: print(SummaryText.render(summary, width: Console.width), terminator: "")
        case .json: print(PlanJSON.summary(summary, path: path).serialized())
        }
    }

    private func runPortfolio() throws {
        let portfolio = try PortfolioLoading.load(plans.paths)
        let summary = PortfolioSummary(portfolio, asOf: asOf.day)
        switch format {
        case .text:
            print(PortfolioText.summary(summary, title: portfolio.title, width: Console.width), terminator: "")
        case .json: print(PortfolioJSON.summary(summary, title: portfolio.title).serialized())
        }
        try PortfolioLoading.finish(portfolio)
    }
}
