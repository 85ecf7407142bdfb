import PlanCore

/// Several plans open at once (a portfolio): a screen listing them, each plan's own
/// ``AppState`` (so that each keeps its selection, folds, filters and undo history while
/// another is shown), and the cross-plan view of their actions. Pure, as ``AppState`` is:
/// ``update(_:)`` makes the next state and effects tagged with the plan they are for.
public struct PortfolioState: Sendable {
    /// One plan of the portfolio.
    public struct Member: Sendable {
        public var path: String
        /// The display name (from portfolio.txt), else the plan's title, else the file name.
        public var name: String
        /// The plan's interface; nil when its file could not be read.
        public internal(set) var state: AppState?
        /// Why the file could not be read (its first error), when it could not.
        public var error: String?
        /// The figures the portfolio screen shows, as of the last time they were counted.
        public internal(set) var overview: PlanOverview?
        /// The plan may have changed since ``overview`` was counted.
        var overviewIsStale = true

        public init(path: String, name: String, state: AppState) {
            self.path = path
            self.name = name
            self.state = state
        }

        public init(path: String, name: String, error: String) {
            self.path = path
            self.name = name
            self.error = error
        }
    }

    /// What fills the screen.
    public enum Screen: Equatable, Sendable {
        /// The list of plans.
        case overview
        /// One plan, as `actionplan open` shows it.
        case plan(Int)
        /// The cross-plan view of actions (``crossView``).
        case actions
    }

    /// The portfolio's title (portfolio.txt's heading, else the folder).
    public var title: String
    public internal(set) var members: [Member]
    public internal(set) var screen = Screen.overview
    /// The selected plan on the overview.
    public internal(set) var selected = 0
    public internal(set) var overviewTop = 0
    public internal(set) var crossView: CrossPlanView?
    /// Where Esc from a plan goes back to: the screen it was opened from.
    var planReturn = Screen.overview
    /// The owner being chosen after `o`, for the cross-plan view.
    public internal(set) var ownerPicker: OwnerPicker?
    public internal(set) var message: Message?
    /// The help screen's scroll position, while it is open.
    public internal(set) var helpTop: Int?
    /// A plan has a change that is not saved, and `q` asked whether to quit anyway.
    public internal(set) var confirmingQuit = false
    /// One entry per change still on a plan's undo stack, naming the plan, oldest first:
    /// `u` in the cross-plan view takes back the last change made in any plan.
    var changeOrder: [Int] = []

    public let today: PlanDate
    public internal(set) var width: Int
    public internal(set) var height: Int
    public let colors: Bool
    public let theme: ThemeName
    public let colorCount: Int

    public init(
        title: String, members: [Member], today: PlanDate, width: Int = 80, height: Int = 24, colors: Bool = true,
        theme: ThemeName = .dark, colorCount: Int = 256
    ) {
        self.title = title
        self.members = members
        self.today = today
        self.width = width
        self.height = height
        self.colors = colors
        self.theme = theme
        self.colorCount = colorCount
        for index in members.indices {
            self.members[index].state?.width = width
            self.members[index].state?.height = height
            self.members[index].state?.portfolioName = title
        }
        recountOverviews()
    }

    /// The plans that could be read, with their positions.
    var openPlans: [(position: Int, plan: Plan)] {
        members.indices.compactMap { index in members[index].state.map { (index, $0.plan) } }
    }

    /// Counts again the figures of every plan that changed since they were last counted.
    mutating func recountOverviews() {
        for index in members.indices where members[index].overviewIsStale {
            guard let plan = members[index].state?.plan else { continue }
            members[index].overview = PlanOverview(plan: plan, on: today)
            members[index].overviewIsStale = false
        }
    }

    /// Every owner of the plans that could be read, with their counts (for `o`).
    var ownerReport: OwnerReport {
        let plans = members.compactMap { member in
            member.state.map {
                Portfolio.Member(path: member.path, displayName: member.name, loaded: .success($0.document))
            }
        }
        return OwnerReport(Portfolio(members: plans), asOf: today, dueWithin: ReviewCycle.days)
    }

    /// Every plan's counts added up.
    public var total: StatusCounts {
        var total = StatusCounts()
        for member in members { if let counts = member.overview?.counts { total.merge(counts) } }
        return total
    }

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }
    static let headerHeight = 3
    var listHeight: Int { max(1, height - Self.headerHeight - 1) }
}
