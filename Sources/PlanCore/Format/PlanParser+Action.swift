/// Reading one action: `- [C] REF text`, its text lines, then its fields and history.
extension PlanParser {
    /// A field of an action being read: its head line and the range of its continuation.
    struct PendingField {
        enum Kind {
            case owner, due
            /// `- Measure NAME (UNIT): …`; the value is everything after `Measure `.
            case measure
            /// `author`: where the name in brackets is in the line, trimmed by the byte reader
            /// (nil when the brackets hold only blanks), untrimmed by the `Substring` one;
            /// ``PlanParser/author(of:)`` makes the name the same from either.
            case history(keyword: HistoryKeyword, date: PlanDate?, author: Range<Int>?)
            /// `name`: where the field's name is in the line.
            case extra(name: Range<Int>)
        }
        var kind: Kind
        var line: Int
        /// Where the value is in the line: UTF-8 offsets from the line's start.
        var value: Range<Int>
        var continuation: Range<Int>

        /// A measure or a value: what an action is made in full for, since its values
        /// are matched with the measures after the action is read.
        var isAboutMeasures: Bool {
            switch kind {
            case .measure: true
            case .history(let keyword, _, _): keyword == .value
            default: false
            }
        }
    }

    mutating func readAction(_ i: Int, content: Substring) -> Int {
        let body = continuation(after: i, deeperThan: 0)
        guard let head = actionHead(content, line: i) else { return body.upperBound }
        // Values of the area's own measures read so far wait outside the action.
        let areaValues = pendingValues
        pendingValues = []
        defer { pendingValues = areaValues }

        var action = Action(
            ref: head.ref, status: head.status ?? .amber, text: "", owners: [], due: nil, notes: [], history: [],
            extraFields: [], sectionNumber: "", areaNumber: "", line: i + 1)
        var span = ActionSpan(
            lines: i..<body.upperBound, statusOffset: head.statusOffset, fieldIndent: nil,
            textOffset: head.text.lowerBound, textLines: (i + 1)..<(i + 1))
        var textLines: Range<Int>?
        var fields: [PendingField] = []
        // At most a field a line: one allocation instead of the array's regrowth.
        fields.reserveCapacity(body.count)
        var fieldWidth: Int?

        for j in body where !isCommentLine(j) && !lines.isBlank(j) {
            let width = lines.width(j)
            if let fieldWidth, width > fieldWidth {
                fields[fields.count - 1].continuation = fields[fields.count - 1].continuation.lowerBound..<(j + 1)
                continue
            }
            if let field = fieldHead(line: j, inFields: fieldWidth != nil, ref: head.ref) {
                if fieldWidth == nil {
                    fieldWidth = width
                    let fieldText = lines[j].text
                    span.fieldIndent = String(
                        fieldText[..<fieldText.utf8.index(fieldText.startIndex, offsetBy: lines.lead(j))])
                }
                fields.append(field)
                continue
            }
            if fieldWidth != nil {
                report(
                    .error, line: j + 1, column: column(ofOffset: lines.lead(j), line: j),
                    "unexpected text among the fields of action \(head.ref)",
                    hint:
                        "indent it further to continue the field above, or start it with a field such as `- Note YYYY-MM-DD (Name): …`"
                )
                continue
            }
            textLines = (textLines?.lowerBound ?? j)..<(j + 1)
        }
        // The text lines are the first of the body that are neither blank nor comments, so
        // the action's text is its first line's joined with the body up to the last of them.
        if let textLines { span.textLines = (i + 1)..<textLines.upperBound }
        let defers =
            defersActions && head.status != nil && !head.text.isEmpty && readsAlone(i..<body.upperBound)
            && !fields.contains(where: \.isAboutMeasures)
        if !defers {
            action.text = joined(line: i, value: head.text, continuation: span.textLines)
            reserveHistory(for: fields, in: &action)
        }
        for field in fields { apply(field, to: &action, span: &span, keepingTexts: !defers) }
        action.measures = attachValues(to: action.measures, owner: "action \(head.ref)")
        if action.owners.isEmpty {
            report(
                .warning, line: i + 1, column: 1, "action \(head.ref) has no owner",
                hint: "add a line `- Owner: Name or group` under it", code: "no-owner")
        }
        if action.due == nil {
            report(
                .warning, line: i + 1, column: 1, "action \(head.ref) has no due date",
                hint: "add a line `- Due: YYYY-MM-DD` (or free text such as `To be determined`)", code: "no-due")
        }
        let section = currentSection
        guard let area = sections[sections.count - 1].areas.last else {
            preconditionFailure("an action is read only inside an area")
        }
        action.sectionNumber = section.number
        action.areaNumber = area.number
        if head.status != nil {
            let refColumn = column(ofOffset: head.refOffset, line: i)
            checkRefPlacement(head.ref, area: area.number, line: i + 1, column: refColumn)
            let text = defers ? substring(head.text, line: i) : Substring(action.text)
            if let letter = LineSyntax.letterAfterRef(ref: head.ref, text: text) {
                report(
                    .warning, line: i + 1, column: refColumn,
                    "ref \(head.ref) is followed by a lone '\(letter)'",
                    hint: "a ref has no spaces: if the ref is \(head.ref)\(letter), write it without the space",
                    code: "ref-with-space")
            }
            statusPositions.append((i + 1, column(ofOffset: head.statusOffset, line: i)))
            if defers {
                if !action.history.isEmpty { deferredHistory[actions.count] = action.history }
                actions.append(
                    .deferred(
                        DeferredAction(
                            ref: head.ref, status: action.status, line: i + 1, sectionNumber: section.number,
                            areaNumber: area.number, readLines: span.lines)))
            } else {
                actions.append(.made(action))
            }
            spans.append(span)
        }
        return body.upperBound
    }

