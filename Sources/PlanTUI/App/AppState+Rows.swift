import PlanCore

/// Rows and the selection: which row is which, and where the selection goes when its row goes.
extension AppState {
    public func id(of row: Row) -> RowID {
        switch row {
        case .section(let s): .section(plan.sections[s].number)
        case .area(let s, let a): .area(plan.sections[s].areas[a].number)
        case .action(let i): .action(plan.actions[i].ref)
        }
    }

    public var selectedIndex: Int? {
        selected.flatMap { rowPositions.row(of: $0, in: plan, rows: rows) }
    }

    /// The selected action, if an action row is selected.
    public var selectedAction: Action? {
        guard case .action(let ref)? = selected else { return nil }
        return plan.action(ref: ref)
    }

    func firstActionRow() -> Int? {
        rows.firstIndex { if case .action = $0 { true } else { false } }
    }

    /// When the selected row disappears (filtered out, folded, removed), the row
    /// that now stands where it was: its heading, or the closest row.
    func nearestRow(to lost: RowID, oldIndex: Int?) -> Int? {
        guard !rows.isEmpty else { return nil }
        if case .action(let ref) = lost, let action = plan.action(ref: ref) {
            // Folded away: its heading. Filtered out: the action now in its place.
            for heading in [RowID.area(action.areaNumber), .section(action.sectionNumber)]
            where folded.contains(heading) {
                if let index = rowPositions.row(of: heading, in: plan, rows: rows) { return index }
            }
            if let oldIndex {
                let start = min(oldIndex, rows.count - 1)
                let next = rows[start...].firstIndex { if case .action = $0 { true } else { false } }
                let previous = rows[...start].lastIndex { if case .action = $0 { true } else { false } }
                if let index = next ?? previous { return index }
            }
            return firstActionRow() ?? 0
        }
        if case .area(let number) = lost, let section = number.split(separator: ".").first,
            let index = rowPositions.row(of: .section(String(section)), in: plan, rows: rows)
        {
            return index
        }
        return 0
    }
}
