/// Counts per status, % complete and overdue, for a whole plan and per section.
/// Retired actions (closed without being done) are counted apart, in ``retired``
/// only: they are in no status, not in ``total``, so not in % complete.
public struct StatusCounts: Sendable, Equatable {
    public private(set) var byStatus: [Status: Int] = [:]
    public private(set) var total = 0
    public private(set) var overdue = 0
    public private(set) var retired = 0

    public init() {}

    public init(_ actions: some Sequence<Action>, on day: PlanDate) {
        for action in actions { add(action, on: day) }
    }

    /// The counts of a plan's actions, each read where it is stored (``ActionList/reading(_:_:)``).
    public init(_ actions: ActionList, on day: PlanDate) {
        self.init(actions, in: actions.indices, on: day)
    }

    /// The counts of some of a plan's actions (a section's, an area's).
    public init(_ actions: Slice<ActionList>, on day: PlanDate) {
        self.init(actions.base, in: actions.indices, on: day)
    }

    private init(_ actions: ActionList, in range: Range<Int>, on day: PlanDate) {
        for index in range { actions.reading(index) { add($0, on: day) } }
    }

    public mutating func add(_ action: Action, on day: PlanDate) {
        if action.isRetired {
            addRetired()
        } else {
            add(action.status, overdue: action.isOverdue(on: day))
        }
    }

    mutating func addRetired() { retired += 1 }

    mutating func add(_ status: Status, overdue isOverdue: Bool) {
        byStatus[status, default: 0] += 1
        total += 1
        if isOverdue { overdue += 1 }
    }

    /// Adds `count` actions of `status` at once (the trend's tallies).
    mutating func add(_ status: Status, count: Int) {
        byStatus[status, default: 0] += count
        total += count
    }

    /// Adds overdue and retired actions counted apart (the trend's tallies).
    mutating func add(overdue: Int, retired: Int) {
        self.overdue += overdue
        self.retired += retired
    }

    /// Takes back what ``add(_:on:)`` counted for `action`.
    public mutating func remove(_ action: Action, on day: PlanDate) {
        if action.isRetired {
            retired -= 1
            return
        }
        byStatus[action.status, default: 0] -= 1
        if byStatus[action.status] == 0 { byStatus[action.status] = nil }
        total -= 1
        if action.isOverdue(on: day) { overdue -= 1 }
    }

    /// Adds `other`'s counts to these (a portfolio's totals).
    public mutating func merge(_ other: StatusCounts) {
        for (status, count) in other.byStatus { byStatus[status, default: 0] += count }
        total += other.total
        overdue += other.overdue
    }

    public subscript(status: Status) -> Int { byStatus[status] ?? 0 }

    public var complete: Int { self[.green] + self[.blue] }

    /// 0–100; 0 for a plan without actions.
    public var percentComplete: Double { total == 0 ? 0 : Double(complete) * 100 / Double(total) }
}
