import FoundationEssentials

/// Reads the lines of a plan file into a ``Plan``, collecting every problem it
/// finds rather than stopping at the first. See `docs/format.md`.
struct PlanParser {
    /// The texts of the lines read, by their index in the file.
    let lines: LineTexts
    /// The lines read: all of them, or one action's when an edit is checked.
    let range: Range<Int>
    var diagnostics: [Diagnostic] = []

    /// The most actions a plan may hold: far above any real plan (boards keep 50–200;
    /// the benchmark goes to 100,000), and a bound on memory for a file made of
    /// nothing but one-line actions. See docs/hardening.md.
    static let maximumActions = 250_000
    /// Diagnostics kept of each severity; the rest are counted in one last message,
    /// so that a file of millions of bad lines cannot fill the memory with messages.
    static let maximumDiagnostics = 10_000
    private var kept: [Diagnostic.Severity: Int] = [:]
    private var omitted: [Diagnostic.Severity: (count: Int, firstLine: Int)] = [:]
    private var actionsOverLimit = 0

    /// Whether each line of `range` is part of an HTML comment, from `range.lowerBound`
    /// on: an edit's re-read of one action keeps flags for its lines only, not the file's.
    private var isComment: [Bool]
    /// Whether plain ASCII action lines are read from their bytes (``ASCIIFieldReader``)
    /// rather than with the `Substring` code, which reads every line the same way and is
    /// kept so that a test and the fuzzer can check that both read a plan alike.
    let readsBytes: Bool
    /// Whether an action that reads the same alone as in the whole file is checked
    /// without being made (see ``ActionList``): what a session opened for one action reads.
    let defersActions: Bool

    private enum Context { case beforeTitle, header, textSection, planSection, area }
    private var context = Context.beforeTitle

    private var title: String?
    private var period: String?
    private var asAt: PlanDate?
    private var lastReviewed: Review?
    var reviews: [ReviewRecord] = []
    private var impactAgreedBy: [String] = []
    var reviewCycleDays = 31
    /// Measure values read but not yet put on their measures (see `attachValues`).
    var pendingValues: [PendingValue] = []
    private var keyEntries: [(entry: StatusKey.Entry, line: Int)] = []
    private var introduction = ProseBuffer()
    private var glossary: [GlossaryEntry] = []
    private var textSections: [(section: TextSection, body: ProseBuffer)] = []
    private var extraFields: [Field] = []
    /// The sections read so far, each with its areas (an ``AreaList`` only once read).
    var sections: [(section: Section, areas: [Area], description: ProseBuffer)] = []
    /// The section being read: there is one whenever the context is `.planSection` or `.area`.
    var currentSection: Section { sections[sections.count - 1].section }
    private var sectionNumbers: Set<String> = []
    private var areaNumbers: Set<String> = []
    private var areaDescription = ProseBuffer()
    private var areaHasAction = false
    var actions: [ActionEntry] = []
    /// The history of each deferred action that has one, by its index in `actions`,
    /// for the checks after the whole file (see `checkHistory`).
    var deferredHistory: [Int: [HistoryEntry]] = [:]
    /// Where each action of `actions` sits among the lines.
    var spans: [ActionSpan] = []
    /// Where each action's status code sits, for errors found after the whole file is read.
    var statusPositions: [(line: Int, column: Int)] = []

    init(lines table: LineTable, readsBytes: Bool = true, defersActions: Bool = false) {
        self.init(texts: LineTexts(table), readsBytes: readsBytes, defersActions: defersActions)
    }

    /// Reads every line of `lines`, whose shapes are read already (``LineTexts/init(scanning:)``).
    init(texts lines: LineTexts, readsBytes: Bool = true, defersActions: Bool = false) {
        self.lines = lines
        self.readsBytes = readsBytes
        self.defersActions = defersActions
        range = lines.indices
        var ignored = PlanParser.commentLines(lines)
        let conflicts = ConflictMarkers.find(in: lines, ignoring: &ignored)
        self.isComment = ignored
        diagnostics += conflicts.map { ConflictMarkers.diagnostic($0, lines: lines) }
    }

