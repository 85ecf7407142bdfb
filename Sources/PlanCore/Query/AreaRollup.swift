/// An area's status rolled up from its actions, and the board's own view of it.
///
/// The rule (docs/format.md, section 4.1), first match wins:
/// 1. signed off (a `- Signed off` line on or before the day): blue;
/// 2. no actions: none;
/// 3. every action blue: blue;
/// 4. any action red, or overdue: red;
/// 5. every action complete (green or blue): green;
/// 6. every action not started: not started;
/// 7. otherwise: amber.
///
/// Blue falls back to green in a plan whose key has no blue. The board's latest
/// `- Assessed` line wins over the derived status until something changes in the area
/// after its date (a status, due date or owner change, an action added, an agreement).
public struct AreaRollup: Sendable, Equatable {
    public var area: Area
    public var counts: StatusCounts
    /// The status the rule derives from the actions; nil for an area without actions.
    public var derived: Status?
    /// The board's assessment, while it still holds.
    public var assessment: Assessment?
    /// The latest sign-off, if the area is signed off.
    public var signOff: SignOff?
    /// The latest change in the area: what ends an assessment.
    public var lastChange: PlanDate?

    /// What the plan reports: the assessment while it holds, else the derived status.
    public var status: Status? { assessment?.status ?? derived }
    public var isAssessed: Bool { assessment != nil }

    /// Rolls `area` of `plan` up as on `day`; `plan` should already be as of that day
    /// (``Plan/asOf(_:)``) when the day is in the past.
    public init(area: Area, in plan: Plan, on day: PlanDate) {
        self.area = area
        let actions = plan.actions[area.actionRange]
        counts = StatusCounts(actions, on: day)
        signOff = area.signOffs.filter { $0.date <= day }.max { $0.date < $1.date }
        let blue: Status = plan.statusKey.contains(.blue) ? .blue : .green
        if signOff != nil {
            derived = blue
        } else if counts.total == 0 {
            derived = nil
        } else if counts[.blue] == counts.total {
            derived = blue
        } else if counts[.red] > 0 || counts.overdue > 0 {
            derived = .red
        } else if counts.complete == counts.total {
            derived = .green
        } else if counts[.notStarted] == counts.total {
            derived = .notStarted
        } else {
            derived = .amber
        }
        // The latest date on or before the day, without an array of every date.
        var last: PlanDate?
        func meet(_ date: PlanDate) { if date <= day, last.map({ date > $0 }) ?? true { last = date } }
        for action in actions {
            for entry in action.history { meet(entry.date) }
            for agreement in action.agreements { meet(agreement.date) }
        }
        lastChange = last
        let latest = area.assessments.enumerated().filter { $0.element.date <= day }
            .max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
        if let latest, lastChange.map({ $0 <= latest.date }) ?? true {
            assessment = latest
        }
    }
}

extension Plan {
    /// Every area rolled up, in file order, as on `day` (see ``AreaRollup``).
    public func areaRollups(on day: PlanDate) -> [AreaRollup] {
        let past = asOf(day)
        return past.sections.flatMap { $0.areas.map { AreaRollup(area: $0, in: past, on: day) } }
    }
}
