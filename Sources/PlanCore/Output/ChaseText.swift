import FoundationEssentials

/// The messages of the update round: plain text, Markdown, or an RFC 5322 message
/// with the return sheet attached.
public enum ChaseText {
    /// The plain-text message for one owner; `withSheet` when a return sheet goes with it.
    public static func text(_ letter: ChaseRound.Letter, in round: ChaseRound, withSheet: Bool = true) -> String {
        var out = "Action plan updates for \(letter.owner.name)\n"
        out += "Please reply by \(round.replyBy.ukLong).\n\n"
        out += intro(letter, in: round) + "\n\n"
        for entry in letter.entries {
            let action = entry.item.action
            out += "\(action.ref)  \(entry.item.planName)\n"
            out += indented(Prose.firstLine(action.text)) + "\n"
            out += "      " + facts(entry) + "\n"
            if let note = action.latestNote {
                out += "      Latest note, \(note.date.ukLong)\(note.author.map { " (\($0))" } ?? ""):\n"
                out += indented(note.text) + "\n"
            } else {
                out += "      No progress note yet.\n"
            }
            out += "\n"
        }
        out += request(letter, in: round, withSheet: withSheet) + "\n"
        return out
    }

    /// The Markdown message for one owner; `withSheet` when a return sheet goes with it.
    public static func markdown(_ letter: ChaseRound.Letter, in round: ChaseRound, withSheet: Bool = true) -> String {
        var out = "## Action plan updates for \(Markdown.escaped(letter.owner.name))\n\n"
        out += "Please reply by **\(round.replyBy.ukLong)**.\n\n"
        out += intro(letter, in: round) + "\n\n"
        for entry in letter.entries {
            let action = entry.item.action
            out += "- **\(Markdown.escaped(action.ref))** (\(Markdown.escaped(entry.item.planName))): "
            out += Markdown.escaped(Prose.firstLine(action.text)) + "  \n"
            out += "  " + facts(entry) + "  \n"
            if let note = action.latestNote {
                out += "  Latest note, \(note.date.ukLong)\(note.author.map { " (\(Markdown.escaped($0)))" } ?? ""): "
                out += Markdown.escaped(Prose.firstLine(note.text)) + "\n"
            } else {
                out += "  No progress note yet.\n"
            }
        }
        out += "\n" + request(letter, in: round, withSheet: withSheet) + "\n"
        return out
    }

    private static func intro(_ letter: ChaseRound.Letter, in round: ChaseRound) -> String {
        let count = letter.entries.count
        return "As of \(round.asOf.ukLong), \(count) of your action\(count == 1 ? "" : "s") "
            + "need\(count == 1 ? "s" : "") an update before the board meets:"
    }

    private static func facts(_ entry: ChaseRound.Entry) -> String {
        let action = entry.item.action
        return
            "Status: \(entry.item.plan.statusKey.label(for: action.status)) · Due: \(ActionTable.dueLabel(action.due))"
            + " · " + entry.needs.map(\.text).joined(separator: ", ")
    }

    private static func request(_ letter: ChaseRound.Letter, in round: ChaseRound, withSheet: Bool) -> String {
        let ask = "For each action, please send back by \(round.replyBy.ukLong) its status now and a short note on "
        guard withSheet else { return ask + "progress and impact, in a reply to this message." }
        return ask + "progress and impact: fill in the New status and Progress note columns of your return sheet "
            + "(one row for each of your \(letter.openItems.count) open actions) and send it back."
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
    }
}
