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
        let days = Trend.dates(from: start, to: end, every: interval)
        points = zip(days, Trend.counts(of: plan, on: days)).map { Point(date: $0, counts: $1) }
    }

    /// What `plan.asOf(day)` would count on each of `days` (in ascending order): each
    /// action's history is walked once, beside the days, rather than once a day.
    static func counts(of plan: Plan, on days: [PlanDate]) -> [StatusCounts] {
        var tallies = [Tally](repeating: Tally(), count: days.count)
        let periodStart = plan.periodStart
        plan.actions.forEachReading { _, action in
            var states = Action.Timeline(action).states(periodStart: periodStart, current: action)
            for (index, day) in days.enumerated() {
                states.advance(to: day)
                guard states.isAdded else { continue }
                if states.isRetired {
                    tallies[index].retired += 1
                    continue
                }
                let status = states.status
                tallies[index].byStatus[status.tallyIndex] += 1
                if !status.isComplete, let due = states.dueDate, due < day { tallies[index].overdue += 1 }
            }
        }
        return tallies.map(\.counts)
    }

    /// The first date in the plan's history (added, status, due, owner changes and
    /// notes), or the "as at" date when it has none.
    public static func firstDate(of plan: Plan) -> PlanDate? {
        var first: PlanDate?
        plan.actions.forEachReading { _, action in
            for entry in action.history where first.map({ entry.date < $0 }) ?? true { first = entry.date }
            for note in action.notes where first.map({ note.date < $0 }) ?? true { first = note.date }
        }
        return first ?? plan.asAt
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

extension Trend {
    /// One point's counts while they are added up: per status in a fixed array, made
    /// into ``StatusCounts`` once at the end.
    struct Tally {
        var byStatus = [Int](repeating: 0, count: Status.allCases.count)
        var overdue = 0
        var retired = 0

        var counts: StatusCounts {
            var counts = StatusCounts()
            for (status, count) in zip(Status.allCases, byStatus) where count > 0 {
                counts.add(status, count: count)
            }
            counts.add(overdue: overdue, retired: retired)
            return counts
        }
    }
}

extension Status {
    /// The position in ``allCases``, for counting in an array.
    var tallyIndex: Int {
        switch self {
        case .red: 0
        case .amber: 1
        case .green: 2
        case .blue: 3
        case .notStarted: 4
        }
    }
}
