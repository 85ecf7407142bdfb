/// The board pack as JSON: every field of the plan as it stood on the day (header,
/// text sections, sections, areas, every action in full), the summary figures, the
/// board checks, the trend and the changes since the last review. Schema version 1,
/// documented in `docs/json.md` ("`export --format json`").
public enum BoardPackJSON {
    public static func render(_ pack: BoardPack, path: String) -> JSONValue {
        let plan = pack.plan
        let key = plan.statusKey
        return .object(
            [
                ("schemaVersion", .int(PlanJSON.schemaVersion)),
                ("plan", .string(path)),
                ("title", .string(plan.title)),
                ("period", .optional(plan.period)),
                ("asAt", .optional(plan.asAt?.iso)),
                (
                    "lastReviewed",
                    plan.lastReviewed.map { .object([("date", .string($0.date.iso)), ("by", .optional($0.by))]) }
                        ?? .null
                ),
                ("asOf", .string(pack.asOf.iso)),
                ("since", .string(pack.since.iso)),
                (
                    "statusKey",
                    .array(
                        key.entries.map {
                            .object([
                                ("status", .string($0.status.identifier)), ("code", .string($0.status.code)),
                                ("label", .string($0.label)), ("definition", .string($0.definition)),
                            ])
                        })
                ),
                ("extraFields", fields(plan.extraFields)),
                ("introduction", .string(plan.introduction)),
                (
                    "glossary",
                    .array(
                        plan.glossary.map { .object([("term", .string($0.term)), ("meaning", .string($0.meaning))]) })
                ),
                (
                    "textSections",
                    .array(
                        plan.textSections.map {
                            .object([("title", .string($0.title)), ("body", .string($0.body)), ("line", .int($0.line))])
                        })
                ),
            ] + PlanJSON.counts(pack.summary.overall, key: key) + [
                (
                    "attention",
                    .array(
                        pack.summary.attention.map {
                            .object([
                                ("check", .string($0.check.rawValue)), ("description", .string($0.check.summary)),
                                ("count", .int($0.count)),
                            ])
                        })
                ),
                ("redOrOverdue", .array(pack.redOrOverdue.map { .string($0.ref) })),
                (
                    "trend",
                    .array(
                        pack.trend.points.map {
                            .object([("date", .string($0.date.iso))] + PlanJSON.counts($0.counts, key: key))
                        })
                ),
                ("changes", changes(pack, path: path)),
                ("impactAgreedBy", .array(plan.impactAgreedBy.map(JSONValue.string))),
                ("reviews", .array(plan.reviews.map(GovernanceJSON.review))),
                ("areaRollups", .array(pack.summary.areas.map { GovernanceJSON.area($0, key: key) })),
                ("sections", .array(plan.sections.map { section(in: pack, $0) })),
            ])
    }

    static func section(in pack: BoardPack, _ section: Section) -> JSONValue {
        .object(
            [
                ("number", .string(section.number)),
                ("title", .string(section.title)),
                ("description", .string(section.description)),
                ("line", .int(section.line)),
            ] + PlanJSON.counts(pack.counts(of: section), key: pack.plan.statusKey) + [
                ("areas", .array(section.areas.map { area(in: pack, $0) }))
            ])
    }

    static func area(in pack: BoardPack, _ area: Area) -> JSONValue {
        .object([
            ("number", .string(area.number)),
            ("title", .string(area.title)),
            ("needsToImprove", .optional(area.needsToImprove)),
            ("priorityAction", .optional(area.priorityAction)),
            ("inspectorsFound", .optional(area.inspectorsFound)),
            ("description", .string(area.description)),
            ("extraFields", fields(area.extraFields)),
            ("line", .int(area.line)),
            (
                "actions",
                .array(pack.actions(in: area).map { PlanJSON.action($0, key: pack.plan.statusKey, on: pack.asOf) })
            ),
        ])
    }

    /// The `changes --format json` object for the period, without the keys the
    /// export already has at its top level (`schemaVersion`, `plan`, `title`).
    static func changes(_ pack: BoardPack, path: String) -> JSONValue {
        guard case .object(let pairs) = ChangesReport.json(pack.changes, path: path, title: pack.plan.title) else {
            return .null
        }
        return .object(pairs.filter { !["schemaVersion", "plan", "title"].contains($0.0) })
    }

    static func fields(_ fields: [Field]) -> JSONValue {
        .array(fields.map { .object([("name", .string($0.name)), ("value", .string($0.value))]) })
    }
}
