import FoundationEssentials

/// The later parts of the HTML paper: changes since the last review, the whole
/// plan action by action, and the plan's introduction and text sections.
extension BoardPackHTML {
    // MARK: - Changes since the last review

    static func changes(_ pack: BoardPack) -> String {
        let changes = pack.changes
        var out = HTML.text(
            "p", [],
            ChangesReport.headline(changes).trimmingTrailingNewline
                .replacingEvery(" -> ", with: " → "))
        for group in Changes.Group.allCases {
            let moves = changes.moves(in: group)
            guard !moves.isEmpty else { continue }
            out += "\n" + HTML.text("h3", [], "\(group.rawValue) (\(moves.count))") + "\n"
            out += table(
                head: ["Ref", "From", "To", "Action"], classes: [0: "nowrap", 1: "nowrap", 2: "nowrap"],
                rows: moves.map {
                    [refLink($0.ref), statusCell($0.from, pack), statusCell($0.to, pack), HTML.escaped($0.text)]
                })
        }
        if !changes.added.isEmpty {
            out += "\n" + HTML.text("h3", [], "Actions added (\(changes.added.count))") + "\n"
            out += table(
                head: ["Ref", "Status", "Action"], classes: [0: "nowrap", 1: "nowrap"],
                rows: changes.added.map {
                    [refLink($0.ref), statusCell($0.status, pack), HTML.escaped(Prose.firstLine($0.text))]
                })
        }
        if !changes.dueMoves.isEmpty {
            out += "\n" + HTML.text("h3", [], "Due dates moved (\(changes.dueMoves.count))") + "\n"
            out += table(
                head: ["Ref", "On", "From", "To", "Moves in all"], classes: [0: "nowrap", 1: "nowrap", 4: "num"],
                rows: changes.dueMoves.map {
                    [
                        refLink($0.ref), $0.date.ukShort, HTML.escaped($0.from), HTML.escaped($0.to),
                        String($0.totalMoves),
                    ]
                })
        }
        if !changes.notesAdded.isEmpty {
            out += "\n" + HTML.text("h3", [], "Notes added (\(changes.notesAdded.count))") + "\n"
            out += HTML.element(
                "ol", [("class", "notes")],
                changes.notesAdded.map { added in
                    let who = added.note.author.map { ", " + HTML.escaped($0) } ?? ""
                    return HTML.element(
                        "li", [],
                        HTML.element(
                            "p", [("class", "note-head")],
                            refLink(added.ref) + ", " + added.note.date.ukLong + who)
                            + HTML.prose(added.note.text))
                }.joined(separator: "\n"))
        }
        if changes.isEmpty { out += "\n" + HTML.text("p", [], "Nothing changed in this period.") }
        return part("changes", pack.changesHeading, out)
    }

    // MARK: - The whole plan

    static func wholePlan(_ pack: BoardPack, into writer: inout HTMLWriter) {
        part("plan", "The plan", className: "plan-part", into: &writer) { writer in
            for (index, section) in pack.plan.sections.enumerated() {
                if index > 0 { writer.raw("\n") }
                writer.open("section", [("class", "section"), ("id", "section-\(section.number)")])
                writer.raw("\n")
                writer.text("h3", [], "\(section.number) \(section.title)")
                writer.raw("\n")
                if !section.description.isEmpty {
                    writer.prose(section.description)
                    writer.raw("\n")
                }
                for (index, area) in section.areas.enumerated() {
                    if index > 0 { writer.raw("\n") }
                    self.area(area, pack, into: &writer)
                }
                writer.raw("\n</section>")
            }
        }
    }

