extension Action.Timeline {
    /// What ``wasAdded(by:periodStart:)``, ``wasRetired(by:)``, ``status(at:current:)``
    /// and ``due(at:current:)`` answer, for days asked in ascending order: the history
    /// is walked once for all of them (the trend asks once a month).
    func states(periodStart: PlanDate?, current action: Action) -> Sweep {
        Sweep(self, periodStart: periodStart, current: action)
    }

    /// The state of one action as ``advance(to:)`` moves it forward through its history.
    struct Sweep {
        private let ordered: [HistoryEntry]
        /// The first day it is in the plan; nil when it always was.
        private let addedFrom: PlanDate?
        private let retiredFrom: PlanDate?
        /// The status before the first status change, else the current one.
        private let initialStatus: Status
        private let currentDueDate: PlanDate?
        /// How many entries of ``ordered`` are on or before ``day``.
        private var passed = 0
        private var lastStatus: Status?
        /// The first due change after ``day`` (``ordered``'s count when none is left).
        private var nextDue = -1

        /// Whether the action was in the plan at the end of the day.
        private(set) var isAdded = false
        /// Whether it had been retired by then.
        private(set) var isRetired = false
        /// The status at the end of the day.
        private(set) var status: Status
        /// The due date then, when it was a single date.
        private(set) var dueDate: PlanDate?

        init(_ timeline: Action.Timeline, periodStart: PlanDate?, current action: Action) {
            ordered = timeline.ordered
            var added: PlanDate?
            var retired: PlanDate?
            var firstFrom: Status?
            for entry in ordered {
                switch entry.change {
                case .added where added == nil: added = entry.date
                case .retired where retired == nil: retired = entry.date
                case .status(let from, _) where firstFrom == nil: firstFrom = from
                default: break
                }
            }
            addedFrom = added ?? periodStart
            retiredFrom = retired
            initialStatus = firstFrom ?? action.status
            status = initialStatus
            currentDueDate = action.due?.date
            dueDate = currentDueDate
        }

        /// Moves to the end of `day`, which is on or after the day before.
        mutating func advance(to day: PlanDate) {
            isAdded = addedFrom.map { $0 <= day } ?? true
            isRetired = retiredFrom.map { $0 <= day } ?? false
            while passed < ordered.count, ordered[passed].date <= day {
                if case .status(_, let to) = ordered[passed].change { lastStatus = to }
                passed += 1
            }
            status = lastStatus ?? initialStatus
            guard nextDue < passed else { return }
            nextDue = passed
            while nextDue < ordered.count {
                if case .due(let from, _) = ordered[nextDue].change {
                    dueDate = Action.Timeline.due(before: from)?.date
                    return
                }
                nextDue += 1
            }
            dueDate = currentDueDate
        }
    }
}
