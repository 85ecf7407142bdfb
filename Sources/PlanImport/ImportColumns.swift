import PlanCore

/// What a spreadsheet column holds, for `actionplan import`.
public enum ImportField: String, CaseIterable, Sendable {
    case ref, action, owner, due, rag, progress, section, area, ignore
    /// The date of the notes in the progress column whose heading names none ("Date of last update").
    case updated

    /// Column headings that mean this field, compared ignoring case and spaces.
    public var synonyms: [String] {
        switch self {
        case .ref: ["Ref", "Reference", "No.", "No", "Number"]
        case .action: ["Action", "What we will do", "Description", "Actions"]
        case .owner: ["Owner", "Action Owner", "Lead", "Responsible", "Owners"]
        case .due: ["Due", "Due by", "Deadline", "Target date", "Due date", "Timescale"]
        case .rag: ["RAG", "Status", "Rating", "RAG status"]
        case .progress: ["Progress", "Update", "Progress and impact to date", "Commentary", "Progress update"]
        case .section: ["Section", "Theme", "Priority"]
        case .area: ["Area", "Finding", "Objective", "Area for improvement"]
        case .updated:
            [
                "Date of last update", "Last updated", "Date updated", "Date of update", "Update date",
                "Last update date",
            ]
        case .ignore: []
        }
    }

    /// The field a heading names exactly (one of its ``synonyms``), if any.
    public static func matching(_ heading: String) -> ImportField? {
        bySynonym[ImportColumns.key(heading)]
    }

    /// Every synonym's key, made once: header detection looks up every cell of the first rows.
    private static let bySynonym: [String: ImportField] = Dictionary(
        allCases.flatMap { field in field.synonyms.map { (ImportColumns.key($0), field) } }
    ) { first, _ in first }

    /// Whether a heading has the word RAG in it ("RAG", "RAG rating", "Status (RAG)").
    static func namesTheRAG(_ heading: String) -> Bool {
        words(heading).contains("rag")
    }

