import ArgumentParser
import PlanCore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List actions, filtered by status, owner, due date or section.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var plan: PlanPathArgument

    @Option(help: ArgumentHelp("Only actions with this status (repeat for several).", valueName: "status"))
    var rag: [StatusArgument] = []

    @Option(help: ArgumentHelp("Only actions with an owner containing this text.", valueName: "text"))
    var owner: String?

    @Flag(help: "Only actions past their due date and not complete.")
    var overdue = false

    @Option(
        name: .customLong("due-before"), help: ArgumentHelp("Only actions due before this date.", valueName: "date"))
    var dueBefore: DateArgument?

    @Option(help: ArgumentHelp("Only actions in this section, e.g. 2.", valueName: "n"))
    var section: String?

    @Option(
        name: .customLong("search"),
        help: ArgumentHelp("Only actions whose ref, text, owners or notes contain this text.", valueName: "text"))
    var search: String?

    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output format.")
    var format: Format = .table

    @Option(help: ArgumentHelp("Table width in columns (default: the terminal's, or 120).", valueName: "n"))
    var width: Int?

    func run() throws {
        let document = try PlanLoading.load(plan.path)
        let day = asOf.day
        let past = document.plan.asOf(day)
        let filter = ActionFilter(
            statuses: Set(rag.map(\.status)), owner: owner, overdueOnly: overdue,
            dueBefore: dueBefore?.date, section: section, search: search)
        let actions = past.actions(matching: filter, on: day)
        switch format {
        case .table:
            print(ActionTable.text(actions, on: day, width: width ?? Console.width), terminator: "")
            let overdueCount = actions.filter { $0.isOverdue(on: day) }.count
            print(
                "\(actions.count) of \(past.actions.count) actions"
                    + (overdueCount > 0 ? "; ! = overdue as of \(day.ukShort) (\(overdueCount))" : ""))
        case .csv:
            print(Console.forStandardOutput(ActionTable.csv(actions, key: past.statusKey, on: day)), terminator: "")
        case .json:
            print(PlanJSON.list(actions, plan: past, path: plan.path, on: day).serialized())
        }
    }
}
