/// The board pack as JSON: every field of the plan as it stood on the day (header,
/// text sections, sections, areas, every action in full), the summary figures, the
/// board checks, the trend and the changes since the last review. Schema version 1,
/// documented in `docs/json.md` ("`export --format json`").
public enum BoardPackJSON {
    public static func render(_ pack: BoardPack, path: String) -> JSONValue {
        JSONTree.build { write(pack, path: path, to: &$0) }
    }

    /// ``render(_:path:)`` as its bytes, streamed (`export --format json`), ending in a newline.
    public static func bytes(_ pack: BoardPack, path: String) -> [UInt8] {
        JSONWriter.document(actions: pack.plan.actions.count) { write(pack, path: path, to: &$0) }
    }

    /// ``render(_:path:)`` written to `out`.
    public static func write<Out: JSONOutput>(_ pack: BoardPack, path: String, to out: inout Out) {
        let plan = pack.plan
        let key = plan.statusKey
        out.beginObject()
        out.int("schemaVersion", PlanJSON.schemaVersion)
        out.string("plan", path)
        out.string("title", plan.title)
        out.optional("period", plan.period)
        out.optionalDate("asAt", plan.asAt)
        out.key("lastReviewed")
        if let reviewed = plan.lastReviewed {
            out.object {
                $0.date("date", reviewed.date)
                $0.optional("by", reviewed.by)
            }
        } else {
            out.null()
        }
        out.date("asOf", pack.asOf)
        out.date("since", pack.since)
        out.key("statusKey")
        out.array(key.entries) { out, entry in
            out.object {
                $0.string("status", entry.status.identifier)
                $0.string("code", entry.status.code)
                $0.string("label", entry.label)
                $0.string("definition", entry.definition)
            }
        }
        out.key("extraFields")
        PlanJSON.fields(plan.extraFields, to: &out)
        out.string("introduction", plan.introduction)
        out.key("glossary")
        out.array(plan.glossary) { out, entry in
            out.object {
                $0.string("term", entry.term)
                $0.string("meaning", entry.meaning)
            }
        }
        out.key("textSections")
        out.array(plan.textSections) { out, text in
            out.object {
                $0.string("title", text.title)
                $0.string("body", text.body)
                $0.int("line", text.line)
            }
        }
        PlanJSON.write(pack.summary.overall, key: key, to: &out)
        out.key("attention")
        out.array(pack.summary.attention) { out, line in
            out.object {
                $0.string("check", line.check.rawValue)
                $0.string("description", line.check.summary)
                $0.int("count", line.count)
            }
        }
        out.key("redOrOverdue")
        out.array(pack.redOrOverdue) { $0.string($1.ref) }
        out.key("trend")
        out.array(pack.trend.points) { out, point in
            out.object {
                $0.date("date", point.date)
                PlanJSON.write(point.counts, key: key, to: &$0)
            }
        }
        out.value("changes", changes(pack, path: path))
        out.key("impactAgreedBy")
        out.strings(plan.impactAgreedBy)
        out.key("reviews")
        out.array(plan.reviews) { $0.value(GovernanceJSON.review($1)) }
        out.key("areaRollups")
        out.array(pack.summary.areas) { $0.value(GovernanceJSON.area($1, key: key)) }
        out.key("sections")
        out.array(plan.sections) { section(in: pack, $1, to: &$0) }
        out.endObject()
    }

    static func section<Out: JSONOutput>(in pack: BoardPack, _ section: Section, to out: inout Out) {
        out.beginObject()
        out.string("number", section.number)
        out.string("title", section.title)
        out.string("description", section.description)
        out.int("line", section.line)
        PlanJSON.write(pack.counts(of: section), key: pack.plan.statusKey, to: &out)
        out.key("areas")
        out.array(section.areas) { area(in: pack, $1, to: &$0) }
        out.endObject()
    }

    static func area<Out: JSONOutput>(in pack: BoardPack, _ area: Area, to out: inout Out) {
        out.beginObject()
        out.string("number", area.number)
        out.string("title", area.title)
        out.optional("needsToImprove", area.needsToImprove)
        out.optional("priorityAction", area.priorityAction)
        out.optional("inspectorsFound", area.inspectorsFound)
        out.string("description", area.description)
        out.key("extraFields")
        PlanJSON.fields(area.extraFields, to: &out)
        out.int("line", area.line)
        out.key("actions")
        out.array(pack.actions(in: area)) { PlanJSON.write($1, key: pack.plan.statusKey, on: pack.asOf, to: &$0) }
        out.endObject()
    }

    /// The `changes --format json` object for the period, without the keys the
    /// export already has at its top level (`schemaVersion`, `plan`, `title`).
    static func changes(_ pack: BoardPack, path: String) -> JSONValue {
        guard case .object(let pairs) = ChangesReport.json(pack.changes, path: path, title: pack.plan.title) else {
            return .null
        }
        return .object(pairs.filter { !["schemaVersion", "plan", "title"].contains($0.0) })
    }
}
