/// The checks boards care about, beyond what makes a file valid: each finds
/// actions that need attention and reports them as warnings. A plan switches a
/// rule off with a header field: `- Checks off: green-without-note, not-updated`.
public enum BoardCheck: String, Sendable, CaseIterable {
    /// Not complete, and past its due date (the same rule as "overdue" everywhere).
    case overdue
    /// Green or blue, with no progress note at all.
    case greenWithoutNote = "green-without-note"
    /// Not complete, and no note or change since the plan's last review.
    case notUpdated = "not-updated"
    /// The due date has moved three or more times.
    case dueMovedOften = "due-moved-often"
    /// Red, with no note written on or after the day it went red.
    case redWithoutNote = "red-without-note"

    public var summary: String {
        switch self {
        case .overdue: "past the due date and not complete"
        case .greenWithoutNote: "complete with no progress note"
        case .notUpdated: "not updated since the last review"
        case .dueMovedOften: "due date moved three or more times"
        case .redWithoutNote: "red with no note saying why"
        }
    }

    /// The rules a plan has switched off in its `Checks off:` header field.
    public static func switchedOff(in plan: Plan) -> Set<BoardCheck> {
        let fields = plan.extraFields.filter { $0.name.lowercased() == "checks off" }
        return Set(
            fields.flatMap { $0.value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }) }
                .compactMap { BoardCheck(rawValue: $0.lowercased()) })
    }

    /// A message when `action` breaks this rule on `day`, else nil.
    public func finding(for action: Action, in plan: Plan, on day: PlanDate) -> String? {
        switch self {
        case .overdue:
            guard action.isOverdue(on: day), let due = action.due?.date else { return nil }
            return
                "\(action.ref) is \(plan.statusKey.label(for: action.status).lowercased()) and was due on \(due.ukLong)"
        case .greenWithoutNote:
            guard action.status.isComplete, action.notes.isEmpty else { return nil }
            return
                "\(action.ref) is \(plan.statusKey.label(for: action.status).lowercased()) but has no progress note to evidence it"
        case .notUpdated:
            guard let review = plan.lastReviewed?.date, !action.status.isComplete else { return nil }
            let latest = (action.notes.map(\.date) + action.history.map(\.date)).max()
            guard latest.map({ $0 <= review }) ?? true else { return nil }
            return "\(action.ref) has had no note or change since the last review on \(review.ukLong)"
        case .dueMovedOften:
            guard action.dueChangeCount >= 3 else { return nil }
            return "\(action.ref)'s due date has moved \(action.dueChangeCount) times"
        case .redWithoutNote:
            guard action.status == .red else { return nil }
            let wentRed = action.statusChanges.filter { $0.to == .red }.map(\.date).max()
            guard !action.notes.contains(where: { note in wentRed.map { note.date >= $0 } ?? true }) else { return nil }
            return "\(action.ref) is red with no note saying why"
        }
    }

    /// Every finding in the plan on `day`, as warnings at the action lines, for the
    /// rules the plan has not switched off.
    public static func warnings(for plan: Plan, on day: PlanDate) -> [Diagnostic] {
        let rules = BoardCheck.allCases.filter { !switchedOff(in: plan).contains($0) }
        return plan.actions.flatMap { action in
            rules.compactMap { rule in
                rule.finding(for: action, in: plan, on: day).map {
                    Diagnostic(
                        .warning, line: action.line, column: 1, $0,
                        hint:
                            "board check '\(rule.rawValue)'; a plan can switch it off with `- Checks off: \(rule.rawValue)`",
                        code: rule.rawValue)
                }
            }
        }
    }

    /// How many actions each rule finds, for the summary.
    public static func counts(for plan: Plan, on day: PlanDate) -> [(check: BoardCheck, count: Int)] {
        let off = switchedOff(in: plan)
        return BoardCheck.allCases.filter { !off.contains($0) }.map { rule in
            (rule, plan.actions.reduce(0) { rule.finding(for: $1, in: plan, on: day) == nil ? $0 : $0 + 1 })
        }
    }
}
