import PlanCore

/// The TUI's filters: the core ones plus "due before the next review" (``ReviewCycle/days``).
public struct ListFilter: Equatable, Sendable {
    public var core = ActionFilter()
    public var dueSoon = false
    /// An owner picked from the filter panel's list: their actions only (names folded as
    /// ``OwnerName`` folds them), where `core.owner` keeps every name containing some text.
    public var pickedOwner: String?

    public var isEmpty: Bool { core.isEmpty && !dueSoon && pickedOwner == nil }

    func matches(_ action: Action, today: PlanDate) -> Bool {
        guard core.matches(action, on: today) else { return false }
        if let pickedOwner, !OwnerName.isOwner(pickedOwner, of: action) { return false }
        return !dueSoon || action.isDue(within: ReviewCycle.days, of: today)
    }

    /// "red, amber · owner "police" · overdue": what the header shows.
    func summary(key: StatusKey) -> String {
        var parts: [String] = []
        if !core.statuses.isEmpty {
            parts.append(core.statuses.sorted().map { key.label(for: $0).lowercased() }.joined(separator: ", "))
        }
        if let owner = core.owner, !owner.isEmpty { parts.append("owner \"\(owner)\"") }
        if let pickedOwner { parts.append("owner \(pickedOwner)") }
        if core.overdueOnly { parts.append("overdue") }
        if dueSoon { parts.append("due within \(ReviewCycle.days) days") }
        if let section = core.section { parts.append("section \(section)") }
        if let search = core.search, !search.isEmpty { parts.append("search \"\(search)\"") }
        return parts.joined(separator: " · ")
    }
}
