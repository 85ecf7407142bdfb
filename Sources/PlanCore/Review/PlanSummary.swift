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
        self.init(past: current.asOf(day), asOf: day)
    }

    /// Summarises `plan`, which is already as it stood at the end of `day` (``Plan/asOf(_:)``).
    init(past plan: Plan, asOf day: PlanDate) {
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