    /// A heading's words, lower-cased: "Status (RAG)" → status, rag.
    static func words(_ heading: String) -> Set<String> {
        Set(heading.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    /// The field a heading names by one of its words, when no synonym matches it:
    /// "RAG rating", "Lead officer", "Target completion date", "Action ID". The first
    /// rule that holds wins, so "Action status" is the RAG and "Action no." the ref.
    public static func matchingWords(_ heading: String) -> ImportField? {
        let words = Self.words(heading)
        func any(_ names: Set<String>) -> Bool { !words.isDisjoint(with: names) }
        // "Status update" and "Status commentary" are progress, not the RAG.
        if any(["rag", "rating"])
            || (words.contains("status") && !any(["update", "updates", "commentary", "comment", "comments"]))
        {
            return .rag
        }
        if any(["due", "deadline", "deadlines", "timescale", "timescales"])
            || (words.contains("date") && any(["target", "completion", "end"]))
        {
            return .due
        }
        if any(["ref", "reference", "no", "number", "id"]) { return .ref }
        if any(["owner", "owners", "lead", "leads", "responsible", "accountable"]) { return .owner }
        // "Date of last update" is a date, not the progress itself.
        if any(["progress", "commentary"]) || (any(["update", "updates"]) && !words.contains("date")) {
            return .progress
        }
        if any(["theme", "themes", "section", "priority"]) { return .section }
        if any(["area", "areas", "finding", "findings", "objective", "objectives"]) { return .area }
        if any(["action", "actions", "description"]) { return .action }
        return nil
    }
}

/// What became of each column: mapped to a field, kept as an extra field, or ignored.
public struct ImportColumn: Sendable, Equatable {
    public enum Use: Sendable, Equatable {
        case field(ImportField)
        /// Kept on each action as `- NAME: value`; `reason` says why it was not mapped.
        case extra(name: String, reason: String?)
        case ignored(reason: String)
    }

    public var heading: String
    public var use: Use
    /// For a progress or RAG column, the date its heading names ("Update Dec 22", "RAG Jan"):
    /// a tracker keeps one such column per update round.
    public var date: PlanDate? = nil
}

enum ImportColumns {
    /// Headings are compared ignoring case and every space.
    static func key(_ heading: String) -> String {
        String(heading.lowercased().filter { !$0.isWhitespace })
    }

    /// A heading on one line: spaces and line breaks collapsed; a blank one named after its column letter.
    static func heading(_ cell: String, index: Int) -> String {
        let words = cell.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.isEmpty ? "Column \(letters(index))" : words
    }

    /// `A`, `B`, … `Z`, `AA`: a column's letters from its 0-based index.
    static func letters(_ index: Int) -> String { XLSXSheet.columnLetters(index) }

    /// The header: the first of the first 20 non-blank rows with two known headings (a title
    /// may stand above it), or nil. `mapped` are more headings known (`--map` keys).
    static func headerRow(in rows: [ImportTable.Row], mapped: Set<String> = []) -> Int? {
        rows.indices.lazy.filter { !rows[$0].isBlank }.prefix(20).first { index in
            rows[index].cells.count { ImportField.matching($0.text) != nil || mapped.contains(key($0.text)) } >= 2
        }
    }

    /// The header of a board pack exported with `actionplan export --format csv`.
    static let boardPackHeader = BoardPackCSV.header.map(key)
    /// Columns of an exported board pack that `export` works out from the plan.
    static let boardPackDerived: Set<String> = ["duedate", "overdue", "latestnotedate"]

    /// Decides each column's use. `overrides` are `--map COLUMN=FIELD`, applied first;
    /// then a column with the word RAG in its heading is the RAG; then each column
    /// matches a field by its whole heading, then the columns left by a word of their
    /// heading, the leftmost column winning when two match the same field; every other
    /// column is kept as an extra field.
    static func resolve(
        _ headings: [String], overrides: [(column: String, field: ImportField)], asAt: PlanDate
    ) throws(ImportError) -> [ImportColumn] {
        var uses = [ImportColumn.Use?](repeating: nil, count: headings.count)
        var taken: [ImportField: String] = [:]
        for (column, field) in overrides {
            guard let index = headings.indices.first(where: { key(headings[$0]) == key(column) }) else {
                throw ImportError(
                    "--map \(column)=\(field.rawValue): no column is headed '\(column)'; the columns are "
                        + headings.map { "'\($0)'" }.joined(separator: ", "))
            }
            if field != .ignore, let other = taken[field], key(other) != key(column) {
                throw ImportError("--map gives two columns to \(field.rawValue): '\(other)' and '\(column)'")
            }
            if uses[index] != nil { throw ImportError("--map names the column '\(headings[index])' twice") }
            uses[index] = field == .ignore ? .ignored(reason: "--map") : .field(field)
            if field != .ignore { taken[field] = headings[index] }
        }
        let boardPack = headings.prefix(boardPackHeader.count).map(key) == boardPackHeader
        // A wide sheet repeats its headings (a blank one is `Column X`, but "Notes" may come
        // back forty times): each distinct heading is read once.
        var namesTheRAG: [String: Bool] = [:]
        var byWords: [String: ImportField?] = [:]
        var names: [String: String] = [:]
        func memo<T>(_ table: inout [String: T], _ heading: String, _ make: (String) -> T) -> T {
            if let known = table[heading] { return known }
            let value = make(heading)
            table[heading] = value
            return value
        }
        // "RAG rating" says what it holds more surely than a "Status" beside it (Open, Closed).
        if taken[.rag] == nil, !boardPack,
            let index = headings.indices.first(where: {
                uses[$0] == nil && memo(&namesTheRAG, headings[$0], ImportField.namesTheRAG)
            })
        {
            uses[index] = .field(.rag)
            taken[.rag] = headings[index]
        }
        for (index, heading) in headings.enumerated() where uses[index] == nil {
            if boardPack, boardPackDerived.contains(key(heading)) {
                uses[index] = .ignored(reason: "worked out by actionplan export")
            } else if boardPack, key(heading) == "latestnote" {
                uses[index] = .field(.progress)
                taken[.progress] = heading
            } else if let field = ImportField.matching(heading), taken[field] == nil {
                uses[index] = .field(field)
                taken[field] = heading
            }
        }
        // One progress and one RAG column may have no date in its heading; the others are rounds.
        var undated = Set(
            headings.indices.compactMap { index -> ImportField? in
                guard case .field(let field) = uses[index], [.progress, .rag].contains(field),
                    ImportValues.headingDate(headings[index], asAt: asAt) == nil
                else { return nil }
                return field
            })
        for (index, heading) in headings.enumerated() where uses[index] == nil {
            let field = ImportField.matching(heading) ?? memo(&byWords, heading, ImportField.matchingWords)
            if let field, taken[field] == nil {
                uses[index] = .field(field)
                taken[field] = heading
            } else if let field, field == .progress || field == .rag,
                ImportValues.headingDate(heading, asAt: asAt) != nil || !undated.contains(field)
            {
                // One column per update round: "Update Dec 22", "Update Jan 23"; "RAG Dec", "RAG Jan".
                uses[index] = .field(field)
                if ImportValues.headingDate(heading, asAt: asAt) == nil { undated.insert(field) }
            } else {
                let reason = field.flatMap { taken[$0] }.map { "'\($0)' is already read as that field" }
                uses[index] = .extra(name: memo(&names, heading, fieldName), reason: reason)
            }
        }
        // Every column has its use by now.
        var columns = zip(headings, uses).map {
            ImportColumn(heading: $0, use: $1 ?? .extra(name: fieldName($0), reason: nil))
        }
        for index in columns.indices where [.field(.progress), .field(.rag)].contains(columns[index].use) {
            columns[index].date = ImportValues.headingDate(columns[index].heading, asAt: asAt)
        }
        // Two columns of one round ("Update Dec 22" twice) would make two notes of one date for
        // one column's worth of meaning: the second is kept as an extra field.
        var rounds: Set<String> = []
        for index in columns.indices {
            guard case .field(let field) = columns[index].use, let date = columns[index].date else { continue }
            if !rounds.insert("\(field.rawValue) \(date.iso)").inserted {
                columns[index].use = .extra(
                    name: fieldName(columns[index].heading), reason: "another \(field.rawValue) column has its date")
                columns[index].date = nil
            }
        }
        return columns
    }

    /// A heading as the name of an extra field `- NAME: value`: letters, digits, spaces
    /// and `( ) / _ ' -`, starting with a letter, at most 60 characters, and not a name
    /// the format reads as a known field (`Owner`, `Due`, `Note 1`…).
    static func fieldName(_ heading: String) -> String {
        var name = String(heading.map { $0.isLetter || $0.isNumber || " ()/_'-".contains($0) ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
        if heading.first?.isLetter != true { name = "Column " + name }
        name = String(name.prefix(60)).trimmingWhitespace()
        let line = Substring("- \(name): x")
        if LineSyntax.plainActionField(line) != nil || LineSyntax.isDatedHistoryItem(line)
            || LineSyntax.isUndatedHistoryItem(line) || LineSyntax.field(line) == nil
        {
            name = String(("Column " + name).prefix(60)).trimmingWhitespace()
        }
        return name
    }
}