    /// Reads only the action on the lines `range` of `lines`, as the whole parse would
    /// read it in the area `area` of section `section` of a plan with `statusKey`: how an
    /// edit is checked without reading the whole file again. The caller makes sure
    /// that the lines around the range cannot change how it reads (see
    /// `PlanDocument.reparsedAction`).
    init(lines table: LineTable, action range: Range<Int>, statusKey: StatusKey, section: String, area: String) {
        let lines = LineTexts(table, reading: range)
        self.lines = lines
        readsBytes = true
        defersActions = false
        self.range = range
        isComment = PlanParser.commentLines(lines, in: range)
        context = .area
        title = ""
        keyEntries = statusKey.entries.map { ($0, 0) }
        sections = [
            (
                Section(number: section, title: "", description: "", areas: [], line: 0),
                [
                    Area(
                        number: area, title: "", needsToImprove: nil, priorityAction: nil, inspectorsFound: nil,
                        description: "", extraFields: [], actionRange: 0..<0, line: 0)
                ], ProseBuffer()
            )
        ]
        areaHasAction = true
    }

    /// Whether each line of `lines` is part of an HTML comment.
    static func commentLines(_ lines: LineTable) -> [Bool] {
        commentLines(LineTexts(lines))
    }

    /// Whether each line of `range` (all of them by default) is part of an HTML comment:
    /// the flag of line `i` at `i - range.lowerBound`.
    static func commentLines(_ lines: LineTexts, in range: Range<Int>? = nil) -> [Bool] {
        let range = range ?? lines.indices
        var flags = [Bool](repeating: false, count: range.count)
        var inComment = false
        for i in range {
            if !inComment {
                guard lines.has(.opensComment, i) else { continue }
                let text = lines[i].text
                let start = text.utf8.index(text.startIndex, offsetBy: lines.lead(i))
                inComment = true
                flags[i - range.lowerBound] = true
                inComment = !text[text.index(start, offsetBy: 4)...].contains("-->")
            } else {
                flags[i - range.lowerBound] = true
                if lines.has(.mayCloseComment, i), lines[i].text.contains("-->") { inComment = false }
            }
        }
        return flags
    }

    // MARK: - Reading

    mutating func parse() -> Plan {
        var i = range.lowerBound
        var sawBlank = false
        while i < range.upperBound {
            if isCommentLine(i) {
                i += 1
                continue
            }
            if lines.isBlank(i) {
                sawBlank = true
                i += 1
                continue
            }
            let text = lines[i].text
            let width = lines.width(i)
            let content = text[text.utf8.index(text.startIndex, offsetBy: lines.lead(i))...]
            if width > 0 {
                readIndentedOutsideAction(i, content: content, paragraphBreak: sawBlank)
                i += 1
            } else {
                i = readTopLevel(i, content: content, paragraphBreak: sawBlank)
            }
            sawBlank = false
        }
        if title == nil {
            report(
                .error, line: 1, column: 1, lines.isEmpty ? "the file is empty" : "the file has no title",
                hint: "a plan starts with its title on a line of its own: `# Title`")
        }
        return finish()
    }

