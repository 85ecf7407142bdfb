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
                // A plan that could not be read is looked at too: it opens once it reads.
                let unsaved = state.members[index].state?.unsaved ?? false
                guard !unsaved || reloadRequested.contains(index) else { continue }
                reloadRequested.remove(index)
                guard let event = changeOnDisk(services[index]) else { continue }
                _ = dispatch(.plan(index, event))
                changed = true
            }
            return changed
        }

        mutating func dispatch(key: Key) -> Next { dispatch(.key(key)) }

        /// The plan on screen has its search index built between keys; the others only
        /// when searched, so that a folder of plans does not hold every plan's index.
        private var shownPlan: Int? {
            guard case .plan(let index) = state.screen, state.members.indices.contains(index) else { return nil }
            return index
        }

        var hasIdleWork: Bool { shownPlan.map { state.members[$0].state?.hasIdleWork == true } ?? false }

        mutating func doIdleWork() {
            guard let index = shownPlan else { return }
            state.members[index].state?.doIdleWork()
        }

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

extension Runtime.Services {
    /// The services of a plan that could not be read when the portfolio opened: its file is
    /// watched, and once it reads as a plan it is opened in a session of its own (served as
    /// ``live(_:)`` serves one) and reported as changed, so that the portfolio opens it too.
    public static func reopening(_ path: String) -> Runtime.Services {
        let late = LateSession(path: path)
        return Runtime.Services(
            save: { document, force in late.services?.save(document, force) ?? .failed(.readOnly(path: path)) },
            reloadIfChanged: late.reloadIfChanged,
            editText: ExternalEditor.edit,
            saveCopy: { document, copy in late.services?.saveCopy(document, copy) ?? .failed(.readOnly(path: copy)) },
            saveName: { name in late.services?.saveName(name) ?? "the plan is not open" })
    }
}

/// A plan file that is not open yet: looked at again whenever it changed (and opened
/// by PlanCore once it has settled and reads as a plan).
private final class LateSession {
    let path: String
    var services: Runtime.Services?
    private var session: PlanSession?
    private var lastLooked: FileStamp?

    init(path: String) {
        self.path = path
        lastLooked = FileStamp(path: path)
    }

    func reloadIfChanged() -> PlanSession.Reload {
        if let session { return session.reloadIfChanged() }
        do throws(PlanFileError) {
            guard let opened = try PlanSession(opening: path, ifChangedSince: &lastLooked) else { return .unchanged }
            session = opened
            services = .live(opened)
            return .changed(opened.document)
        } catch .unsettled {
            return .settling
        } catch {
            return .invalid(error)
        }
    }
}
