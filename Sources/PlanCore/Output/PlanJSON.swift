/// The JSON forms of plans, actions and summaries. The schema is documented in
/// `docs/json.md` and is stable: fields are only ever added.
public enum PlanJSON {
    public static let schemaVersion = 1

    public static func action(_ action: Action, key: StatusKey, on day: PlanDate) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("ref", .string(action.ref)),
            ("section", .string(action.sectionNumber)),
            ("area", .string(action.areaNumber)),
            ("status", .string(action.status.identifier)),
            ("statusCode", .string(action.status.code)),
            ("statusLabel", .string(key.label(for: action.status))),
            ("text", .string(action.text)),
            ("owners", .array(action.owners.map(JSONValue.string))),
            (
                "due",
                action.due.map { .object([("text", .string($0.text)), ("date", .optional($0.date?.iso))]) } ?? .null
            ),
            ("overdue", .bool(action.isOverdue(on: day))),
            ("line", .int(action.line)),
            ("notes", .array(action.notes.map { note($0, line: action.currentLine($0.line)) })),
            ("history", .array(action.history.map { history($0, line: action.currentLine($0.line)) })),
            (
                "extraFields",
                .array(action.extraFields.map { .object([("name", .string($0.name)), ("value", .string($0.value))]) })
            ),
        ]
        pairs += GovernanceJSON.actionPairs(action)
        // Only on retired actions, so that the JSON of plans without any is as it was.
        if let retirement = action.retirement, case .retired(let reason) = retirement.change {
            pairs.append(
                (
                    "retired",
                    .object([
                        ("date", .string(retirement.date.iso)), ("author", .optional(retirement.author)),
                        ("reason", .string(reason)),
                    ])
                ))
        }
        return .object(pairs)
    }

    /// A note standing at `line` (see ``Action/currentLine(_:)``).
    static func note(_ note: Note, line: Int) -> JSONValue {
        .object([
            ("date", .string(note.date.iso)), ("author", .optional(note.author)), ("text", .string(note.text)),
            ("line", .int(line)),
        ])
    }

    /// A history line standing at `line` (see ``Action/currentLine(_:)``).
    static func history(_ entry: HistoryEntry, line: Int) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("date", .string(entry.date.iso)), ("author", .optional(entry.author))]
        switch entry.change {
        case .status(let from, let to):
            pairs += [("kind", .string("status")), ("from", .string(from.identifier)), ("to", .string(to.identifier))]
        case .due(let from, let to):
            pairs += [("kind", .string("due")), ("from", .string(from)), ("to", .string(to))]
        case .owner(let from, let to):
            pairs += [
                ("kind", .string("owner")), ("from", .array(from.map(JSONValue.string))),
                ("to", .array(to.map(JSONValue.string))),
            ]
        case .added(let text):
            pairs += [("kind", .string("added")), ("text", .string(text))]
        case .retired(let reason):
            pairs += [("kind", .string("retired")), ("reason", .string(reason))]
        case .moved(let from, let to):
            pairs += [("kind", .string("moved")), ("from", .string(from)), ("to", .string(to))]
        case .reworded(let old):
            pairs += [("kind", .string("reworded")), ("from", .string(old))]
        }
        pairs.append(("line", .int(line)))
        return .object(pairs)
    }

    public static func counts(_ counts: StatusCounts, key: StatusKey) -> [(String, JSONValue)] {
        // `retired` only when there are some, so that the JSON of plans without any is as it was.
        (counts.retired > 0 ? [("retired", .int(counts.retired))] : []) + [
            ("total", .int(counts.total)),
            ("complete", .int(counts.complete)),
            ("percentComplete", .double(counts.percentComplete)),
            ("overdue", .int(counts.overdue)),
            (
                "byStatus",
                .object(
                    Status.allCases.filter { key.contains($0) || counts[$0] > 0 }.map {
                        ($0.identifier, .int(counts[$0]))
                    })
            ),
        ]
    }

    public static func summary(_ summary: PlanSummary, path: String) -> JSONValue {
        .object(
            [
                ("schemaVersion", .int(schemaVersion)),
                ("plan", .string(path)),
                ("title", .string(summary.title)),
                ("asAt", .optional(summary.asAt?.iso)),
                ("asOf", .string(summary.asOf.iso)),
                (
                    "statusKey",
                    .array(
                        summary.statusKey.entries.map {
                            .object([
                                ("status", .string($0.status.identifier)), ("code", .string($0.status.code)),
                                ("label", .string($0.label)), ("definition", .string($0.definition)),
                            ])
                        })
                ),
            ] + counts(summary.overall, key: summary.statusKey) + [
                (
                    "attention",
                    .array(
                        summary.attention.map {
                            .object([
                                ("check", .string($0.check.rawValue)), ("description", .string($0.check.summary)),
                                ("count", .int($0.count)),
                            ])
                        })
                ),
                (
                    "sections",
                    .array(
                        summary.sections.map {
                            .object(
                                [("number", .string($0.number)), ("title", .string($0.title))]
                                    + counts($0.counts, key: summary.statusKey))
                        })
                ),
            ] + GovernanceJSON.summaryPairs(summary))
    }

    public static func list(_ actions: [Action], plan: Plan, path: String, on day: PlanDate) -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("plan", .string(path)),
            ("title", .string(plan.title)),
            ("asOf", .string(day.iso)),
            ("count", .int(actions.count)),
            ("actions", .array(actions.map { action($0, key: plan.statusKey, on: day) })),
        ])
    }
}