    /// An action line's status, ref and text; offsets are UTF-8 offsets in the line.
    private struct ActionHead {
        var status: Status?
        var statusOffset: Int
        var ref: String
        var refOffset: Int
        var text: Range<Int>
    }

    /// `- [C] REF text`. Reports what is wrong and returns nil when the line is malformed;
    /// returns a head with a nil status when only the status code is unknown, so that
    /// the rest of the action is still checked. A plain ASCII line is read from its bytes.
    private mutating func actionHead(_ content: Substring, line i: Int) -> ActionHead? {
        if readsBytes, lines.isASCII(i),
            let head = lines.withBytes(
                i,
                { bytes in
                    ASCIIFieldReader.actionHead(bytes, from: lines.lead(i)).map {
                        ActionHead(
                            status: $0.status, statusOffset: $0.statusOffset, ref: Self.string(bytes, $0.ref),
                            refOffset: $0.ref.lowerBound, text: $0.text)
                    }
                })
        {
            return head
        }
        let lineText = lines[i].text
        let shape = "an action line looks like `- [A] 1.1a What we will do`"
        let codeIndex = content.index(content.startIndex, offsetBy: 3)
        guard codeIndex < content.endIndex else {
            report(.error, line: i + 1, column: 4, "incomplete action line", hint: shape)
            return nil
        }
        let close = content.index(after: codeIndex)
        guard close < content.endIndex, content[close] == "]" else {
            report(
                .error, line: i + 1, column: column(of: codeIndex, in: lineText),
                "the status must be one letter between `[` and `]`", hint: shape)
            return nil
        }
        let afterBox = content[content.index(after: close)...]
        guard afterBox.first == " " else {
            report(
                .error, line: i + 1, column: column(of: afterBox.startIndex, in: lineText),
                "expected a space and a ref after the status", hint: shape)
            return nil
        }
        let refStart = afterBox.drop { $0 == " " || $0 == "\t" }
        let ref = refStart.prefix { $0 != " " && $0 != "\t" }
        guard !ref.isEmpty else {
            report(
                .error, line: i + 1, column: column(of: refStart.startIndex, in: lineText),
                "the action has no ref", hint: shape)
            return nil
        }
        if !isValidRef(ref) {
            report(
                .error, line: i + 1, column: column(of: ref.startIndex, in: lineText),
                "'\(ref)' is not a valid ref",
                hint: "a ref holds letters, digits and . _ / -, starting with a letter or digit, e.g. 1.1a")
        }
        let text = refStart.dropFirst(ref.count).drop { $0 == " " || $0 == "\t" }.trimmingTrailingWhitespace()
        let code = content[codeIndex]
        let status = Status(code: String(code))
        if status == nil {
            report(
                .error, line: i + 1, column: column(of: codeIndex, in: lineText),
                "unknown status '\(code)' for action \(ref)",
                hint: "this plan's key has \(statusKeySoFar.listing)")
        }
        return ActionHead(
            status: status, statusOffset: offset(of: codeIndex, in: lineText), ref: String(ref),
            refOffset: offset(of: ref.startIndex, in: lineText), text: range(of: text, in: lineText))
    }

