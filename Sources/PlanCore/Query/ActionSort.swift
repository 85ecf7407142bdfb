import FoundationEssentials

/// The orders `list --sort` and the TUI's sort key offer, as a meeting reads a plan:
/// by due date, status, owner, last update, days overdue or ref. Keys combine (the
/// first decides, the next breaks ties); file order breaks the last tie.
public struct ActionSort: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        /// Due date, earliest first; actions without one last (either way up).
        case due
        /// R, A, G, B, N (the order of the status key's tables).
        case status
        /// The first owner, alphabetically ignoring case; actions without one last (either way up).
        case owner
        /// The latest note or history line, oldest first; never updated first.
        case updated
        /// Days past the due date (0 when not overdue), fewest first.
        case overdueDays = "overdue-days"
        /// Refs in natural order (1.2b before 1.10a).
        case ref
    }

    public struct Term: Sendable, Equatable {
        public var key: Key
        public var descending: Bool

        public init(_ key: Key, descending: Bool = false) {
            self.key = key
            self.descending = descending
        }

        /// `due`, `-overdue-days`: a key, with `-` in front for descending.
        public init?(_ text: String) {
            let trimmed = text.trimmingWhitespace().lowercased()
            let descending = trimmed.hasPrefix("-")
            guard let key = Key(rawValue: String(descending ? trimmed.dropFirst() : Substring(trimmed))) else {
                return nil
            }
            self.init(key, descending: descending)
        }

        /// `due` or `-due`, as typed.
        public var text: String { (descending ? "-" : "") + key.rawValue }
    }

    public var terms: [Term]

    public init(_ terms: [Term]) { self.terms = terms }

    public var isEmpty: Bool { terms.isEmpty }

    /// `actions` in this order, judging "overdue" on `day`; a stable sort.
    public func sorted(_ actions: some Collection<Action>, on day: PlanDate) -> [Action] {
        guard !terms.isEmpty else { return Array(actions) }
        return actions.enumerated().sorted { a, b in
            for term in terms {
                let (missingA, missingB) = (Self.lacks(a.element, term.key), Self.lacks(b.element, term.key))
                if missingA != missingB { return missingB }
                let order = Self.compare(a.element, b.element, by: term.key, on: day)
                if order != 0 { return term.descending ? order > 0 : order < 0 }
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Whether the action has no value for the key (no due date, no owner): such
    /// actions sort last either way up, so that a descending sort starts with real values.
    static func lacks(_ action: Action, _ key: Key) -> Bool {
        switch key {
        case .due: action.due?.date == nil
        case .owner: action.owners.isEmpty
        default: false
        }
    }

    /// -1, 0 or 1, for two actions that both have a value for the key.
    static func compare(_ a: Action, _ b: Action, by key: Key, on day: PlanDate) -> Int {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch key {
        case .due:
            return order(a.due?.date?.dayNumber ?? 0, b.due?.date?.dayNumber ?? 0)
        case .status:
            return order(a.status, b.status)
        case .owner:
            return order(a.owners.first?.lowercased() ?? "", b.owners.first?.lowercased() ?? "")
        case .updated:
            return order(a.lastUpdated?.dayNumber ?? Int.min, b.lastUpdated?.dayNumber ?? Int.min)
        case .overdueDays:
            return order(a.daysOverdue(on: day), b.daysOverdue(on: day))
        case .ref:
            return RefOrder.compare(a.ref, b.ref)
        }
    }
}

extension Action {
    /// The date of the latest note or history line.
    public var lastUpdated: PlanDate? { (notes.map(\.date) + history.map(\.date)).max() }

    /// Days past the due date on `day` when overdue, else 0.
    public func daysOverdue(on day: PlanDate) -> Int {
        guard isOverdue(on: day), let due = due?.date else { return 0 }
        return day.dayNumber - due.dayNumber
    }
}
