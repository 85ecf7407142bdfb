import PlanCore

/// The filter panel's `o`: the plan's owners to pick from, folded as `actionplan owners`
/// folds them (``OwnerReport``), with their open actions, narrowed as the name is typed.
///
/// The first row is the typed text itself, "any owner containing …" (or any owner at
/// all when nothing is typed), so that text that names no one still filters; ↑ and ↓
/// move to a name, which then filters to that owner's actions only.
public struct OwnerPicker: Equatable, Sendable {
    /// One owner on the list.
    public struct Choice: Equatable, Sendable {
        /// The spelling used most often.
        public var name: String
        /// The folded name the spellings share (``OwnerName/key(_:)``).
        public var key: String
        public var open: Int
        public var overdue: Int
    }

    public var input: TextEditor
    /// Every owner of the plan, by name.
    public var owners: [Choice]
    /// 0 for the typed text, else the 1-based position of a name in ``matches``.
    public var selection = 0

    /// The owners of `plan` on `today` (the filter panel's `o`), with the owner `filter` already has chosen.
    init(plan: Plan, today: PlanDate, filter: ListFilter) {
        self.init(OwnerReport(plan, asOf: today), typed: filter.core.owner ?? "")
        if let picked = filter.pickedOwner {
            let key = OwnerName.key(picked)
            selection = (matches.firstIndex { $0.key == key }).map { $0 + 1 } ?? 0
        }
    }

    /// The owners in `report` (only those with an open action when `openOnly`: the
    /// cross-plan view's `o`, which lists open actions), with `typed` already typed.
    init(_ report: OwnerReport, typed: String = "", openOnly: Bool = false) {
        owners = report.owners.filter { !openOnly || $0.open > 0 }.map {
            Choice(name: $0.name, key: $0.key, open: $0.open, overdue: $0.overdue)
        }
        input = TextEditor(text: typed, multiline: false)
    }

    /// The typed text, trimmed.
    public var text: String { input.text.trimmingWhitespace() }

    /// The owners whose folded name contains the typed text's.
    public var matches: [Choice] {
        let wanted = OwnerName.key(text)
        return wanted.isEmpty ? owners : owners.filter { $0.key.contains(wanted) }
    }

    /// The owner the selection is on, if it is on one.
    public var chosen: Choice? {
        let matches = matches
        return selection > 0 && selection <= matches.count ? matches[selection - 1] : nil
    }

    /// What a key does while the picker is open.
    enum Step: Equatable { case editing, done, cancelled }

    mutating func handle(_ key: Key) -> Step {
        switch key {
        case .enter: return .done
        case .escape: return .cancelled
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(matches.count, selection + 1)
        case .pageUp: selection = max(0, selection - Self.page)
        case .pageDown: selection = min(matches.count, selection + Self.page)
        default:
            let before = input.text
            _ = input.handle(key)
            if input.text != before { selection = 0 }
        }
        return .editing
    }

    /// How far PgUp and PgDn move.
    static let page = 8

    /// The list's filter as the selection says: the chosen owner, else the typed text
    /// as "contains", else no owner filter.
    func apply(to filter: inout ListFilter) {
        if let chosen {
            filter.pickedOwner = chosen.name
            filter.core.owner = nil
        } else {
            filter.pickedOwner = nil
            filter.core.owner = text.isEmpty ? nil : text
        }
    }
}