    /// Reads the line at `i` (at width 0) and whatever belongs to it; returns the next line to read.
    private mutating func readTopLevel(_ i: Int, content: Substring, paragraphBreak: Bool) -> Int {
        let lineNumber = i + 1
        if context == .beforeTitle {
            context = .header
            if let level = LineSyntax.headingLevel(content), level == 1 {
                title = String(content.dropFirst(1).drop { $0 == " " }.trimmingTrailingWhitespace())
                return i + 1
            }
            title = ""
            report(
                .error, line: lineNumber, column: 1, "a plan must start with its title",
                hint: "put the title first, on a line of its own: `# Title`")
        }
        if let level = LineSyntax.headingLevel(content), level == 2 || level == 3 {
            level == 2 ? startSection(i, content) : startArea(i, content)
            return i + 1
        }
        let inPlanPart = context == .planSection || context == .area
        // Outside the plan's sections a Markdown link list (`- [text](url)`) is prose;
        // only the shape of an action line (`- [C] `) is taken for a misplaced action.
        // An ASCII line's characters are its bytes, and a byte test is much quicker.
        let opensBox = lines.isASCII(i) ? content.utf8.starts(with: "- [".utf8) : content.hasPrefix("- [")
        if opensBox, inPlanPart || LineSyntax.looksLikeActionLine(content) {
            guard context == .area else {
                report(
                    .error, line: lineNumber, column: 1, "action outside any area",
                    hint: "every action belongs to an area: add a heading such as `### 1.1 Title` above it")
                return continuation(after: i, deeperThan: 0).upperBound
            }
            guard actions.count < Self.maximumActions else {
                if actionsOverLimit == 0 {
                    report(
                        .error, line: lineNumber, column: 1, "more than 250,000 actions, the most a plan may have",
                        hint: "split the plan into several files")
                }
                actionsOverLimit += 1
                return continuation(after: i, deeperThan: 0).upperBound
            }
            areaHasAction = true
            return readAction(i, content: content)
        }
        if context == .area, let next = readAreaItem(i, content: content) { return next }
        if context == .header, let next = readReviewLine(i, content: content) { return next }
        if LineSyntax.isDatedHistoryItem(content)
            || (inPlanPart && LineSyntax.isUndatedHistoryItem(content))
            || (context == .area && LineSyntax.plainActionField(content) != nil)
        {
            let what = content.dropFirst(2).prefix { $0.isLetter }
            report(
                .error, line: lineNumber, column: 1, "'\(what)' line outside any action",
                hint: areaHasAction
                    ? "indent it by two spaces under the action it belongs to"
                    : "it belongs to an action: add the action (`- [A] 1.1a What we will do`) above it")
            return continuation(after: i, deeperThan: 0).upperBound
        }
        if let field = LineSyntax.field(content), context != .textSection, context != .planSection {
            let end = continuation(after: i, deeperThan: 0)
            let value = joined(first: field.value, continuation: end)
            if context == .header {
                readHeaderField(name: field.name, value: value, line: i, valueStart: field.valueStart)
            } else {
                readAreaField(name: field.name, value: value, line: i)
            }
            return end.upperBound
        }
        if context == .textSection, textSections.last?.section.title.lowercased() == "glossary",
            let field = LineSyntax.field(content)
        {
            let end = continuation(after: i, deeperThan: 0)
            glossary.append(
                GlossaryEntry(term: String(field.name), meaning: joined(first: field.value, continuation: end)))
        }
        if context == .area && areaHasAction {
            report(
                .warning, line: lineNumber, column: 1, "text at the start of a line ends the action above",
                hint: "to keep it in the action, indent it by two spaces", code: "prose-after-action")
        }
        appendProse(content, paragraphBreak: paragraphBreak)
        return i + 1
    }

    private mutating func readIndentedOutsideAction(_ i: Int, content: Substring, paragraphBreak: Bool) {
        if context == .planSection || context == .area,
            LineSyntax.isDatedHistoryItem(content) || LineSyntax.plainActionField(content) != nil
                || LineSyntax.isUndatedHistoryItem(content)
        {
            let (_, start) = lines[i].text.indentation
            report(
                .error, line: i + 1, column: column(of: start, in: lines[i].text),
                "'\(content.dropFirst(2).prefix { $0.isLetter })' line outside any action",
                hint:
                    "notes, status changes, owners and due dates go under an action line such as `- [A] 1.1a What we will do`"
            )
            return
        }
        appendProse(content, paragraphBreak: paragraphBreak)
    }

    private mutating func appendProse(_ content: Substring, paragraphBreak: Bool) {
        let line = content.trimmingTrailingWhitespace()
        switch context {
        case .beforeTitle, .header: introduction.append(line, paragraphBreak: paragraphBreak)
        case .textSection: textSections[textSections.count - 1].body.append(line, paragraphBreak: paragraphBreak)
        case .planSection: sections[sections.count - 1].description.append(line, paragraphBreak: paragraphBreak)
        case .area: areaDescription.append(line, paragraphBreak: paragraphBreak)
        }
    }

