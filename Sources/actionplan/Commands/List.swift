import ArgumentParser
import FoundationEssentials
import PlanCore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List actions, filtered by status, owner, due date or section.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var plans: PlanPathsArgument

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

    @Option(help: ArgumentHelp("Only actions in this area, e.g. 1.2.", valueName: "n.n"))
    var area: String?

    @Flag(help: "Only actions that are not complete (nor retired).")
    var incomplete = false

    @Option(
        name: .customLong("due-within"),
        help: ArgumentHelp("Only actions not complete and due within this many days.", valueName: "days"))
    var dueWithin: Int?

    @Flag(help: "Only what the monthly review walks (the TUI's v): red, overdue, due soon or not updated.")
    var review = false

    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "Order by due, status, owner, updated, overdue-days or ref; repeat for ties, - in front for descending (e.g. --sort -overdue-days).",
            valueName: "key"))
    var sort: [String] = []

    @Option(
        name: .customLong("search"),
        help: ArgumentHelp("Only actions whose ref, text, owners or notes contain this text.", valueName: "text"))
    var search: String?

    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output format.")
    var format: Format = .table

    @Option(help: ArgumentHelp("Table width in columns (default: the terminal's, or 120).", valueName: "n"))
    var width: Int?

    func validate() throws {
        if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within takes a number of days, 0 or more") }
        if let bad = sort.first(where: { ActionSort.Term($0) == nil }) {
            throw ValidationError(
                "unknown sort key '\(bad)'; use \(ActionSort.Key.allCases.map(\.rawValue).joined(separator: ", ")), with - in front for descending"
            )
        }
    }

    /// The actions of `past` (a plan as it stood on `day`) that the options select, in order.
    private func selected(in past: Plan, on day: PlanDate) throws -> [Action] {
        try checkNumbers(in: past)
        let filter = ActionFilter(
            statuses: Set(rag.map(\.status)), owner: owner, overdueOnly: overdue,
            dueBefore: dueBefore?.date, section: section, search: search, area: area, incompleteOnly: incomplete,
            dueWithin: dueWithin)
        var actions = past.actions(matching: filter, on: day)
        if review {
            let queued = Set(ReviewQueue(plan: past, on: day).refs)
            actions = actions.filter { queued.contains($0.ref) }
        }
        return ActionSort(sort.compactMap(ActionSort.Term.init)).sorted(actions, on: day)
    }

    func run() throws {
        guard let path = plans.single else { return try runPortfolio() }
        let document = try PlanLoading.load(path)
        let day = asOf.day
        let past = document.plan.asOf(day)
        let actions = try selected(in: past, on: day)
        switch format {
        case .table:
            Console.write(ActionTable.bytes(actions, on: day, width: width ?? Console.width))
            let overdueCount = actions.filter { $0.isOverdue(on: day) }.count
            print(
                "\(actions.count) of \(past.actions.count) actions"
                    + (overdueCount > 0 ? "; ! = overdue as of \(day.ukShort) (\(overdueCount))" : ""))
        case .csv:
            Console.write(Console.forStandardOutput(ActionTable.csv(actions, key: past.statusKey, on: day)))
        case .json:
            // Streamed into one buffer: no tree of every action is built and released.
            Console.write(
                JSONWriter.document(actions: actions.count) {
                    PlanJSON.list(actions, plan: past, path: path, on: day, to: &$0)
                })
        }
    }

    /// Several plans: a PLAN column (or `plan` field) says which plan each action is in.
    private func runPortfolio() throws {
        let portfolio = try PortfolioLoading.load(plans.paths)
        let day = asOf.day
        var rows: [(member: Portfolio.Member, plan: Plan, action: Action)] = []
        var total = 0
        for (member, document) in portfolio.loaded {
            let past = document.plan.asOf(day)
            total += past.actions.count
            rows += try selected(in: past, on: day).map { (member, past, $0) }
        }
        switch format {
        case .table:
            print(
                ActionTable.text(
                    rows.map(\.action), plans: rows.map(\.member.name), on: day, width: width ?? Console.width),
                terminator: "")
            let overdueCount = rows.filter { $0.action.isOverdue(on: day) }.count
            print(
                "\(rows.count) of \(total) actions in \(portfolio.loaded.count) plans"
                    + (overdueCount > 0 ? "; ! = overdue as of \(day.ukShort) (\(overdueCount))" : ""))
        case .csv:
            print(
                Console.forStandardOutput(
                    ActionTable.csv(
                        rows.map { ($0.plan.statusKey, $0.action) }, plans: rows.map(\.member.path), on: day)),
                terminator: "")
        case .json:
            print(
                PortfolioJSON.list(
                    rows.map { ($0.member.path, $0.plan, $0.action) }, failed: portfolio.failures, on: day
                )
                .serialized())
        }
        try PortfolioLoading.finish(portfolio)
    }

    /// `--section 1.2` names an area and would list nothing without saying why: it is
    /// refused with a hint to `--area`; so is an `--area` the plan does not have.
    private func checkNumbers(in plan: Plan) throws {
        if let section {
            let number = section.trimming(charactersIn: ". ")
            if number.contains(".") {
                Console.error(
                    "error: --section takes a section number such as 1; for area \(number) use --area \(number)")
                throw ExitCode(1)
            }
        }
        if let area {
            let number = area.trimming(charactersIn: ". ")
            if plan.area(number: number) == nil {
                let areas = plan.sections.flatMap { $0.areas.map(\.number) }
                Console.error("error: no area \(number) in this plan; its areas are " + areas.joined(separator: ", "))
                throw ExitCode(1)
            }
        }
    }
}
