/// Counts per status, % complete and overdue, for a whole plan and per section.
public struct StatusCounts: Sendable, Equatable {
    public private(set) var byStatus: [Status: Int] = [:]
    public private(set) var total = 0
    public private(set) var overdue = 0

    public init() {}

    public init(_ actions: some Sequence<Action>, on day: PlanDate) {
        for action in actions { add(action, on: day) }
    }

    public mutating func add(_ action: Action, on day: PlanDate) {
        add(action.status, overdue: action.isOverdue(on: day))
    }

    mutating func add(_ status: Status, overdue isOverdue: Bool) {
        byStatus[status, default: 0] += 1
        total += 1
        if isOverdue { overdue += 1 }
    }

    /// Takes back what ``add(_:on:)`` counted for `action`.
    public mutating func remove(_ action: Action, on day: PlanDate) {
        byStatus[action.status, default: 0] -= 1
        if byStatus[action.status] == 0 { byStatus[action.status] = nil }
        total -= 1
        if action.isOverdue(on: day) { overdue -= 1 }
    }

    public subscript(status: Status) -> Int { byStatus[status] ?? 0 }

    public var complete: Int { self[.green] + self[.blue] }

    /// 0–100; 0 for a plan without actions.
    public var percentComplete: Double { total == 0 ? 0 : Double(complete) * 100 / Double(total) }
}

/// The figures a board reports: per status, % complete, overdue; overall and by section.
public struct PlanSummary: Sendable {
    public struct SectionLine: Sendable {
        public var number: String
        public var title: String
        public var counts: StatusCounts
    }

    public var title: String
    public var asAt: PlanDate?
    /// The day the figures are for: statuses as they stood then, overdue as on that day.
    public var asOf: PlanDate
    public var statusKey: StatusKey
    public var overall: StatusCounts
    public var sections: [SectionLine]
    /// How many actions each board check finds (the rules the plan has not switched off).
    public var attention: [(check: BoardCheck, count: Int)]
    /// Every area rolled up (see ``AreaRollup``), in file order.
    public var areas: [AreaRollup]
    /// The log of reviews up to the day.
    public var reviews: [ReviewRecord]
    public var impactAgreedBy: [String]

    /// Summarises `plan` as it stood at the end of `day`.
    public init(plan current: Plan, asOf day: PlanDate) {
        let plan = current.asOf(day)
        title = plan.title
        asAt = plan.asAt
        asOf = day
        statusKey = plan.statusKey
        overall = StatusCounts(plan.actions, on: day)
        sections = plan.sections.map {
            SectionLine(number: $0.number, title: $0.title, counts: StatusCounts(plan.actions(in: $0), on: day))
        }
        attention = BoardCheck.counts(for: plan, on: day)
        areas = plan.sections.flatMap { $0.areas.map { AreaRollup(area: $0, in: plan, on: day) } }
        reviews = plan.reviews
        impactAgreedBy = plan.impactAgreedBy
    }
}
