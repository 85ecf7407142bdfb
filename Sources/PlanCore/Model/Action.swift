/// One action of a plan: what we will do, who owns it, when, and how it is going.
public struct Action: Sendable, Equatable {
    public var ref: String
    public var status: Status
    /// What we will do: paragraphs and bullet lists, joined with `\n`.
    public var text: String
    public var owners: [String]
    public var due: Due?
    public var notes: [Note]
    /// Status, due date and owner changes, and when the action was added, in file order.
    public var history: [HistoryEntry]
    public var extraFields: [Field]
    /// The board's agreements that the impact is evidenced (`- Agreed DATE (BOARD): …`).
    public var agreements: [Agreement] = []
    /// Measures with their values (`- Measure NAME: …`, `- Value DATE: NAME = N`).
    public var measures: [Measure] = []
    public var sectionNumber: String
    public var areaNumber: String
    /// Where the `- [C] REF` line was read; its layout is the document's ``ActionSpan``.
    @LineNumber public var line: Int
    /// How many lines the action has moved since its parts were read: the line numbers
    /// of its notes, history lines, fields, agreements, measures and values are where
    /// they were read, and ``currentLine(_:)`` gives where they stand now. A location,
    /// not content, so equality ignores it.
    @LineNumber public internal(set) var linesMoved: Int = 0

    public func isOverdue(on day: PlanDate) -> Bool {
        guard let date = due?.date else { return false }
        return date < day && !status.isComplete && !isRetired
    }

    /// The `- Retired DATE (AUTHOR): reason` line, when the action was closed without
    /// being done. A retired action keeps its status letter but counts in no figure.
    public var retirement: HistoryEntry? {
        history.last { if case .retired = $0.change { true } else { false } }
    }

    /// Closed without being done (superseded, merged, no longer needed): see ``retirement``.
    public var isRetired: Bool { retirement != nil }

    /// The newest note (by date, then file order).
    public var latestNote: Note? {
        notes.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
    }

    public var statusChanges: [StatusChange] {
        history.compactMap { entry in
            if case .status(let from, let to) = entry.change {
                return StatusChange(date: entry.date, author: entry.author, from: from, to: to)
            }
            return nil
        }
    }

    public var dueChangeCount: Int {
        history.filter { if case .due = $0.change { true } else { false } }.count
    }
}

public struct StatusChange: Sendable, Equatable {
    public var date: PlanDate
    public var author: String?
    public var from: Status
    public var to: Status
}

/// A due date as written, and the date derived from it when that is unambiguous.
public struct Due: Sendable, Equatable {
    public var text: String
    public var date: PlanDate?

    public init(text: String, date: PlanDate?) {
        self.text = text
        self.date = date
    }

    /// True when the text is just the date in ISO form.
    public var isPlainDate: Bool { date?.iso == text }
}

/// A dated progress-and-impact note.
public struct Note: Sendable, Equatable {
    public var date: PlanDate
    public var author: String?
    public var text: String
    @LineNumber public var line: Int
}

/// One dated line of an action's history.
public struct HistoryEntry: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case status(from: Status, to: Status)
        case due(from: String, to: String)
        case owner(from: [String], to: [String])
        case added(String)
        /// Closed without being done; the reason.
        case retired(String)
        /// Moved from one area to another: the area numbers.
        case moved(from: String, to: String)
        /// The action was reworded; the text it had before.
        case reworded(String)
    }

    public var date: PlanDate
    public var author: String?
    public var change: Change
    @LineNumber public var line: Int
}

/// A `- Name: value` line the format does not interpret, kept and shown.
public struct Field: Sendable, Equatable {
    public var name: String
    public var value: String
    @LineNumber public var line: Int
}

extension Action {
    /// Neither complete nor retired: still to be done.
    public var isOpen: Bool { !status.isComplete && !isRetired }
}
