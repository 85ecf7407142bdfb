import PlanCore

/// Writes the imported plan's text, and reads it back to check that every action
/// reads as it was meant.
enum ImportPlanText {
    /// The plan's text, and each action's lines (1-based) in it.
    static func render(_ placed: [PlacedAction], options: ImportOptions) -> (text: String, lines: [ClosedRange<Int>]) {
        var out: [String] = []
        let title = ImportValues.oneLine(options.title)
        out.append("# " + (title.isEmpty ? "Action plan" : title))
        out.append("- As at: \(options.asAt.iso)")
        // The default key, plus Blue and Not started when the rows use them.
        let used = Set(placed.flatMap { [$0.draft.status] + $0.draft.history.flatMap { [$0.from, $0.to] } })
        for status in Status.allCases where [.red, .amber, .green].contains(status) || used.contains(status) {
            out.append("- Status \(status.code) (\(status.name)): \(status.defaultDefinition)")
        }
        var lines: [ClosedRange<Int>] = []
        var section: String?
        var area: String?
        for action in placed {
            if action.section.number != section {
                section = action.section.number
                area = nil
                out += ["", "## \(action.section.number) \(ImportValues.oneLine(action.section.title))"]
            }
            if action.area.number != area {
                area = action.area.number
                out += ["", "### \(action.area.number) \(ImportValues.oneLine(action.area.title))"]
                for finding in action.draft.findings {
                    out += ["", "- \(finding.field): \(finding.text[0])"]
                    out += finding.text.dropFirst().map { $0.isEmpty ? "" : "  " + $0 }
                }
            }
            out.append("")
            let first = out.count + 1
            out += actionLines(action, asAt: options.asAt)
            lines.append(first...out.count)
        }
        return (out.joined(separator: "\n") + "\n", lines)
    }

    /// `- [C] REF text`, the text's other lines, then Owner, Due, the extra fields, and the
    /// notes and status changes in date order (a note before a change of the same day).
    static func actionLines(_ action: PlacedAction, asAt: PlanDate) -> [String] {
        let draft = action.draft
        var out = ["- [\(draft.status.code)] \(action.ref) \(draft.text[0])"]
        out += draft.text.dropFirst().map { $0.isEmpty ? "" : "  " + $0 }
        var fields: [[String]] = []
        if !draft.owners.isEmpty { fields.append(["Owner: " + draft.owners.joined(separator: "; ")]) }
        if let due = draft.due { fields.append(["Due: " + due]) }
        var history =
            (draft.notes.map {
                (date: $0.date, rank: 0, lines: ["Note \($0.date.iso): \($0.text[0])"] + $0.text.dropFirst())
            }
            + draft.history.map {
                (date: $0.date, rank: 1, lines: ["Status \($0.date.iso): \($0.from.code) -> \($0.to.code)"])
            })
            .enumerated().sorted {
                ($0.element.date, $0.element.rank, $0.offset) < ($1.element.date, $1.element.rank, $1.offset)
            }
            .map(\.element.lines)
        // An extra field counts only after a known one: the first history line goes first, or
        // else a line saying when the action was added.
        if fields.isEmpty, !draft.extras.isEmpty {
            fields.append(history.isEmpty ? ["Added \(asAt.iso)"] : history.removeFirst())
        }
        for (name, value) in draft.extras { fields.append(["\(name): \(value[0])"] + value.dropFirst()) }
        fields += history
        for field in fields {
            out.append("  - " + field[0])
            out += field.dropFirst().map { $0.isEmpty ? "" : "    " + $0 }
        }
        return out
    }

    /// Parses the text; a row whose action does not read back as meant cannot be imported.
    static func readBack(_ text: String, lines: [ClosedRange<Int>], _ placed: [PlacedAction]) -> (
        PlanDocument?, [ImportError]
    ) {
        func row(at line: Int) -> Int? { lines.firstIndex { $0.contains(line) }.map { placed[$0].draft.row } }
        let document: PlanDocument
        do {
            document = try PlanDocument(text: text)
        } catch {
            return (
                nil,
                error.errors.map { diagnostic in
                    if let row = row(at: diagnostic.line) {
                        return ImportError(row: row, "cannot be written as a valid plan: \(diagnostic.message)")
                    }
                    return ImportError(
                        "the plan made from this file would not be valid: line \(diagnostic.line): \(diagnostic.message)"
                    )
                }
            )
        }
        var problems: [ImportError] = []
        for action in placed {
            let draft = action.draft
            guard let read = document.plan.action(ref: action.ref) else {
                problems.append(
                    ImportError(
                        row: draft.row,
                        "cannot be written so that the plan reads it back: its ref \(action.ref) is lost"))
                continue
            }
            let differences = [
                ("status", read.status == draft.status),
                ("text", read.text == draft.text.joined(separator: "\n")),
                ("owners", read.owners == draft.owners),
                ("due", read.due?.text == draft.due),
                (
                    "notes",
                    read.notes.map { "\($0.date.iso) \($0.text)" }
                        == draft.notes.map { "\($0.date.iso) \($0.text.joined(separator: "\n"))" }
                ),
                (
                    "status history",
                    read.statusChanges.map { "\($0.date.iso) \($0.from.code) \($0.to.code)" }
                        == draft.history.map { "\($0.date.iso) \($0.from.code) \($0.to.code)" }
                ),
                (
                    "other columns",
                    read.extraFields.map { [$0.name, $0.value] }
                        == draft.extras.map { [$0.name, $0.value.joined(separator: "\n")] }
                ),
            ].filter { !$0.1 }.map(\.0)
            if !differences.isEmpty {
                problems.append(
                    ImportError(
                        row: draft.row,
                        "cannot be written so that the plan reads it back as it is: "
                            + "its \(differences.joined(separator: ", ")) would read differently"))
            }
        }
        // Each area's findings, from its first action's row.
        var seen: Set<String> = []
        for action in placed where seen.insert(action.area.number).inserted && !action.draft.findings.isEmpty {
            let area = document.plan.area(number: action.area.number)
            let read = [
                "Needs to improve": area?.needsToImprove, "Priority action": area?.priorityAction,
                "Inspectors found": area?.inspectorsFound,
            ]
            if action.draft.findings.contains(where: { read[$0.field] != $0.text.joined(separator: "\n") }) {
                problems.append(
                    ImportError(
                        row: action.draft.row,
                        "cannot be written so that the plan reads it back as it is: "
                            + "the findings of its area \(action.area.number) would read differently"))
            }
        }
        return (document, problems)
    }
}
