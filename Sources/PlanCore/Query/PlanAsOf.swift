/// The plan as it stood at the end of a day, rebuilt from each action's history.
extension Plan {
    /// Statuses, due dates and owners as they were at the end of `day`, notes and
    /// history up to then, and without the actions added after it.
    public func asOf(_ day: PlanDate) -> Plan {
        var past = self
        var kept: [Action] = []
        var newIndex: [Int?] = []
        for action in actions {
            guard let state = action.asOf(day) else {
                newIndex.append(nil)
                continue
            }
            newIndex.append(kept.count)
            kept.append(state)
        }
        past.actions = kept
        past.indexByRef = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1.ref.lowercased(), $0) })
        // Areas hold contiguous ranges; map each range through the kept actions.
        var position = 0
        for s in past.sections.indices {
            for a in past.sections[s].areas.indices {
                let old = past.sections[s].areas[a].actionRange
                let count = old.filter { newIndex[$0] != nil }.count
                past.sections[s].areas[a].actionRange = position..<(position + count)
                position += count
            }
        }
        return past
    }
}

extension Action {
    /// This action as it was at the end of `day`, or nil if it had not been added yet.
    public func asOf(_ day: PlanDate) -> Action? {
        let ordered = history.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        if let added = ordered.first(where: { if case .added = $0.change { true } else { false } }), added.date > day {
            return nil
        }
        var past = self
        past.history = history.filter { $0.date <= day }
        past.notes = notes.filter { $0.date <= day }

        let statusChanges = ordered.compactMap { e -> (PlanDate, Status, Status)? in
            if case .status(let from, let to) = e.change { return (e.date, from, to) }
            return nil
        }
        if let last = statusChanges.last(where: { $0.0 <= day }) {
            past.status = last.2
        } else if let first = statusChanges.first {
            past.status = first.1
        }

        let dueChanges = ordered.compactMap { e -> (PlanDate, String)? in
            if case .due(let from, _) = e.change, e.date > day { return (e.date, from) }
            return nil
        }
        if let firstLater = dueChanges.first, firstLater.1 == "none" {
            past.due = nil
        } else if let firstLater = dueChanges.first {
            let dates = DateText.scan(firstLater.1).compactMap { m -> PlanDate? in
                if case .date(let d) = m.reading { return d }
                return nil
            }
            past.due = Due(text: firstLater.1, date: dates.count == 1 ? dates[0] : nil)
        }

        let ownerChange = ordered.first { e in
            if case .owner = e.change { return e.date > day }
            return false
        }
        if let ownerChange, case .owner(let from, _) = ownerChange.change { past.owners = from == ["none"] ? [] : from }
        return past
    }
}
