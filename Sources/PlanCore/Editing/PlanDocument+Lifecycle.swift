/// Edits to which actions a plan holds and where: adding one, retiring one (closed
/// without being done), moving one to another area. Each is a splice of whole lines,
/// followed by a full parse and a read-back of the action, like every other edit.
extension PlanDocument {
    /// What `actionplan add` asks for: an action's text, owners, due and status.
    public struct NewAction: Sendable, Equatable {
        public var text: String
        public var owners: [String]
        public var due: String?
        /// Nil for Not started (N), which the plan's key must then have.
        public var status: Status?
        /// Nil for the next free ref in the area's scheme (see ``nextFreeRef(inArea:)``).
        public var ref: String?

        public init(text: String, owners: [String], due: String? = nil, status: Status? = nil, ref: String? = nil) {
            self.text = text
            self.owners = owners
            self.due = due
            self.status = status
            self.ref = ref
        }
    }

    /// Adds an action at the end of `area` (or right after the action `after`), with
    /// `- Added DATE (AUTHOR)` and, when it starts in a status other than Not started,
    /// `- Status DATE (AUTHOR): N -> C` so that its status has a history from the start.
    @discardableResult
    public mutating func addAction(
        _ new: NewAction, toArea areaNumber: String, after: String? = nil, on date: PlanDate, by author: String?
    ) throws(EditError) -> EditOutcome {
        let area = try checkedArea(areaNumber)
        let author = try checkedAuthor(author)
        let text = try actionTextLines(new.text)
        let owners = try checkedOwners(new.owners)
        let due = try new.due.map { text throws(EditError) in try checkedDue(text) }
        let status = try startingStatus(new.status)
        let ref = try new.ref.map { ref throws(EditError) in try checkedNewRef(ref) } ?? nextFreeRef(inArea: area)

        var block = ["- [\(status.code)] \(ref) " + text[0]] + text.dropFirst().map { $0.isEmpty ? "" : "  " + $0 }
        block.append("  - Owner: " + owners.joined(separator: "; "))
        if let due { block.append("  - Due: " + due.text) }
        block.append("  " + historyHead("Added", date: date, author: author).dropLast(2))
        if status != .notStarted {
            block.append("  " + historyHead("Status", date: date, author: author) + "N -> \(status.code)")
        }

        let place: (index: Int, blankBefore: Bool)
        if let after {
            let previous = try actionIndex(after)
            let action = plan.actions[previous]
            guard action.areaNumber == area.number else {
                throw .invalidText("\(action.ref) is in area \(action.areaNumber), not \(area.number)")
            }
            place = placeAfter(spans[previous])
        } else {
            place = placeAtEnd(of: area)
        }
        let edited = try splicing(
            removing: nil, inserting: block, at: place.index, blankBefore: place.blankBefore, what: "the new action")
        guard let added = edited.plan.action(ref: ref), edited.plan.actions.count == plan.actions.count + 1,
            added.areaNumber == area.number, added.status == status, added.text == text.joined(separator: "\n"),
            added.owners == owners, added.due == due, added.history.first?.change == .added("")
        else { throw .notStored("the new action did not read back as written") }
        self = edited
        return EditOutcome(ref: ref, changes: ["added to area \(area.number)"])
    }

    /// Retires an action: closed without being done (superseded, merged into another,
    /// no longer needed). Appends `- Retired DATE (AUTHOR): reason`; the status letter
    /// stays as it was, and the action counts in no figure from that day on.
    @discardableResult
    public mutating func retire(ref: String, reason: String, on date: PlanDate, by author: String?) throws(EditError)
        -> EditOutcome
    {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let author = try checkedAuthor(author)
        if let retired = action.retirement {
            throw .invalidText("\(action.ref) was already retired on \(retired.date.iso)")
        }
        let paragraphs = try proseLines(reason, what: "reason")
        let lines = historyLines(
            "Retired", date: date, author: author, text: paragraphs, indent: spans[index].itemIndent)
        var expected = action
        expected.history.append(
            HistoryEntry(date: date, author: author, change: .retired(paragraphs.joined(separator: "\n")), line: 0))
        try commit([appending(lines, to: index)], to: index, expecting: expected, what: "the retirement")
        return EditOutcome(ref: action.ref, changes: ["retired"])
    }

