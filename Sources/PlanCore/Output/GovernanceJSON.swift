/// The JSON forms of the board's lines: areas rolled up, sign-offs, assessments,
/// agreements, measures with their values, and the log of reviews (docs/json.md).
public enum GovernanceJSON {
    /// An agreement standing at `line` (see ``Action/currentLine(_:)``).
    static func agreement<Out: JSONOutput>(_ agreement: Agreement, line: Int, to out: inout Out) {
        out.object {
            $0.date("date", agreement.date)
            $0.optional("by", agreement.by)
            $0.string("text", agreement.text)
            $0.int("line", line)
        }
    }

    static func point<Out: JSONOutput>(_ point: Measure.Point?, to out: inout Out) {
        guard let point else { return out.null() }
        out.object {
            $0.key("value")
            $0.double(point.value)
            $0.date("date", point.date)
        }
    }

    /// A measure with where it stands: `progress` is `no-value`, `tracked`, `met`,
    /// `on-track` or `off-track`; `expected` is what the line from baseline to target
    /// expects on the latest value's date.
    public static func measure(_ measure: Measure, holder: String) -> JSONValue {
        JSONTree.build { write(measure, holder: holder, to: &$0) }
    }

    /// ``measure(_:holder:)`` written to `out`.
    static func write<Out: JSONOutput>(_ measure: Measure, holder: String, to out: inout Out) {
        out.beginObject()
        out.string("holder", holder)
        out.string("name", measure.name)
        out.optional("unit", measure.unit)
        out.key("baseline")
        point(measure.baseline, to: &out)
        out.key("target")
        point(measure.target, to: &out)
        out.string("direction", measure.direction.rawValue)
        out.string("progress", measure.progress.rawValue)
        out.key("expected")
        if let expected = measure.latest.flatMap({ measure.expected(on: $0.date) }) {
            out.double(expected)
        } else {
            out.null()
        }
        out.key("values")
        out.array(measure.chronological) { out, value in
            out.object {
                $0.date("date", value.date)
                $0.optional("author", value.author)
                $0.key("value")
                $0.double(value.value)
                $0.int("line", value.line)
            }
        }
        out.int("line", measure.line)
        out.endObject()
    }

    /// The keys an action gains: `agreements` and `measures`.
    static func actionPairs<Out: JSONOutput>(_ action: Action, to out: inout Out) {
        out.key("agreements")
        out.array(action.agreements) { agreement($1, line: action.currentLine($1.line), to: &$0) }
        out.key("measures")
        out.array(action.currentMeasures) { write($1, holder: action.ref, to: &$0) }
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
