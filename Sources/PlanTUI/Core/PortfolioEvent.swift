import PlanCore

/// Everything that reaches a portfolio's update: a key, or what happened to one of its
/// plans (an effect's result, a change on disk), tagged with the plan's position in
/// ``PortfolioState/plans`` so that it reaches that plan's state.
public enum PortfolioEvent: Sendable {
    case key(Key)
    case plan(Int, Event)
}

/// What a portfolio's update asks for: an effect for one plan's file (the runtime carries
/// it out through that plan's own session), or the end.
public enum PortfolioEffect: Equatable, Sendable {
    case plan(Int, Effect)
    case quit
}
