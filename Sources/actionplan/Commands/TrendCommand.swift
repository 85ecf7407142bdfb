import ArgumentParser
import PlanCore

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "% complete and counts per status over time, rebuilt from the plan's history.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @OptionGroup var plan: PlanPathArgument

    @Option(help: ArgumentHelp("First day (default: the first date in the plan's history).", valueName: "date"))
    var from: DateArgument?

    @Option(help: ArgumentHelp("Last day (default: today).", valueName: "date"))
    var to: DateArgument?

    @Option(help: "One point at the end of each month, or every seven days.")
    var every: Trend.Interval = .month

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let document = try PlanLoading.load(plan.path)
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
            print(TrendReport.json(trend, path: plan.path, title: document.plan.title, every: every).serialized())
        }
    }
}

extension Trend.Interval: ExpressibleByArgument {}