    // MARK: - Sections and areas

    private mutating func startSection(_ i: Int, _ content: Substring) {
        closeArea()
        guard let heading = LineSyntax.heading(content, level: 2) else { return }
        guard let number = heading.number, !number.contains(".") else {
            context = .textSection
            textSections.append(
                (
                    TextSection(
                        title: String(content.dropFirst(3).trimmingTrailingWhitespace()), body: "", line: i + 1),
                    ProseBuffer()
                ))
            return
        }
        if !sectionNumbers.insert(number).inserted {
            report(
                .error, line: i + 1, column: 4, "section \(number) appears twice",
                hint: "give each section its own number")
        }
        context = .planSection
        sections.append(
            (
                Section(number: number, title: String(heading.title), description: "", areas: [], line: i + 1),
                [], ProseBuffer()
            ))
    }

    private mutating func startArea(_ i: Int, _ content: Substring) {
        switch context {
        case .beforeTitle, .header:
            report(
                .error, line: i + 1, column: 1, "area heading before any section",
                hint: "add a section heading such as `## 1 Title` above it")
            return
        case .textSection:
            appendProse(content, paragraphBreak: false)
            return
        case .planSection, .area:
            break
        }
        closeArea()
        let sectionNumber = currentSection.number
        guard let heading = LineSyntax.heading(content, level: 3), let number = heading.number else {
            report(
                .error, line: i + 1, column: 5, "area heading without a number",
                hint: "number areas within their section, e.g. `### \(sectionNumber).1 Title`")
            context = .planSection
            return
        }
        if !areaNumbers.insert(number).inserted {
            report(
                .error, line: i + 1, column: 5, "area \(number) appears twice", hint: "give each area its own number")
        }
        if !number.hasPrefix(sectionNumber + ".") {
            report(
                .warning, line: i + 1, column: 5, "area \(number) is in section \(sectionNumber)",
                hint:
                    "areas of section \(sectionNumber) are usually numbered \(sectionNumber).1, \(sectionNumber).2, …",
                code: "area-outside-section")
        }
        context = .area
        areaHasAction = false
        areaDescription = ProseBuffer()
        sections[sections.count - 1].areas.append(
            Area(
                number: number, title: String(heading.title), needsToImprove: nil, priorityAction: nil,
                inspectorsFound: nil, description: "", extraFields: [], actionRange: actions.count..<actions.count,
                line: i + 1))
    }

    private mutating func closeArea() {
        guard context == .area else { return }
        let s = sections.count - 1
        let a = sections[s].areas.count - 1
        sections[s].areas[a].description = areaDescription.text
        let number = sections[s].areas[a].number
        sections[s].areas[a].measuresAsRead = attachValues(
            to: sections[s].areas[a].measuresAsRead, owner: "area \(number)")
        sections[s].areas[a].actionRange = sections[s].areas[a].actionRange.lowerBound..<actions.count
    }

    private mutating func readAreaField(name: Substring, value: String, line: Int) {
        let s = sections.count - 1
        let a = sections[s].areas.count - 1
        let key: WritableKeyPath<Area, String?>?
        switch name.lowercased() {
        case "needs to improve", "what needs to improve": key = \.needsToImprove
        case "priority action": key = \.priorityAction
        case "inspectors found", "what inspectors found": key = \.inspectorsFound
        default: key = nil
        }
        guard let key else {
            sections[s].areas[a].extraFieldsAsRead.append(Field(name: String(name), value: value, line: line + 1))
            return
        }
        if sections[s].areas[a][keyPath: key] != nil {
            report(
                .error, line: line + 1, column: 3,
                "'\(name)' appears twice in area \(sections[s].areas[a].number)",
                hint: "write it once; it may run over several paragraphs")
        }
        sections[s].areas[a][keyPath: key] = value
    }

    // MARK: - Header