    private func isValidRef(_ ref: Substring) -> Bool {
        guard let first = ref.first, first.isLetter || first.isNumber else { return false }
        return ref.allSatisfy { ($0.isLetter || $0.isNumber || "._/-".contains($0)) }
    }

    private mutating func checkRefPlacement(_ ref: String, area: String, line: Int, column: Int) {
        guard ref.hasPrefix(area) else {
            report(
                .warning, line: line, column: column, "ref \(ref) is in area \(area)",
                hint: "refs usually start with their area's number, e.g. \(area)a", code: "ref-outside-area")
            return
        }
        let next = ref.dropFirst(area.count).first
        if let next, next.isNumber {
            report(
                .warning, line: line, column: column, "ref \(ref) is in area \(area)",
                hint: "refs usually start with their area's number, e.g. \(area)a", code: "ref-outside-area")
        }
    }

    /// Recognises the head line of an action field. In the text part of an action only
    /// the known fields count; once fields have started, `- NAME: value` extras count too.
    /// A plain ASCII history line, owner or due is read from its bytes; every other line
    /// with the `Substring` code.
    private mutating func fieldHead(line j: Int, inFields: Bool, ref: String) -> PendingField? {
        let empty = (j + 1)..<(j + 1)
        if readsBytes, lines.isASCII(j), let field = asciiFieldHead(line: j) { return field }
        let lineText = lines[j].text
        let content = lineText[lineText.utf8.index(lineText.startIndex, offsetBy: lines.lead(j))...]
        let item = LineSyntax.itemKeyword(content)
        if let item, LineSyntax.isDatedHistoryItem(item), let keyword = HistoryKeyword(rawValue: item.keyword) {
            return historyHead(content, keyword: keyword, rest: item.rest, line: j)
        }
        if let item, item.keyword == "measure", item.rest.first == " " {
            let value = item.rest.dropFirst()
            return PendingField(kind: .measure, line: j, value: range(of: value, in: lineText), continuation: empty)
        }
        guard let item else {
            guard inFields, let field = LineSyntax.field(content) else { return nil }
            return PendingField(
                kind: .extra(name: range(of: field.name, in: lineText)), line: j,
                value: range(of: field.value, in: lineText), continuation: empty)
        }
        if let plain = LineSyntax.plainActionField(item) {
            return PendingField(
                kind: plain.kind == .owner ? .owner : .due, line: j, value: range(of: plain.value, in: lineText),
                continuation: empty)
        }
        if LineSyntax.isUndatedHistoryItem(item) {
            let keyword = content.dropFirst(2).prefix { $0.isLetter }
            report(
                .error, line: j + 1, column: column(of: content.startIndex, in: lineText),
                "'\(keyword)' needs a date",
                hint: keyword.lowercased() == "status"
                    ? "the current status is the letter in `[ ]`; a change is recorded as `- Status YYYY-MM-DD (Name): A -> G`"
                    : "write `- \(keyword) YYYY-MM-DD (Name): text`")
            return PendingField(
                kind: .extra(name: range(of: keyword, in: lineText)), line: j,
                value: lineText.utf8.count..<lineText.utf8.count,
                continuation: empty)
        }
        guard inFields, let field = LineSyntax.field(content) else { return nil }
        return PendingField(
            kind: .extra(name: range(of: field.name, in: lineText)), line: j,
            value: range(of: field.value, in: lineText), continuation: empty)
    }

