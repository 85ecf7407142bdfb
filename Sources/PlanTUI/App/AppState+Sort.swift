import PlanCore

/// `s`: the order of each area's actions, as `list --sort` has them.
extension AppState {
    /// Action indices in ``sort``'s order (file order without one).
    func sorted(_ indices: [Int]) -> [Int] {
        guard let sort else { return indices }
        let actions = ActionSort([sort]).sorted(indices.map { plan.actions[$0] }, on: today)
        return actions.compactMap { plan.index(ofRef: $0.ref) }
    }

    /// The orders `s` steps through, as a meeting reads a plan; then back to file order.
    static let sortCycle: [ActionSort.Term?] = [
        ActionSort.Term(.due), ActionSort.Term(.overdueDays, descending: true), ActionSort.Term(.status),
        ActionSort.Term(.owner), ActionSort.Term(.updated), ActionSort.Term(.ref), nil,
    ]

    /// `s`: the next order in ``sortCycle``, keeping the selection.
    mutating func cycleSort() {
        let position = Self.sortCycle.firstIndex { $0 == sort } ?? (Self.sortCycle.count - 1)
        sort = Self.sortCycle[(position + 1) % Self.sortCycle.count]
        refresh()
        scrollListToSelection()
        message = Message(
            text: sort.map { "Sorted by \(Self.sortLabel($0)) within each area." } ?? "In file order.", kind: .info)
    }

    /// "due", "most overdue first", …: what the header says.
    static func sortLabel(_ term: ActionSort.Term) -> String {
        switch (term.key, term.descending) {
        case (.overdueDays, true): "most overdue first"
        case (.updated, false): "least recently updated"
        case (let key, let descending): key.rawValue + (descending ? " (descending)" : "")
        }
    }
}
