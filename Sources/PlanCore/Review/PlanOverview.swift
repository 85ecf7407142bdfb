/// One plan's line on a portfolio screen: its figures on a day, when it was last
/// reviewed, and its % complete at the end of each month of its history.
public struct PlanOverview: Sendable, Equatable {
    public var counts: StatusCounts
    public var lastReviewed: PlanDate?
    /// % complete at each month end from the plan's first dated history line, the
    /// last point being the day itself (see ``Trend``); empty when it has no history
    /// before the day, so there is nothing to draw a trend from.
    public var percentByMonth: [Double]

    public init(plan: Plan, on day: PlanDate) {
        counts = StatusCounts(plan.actions, on: day)
        lastReviewed = plan.lastReviewed?.date
        guard let first = Trend.firstDate(of: plan), first < day else {
            percentByMonth = []
            return
        }
        percentByMonth = Trend(plan: plan, from: first, to: day, every: .month).points.map {
            $0.counts.percentComplete
        }
    }
}
