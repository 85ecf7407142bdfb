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
        guard applies(to: action, in: plan, on: day) else { return nil }
        let status = plan.statusKey.label(for: action.status).lowercased()
        switch self {
        case .overdue:
            return "\(action.ref) is \(status) and was due on \(action.due?.date?.ukLong ?? "")"
        case .greenWithoutNote:
            return "\(action.ref) is \(status) but has no progress note to evidence it"
        case .notUpdated:
            return
                "\(action.ref) has had no note or change since the last review on \(plan.lastReviewed?.date.ukLong ?? "")"
        case .dueMovedOften:
            return "\(action.ref)'s due date has moved \(action.dueChangeCount) times"
        case .redWithoutNote:
            return "\(action.ref) is red with no note saying why"
        }
    }

    /// Whether `action` breaks this rule on `day`: ``finding(for:in:on:)`` without
    /// its message, for what only counts (the summary, the review queue).
    public func applies(to action: Action, in plan: Plan, on day: PlanDate) -> Bool {
        switch self {
        case .overdue:
            return action.isOverdue(on: day)
        case .greenWithoutNote:
            return action.status.isComplete && action.notes.isEmpty
        case .notUpdated:
            guard let review = plan.lastReviewed?.date, !action.status.isComplete else { return false }
            return !action.notes.contains { $0.date > review } && !action.history.contains { $0.date > review }
        case .dueMovedOften:
            return action.dueChangeCount >= 3
        case .redWithoutNote:
            guard action.status == .red else { return false }
            var wentRed: PlanDate?
            for entry in action.history {
                guard case .status(_, .red) = entry.change, wentRed.map({ $0 < entry.date }) ?? true else { continue }
                wentRed = entry.date
            }
            return !action.notes.contains { note in wentRed.map { note.date >= $0 } ?? true }
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
        let rules = BoardCheck.allCases.filter { !off.contains($0) }
        // One pass over the actions, every rule asked of each, each read where it is stored.
        var counts = [Int](repeating: 0, count: rules.count)
        plan.actions.forEachReading { _, action in
            for (index, rule) in rules.enumerated() where rule.applies(to: action, in: plan, on: day) {
                counts[index] += 1
            }
        }
        return Array(zip(rules, counts))
    }
}
