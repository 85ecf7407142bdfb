/// The `changes` command's outputs: what moved since the last review, as text,
/// Markdown and JSON.
public enum ChangesReport {
    public static func text(_ changes: Changes, title: String) -> String {
        var out = TerminalText.escaped(title) + "\n" + headline(changes)
        for group in Changes.Group.allCases {
            let moves = changes.moves(in: group)
            guard !moves.isEmpty else { continue }
            out += "\n\(group.rawValue) (\(moves.count))\n"
            for move in moves {
                out +=
                    "  " + TerminalText.escaped(move.ref) + "  \(move.from.code) -> \(move.to.code)  "
                    + TerminalText.escaped(DisplayWidth.truncate(move.text, to: 70)) + "\n"
            }
        }
        if !changes.added.isEmpty {
            out += "\nActions added (\(changes.added.count))\n"
            for action in changes.added {
                out +=
                    "  " + TerminalText.escaped(action.ref) + "  [\(action.status.code)]  "
                    + TerminalText.escaped(DisplayWidth.truncate(Prose.firstLine(action.text), to: 70)) + "\n"
            }
        }
        if !changes.dueMoves.isEmpty {
            out += "\nDue dates moved (\(changes.dueMoves.count))\n"
            for move in changes.dueMoves {
                out +=
                    "  " + TerminalText.escaped("\(move.ref)  \(move.from) -> \(move.to)")
                    + "  (on \(move.date.ukShort); moved \(times(move.totalMoves)) in all)\n"
            }
        }
        if !changes.notesAdded.isEmpty {
            out += "\nNotes added (\(changes.notesAdded.count))\n"
            for added in changes.notesAdded {
                let who = added.note.author.map { " (\($0))" } ?? ""
                out +=
                    "  \(added.note.date.ukShort)  " + TerminalText.escaped(added.ref + who) + ": "
                    + TerminalText.escaped(DisplayWidth.truncate(Prose.firstLine(added.note.text), to: 70)) + "\n"
            }
        }
        if changes.isEmpty { out += "\nNothing changed in this period.\n" }
        return out
    }

    public static func markdown(_ changes: Changes, title: String) -> String {
        var out = "# Changes: \(Markdown.escaped(title))\n\n" + headline(changes) + "\n"
        for group in Changes.Group.allCases {
            let moves = changes.moves(in: group)
            guard !moves.isEmpty else { continue }
            out += "\n## \(group.rawValue) (\(moves.count))\n\n| Ref | From | To | Action |\n|---|---|---|---|\n"
            for move in moves {
                out +=
                    "| \(Markdown.cell(move.ref)) | \(changes.statusKey.label(for: move.from)) | \(changes.statusKey.label(for: move.to)) | \(Markdown.cell(move.text)) |\n"
            }
        }
        if !changes.added.isEmpty {
            out += "\n## Actions added (\(changes.added.count))\n\n| Ref | Status | Action |\n|---|---|---|\n"
            for action in changes.added {
                out +=
                    "| \(Markdown.cell(action.ref)) | \(changes.statusKey.label(for: action.status)) | \(Markdown.cell(Prose.firstLine(action.text))) |\n"
            }
        }
        if !changes.dueMoves.isEmpty {
            out +=
                "\n## Due dates moved (\(changes.dueMoves.count))\n\n| Ref | On | From | To | Moves in all |\n|---|---|---|---|---|\n"
            for move in changes.dueMoves {
                out +=
                    "| \(Markdown.cell(move.ref)) | \(move.date.ukShort) | \(Markdown.cell(move.from)) | \(Markdown.cell(move.to)) | \(move.totalMoves) |\n"
            }
        }
        if !changes.notesAdded.isEmpty {
            out += "\n## Notes added (\(changes.notesAdded.count))\n"
            for added in changes.notesAdded {
                let who = added.note.author.map { ", \(Markdown.escaped($0))" } ?? ""
                out += "\n**\(Markdown.escaped(added.ref))**, \(added.note.date.ukLong)\(who)\n\n"
                out +=
                    Prose.logicalLines(added.note.text).map { $0.isEmpty ? "" : "> " + Markdown.escaped($0) }
                    .joined(separator: "\n").replacingEvery("\n\n", with: "\n>\n") + "\n"
            }
        }
        if changes.isEmpty { out += "\nNothing changed in this period.\n" }
        return out
    }

    public static func json(_ changes: Changes, path: String, title: String) -> JSONValue {
        let key = changes.statusKey
        return .object([
            ("schemaVersion", .int(PlanJSON.schemaVersion)),
            ("plan", .string(path)),
            ("title", .string(title)),
            ("since", .string(changes.since.iso)),
            ("until", .string(changes.until.iso)),
            ("before", .object(PlanJSON.counts(changes.before, key: key))),
            ("after", .object(PlanJSON.counts(changes.after, key: key))),
            (
                "statusChanges",
                .array(
                    changes.statusMoves.map {
                        .object([
                            ("ref", .string($0.ref)), ("from", .string($0.from.identifier)),
                            ("to", .string($0.to.identifier)),
                            ("group", .string(groupID(Changes.Group.of($0)))), ("text", .string($0.text)),
                        ])
                    })
            ),
            (
                "actionsAdded",
                .array(
                    changes.added.map {
                        .object([
                            ("ref", .string($0.ref)), ("status", .string($0.status.identifier)),
                            ("text", .string($0.text)),
                        ])
                    })
            ),
            (
                "dueMoves",
                .array(
                    changes.dueMoves.map {
                        .object([
                            ("ref", .string($0.ref)), ("date", .string($0.date.iso)), ("from", .string($0.from)),
                            ("to", .string($0.to)), ("totalMoves", .int($0.totalMoves)),
                        ])
                    })
            ),
            (
                "notesAdded",
                .array(
                    changes.notesAdded.map {
                        .object([
                            ("ref", .string($0.ref)), ("date", .string($0.note.date.iso)),
                            ("author", .optional($0.note.author)), ("text", .string($0.note.text)),
                        ])
                    })
            ),
        ])
    }

    static func groupID(_ group: Changes.Group) -> String {
        switch group {
        case .newlyComplete: "newly-complete"
        case .impactEvidenced: "impact-evidenced"
        case .newlyRed: "newly-red"
        case .startedOrRecovered: "started-or-recovered"
        case .reopened: "reopened"
        case .other: "other"
        }
    }

    static func headline(_ changes: Changes) -> String {
        let b = changes.before
        let a = changes.after
        return "From \(changes.since.ukLong) to \(changes.until.ukLong): "
            + "\(SummaryText.percent(b.percentComplete)) -> \(SummaryText.percent(a.percentComplete)) complete "
            + "(\(b.complete) of \(b.total) -> \(a.complete) of \(a.total)); overdue \(b.overdue) -> \(a.overdue)\n"
    }

    static func times(_ n: Int) -> String { n == 1 ? "once" : n == 2 ? "twice" : "\(n) times" }
}

/// Escaping text from a plan for Markdown output.
public enum Markdown {
    /// Backslash-escapes the characters that would start Markdown or HTML markup.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for character in TerminalText.escaped(text) {
            if "\\`*_{}[]<>#|!".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A table cell: escaped, on one line.
    public static func cell(_ text: String) -> String {
        escaped(Prose.logicalLines(text).filter { !$0.isEmpty }.joined(separator: " "))
    }
}
