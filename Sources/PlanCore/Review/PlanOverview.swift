/// One plan's line on a portfolio screen: its figures on a day, when it was last
/// reviewed, and its % complete at the end of each month of its history.
public struct PlanOverview: Sendable, Equatable {
    public var counts: StatusCounts
    public var lastReviewed: PlanDate?
    /// % complete at each month end from the plan's first dated history line, the
    /// last point being the day itself (see ``Trend``); empty when it has no history
    /// before the day, so there is nothing to draw a trend from.
    public var percentByMonth: [Double]

    /// The figures of `plan` as it stood at the end of `day` (``Plan/asOf(_:)``, as
    /// ``PlanSummary`` counts them): a line dated after the day counts from that day on.
    public init(plan: Plan, on day: PlanDate) {
        let past = plan.asOf(day)
        counts = StatusCounts(past.actions, on: day)
        lastReviewed = past.lastReviewed?.date
        guard let first = Trend.firstDate(of: plan), first < day else {
            percentByMonth = []
            return
        }
        percentByMonth = Trend(plan: plan, from: first, to: day, every: .month).points.map {
            $0.counts.percentComplete
        }
    }
}
