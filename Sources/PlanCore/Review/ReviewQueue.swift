/// How often a board reviews its plan: the monthly meeting. "Due soon" means due
/// before the next review, that is within this many days.
public enum ReviewCycle {
    /// Days from one review to the next.
    public static let days = 30
}

/// What a monthly review walks: the actions that are not complete and are red,
/// overdue, due before the next review, or have had no update since the last
/// review, each with the reasons it is there, in file order. The TUI's review
/// (`v`), `actionplan list --review` and the board pack read it from here.
public struct ReviewQueue: Sendable, Equatable {
    /// Why an action needs the board's attention.
    public enum Reason: Sendable, Equatable {
        case red
        case overdue(since: PlanDate)
        case dueBeforeNextReview(PlanDate)
        case notUpdated(since: PlanDate)

        /// The reason in words, e.g. "overdue since 30 Jun 2026".
        public var text: String {
            switch self {
            case .red: "red"
            case .overdue(let due): "overdue since \(due.ukShort)"
            case .dueBeforeNextReview(let due): "due \(due.ukShort), before the next review"
            case .notUpdated(let review): "no update since the last review (\(review.ukShort))"
            }
        }

        /// A stable identifier for JSON: `red`, `overdue`, `due-soon`, `not-updated`.
        public var identifier: String {
            switch self {
            case .red: "red"
            case .overdue: "overdue"
            case .dueBeforeNextReview: "due-soon"
            case .notUpdated: BoardCheck.notUpdated.rawValue
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public var ref: String
        public var reasons: [Reason]
    }

    public var entries: [Entry]

    /// The queue for `plan` on `day`, with "due soon" meaning within `cycle` days.
    public init(plan: Plan, on day: PlanDate, cycle: Int = ReviewCycle.days) {
        entries = plan.actions.compactMap { action in
            let reasons = ReviewQueue.reasons(for: action, in: plan, on: day, cycle: cycle)
            return reasons.isEmpty ? nil : Entry(ref: action.ref, reasons: reasons)
        }
    }

    public var refs: [String] { entries.map(\.ref) }
    public var isEmpty: Bool { entries.isEmpty }

    /// Why `action` is in the queue on `day`; empty when it is not.
    public static func reasons(for action: Action, in plan: Plan, on day: PlanDate, cycle: Int = ReviewCycle.days)
        -> [Reason]
    {
        guard !action.status.isComplete, !action.isRetired else { return [] }
        var reasons: [Reason] = []
        if action.status == .red { reasons.append(.red) }
        if let due = action.due?.date {
            if due < day {
                reasons.append(.overdue(since: due))
            } else if action.isDue(within: cycle, of: day) {
                reasons.append(.dueBeforeNextReview(due))
            }
        }
        // The same rule as the board check, so the review and `check` agree.
        if BoardCheck.notUpdated.applies(to: action, in: plan, on: day), let review = plan.lastReviewed?.date {
            reasons.append(.notUpdated(since: review))
        }
        return reasons
    }
}

extension Action {
    /// Not complete and due on one of the `days` days from `day` (today included).
    public func isDue(within days: Int, of day: PlanDate) -> Bool {
        guard let due = due?.date, !status.isComplete, !isRetired else { return false }
        return due >= day && due <= day.adding(days: days)
    }
}

extension Plan {
    /// The actions not complete and due within `days` days of `day`, in file order.
    public func dueWithin(_ days: Int, of day: PlanDate) -> [Action] {
        actions.filter { $0.isDue(within: days, of: day) }
    }
}
