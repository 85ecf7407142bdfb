/// The plan as it stood at the end of a day, rebuilt from each action's history.
extension Plan {
    /// Statuses, due dates and owners as they were at the end of `day`, notes and
    /// history up to then, and without the actions added after it. An action without
    /// an `Added` line was in the plan from the start of its period (``periodStart``),
    /// so it is not there before.
    public func asOf(_ day: PlanDate) -> Plan {
        let start = periodStart
        // Nothing after the day (the common case for "today"): the plan as it is, not a copy.
        if start.map({ $0 <= day }) ?? true,
            actions.indices.allSatisfy({ actions.reading($0) { $0.hasNothingAfter(day) } }),
            governanceHasNothingAfter(day)
        {
            return self
        }
        var past = governanceAsOf(day)
        var kept: [Action] = []
        kept.reserveCapacity(actions.count)
        var newIndex: [Int?] = []
        newIndex.reserveCapacity(actions.count)
        for action in actions {
            guard let state = action.asOf(day, periodStart: start) else {
                newIndex.append(nil)
                continue
            }
            newIndex.append(kept.count)
            kept.append(state)
        }
        past.actions = ActionList(kept)
        if kept.count != actions.count {
            past.indexByRef = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1.ref.lowercased(), $0) })
        }
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

extension Plan {
    /// The first day of the plan's `Period`: its first date (`1 September 2025`), or the
    /// first of the month it starts with (`September 2025 – March 2027`); nil when the
    /// period is not given or starts with neither.
    public var periodStart: PlanDate? {
        guard let period else { return nil }
        if let first = DateText.scan(period).first, case .date(let date) = first.reading,
            period[..<first.range.lowerBound].allSatisfy({ !$0.isNumber })
        {
            return date
        }
        let words = period.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard words.count >= 2, let month = DateText.monthNumber(words[0]), words[1].count == 4,
            let year = Int(words[1])
        else { return nil }
        return PlanDate(year: year, month: month, day: 1)
    }
}

extension Action {
    /// This action as it was at the end of `day`, or nil if it had not been added yet:
    /// its `Added` date, else `periodStart` (the plan's), is after the day.
    public func asOf(_ day: PlanDate, periodStart: PlanDate? = nil) -> Action? {
        let timeline = Timeline(self)
        guard timeline.wasAdded(by: day, periodStart: periodStart) else { return nil }
        // Nothing after the day (the common case for "today"): the action as it is.
        if hasNothingAfter(day) { return self }
        var past = self
        past.history = history.filter { $0.date <= day }
        past.notes = notes.filter { $0.date <= day }
        past.agreements = agreements.filter { $0.date <= day }
        past.measures = measures.map { $0.asOf(day) }
        past.status = timeline.status(at: day, current: status)
        past.due = timeline.due(at: day, current: due)
        past.owners = timeline.owners(at: day, current: owners)
        return past
    }

    /// Whether no change and no note is dated after `day`: the action then stood as it is.
    func hasNothingAfter(_ day: PlanDate) -> Bool {
        history.allSatisfy { $0.date <= day } && notes.allSatisfy { $0.date <= day }
            && agreements.allSatisfy { $0.date <= day } && measures.allSatisfy { $0.hasNothingAfter(day) }
    }

    /// An action's history in date order (file order within a day), read once and
    /// asked for the state on any number of days (the trend asks for one a month).
    struct Timeline {
        /// The history sorted by date, stable.
        let ordered: [HistoryEntry]

        init(_ action: Action) {
            let history = action.history
            // Usually already in date order: sorting is then skipped.
            ordered =
                zip(history, history.dropFirst()).allSatisfy { $0.date <= $1.date }
                ? history
                : history.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(
                    \.element)
        }

        /// On or after its `Added` date; without one, on or after the period's start (if known).
        func wasAdded(by day: PlanDate, periodStart: PlanDate? = nil) -> Bool {
            guard let added = ordered.first(where: { if case .added = $0.change { true } else { false } }) else {
                return periodStart.map { $0 <= day } ?? true
            }
            return added.date <= day
        }

        /// Whether a `Retired` line is dated on or before `day`.
        func wasRetired(by day: PlanDate) -> Bool {
            ordered.contains { entry in
                if case .retired = entry.change { entry.date <= day } else { false }
            }
        }

        /// The status after the last change on or before `day`, else before the first change.
        func status(at day: PlanDate, current: Status) -> Status {
            var status: Status?
            for entry in ordered {
                guard case .status(let from, let to) = entry.change else { continue }
                if entry.date > day { return status ?? from }
                status = to
            }
            return status ?? current
        }

        /// The due date before the first due change after `day`, else the current one.
        func due(at day: PlanDate, current: Due?) -> Due? {
            for entry in ordered where entry.date > day {
                guard case .due(let from, _) = entry.change else { continue }
                return Timeline.due(before: from)
            }
            return current
        }

        /// The due date a `Due` change's `from` side gives: nil for `none`.
        static func due(before from: String) -> Due? {
            if from == "none" { return nil }
            let dates = DateText.scan(from).compactMap { m -> PlanDate? in
                if case .date(let d) = m.reading { return d }
                return nil
            }
            return Due(text: from, date: dates.count == 1 ? dates[0] : nil)
        }

        /// The owners before the first owner change after `day`, else the current ones.
        func owners(at day: PlanDate, current: [String]) -> [String] {
            for entry in ordered where entry.date > day {
                if case .owner(let from, _) = entry.change { return from == ["none"] ? [] : from }
            }
            return current
        }
    }
}