    /// `- KEYWORD DATE (AUTHOR): value`.
    mutating func historyHead(_ content: Substring, keyword: HistoryKeyword, rest: Substring, line j: Int)
        -> PendingField
    {
        let lineText = lines[j].text
        let dateText = rest.dropFirst().prefix(beforeByte: {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "\t")
        })
        var date: PlanDate?
        switch DateText.readISO(dateText) {
        case .date(let d): date = d
        case .impossible(let why):
            report(.error, line: j + 1, column: column(of: dateText.startIndex, in: lineText), why)
        case .notADate:
            report(
                .error, line: j + 1, column: column(of: dateText.startIndex, in: lineText),
                "'\(dateText)' is not a date",
                hint: "history lines start with an ISO date: `- \(keyword.rawValue.capitalized) YYYY-MM-DD (Name): …`")
        }
        var after = rest[dateText.endIndex...].droppingBlanks()
        var author: Range<Int>?
        if after.first == "(" {
            let end = Self.closingBracket(in: after).map { after.utf8.index(after.startIndex, offsetBy: $0) }
            if let end {
                author = range(of: after[after.index(after: after.startIndex)..<end], in: lineText)
                after = after[after.utf8.index(after: end)...].droppingBlanks()
            } else {
                report(
                    .error, line: j + 1, column: column(of: after.startIndex, in: lineText),
                    "the name in brackets is not closed", hint: "write `(Name)` after the date")
                after = after.suffix(0)
            }
        }
        var value = after.suffix(0)
        if after.first == ":" {
            value = after.dropFirst().droppingBlanks().trimmingTrailingWhitespace()
        } else if keyword != .added && keyword != .reviewed || !after.isEmpty {
            report(
                .error, line: j + 1, column: column(of: after.startIndex, in: lineText),
                "expected ':' after the date\(author == nil ? "" : " and name")",
                hint: "write `- \(keyword.rawValue.capitalized) YYYY-MM-DD (Name): …`")
        }
        return PendingField(
            kind: .history(keyword: keyword, date: date, author: author),
            line: j, value: range(of: value, in: lineText), continuation: (j + 1)..<(j + 1))
    }

    /// The UTF-8 offset of the `)` that closes the `(` at the start of `text`, counting
    /// nested brackets; nil when it is not closed. Both are ASCII, so the offset falls
    /// between characters. Read from the bytes: this runs for every history line.
    static func closingBracket(in text: Substring) -> Int? {
        func search(_ bytes: some Collection<UInt8>) -> Int? {
            var depth = 0
            for (offset, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return offset }
                }
            }
            return nil
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? search(text.utf8)
    }

    /// Room for the notes and history entries the fields may hold, so that their arrays
    /// are allocated once, not regrown as each is appended.
    private func reserveHistory(for fields: [PendingField], in action: inout Action) {
        var (notes, history) = (0, 0)
        for field in fields {
            guard case .history(let keyword, _, _) = field.kind else { continue }
            if keyword == .note { notes += 1 } else { history += 1 }
        }
        action.notes.reserveCapacity(notes)
        action.history.reserveCapacity(history)
    }

    /// Whether the action on `lines` reads alone as it reads in the whole file: no
    /// comment in it or right after it, whose extent the one-action parse could read
    /// differently (stricter than it needs, as an edit's re-read is: see `reparsingAction`).
    private func readsAlone(_ lines: Range<Int>) -> Bool {
        let after = min(lines.upperBound + 1, self.range.upperBound)
        return !(lines.lowerBound..<after).contains(where: isCommentLine)
    }

    /// Reads `field` into `action`. Without `keepingTexts`, a field that only holds text
    /// (a note, an agreement, an extra field) is checked as the whole read checks it
    /// but not kept: the action is deferred, and made from its lines when read.
    private mutating func apply(
        _ field: PendingField, to action: inout Action, span: inout ActionSpan, keepingTexts: Bool
    ) {
        let lineNumber = field.line + 1
        switch field.kind {
        case .owner:
            if !action.owners.isEmpty {
                report(
                    .error, line: lineNumber, column: 3, "action \(action.ref) has two Owner lines",
                    hint: "list every owner on one line, separated by `;`")
            }
            let value = joinedValue(of: field)
            // A deferred action's owners are not kept: only whether it names one is checked.
            action.owners =
                keepingTexts || !LineSyntax.namesAnOwner(quickly: value)
                ? LineSyntax.owners(value) : [LineSyntax.someOwner]
            span.ownerLines = field.line..<field.continuation.upperBound
        case .due:
            if action.due != nil {
                report(
                    .error, line: lineNumber, column: 3, "action \(action.ref) has two Due lines",
                    hint: "keep one; a change of due date is recorded as `- Due YYYY-MM-DD (Name): OLD -> NEW`")
            }
            let value = joinedValue(of: field)
            // A joined value's line breaks are the only LFs in it, and no CR stands before one.
            let dueText =
                value.utf8.contains(UInt8(ascii: "\n")) ? value.replacingEvery("\n", with: " ") : value
            action.due = readDue(dueText, line: field.line, column: valueColumn(field))
            span.dueLines = field.line..<field.continuation.upperBound
        case .extra(let name):
            guard keepingTexts else { return }
            action.extraFields.append(
                Field(name: String(substring(name, line: field.line)), value: joinedValue(of: field), line: lineNumber))
        case .measure:
            if let measure = measureDefinition(self.value(of: field), line: field.line, existing: action.measures) {
                action.measures.append(measure)
            }
        case .history(let keyword, let date, _):
            guard let date else { return }
            switch keyword {
            // A deferred action's notes and agreements are checked, not kept.
            case .note where !keepingTexts, .agreed where !keepingTexts: return
            case .note:
                action.notes.append(
                    Note(date: date, author: author(of: field), text: joinedValue(of: field), line: lineNumber))
                return
            case .agreed:
                action.agreements.append(
                    Agreement(date: date, by: author(of: field), text: joinedValue(of: field), line: lineNumber))
                return
            case .value:
                measureValue(self.value(of: field), date: date, author: author(of: field), line: field.line)
                return
            default: break
            }
            guard
                let change = statusChange(keyword, field)
                    ?? historyChange(
                        keyword, value: self.value(of: field), joined: joinedValue(of: field), field: field)
            else { return }
            action.history.append(
                HistoryEntry(date: date, author: author(of: field), change: change, line: lineNumber))
        }
    }

    /// The field's value joined over its continuation lines: made only for the fields that
    /// keep it or read it (a status change is read from its bytes).
    private func joinedValue(of field: PendingField) -> String {
        joined(line: field.line, value: field.value, continuation: field.continuation)
    }

    /// Where a field's value starts, for messages: counted only when needed, since it is
    /// counted in Unicode scalars from the start of the line.
    private func valueColumn(_ field: PendingField) -> Int {
        column(ofOffset: field.value.lowerBound, line: field.line)
    }

    private mutating func historyChange(
        _ keyword: HistoryKeyword, value: Substring, joined: String, field: PendingField
    ) -> HistoryEntry.Change? {
        let line = field.line
        switch keyword {
        case .added: return .added(String(value))
        // Free text over as many lines as it takes, like a note.
        case .retired, .reworded:
            guard !joined.isEmpty else {
                report(
                    .error, line: line + 1, column: valueColumn(field),
                    "a \(keyword.rawValue) line needs text after the colon",
                    hint: keyword == .retired
                        ? "say why: `- Retired 2026-01-05 (Name): merged into 1.2b`"
                        : "give the old wording: `- Reworded 2026-01-05 (Name): the text it had before`")
                return nil
            }
            return keyword == .retired ? .retired(joined) : .reworded(joined)
        default: break
        }
        guard let (old, new) = LineSyntax.arrow(value) else {
            report(
                .error, line: line + 1, column: valueColumn(field),
                "expected `OLD -> NEW` in this \(keyword.rawValue) change",
                hint: keyword == .status
                    ? "e.g. `- Status 2023-01-05 (Name): A -> G`"
                    : "e.g. `- Due 2023-01-05 (Name): 2023-01-31 -> 2023-03-31`")
            return nil
        }
        switch keyword {
        case .status:
            guard let from = Status(code: old), let to = Status(code: new) else {
                let bad = Status(code: old) == nil ? old : new
                report(
                    .error, line: line + 1, column: valueColumn(field), "unknown status '\(bad)' in a status change",
                    hint: "status changes use the codes R, A, G, B and N: `A -> G`")
                return nil
            }
            return .status(from: from, to: to)
        case .due:
            let column = valueColumn(field)
            for side in [old, new] { _ = readDue(String(side), line: line, column: column) }
            return .due(from: String(old), to: String(new))
        case .moved:
            return .moved(from: String(old), to: String(new))
        default:
            return .owner(from: LineSyntax.owners(old), to: LineSyntax.owners(new))
        }
    }

    /// A due text and the date derived from it when it names exactly one full date.
    mutating func readDue(_ text: String, line: Int, column: Int) -> Due {
        if case .date(let date) = DateText.readISO(text), text.utf8.count == 10 { return Due(text: text, date: date) }
        var found: [PlanDate] = []
        var reported = false
        for mention in DateText.scan(text) {
            switch mention.reading {
            case .date(let date): found.append(date)
            // The first only: counting the column of each would be quadratic on a long line
            // full of them, and the next shows once this one is fixed.
            case .impossible(let why) where !reported:
                reported = true
                report(
                    .error, line: line + 1, column: column + text.unicodeScalars[..<mention.range.lowerBound].count, why
                )
            case .impossible, .notADate: break
            }
        }
        return Due(text: text, date: found.count == 1 ? found[0] : nil)
    }
}
