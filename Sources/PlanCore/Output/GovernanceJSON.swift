/// The JSON forms of the board's lines: areas rolled up, sign-offs, assessments,
/// agreements, measures with their values, and the log of reviews (docs/json.md).
public enum GovernanceJSON {
    /// An agreement standing at `line` (see ``Action/currentLine(_:)``).
    static func agreement(_ agreement: Agreement, line: Int) -> JSONValue {
        .object([
            ("date", .string(agreement.date.iso)), ("by", .optional(agreement.by)), ("text", .string(agreement.text)),
            ("line", .int(line)),
        ])
    }

    static func point(_ point: Measure.Point?) -> JSONValue {
        point.map { .object([("value", .double($0.value)), ("date", .string($0.date.iso))]) } ?? .null
    }

    /// A measure with where it stands: `progress` is `no-value`, `tracked`, `met`,
    /// `on-track` or `off-track`; `expected` is what the line from baseline to target
    /// expects on the latest value's date.
    public static func measure(_ measure: Measure, holder: String) -> JSONValue {
        .object([
            ("holder", .string(holder)),
            ("name", .string(measure.name)),
            ("unit", .optional(measure.unit)),
            ("baseline", point(measure.baseline)),
            ("target", point(measure.target)),
            ("direction", .string(measure.direction.rawValue)),
            ("progress", .string(measure.progress.rawValue)),
            ("expected", measure.latest.flatMap { measure.expected(on: $0.date) }.map(JSONValue.double) ?? .null),
            (
                "values",
                .array(
                    measure.chronological.map {
                        .object([
                            ("date", .string($0.date.iso)), ("author", .optional($0.author)),
                            ("value", .double($0.value)), ("line", .int($0.line)),
                        ])
                    })
            ),
            ("line", .int(measure.line)),
        ])
    }

    /// The keys an action gains: `agreements` and `measures`.
    static func actionPairs(_ action: Action) -> [(String, JSONValue)] {
        [
            ("agreements", .array(action.agreements.map { agreement($0, line: action.currentLine($0.line)) })),
            ("measures", .array(action.currentMeasures.map { measure($0, holder: action.ref) })),
        ]
    }

    /// An area rolled up: its counts, derived and reported status, the assessment
    /// while it holds, sign-offs and measures.
    public static func area(_ rollup: AreaRollup, key: StatusKey) -> JSONValue {
        let area = rollup.area
        return .object(
            [
                ("number", .string(area.number)),
                ("title", .string(area.title)),
                ("status", .optional(rollup.status?.identifier)),
                ("derived", .optional(rollup.derived?.identifier)),
                ("assessed", .bool(rollup.isAssessed)),
                (
                    "assessment",
                    rollup.assessment.map {
                        .object([
                            ("date", .string($0.date.iso)), ("by", .optional($0.by)),
                            ("status", .string($0.status.identifier)), ("text", .string($0.text)),
                            ("line", .int($0.line)),
                        ])
                    } ?? .null
                ),
                ("signedOff", .bool(rollup.signOff != nil)),
                (
                    "signOffs",
                    .array(
                        area.signOffs.map {
                            .object([
                                ("date", .string($0.date.iso)), ("by", .optional($0.by)),
                                ("monitoring", .string($0.monitoring)), ("line", .int($0.line)),
                            ])
                        })
                ),
                ("measures", .array(area.measures.map { measure($0, holder: area.number) })),
                ("line", .int(area.line)),
            ] + PlanJSON.counts(rollup.counts, key: key))
    }

    public static func review(_ review: ReviewRecord) -> JSONValue {
        .object([
            ("date", .string(review.date.iso)), ("by", .optional(review.by)),
            ("lookedAt", review.lookedAt.map(JSONValue.int) ?? .null), ("of", review.of.map(JSONValue.int) ?? .null),
            ("changed", review.changed.map(JSONValue.int) ?? .null), ("remark", .string(review.remark)),
            ("line", .int(review.line)),
        ])
    }

    /// The keys a summary gains: `impactAgreedBy`, `reviews`, `areas`.
    static func summaryPairs(_ summary: PlanSummary) -> [(String, JSONValue)] {
        [
            ("impactAgreedBy", .array(summary.impactAgreedBy.map(JSONValue.string))),
            ("reviews", .array(summary.reviews.map(review))),
            ("areas", .array(summary.areas.map { area($0, key: summary.statusKey) })),
        ]
    }
}
