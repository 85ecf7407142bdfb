/// A board's agreement that an action's impact is evidenced, which is what moves it to
/// blue: `- Agreed 2026-06-24 (Exploitation Improvement Board): impact evidenced`.
public struct Agreement: Sendable, Equatable {
    public var date: PlanDate
    public var by: String?
    public var text: String
    @LineNumber public var line: Int
}

/// A board's decision that an area is fully addressed, and how it will be monitored
/// from then on: `- Signed off 2026-09-30 (Board): monitored through the monthly scorecard`.
public struct SignOff: Sendable, Equatable {
    public var date: PlanDate
    public var by: String?
    public var monitoring: String
    @LineNumber public var line: Int
}

/// A board's own RAG for an area, which wins over the derived one until the next change
/// in the area: `- Assessed 2026-10-28 (Board): A, the audit has not yet been repeated`.
public struct Assessment: Sendable, Equatable {
    public var date: PlanDate
    public var by: String?
    public var status: Status
    public var text: String
    @LineNumber public var line: Int
}

/// One recorded meeting of the board: `- Reviewed 2026-10-28 (Board): looked at 31 of 72, changed 6`.
public struct ReviewRecord: Sendable, Equatable {
    public var date: PlanDate
    public var by: String?
    /// How many actions the board looked at, of how many, and how many it changed; nil
    /// when the line does not say (a review recorded before the log, or by hand).
    public var lookedAt: Int?
    public var of: Int?
    public var changed: Int?
    /// Anything written after the counts (`; …`).
    public var remark: String
    @LineNumber public var line: Int
}

/// Something measured to show that practice changed, with where it started, where it
/// should get to, and the values recorded since:
///
/// ```
/// - Measure Child's words recorded (%): baseline 46 on 2025-09-30; target 95 by 2026-12-31; higher is better
/// - Value 2026-01-31 (Audit team): Child's words recorded = 58
/// ```
public struct Measure: Sendable, Equatable {
    public enum Direction: String, Sendable, Equatable {
        case higher, lower
    }

    public struct Point: Sendable, Equatable {
        public var value: Double
        public var date: PlanDate
    }

    public struct Value: Sendable, Equatable {
        public var date: PlanDate
        public var author: String?
        public var value: Double
        /// The number as written, so that output shows `58` and not `58.0`.
        public var text: String
        @LineNumber public var line: Int
    }

    public var name: String
    public var unit: String?
    public var baseline: Point?
    public var target: Point?
    public var direction: Direction
    /// In file order; ``latest`` is the newest by date.
    public var values: [Value]
    @LineNumber public var line: Int

    /// The newest value (by date, then file order).
    public var latest: Value? {
        values.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
    }

    /// The values in date order (file order within a day).
    public var chronological: [Value] {
        values.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