    /// Moves an action, with all its lines, to the end of another area, and records
    /// `- Moved DATE (AUTHOR): FROM -> TO` (area numbers). The ref stays what it was:
    /// history, merges and other actions refer to it.
    @discardableResult
    public mutating func move(ref: String, toArea areaNumber: String, on date: PlanDate, by author: String?)
        throws(EditError) -> EditOutcome
    {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let area = try checkedArea(areaNumber)
        let author = try checkedAuthor(author)
        guard area.number != action.areaNumber else {
            return EditOutcome(ref: action.ref, changes: [])
        }
        let span = spans[index]
        let indent = span.itemIndent
        let block =
            lines[span.lines].map { String($0.text) }
            + [indent + historyHead("Moved", date: date, author: author) + "\(action.areaNumber) -> \(area.number)"]
        let place = placeAtEnd(of: area)
        let edited = try splicing(
            removing: span.lines, inserting: block, at: place.index, blankBefore: place.blankBefore,
            what: "the moved action")
        var expected = action
        expected.areaNumber = area.number
        expected.sectionNumber = plan.sections.first { $0.areas.contains { $0.number == area.number } }?.number ?? ""
        expected.history.append(
            HistoryEntry(
                date: date, author: author, change: .moved(from: action.areaNumber, to: area.number), line: 0))
        guard edited.plan.actions.count == plan.actions.count,
            edited.plan.action(ref: action.ref) == expected
        else { throw .notStored("the moved action did not read back as written") }
        self = edited
        return EditOutcome(ref: action.ref, changes: ["moved from area \(action.areaNumber) to \(area.number)"])
    }

