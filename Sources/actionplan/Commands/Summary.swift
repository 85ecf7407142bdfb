import ArgumentParser
import PlanCore

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Counts per status, % complete and overdue, overall and per section.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum Grouping: String, ExpressibleByArgument, CaseIterable { case section, area }

    @OptionGroup var plan: PlanPathArgument
    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Group the table by section, or by area with each area's rolled-up status.")
    var by: Grouping = .section

    func run() throws {
        let document = try PlanLoading.load(plan.path)
        let summary = PlanSummary(plan: document.plan, asOf: asOf.day)
        switch format {
        case .text where by == .area:
            print(SummaryText.render(summary, width: Console.width), terminator: "")
            print("\n" + SummaryText.areaTable(summary, width: Console.width), terminator: "")
        case .text: print(SummaryText.render(summary, width: Console.width), terminator: "")
        case .json: print(PlanJSON.summary(summary, path: plan.path).serialized())
        }
    }
}
