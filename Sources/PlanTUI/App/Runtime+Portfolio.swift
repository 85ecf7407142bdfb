import PlanCore

extension Runtime {
    /// Runs a portfolio until it quits; returns the final state. `services[i]` serves
    /// `initial.members[i]` (its own ``PlanSession``): each effect goes to the services
    /// of the plan it is tagged with, and every plan's file is watched for changes.
    @discardableResult
    public static func run(
        _ initial: PortfolioState, terminal: Terminal, services: [Services], pollMilliseconds: Int = 1000
    ) -> PortfolioState {
        var loop = PortfolioLoop(state: initial, terminal: terminal, services: services)
        drive(&loop, terminal: terminal, pollMilliseconds: pollMilliseconds)
        return loop.state
    }

    private struct PortfolioLoop: Driven {
        var state: PortfolioState
        let terminal: Terminal
        let services: [Services]
        var reloadRequested: Set<Int> = []

        var frame: Grid { render(state) }

        mutating func takeChangesOnDisk() -> Bool {
            var changed = false
            for index in state.members.indices where services.indices.contains(index) {
                guard let plan = state.members[index].state else { continue }
                guard !plan.unsaved || reloadRequested.contains(index) else { continue }
                reloadRequested.remove(index)
                guard let event = changeOnDisk(services[index]) else { continue }
                _ = dispatch(.plan(index, event))
                changed = true
            }
            return changed
        }

        mutating func dispatch(key: Key) -> Next { dispatch(.key(key)) }

        mutating func dispatch(_ event: PortfolioEvent) -> Next {
            var pending = [event]
            while !pending.isEmpty {
                for effect in state.update(pending.removeFirst()) {
                    guard case .plan(let index, let effect) = effect else { return .quit }
                    guard services.indices.contains(index), let document = state.members[index].state?.document
                    else { continue }
                    var reload = false
                    switch carryOut(
                        effect, document: document, services: services[index], terminal: terminal,
                        reloadRequested: &reload)
                    {
                    case .event(let next): pending.append(.plan(index, next))
                    case .none: break
                    case .quit: return .quit
                    }
                    if reload { reloadRequested.insert(index) }
                }
            }
            return .goOn
        }
    }
}