    /// The ref `add` gives when none is asked for: the area's scheme continued.
    /// Letters after the area number (`1.1a`, `1.1b` → `1.1c`; after `z`, `aa`), or
    /// numbers after a dot (`1.1.1`, `1.1.2` → `1.1.3`); `a` in an empty area.
    public func nextFreeRef(inArea area: Area) -> String {
        let suffixes = plan.actions[area.actionRange].map(\.ref).filter { $0.hasPrefix(area.number) }
            .map { String($0.dropFirst(area.number.count)) }
        var candidate: String
        let numbered = suffixes.compactMap { suffix -> Int? in
            guard suffix.hasPrefix(".") else { return nil }
            return Int(suffix.dropFirst())
        }
        if !numbered.isEmpty, numbered.count == suffixes.count, let last = numbered.max() {
            var n = last + 1
            candidate = area.number + ".\(n)"
            while plan.index(ofRef: candidate) != nil {
                n += 1
                candidate = area.number + ".\(n)"
            }
            return candidate
        }
        let lettered = suffixes.filter { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLetter } }
        let upper = !lettered.isEmpty && lettered.allSatisfy { $0 == $0.uppercased() }
        var letters =
            lettered.map { $0.lowercased() }.max { ($0.count, $0) < ($1.count, $1) }.map(Self.nextLetters) ?? "a"
        candidate = area.number + (upper ? letters.uppercased() : letters)
        while plan.index(ofRef: candidate) != nil {
            letters = Self.nextLetters(letters)
            candidate = area.number + (upper ? letters.uppercased() : letters)
        }
        return candidate
    }

    // MARK: - Pieces

    /// `a` → `b`, `z` → `aa`, `az` → `ba`: counting in letters.
    static func nextLetters(_ letters: String) -> String {
        var scalars = Array(letters.unicodeScalars)
        var i = scalars.count - 1
        while i >= 0 {
            if scalars[i] == "z" {
                scalars[i] = "a"
                i -= 1
            } else {
                scalars[i] = Unicode.Scalar(scalars[i].value + 1) ?? "a"
                return String(String.UnicodeScalarView(scalars))
            }
        }
        return "a" + String(String.UnicodeScalarView(scalars))
    }

    func checkedArea(_ number: String) throws(EditError) -> Area {
        let trimmed = number.trimmingWhitespace()
        if let area = plan.area(number: trimmed) { return area }
        throw .unknownArea(trimmed, areas: plan.sections.flatMap { $0.areas.map(\.number) })
    }

    private func checkedNewRef(_ ref: String) throws(EditError) -> String {
        let trimmed = ref.trimmingWhitespace()
        guard let first = trimmed.first, first.isLetter || first.isNumber,
            trimmed.allSatisfy({ $0.isLetter || $0.isNumber || "._/-".contains($0) })
        else {
            throw .invalidText(
                "'\(TerminalText.escaped(trimmed))' is not a ref: use letters, digits and . _ / -, e.g. 1.1e")
        }
        if plan.index(ofRef: trimmed) != nil { throw .duplicateRef(trimmed) }
        return trimmed
    }

    private func startingStatus(_ status: Status?) throws(EditError) -> Status {
        let status = status ?? .notStarted
        guard plan.statusKey.contains(status) else {
            if status == .notStarted {
                throw .invalidText(
                    "this plan's key has no Not started (N); give the new action's status, one of \(plan.statusKey.listing)"
                )
            }
            throw .statusNotInKey(status, key: plan.statusKey)
        }
        return status
    }

    /// Right after an action's last line, with a blank line first when the plan
    /// separates that action from what follows (or what precedes it) with one.
    private func placeAfter(_ span: ActionSpan) -> (index: Int, blankBefore: Bool) {
        let end = span.lines.upperBound
        let isBlank = { (i: Int) in lines.indices.contains(i) && lines[i].text.allSatisfy { $0 == " " || $0 == "\t" } }
        return (end, isBlank(end) || (end == lines.count && isBlank(span.lines.lowerBound - 1)))
    }

    /// After the area's last action, or after its heading and fields when it has none.
    private func placeAtEnd(of area: Area) -> (index: Int, blankBefore: Bool) {
        if let last = area.actionRange.last { return placeAfter(spans[last]) }
        let headings =
            plan.sections.flatMap { [$0.line] + $0.areas.map(\.line) } + plan.textSections.map(\.line)
        var end = headings.filter { $0 > area.line }.min().map { $0 - 1 } ?? lines.count
        while end > area.line, lines[end - 1].text.allSatisfy({ $0 == " " || $0 == "\t" }) { end -= 1 }
        return (end, true)
    }

    /// The document with the lines `removing` taken out (and the blank line after
    /// them when one is before them too) and `texts` put in at `index` (an index in
    /// the lines before the removal), parsed in full.
    private func splicing(
        removing: Range<Int>?, inserting texts: [String], at index: Int, blankBefore: Bool, what: String
    ) throws(EditError) -> PlanDocument {
        let ending = ending(near: removing?.lowerBound ?? max(0, index - 1))
        var edited = lines
        var at = index
        if let removing {
            var range = removing
            let isBlank = { (i: Int) in
                edited.indices.contains(i) && edited[i].text.allSatisfy { $0 == " " || $0 == "\t" }
            }
            if isBlank(range.upperBound), range.lowerBound == 0 || isBlank(range.lowerBound - 1) {
                range = range.lowerBound..<range.upperBound + 1
            }
            // The last line of a file without a final newline keeps having none.
            if range.upperBound == edited.count, edited.last?.ending == LineEnding.none, range.lowerBound > 0 {
                edited[range.lowerBound - 1].ending = .none
            }
            edited.removeSubrange(range)
            if at >= range.upperBound { at -= range.count } else if at > range.lowerBound { at = range.lowerBound }
        }
        var inserted = ((blankBefore ? [""] : []) + texts).map { SourceLine($0, ending: ending) }
        if at == edited.count, let last = edited.indices.last, edited[last].ending == .none {
            // Inserting after the last line of a file without a final newline.
            edited[last].ending = ending
            inserted[inserted.count - 1].ending = .none
        }
        edited.insert(contentsOf: inserted, at: at)
        do {
            return try PlanDocument(lines: edited, hasByteOrderMark: hasByteOrderMark)
        } catch {
            throw .notStored(error.diagnostics.first.map(\.message) ?? "\(what) did not parse")
        }
    }
}
