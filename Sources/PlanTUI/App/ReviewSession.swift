import PlanCore

/// A monthly review: the actions that need attention, where we are, and what changed.
public struct ReviewSession: Equatable, Sendable {
    public var queue: [String]
    /// Why each action is in the queue, by ref.
    public var reasons: [String: [String]]
    public var position = 0
    /// The furthest position reached: going back does not take back what was looked at.
    public var furthest = 0
    /// The changes made during the review, in words.
    public var log: [String] = []
    /// The closing screen is showing.
    public var finished = false
    /// The yes/no the closing screen is asking, if any.
    public var question: Question?

    /// What the closing screen asks before or after recording the review.
    public enum Question: Equatable, Sendable {
        /// Fewer actions were looked at than the review holds: record a partial review?
        case partial
        /// The review is recorded: move the plan's As at date to the review's day?
        case asAt
    }

    public var currentRef: String? { queue.indices.contains(position) ? queue[position] : nil }

    /// How many of the queue were looked at: up to the furthest one shown.
    public var lookedAt: Int { min(furthest + 1, queue.count) }

    /// The review's counts for its line in the plan's log of reviews: the changes are read
    /// from `plan` by ``ReviewDay`` (as `review --record` reads them), so an undone edit
    /// does not count.
    public func counts(in plan: Plan, on day: PlanDate) -> PlanDocument.ReviewCounts {
        ReviewDay(plan: plan, on: day).counts(lookedAt: lookedAt, of: queue.count)
    }
}

extension ReviewSession {
    /// Space or Enter: the next action, or the closing screen after the last.
    mutating func next() {
        position += 1
        furthest = max(furthest, position)
        if position >= queue.count { finished = true }
    }

    /// Backspace: the previous action; from the closing screen, the last action seen.
    mutating func previous() {
        if finished {
            finished = false
            position = max(0, min(position, queue.count - 1))
        } else {
            position = max(0, position - 1)
        }
    }

    /// Esc or q: the closing screen.
    mutating func finish() {
        finished = true
    }
}
