/// The one rule for a review's default counts (`looked at N of M, changed K`), which
/// `actionplan review --record` and the TUI's review (`v`) both take from here.
///
/// The review holds the queue as the day began: the queue at the end of the day, and
/// the actions the day's changes took out of it (set green, say, at the meeting), in
/// file order. K is the number of distinct actions with a change dated the day (a
/// status or due date moved, a note, or added), read from the plan itself, so that an
/// edit that was undone does not count. Both are read from the plan as it stood at the
/// end of the day, so a review dated in the past is counted as it was then.
public struct ReviewDay: Sendable, Equatable {
    /// The refs the review held on the day, in file order.
    public var held: [String]
    /// The refs the day's changes took out of the queue: still held by the review.
    public var retained: Set<String>
    /// The refs of the actions changed on the day.
    public var changed: Set<String>

    /// The review of `plan` on `day`.
    public init(plan: Plan, on day: PlanDate) {
        let eve = day.adding(days: -1)
        changed = Changes(plan: plan, since: eve, until: day).changedRefs
        let end = Set(ReviewQueue(plan: plan.asOf(day), on: day).refs)
        let before = ReviewQueue(plan: plan.asOf(eve), on: day).refs
        let changed = changed
        let retained = Set(before.filter { changed.contains($0) && !end.contains($0) })
        self.retained = retained
        held = plan.actions.map(\.ref).filter { end.contains($0) || retained.contains($0) }
    }

    /// The counts for a review that looked at `lookedAt` actions; `of` and `changed`
    /// replace the held and changed counts when given.
    public func counts(lookedAt: Int, of: Int? = nil, changed: Int? = nil) -> PlanDocument.ReviewCounts {
        PlanDocument.ReviewCounts(lookedAt: lookedAt, of: of ?? held.count, changed: changed ?? self.changed.count)
    }
}