    private mutating func readHeaderField(name: Substring, value: String, line: Int, valueStart: Substring.Index) {
        let lineText = lines[line].text
        let valueColumn = column(of: valueStart, in: lineText)
        let lower = name.lowercased()
        if lower.hasPrefix("status ") {
            readKeyEntry(name: name, definition: value, line: line)
            return
        }
        switch lower {
        case "period":
            period = value
        case "impact agreed by":
            impactAgreedBy = LineSyntax.owners(value)
        case "review cycle":
            readReviewCycle(value, line: line, column: valueColumn)
        case "as at":
            asAt = requiredDate(value, line: line, column: valueColumn, what: "As at")
        case "last reviewed":
            let parts = value.split(separator: ",", maxSplits: 1)
            let by = parts.count > 1 ? parts[1].trimmingWhitespace() : nil
            if let date = requiredDate(
                String(parts.first ?? ""), line: line, column: valueColumn, what: "Last reviewed")
            {
                lastReviewed = Review(date: date, by: by?.isEmpty == true ? nil : by)
            }
        default:
            extraFields.append(Field(name: String(name), value: value, line: line + 1))
        }
    }

    /// `Status R (Red): definition`.
    private mutating func readKeyEntry(name: Substring, definition: String, line: Int) {
        let rest = name.dropFirst("status ".count).drop { $0 == " " }
        let code = rest.prefix { $0 != " " }
        var label = rest.dropFirst(code.count).trimmingWhitespace()
        if label.hasPrefix("("), label.hasSuffix(")") { label = String(label.dropFirst().dropLast()) }
        guard let status = Status(code: code) else {
            report(
                .error, line: line + 1, column: 10, "unknown status code '\(code)' in the status key",
                hint:
                    "status codes are R (Red), A (Amber), G (Green), B (Blue) and N (Not started); the label in brackets is free"
            )
            return
        }
        if keyEntries.contains(where: { $0.entry.status == status }) {
            report(.error, line: line + 1, column: 10, "status \(status.code) is in the key twice")
            return
        }
        keyEntries.append(
            (
                StatusKey.Entry(status: status, label: label.isEmpty ? status.name : label, definition: definition),
                line + 1
            ))
    }

    // MARK: - Shared helpers

    /// The status key as read so far (the header comes before any action).
    var statusKeySoFar: StatusKey {
        keyEntries.isEmpty ? .standard : StatusKey(entries: keyEntries.map(\.entry))
    }

    /// The lines that continue an item whose own line is at `width`: lines indented
    /// more, with the blank and comment lines between them. Trailing blanks are not included.
    func continuation(after i: Int, deeperThan width: Int) -> Range<Int> {
        Self.continuation(after: i, deeperThan: width, in: lines, before: range.upperBound, isComment: isCommentLine)
    }

    static func continuation(
        after i: Int, deeperThan width: Int, in lines: LineTexts, before end: Int, isComment: (Int) -> Bool
    ) -> Range<Int> {
        var last = i
        var j = i + 1
        while j < end {
            if isComment(j) {
                // An indented comment belongs to the item, and so do the rest of its lines.
                if lines.width(j) > width || last == j - 1 && isComment(last) { last = j }
                j += 1
                continue
            }
            if lines.isBlank(j) {
                j += 1
                continue
            }
            guard lines.width(j) > width else { break }
            last = j
            j += 1
        }
        return (i + 1)..<(last + 1)
    }

    /// The lines of the item at width 0 on line `i` of `table` (a header field), with
    /// those that continue it, as the parse reads them when they come before line `end`,
    /// and which of them are comments: what an edit replaces to rewrite the whole field.
    static func itemLines(_ table: LineTable, at i: Int, before end: Int) -> (lines: Range<Int>, comments: [Int]) {
        let lines = LineTexts(table, reading: 0..<end)
        let isComment = commentLines(lines, in: 0..<end)
        let item =
            i..<continuation(after: i, deeperThan: 0, in: lines, before: end, isComment: { isComment[$0] })
            .upperBound
        return (item, item.dropFirst().filter { isComment[$0] })
    }

