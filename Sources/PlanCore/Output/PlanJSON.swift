/// The JSON forms of plans, actions and summaries. The schema is documented in
/// `docs/json.md` and is stable: fields are only ever added.
public enum PlanJSON {
    public static let schemaVersion = 1

    public static func action(_ action: Action, key: StatusKey, on day: PlanDate) -> JSONValue {
        JSONTree.build { write(action, key: key, on: day, to: &$0) }
    }

    /// ``action(_:key:on:)`` written to `out`.
    public static func write<Out: JSONOutput>(_ action: Action, key: StatusKey, on day: PlanDate, to out: inout Out) {
        out.beginObject()
        out.string("ref", action.ref)
        out.string("section", action.sectionNumber)
        out.string("area", action.areaNumber)
        out.string("status", action.status.identifier)
        out.string("statusCode", action.status.code)
        out.string("statusLabel", key.label(for: action.status))
        out.string("text", action.text)
        out.key("owners")
        out.strings(action.owners)
        out.key("due")
        if let due = action.due {
            out.object {
                $0.string("text", due.text)
                $0.optionalDate("date", due.date)
            }
        } else {
            out.null()
        }
        out.bool("overdue", action.isOverdue(on: day))
        out.int("line", action.line)
        out.key("notes")
        out.array(action.notes) { note($1, line: action.currentLine($1.line), to: &$0) }
        out.key("history")
        out.array(action.history) { history($1, line: action.currentLine($1.line), to: &$0) }
        out.key("extraFields")
        fields(action.extraFields, to: &out)
        GovernanceJSON.actionPairs(action, to: &out)
        // Only on retired actions, so that the JSON of plans without any is as it was.
        if let retirement = action.retirement, case .retired(let reason) = retirement.change {
            out.key("retired")
            out.object {
                $0.date("date", retirement.date)
                $0.optional("author", retirement.author)
                $0.string("reason", reason)
            }
        }
        out.endObject()
    }

    /// Name and value pairs (`extraFields`).
    static func fields<Out: JSONOutput>(_ fields: [Field], to out: inout Out) {
        out.array(fields) { out, field in
            out.object {
                $0.string("name", field.name)
                $0.string("value", field.value)
            }
        }
    }

    /// A note standing at `line` (see ``Action/currentLine(_:)``).
    static func note<Out: JSONOutput>(_ note: Note, line: Int, to out: inout Out) {
        out.object {
            $0.date("date", note.date)
            $0.optional("author", note.author)
            $0.string("text", note.text)
            $0.int("line", line)
        }
    }

    /// A history line standing at `line` (see ``Action/currentLine(_:)``).
    static func history<Out: JSONOutput>(_ entry: HistoryEntry, line: Int, to out: inout Out) {
        out.beginObject()
        out.date("date", entry.date)
        out.optional("author", entry.author)
        switch entry.change {
        case .status(let from, let to):
            out.string("kind", "status")
            out.string("from", from.identifier)
            out.string("to", to.identifier)
        case .due(let from, let to):
            out.string("kind", "due")
            out.string("from", from)
            out.string("to", to)
        case .owner(let from, let to):
            out.string("kind", "owner")
            out.key("from")
            out.strings(from)
            out.key("to")
            out.strings(to)
        case .added(let text):
            out.string("kind", "added")
            out.string("text", text)
        case .retired(let reason):
            out.string("kind", "retired")
            out.string("reason", reason)
        case .moved(let from, let to):
            out.string("kind", "moved")
            out.string("from", from)
            out.string("to", to)
        case .reworded(let old):
            out.string("kind", "reworded")
            out.string("from", old)
        }
        out.int("line", line)
        out.endObject()
    }

    public static func counts(_ counts: StatusCounts, key: StatusKey) -> [(String, JSONValue)] {
        JSONTree.pairs { write(counts, key: key, to: &$0) }
    }

    /// The pairs of ``counts(_:key:)`` written into the current object.
    static func write<Out: JSONOutput>(_ counts: StatusCounts, key: StatusKey, to out: inout Out) {
        // `retired` only when there are some, so that the JSON of plans without any is as it was.
        if counts.retired > 0 { out.int("retired", counts.retired) }
        out.int("total", counts.total)
        out.int("complete", counts.complete)
        out.key("percentComplete")
        out.double(counts.percentComplete)
        out.int("overdue", counts.overdue)
        out.key("byStatus")
        out.object {
            for status in Status.allCases where key.contains(status) || counts[status] > 0 {
                $0.key(escaping: status.identifier)
                $0.int(counts[status])
            }
        }
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
        JSONTree.build { list(actions, plan: plan, path: path, on: day, to: &$0) }
    }

    /// ``list(_:plan:path:on:)`` written to `out`.
    public static func list<Out: JSONOutput>(
        _ actions: [Action], plan: Plan, path: String, on day: PlanDate, to out: inout Out
    ) {
        out.object {
            $0.int("schemaVersion", schemaVersion)
            $0.string("plan", path)
            $0.string("title", plan.title)
            $0.date("asOf", day)
            $0.int("count", actions.count)
            $0.key("actions")
            $0.array(actions) { write($1, key: plan.statusKey, on: day, to: &$0) }
        }
    }
}
