import ArgumentParser
import PlanCore

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Counts per status, % complete and overdue, overall and per section.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var plan: PlanPathArgument
    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let document = try PlanLoading.load(plan.path)
        let summary = PlanSummary(plan: document.plan, asOf: asOf.day)
        switch format {
        case .text: print(SummaryText.render(summary, width: Console.width), terminator: "")
        case .json: print(PlanJSON.summary(summary, path: plan.path).serialized())
        }
    }
}