    /// A first-line value and its continuation lines, dedented, paragraphs kept.
    func joined(first: Substring, continuation range: Range<Int>) -> String {
        if range.isEmpty { return String(first) }
        let body = range.filter { !isCommentLine($0) && !lines.isBlank($0) }
        // Room for every line and a paragraph break after each, so that the text is not regrown.
        var prose = ProseBuffer(capacity: body.reduce(first.utf8.count) { $0 + lines[$1].text.utf8.count + 2 })
        prose.append(first, paragraphBreak: false)
        let indent = body.map { lines.width($0) }.min() ?? 0
        var previous = range.lowerBound - 1
        for j in body {
            let gap = (previous + 1..<j).contains { !isCommentLine($0) && lines.isBlank($0) }
            prose.append(lines[j].text.droppingIndentation(indent).trimmingTrailingWhitespace(), paragraphBreak: gap)
            previous = j
        }
        return prose.text
    }

    func isCommentLine(_ i: Int) -> Bool { isComment[i - range.lowerBound] }

    func column(of index: Substring.Index, in line: Substring) -> Int {
        Self.column(of: index, in: line)
    }

    /// The 1-based column of `index` in Unicode scalars, as messages give it.
    static func column(of index: Substring.Index, in line: Substring) -> Int {
        line.unicodeScalars[line.startIndex..<index].count + 1
    }

    mutating func report(
        _ severity: Diagnostic.Severity, line: Int, column: Int, _ message: String, hint: String? = nil,
        code: String? = nil
    ) {
        guard kept[severity, default: 0] < Self.maximumDiagnostics else {
            omitted[severity, default: (0, line)].count += 1
            return
        }
        kept[severity, default: 0] += 1
        diagnostics.append(Diagnostic(severity, line: line, column: column, message, hint: hint, code: code))
    }

    /// An ISO date where one is required, reporting what is wrong with it otherwise.
    mutating func requiredDate(_ text: String, line: Int, column: Int, what: String) -> PlanDate? {
        let trimmed = text.trimmingWhitespace()
        switch DateText.readISO(trimmed) {
        case .date(let date): return date
        case .impossible(let why):
            report(.error, line: line + 1, column: column, why)
        case .notADate:
            let suggestion = DateText.parseUserDate(trimmed).map { " such as \($0.iso)" } ?? ""
            report(
                .error, line: line + 1, column: column, "'\(trimmed)' is not a date",
                hint: "\(what) takes an ISO date (YYYY-MM-DD)\(suggestion)")
        }
        return nil
    }

    // MARK: - Finishing

