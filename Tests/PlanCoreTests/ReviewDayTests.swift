import Testing

@testable import PlanCore

@Suite("A review's default counts")
struct ReviewDayTests {
    /// On 1 March 2026 the board completed 1.1a, noted 1.1b and set 2.1b red; 2.1a was red before.
    static let text = """
        # Plan
        - Period: September 2025 – December 2026

        ## 1 Hearing children

        ### 1.1 Recording
        - Needs to improve: Records.

        - [G] 1.1a Publish guidance.
          - Owner: Lead
          - Due: 2026-02-28
          - Status 2026-03-01 (Sam Patel): A -> G

        - [A] 1.1b Train practitioners.
          - Owner: Lead
          - Due: 2026-12-31
          - Note 2026-03-01 (Sam Patel): Booked.

        - [R] 2.1a Publish a guide.
          - Owner: Nurse
          - Due: 2026-12-31
          - Status 2026-01-10 (Sam Patel): A -> R

        - [R] 2.1b Share data.
          - Owner: Nurse
          - Due: 2026-12-31
          - Status 2026-03-01 (Sam Patel): A -> R

        """

    @Test func theReviewHoldsTheQueueAsTheDayBeganAndWhatJoinedIt() throws {
        let plan = try parse(Self.text).plan
        #expect(ReviewQueue(plan: plan, on: date("2026-03-01")).refs == ["2.1a", "2.1b"])
        let day = ReviewDay(plan: plan, on: date("2026-03-01"))
        #expect(day.held == ["1.1a", "2.1a", "2.1b"])
        #expect(day.retained == ["1.1a"], "completed at the meeting: it left the queue but the review held it")
        #expect(day.changed == ["1.1a", "1.1b", "2.1b"])
        #expect(day.counts(lookedAt: 3) == PlanDocument.ReviewCounts(lookedAt: 3, of: 3, changed: 3))
        #expect(day.counts(lookedAt: 1, of: 5, changed: 0) == PlanDocument.ReviewCounts(lookedAt: 1, of: 5, changed: 0))
    }

    @Test func aReviewDatedEarlierReadsThePlanAsItWasThen() throws {
        let day = ReviewDay(plan: try parse(Self.text).plan, on: date("2026-02-28"))
        #expect(day.held == ["1.1a", "2.1a"])
        #expect(day.changed.isEmpty)
    }
}
