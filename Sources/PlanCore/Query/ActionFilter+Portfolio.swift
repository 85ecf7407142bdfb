/// An action of one plan among several: the plan's position in the portfolio and the action's ref.
public struct PortfolioActionRef: Sendable, Hashable {
    public var plan: Int
    public var ref: String

    public init(plan: Int, ref: String) {
        self.plan = plan
        self.ref = ref
    }
}

extension ActionFilter {
    /// The actions of several plans that pass, plan by plan in the order given and each
    /// plan's in file order, judging "overdue" as on `day`. `plans` pairs each plan with
    /// its position in the portfolio (a plan that could not be read has none).
    public func matches(in plans: [(position: Int, plan: Plan)], on day: PlanDate) -> [PortfolioActionRef] {
        plans.flatMap { position, plan in
            plan.actions.lazy.filter { matches($0, on: day) }.map { PortfolioActionRef(plan: position, ref: $0.ref) }
        }
    }
}