    private mutating func finish() -> Plan {
        closeArea()
        let key = keyEntries.isEmpty ? StatusKey.standard : StatusKey(entries: keyEntries.map(\.entry))
        var indexByRef: [String: Int] = [:]
        indexByRef.reserveCapacity(actions.count)
        let source =
            actions.contains(where: \.isDeferred) ? DeferredActionSource(lines: lines.table, statusKey: key) : nil
        for (index, entry) in actions.enumerated() {
            let ref = entry.ref
            let folded = ref.lowercased()
            if let first = indexByRef[folded] {
                let spaced = LineSyntax.letterAfterRef(entry.made(from: source))
                report(
                    .error, line: entry.line, column: statusPositions[index].column + 3,
                    "duplicate ref \(ref) (first used on line \(actions[first].line))",
                    hint: spaced.map {
                        "a ref has no spaces: if this one is \(ref)\($0), write it without the space"
                    }
                        ?? "refs must be unique in the plan; number this one differently")
            } else {
                indexByRef[folded] = index
            }
            let status = entry.status
            if !key.contains(status) {
                report(
                    .error, line: statusPositions[index].line, column: statusPositions[index].column,
                    "status \(status.code) is not in this plan's status key",
                    hint:
                        "this plan's key has \(key.listing); add `- Status \(status.code) (\(status.name)): …` to the header to use it"
                )
            }
            switch entry {
            case .made(let action): checkHistory(of: action.history, ref: ref, status: status)
            case .deferred:
                if let history = deferredHistory[index] { checkHistory(of: history, ref: ref, status: status) }
            }
        }
        reportControlCharacters()
        for (severity, (count, line)) in omitted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            diagnostics.append(
                Diagnostic(
                    severity, line: line, column: 1,
                    "\(count) more \(severity.rawValue)\(count == 1 ? "" : "s") from here on not shown",
                    hint: "fix the ones above and check the file again"))
        }
        diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        // The newest review of the log (the later line on a day), else `Last reviewed:`.
        let latestLogged = reviews.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?
            .element
        if let latestLogged, lastReviewed.map({ $0.date <= latestLogged.date }) ?? true {
            lastReviewed = Review(date: latestLogged.date, by: latestLogged.by)
        }
        var plan = Plan(
            title: title ?? "", period: period, asAt: asAt, lastReviewed: lastReviewed, statusKey: key,
            introduction: introduction.text, glossary: glossary,
            textSections: textSections.map {
                var s = $0.section
                s.body = $0.body.text
                return s
            },
            extraFields: extraFields,
            sections: sections.map {
                var s = $0.section
                s.description = $0.description.text
                s.areas = AreaList($0.areas)
                return s
            },
            actions: ActionList(entries: actions, source: source), indexByRef: indexByRef)
        plan.reviews = reviews
        plan.impactAgreedBy = impactAgreedBy
        plan.reviewCycleDays = reviewCycleDays
        return plan
    }

    /// The status changes of an action's history against each other and its status.
    private mutating func checkHistory(of history: [HistoryEntry], ref: String, status: Status) {
        // Only what the checks read of each change, so that no entry (and its strings) is copied.
        var changes: [(offset: Int, date: PlanDate, line: Int, from: Status, to: Status)] = []
        for (offset, entry) in history.enumerated() {
            if case .status(let from, let to) = entry.change {
                changes.append((offset, entry.date, entry.line, from, to))
            }
        }
        changes.sort { ($0.date, $0.offset) < ($1.date, $1.offset) }
        guard let latest = changes.last else { return }
        // At the `- Status` item, not in the indentation before it.
        func itemColumn(_ line: Int) -> Int {
            column(of: lines[line - 1].text.indentation.contentStart, in: lines[line - 1].text)
        }
        if latest.to != status {
            report(
                .error, line: latest.line, column: itemColumn(latest.line),
                "the latest status change of \(ref) ends at \(latest.to.code), but the action is \(status.code)",
                hint:
                    "add a line `- Status YYYY-MM-DD (Name): \(latest.to.code) -> \(status.code)` when you change a status by hand, or use `actionplan set`"
            )
        }
        for (previous, next) in zip(changes, changes.dropFirst()) where previous.to != next.from {
            report(
                .warning, line: next.line, column: itemColumn(next.line),
                "status change from \(next.from.code), but the change before it (line \(previous.line)) went to \(previous.to.code)",
                code: "status-chain")
        }
    }

    private mutating func reportControlCharacters() {
        for i in range where lines.has(.mayHoldControl, i) {
            let line = lines[i]
            guard
                let index = line.text.unicodeScalars.firstIndex(where: {
                    TerminalText.needsEscape($0, keepNewlines: false) && $0 != "\r"
                })
            else { continue }
            let scalar = line.text.unicodeScalars[index]
            if scalar == "\0" {
                // Never valid: a file with a NUL does not load, so an edit must not write one.
                report(
                    .error, line: i + 1, column: line.text.unicodeScalars[..<index].count + 1,
                    "NUL byte: this looks like a binary file, not a plan", hint: "plans are UTF-8 text files")
                continue
            }
            report(
                .warning, line: i + 1, column: line.text.unicodeScalars[..<index].count + 1,
                "control character U+\(String(scalar.value, radix: 16, uppercase: true)) in the text",
                hint: "it is shown escaped; remove it unless it is meant to be there", code: "control-character")
        }
    }
}

/// Collects lines of prose, turning blank-line gaps into paragraph breaks.
struct ProseBuffer {
    private(set) var text = ""

    init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    mutating func append(_ line: some StringProtocol, paragraphBreak: Bool) {
        if text.isEmpty {
            text += line
        } else {
            text += paragraphBreak ? "\n\n" : "\n"
            text += line
        }
    }
}
