import FoundationEssentials

/// Which actions to show: every condition given must hold.
public struct ActionFilter: Sendable, Equatable {
    public var statuses: Set<Status> = []
    /// Matches an owner whose name contains this text, with case and punctuation
    /// folded (see ``OwnerName/key(_:)``).
    public var owner: String?
    /// Matches an owner by their whole name, folded (``OwnerName/isOwner(_:of:)``):
    /// a name picked from a list of owners, where ``owner`` takes every name containing it.
    public var exactOwner: String?
    public var overdueOnly = false
    /// Due strictly before this date.
    public var dueBefore: PlanDate?
    /// A section number such as `2`.
    public var section: String?
    /// Matches ref, text, owners and notes, ignoring case.
    public var search: String?
    /// An area number such as `1.2`.
    public var area: String?
    /// Only actions that are not complete (and not retired).
    public var incompleteOnly = false
    /// Only actions not complete and due within this many days (see ``Action/isDue(within:of:)``).
    public var dueWithin: Int?

    public init(
        statuses: Set<Status> = [], owner: String? = nil, overdueOnly: Bool = false,
        dueBefore: PlanDate? = nil, section: String? = nil, search: String? = nil, area: String? = nil,
        incompleteOnly: Bool = false, dueWithin: Int? = nil
    ) {
        self.area = area
        self.incompleteOnly = incompleteOnly
        self.dueWithin = dueWithin
        self.statuses = statuses
        self.owner = owner
        self.overdueOnly = overdueOnly
        self.dueBefore = dueBefore
        self.section = section
        self.search = search
    }

    public var isEmpty: Bool { self == ActionFilter() }

    /// Whether `action` passes, judging "overdue" as on `day`.
    public func matches(_ action: Action, on day: PlanDate) -> Bool {
        if !statuses.isEmpty, !statuses.contains(action.status) { return false }
        if let owner, !owner.isEmpty, !OwnerName.matches(action, owner) { return false }
        if let exactOwner, !OwnerName.isOwner(exactOwner, of: action) { return false }
        if overdueOnly, !action.isOverdue(on: day) { return false }
        if let dueBefore {
            guard let due = action.due?.date, due < dueBefore else { return false }
        }
        if let section, action.sectionNumber != section.trimming(charactersIn: ". ") {
            return false
        }
        if let area, action.areaNumber != area.trimming(charactersIn: ". ") {
            return false
        }
        if incompleteOnly, action.status.isComplete || action.isRetired { return false }
        if let dueWithin, !action.isDue(within: dueWithin, of: day) { return false }
        if let search, !search.isEmpty {
            let haystacks = [action.ref, action.text] + action.owners + action.notes.map(\.text)
            let needle = search.lowercased()
            if !haystacks.contains(where: { $0.lowercased().contains(needle) }) { return false }
        }
        return true
    }
}

extension Plan {
    public func actions(matching filter: ActionFilter, on day: PlanDate) -> [Action] {
        actions.filter { filter.matches($0, on: day) }
    }
}
