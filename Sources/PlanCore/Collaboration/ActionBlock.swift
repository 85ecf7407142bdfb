/// An action's lines split into what a merge compares: the head (the action line and
/// its text) and its items (`Owner:`, `Due:`, extra fields, and the history: notes,
/// status, due and owner changes, `Added`), each with its continuation lines.
struct ActionBlock {
    enum Kind: Hashable {
        case owner, due
        /// An extra field, by its name and which of the fields with that name it is
        /// (a plan may repeat one: `- Evidence: …` twice).
        case extra(String, occurrence: Int)
        /// A history line: never changed in place, only added (or, rarely, removed by hand).
        case log(LogKind)

        var isLog: Bool { if case .log = self { true } else { false } }
    }

    enum LogKind: Hashable { case note, status, due, owner, added, retired, moved, reworded, agreed, value }

    struct Item {
        var kind: Kind
        var lines: [SourceLine]
        var date: PlanDate?
        /// The item's text without indentation, trailing spaces or blank lines: equal
        /// keys are the same item, whatever the indentation or line endings.
        var key: String
        /// For a `- Status` history line, the change it records.
        var statusChange: (from: Status, to: Status)?

        /// `- Note 2026-11-03 (Jo)`: what the item is, without what it says. Two notes
        /// with the same head are taken for one note reworded.
        var head: Substring {
            let first = key.prefix { $0 != "\n" }
            return first.firstIndex(of: ":").map { first[..<$0] } ?? first
        }
    }

    var ref: String
    var status: Status
    /// The action line, its text lines, and anything else before the first item.
    var head: [SourceLine]
    /// UTF-8 offset of the status code in `head[0]`.
    var statusOffset: Int
    var items: [Item]

    init(_ action: Action, in document: PlanDocument) {
        let lines = document.lines
        let span = document.span(of: action)
        let range = span.lines
        ref = action.ref
        status = action.status
        statusOffset = span.statusOffset

        var starts: [(Int, Kind, PlanDate?, (from: Status, to: Status)?)] = []
        if let owner = span.ownerLines { starts.append((owner.lowerBound, .owner, nil, nil)) }
        if let due = span.dueLines { starts.append((due.lowerBound, .due, nil, nil)) }
        var seen: [String: Int] = [:]
        for field in action.extraFields {
            let name = field.name.lowercased()
            starts.append(
                (action.currentLine(field.line) - 1, .extra(name, occurrence: seen[name, default: 0]), nil, nil))
            seen[name, default: 0] += 1
        }
        for note in action.notes { starts.append((action.currentLine(note.line) - 1, .log(.note), note.date, nil)) }
        for entry in action.history {
            let start = action.currentLine(entry.line) - 1
            switch entry.change {
            case .status(let from, let to): starts.append((start, .log(.status), entry.date, (from, to)))
            case .due: starts.append((start, .log(.due), entry.date, nil))
            case .owner: starts.append((start, .log(.owner), entry.date, nil))
            case .added: starts.append((start, .log(.added), entry.date, nil))
            case .retired: starts.append((start, .log(.retired), entry.date, nil))
            case .moved: starts.append((start, .log(.moved), entry.date, nil))
            case .reworded: starts.append((start, .log(.reworded), entry.date, nil))
            }
        }
        starts += ActionBlock.governanceStarts(action)
        starts.sort { $0.0 < $1.0 }
        let firstItem = starts.first?.0 ?? range.upperBound
        head = Array(lines[range.lowerBound..<max(range.lowerBound + 1, firstItem)])
        items = starts.enumerated().map { n, start in
            let end = n + 1 < starts.count ? starts[n + 1].0 : range.upperBound
            let itemLines = Array(lines[start.0..<max(start.0 + 1, end)])
            return Item(
                kind: start.1, lines: itemLines, date: start.2, key: ActionBlock.key(itemLines), statusChange: start.3)
        }
    }

    /// The head with the status code masked: what the text of the action says.
    var headKey: String {
        var first = head[0].text
        let index = first.utf8.index(first.startIndex, offsetBy: statusOffset)
        first.replaceSubrange(index...index, with: "?")
        return ([first] + head.dropFirst().map(\.text)).joined(separator: "\n")
    }

    /// The head with `status` in place of its code.
    func head(with status: Status) -> [SourceLine] {
        guard status != self.status else { return head }
        var lines = head
        let text = lines[0].text
        let index = text.utf8.index(text.startIndex, offsetBy: statusOffset)
        lines[0].text = Substring(String(text[..<index]) + status.code + text[text.index(after: index)...])
        return lines
    }

    func item(_ kind: Kind) -> Item? { items.first { $0.kind == kind } }

    /// The block's lines as they stand.
    var lines: [SourceLine] { head + items.flatMap(\.lines) }

    /// Everything the block says, for telling whether it changed.
    var key: String { ([String(status.code), headKey] + items.map(\.key)).joined(separator: "\n\u{1}") }

    static func key(_ lines: [SourceLine]) -> String {
        lines.map { $0.text.drop { $0 == " " || $0 == "\t" }.trimmingTrailingWhitespace() }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

extension ActionBlock {
    /// Where the board's lines of an action start: agreements and values are history
    /// (a union in a merge), a measure's definition is a field keyed by its name.
    static func governanceStarts(_ action: Action) -> [(Int, Kind, PlanDate?, (from: Status, to: Status)?)] {
        var starts: [(Int, Kind, PlanDate?, (from: Status, to: Status)?)] = action.agreements.map {
            (action.currentLine($0.line) - 1, .log(.agreed), $0.date, nil)
        }
        for measure in action.currentMeasures {
            starts.append((measure.line - 1, .extra("measure " + measure.name.lowercased(), occurrence: 0), nil, nil))
            starts += measure.values.map { ($0.line - 1, .log(.value), $0.date, nil) }
        }
        return starts
    }
}
