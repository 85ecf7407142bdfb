/// The figures for every plan of a portfolio, and for all of them together.
public struct PortfolioSummary: Sendable {
    public struct Line: Sendable {
        public var path: String
        public var name: String
        public var summary: PlanSummary
        public var lastReviewed: PlanDate?
    }

    public var asOf: PlanDate
    /// One line per plan that parsed, in portfolio order.
    public var plans: [Line]
    /// Every action of every plan that parsed.
    public var total: StatusCounts
    /// The plans that could not be read, with why.
    public var failed: [(path: String, error: PlanFileError)]

    public init(_ portfolio: Portfolio, asOf day: PlanDate) {
        asOf = day
        plans = portfolio.loaded.map { member, document in
            let summary = PlanSummary(plan: document.plan, asOf: day)
            return Line(
                path: member.path, name: member.name, summary: summary,
                lastReviewed: document.plan.asOf(day).lastReviewed?.date)
        }
        var total = StatusCounts()
        for line in plans { total.merge(line.summary.overall) }
        self.total = total
        failed = portfolio.failures
    }
}