    static func area(_ area: Area, _ pack: BoardPack, into writer: inout HTMLWriter) {
        writer.open("section", [("class", "area"), ("id", "area-\(area.number)")])
        writer.raw("\n")
        writer.text("h4", [], "\(area.number) \(area.title)")
        writer.raw("\n")
        let named = [
            ("Needs to improve", area.needsToImprove), ("Priority action", area.priorityAction),
            ("Inspectors found", area.inspectorsFound),
        ]
        let fields =
            named.compactMap { name, value in value.map { (name, $0) } } + area.extraFields.map { ($0.name, $0.value) }
        if !fields.isEmpty {
            writer.raw("<dl class=\"fields\">")
            for (name, value) in fields {
                writer.text("dt", [], name)
                writer.element("dd") { $0.prose(value) }
            }
            writer.raw("</dl>\n")
        }
        if !area.description.isEmpty {
            writer.prose(area.description)
            writer.raw("\n")
        }
        let range = area.actionRange
        if range.isEmpty { writer.raw("<p class=\"muted\">No actions.</p>") }
        // Each action read where it is stored, not copied out with every string counted up and down.
        pack.plan.actions.forEachReading(in: range) { index, action in
            if index > range.lowerBound { writer.raw("\n") }
            self.action(action, pack, into: &writer)
        }
        writer.raw("\n</section>")
    }

    /// An action as a table, so that on paper its head (the ref and status) repeats on
    /// every page the action runs onto; each note is a row, kept whole on one page.
    static func action(_ action: Action, _ pack: BoardPack, into writer: inout HTMLWriter) {
        writer.raw("<article class=\"action action-")
        writer.escaped(action.status.code)
        writer.raw("\" id=\"")
        writer.escaped(anchor(action.ref))
        writer.raw("\">\n<table class=\"action-frame\">\n<thead><tr><th scope=\"col\"><h5>")
        writer.text("span", [("class", "ref")], action.ref)
        writer.raw(" ")
        writer.statusCell(action.status, pack)
        if pack.isOverdue(action) { writer.raw(" <span class=\"flag\">Overdue</span>") }
        writer.raw("</h5></th></tr></thead>\n<tbody>\n<tr class=\"action-body\"><td>")
        writer.prose(action.text)
        writer.raw(
            action.owners.count > 1
                ? "\n<dl class=\"fields\"><dt>Owners</dt><dd>" : "\n<dl class=\"fields\"><dt>Owner</dt><dd>")
        if action.owners.isEmpty {
            writer.raw("<span class=\"muted\">none</span>")
        } else {
            writer.escaped(action.owners.joined(separator: "; "))
        }
        writer.raw("</dd><dt>Due</dt><dd>")
        writer.escaped(BoardPack.dueLabel(action))
        writer.raw("</dd>")
        for field in action.extraFields {
            writer.text("dt", [], field.name)
            writer.element("dd") { $0.prose(field.value) }
        }
        writer.raw("</dl></td></tr>")
        let notes = BoardPack.notesNewestFirst(action)
        if notes.isEmpty {
            writer.raw("\n<tr><td><p class=\"muted\">No progress notes.</p></td></tr>")
        } else {
            writer.raw("\n<tr class=\"notes-head\"><td><h6>Progress and impact, newest first</h6></td></tr>")
        }
        for note in notes {
            writer.raw("\n<tr class=\"note\"><td><p class=\"note-head\">")
            writer.raw("<time datetime=\"")
            writer.iso(note.date)
            writer.raw("\">")
            writer.ukLong(note.date)
            writer.raw("</time>")
            if let author = note.author {
                writer.raw(" · ")
                writer.escaped(author)
            }
            writer.raw("</p>")
            writer.prose(note.text)
            writer.raw("</td></tr>")
        }
        writer.raw("\n</tbody>\n</table>\n</article>")
    }

    // MARK: - About the plan

    static func about(_ pack: BoardPack) -> String {
        let plan = pack.plan
        var parts: [String] = []
        if !plan.introduction.isEmpty {
            parts.append(HTML.text("h3", [], "Introduction") + "\n" + HTML.prose(plan.introduction))
        }
        for section in pack.textSections {
            let body: String
            if BoardPack.isGlossary(section), !plan.glossary.isEmpty {
                body = definitionList(plan.glossary.map { (HTML.escaped($0.term), HTML.escaped($0.meaning)) })
            } else {
                body = HTML.prose(section.body)
            }
            parts.append(HTML.text("h3", [], section.title) + "\n" + body)
        }
        guard !parts.isEmpty else { return "" }
        return part("about", "About the plan", parts.joined(separator: "\n"))
    }
}

extension String {
    fileprivate var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
