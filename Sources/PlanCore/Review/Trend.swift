/// % complete and counts per status over time, rebuilt from the plan's history:
/// what boards report upward ("53% in January, 70% in April, 94% in July").
public struct Trend: Sendable {
    public enum Interval: String, Sendable, CaseIterable {
        case month, week
    }

    public struct Point: Sendable, Equatable {
        public var date: PlanDate
        public var counts: StatusCounts
    }

    public var points: [Point]
    public var statusKey: StatusKey

    /// The plan at the end of each month (or every seven days) from `start` to
    /// `end`; the last point is `end` itself.
    public init(plan: Plan, from start: PlanDate, to end: PlanDate, every interval: Interval) {
        statusKey = plan.statusKey
        // What `plan.asOf(day)` would count, with each action's history read once for all the days.
        let timelines = plan.actions.map(Action.Timeline.init)
        let periodStart = plan.periodStart
        points = Trend.dates(from: start, to: end, every: interval).map { day in
            var counts = StatusCounts()
            for (action, timeline) in zip(plan.actions, timelines)
            where timeline.wasAdded(by: day, periodStart: periodStart) {
                if timeline.wasRetired(by: day) {
                    counts.addRetired()
                    continue
                }
                let status = timeline.status(at: day, current: action.status)
                let due = timeline.due(at: day, current: action.due)
                counts.add(status, overdue: due?.date.map { $0 < day && !status.isComplete } ?? false)
            }
            return Point(date: day, counts: counts)
        }
    }

    /// The first date in the plan's history (added, status, due, owner changes and
    /// notes), or the "as at" date when it has none.
    public static func firstDate(of plan: Plan) -> PlanDate? {
        let dates = plan.actions.flatMap { $0.history.map(\.date) + $0.notes.map(\.date) }
        return dates.min() ?? plan.asAt
    }

    static func dates(from start: PlanDate, to end: PlanDate, every interval: Interval) -> [PlanDate] {
        guard start <= end else { return [end] }
        var out: [PlanDate] = []
        switch interval {
        case .week:
            var day = start
            while day < end {
                out.append(day)
                day = day.adding(days: 7)
            }
        case .month:
            var (year, month) = (start.year, start.month)
            while true {
                // Nil only past year 9999, which `end` cannot be after.
                guard let last = PlanDate(year: year, month: month, day: PlanDate.daysIn(month: month, year: year)),
                    last < end
                else { break }
                out.append(last)
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
        }
        out.append(end)
        return out
    }
}
