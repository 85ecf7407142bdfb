import FoundationEssentials

/// A plan file held losslessly: every line exactly as read, and the ``Plan`` parsed
/// from them. Writing an unchanged document gives back the same bytes; an edit
/// changes only the lines of what it changed.
public struct PlanDocument: Sendable {
    public internal(set) var plan: Plan
    /// Problems that do not stop the plan from being used.
    public internal(set) var warnings: [Diagnostic]
    var lines: LineTable
    /// Where each action of `plan.actions` sits among `lines`, at the same index.
    var spans: LineChunks<ActionSpan>
    let hasByteOrderMark: Bool

    /// When the parse makes the plan's actions: every one as it reads the file, or, for
    /// a command that reads one action or a few, each one when it is read.
    public enum ActionReading: Sendable {
        /// Every action made as the file is read: for a caller that reads them all.
        case everyAction
        /// Every action checked as the file is read, with the same diagnostics, but made
        /// only when read (see ``ActionList``): what an edit of one action needs.
        case onDemand
    }

    /// Parses a plan from the bytes of a file, making its actions as `reading` says.
    public init(data: Data, actions reading: ActionReading = .everyAction) throws(PlanParseError) {
        if let problem = PlanDocument.encodingProblem(in: data) { throw PlanParseError(diagnostics: [problem]) }
        try self.init(checkedText: data.withUnsafeBytes { PlanFile.text(ofValid: $0) }, actions: reading)
    }

    /// Parses a plan from a file's text whose bytes passed ``UTF8Validation`` (no NUL),
    /// byte order mark included if the file has one.
    init(checkedText: String, actions reading: ActionReading = .everyAction) throws(PlanParseError) {
        var text = checkedText
        // Every text becomes a document here (a file, `git show`, an import, an undo entry):
        // over the size limit it is refused before the line table, whose entries address
        // lines of up to 256 MB, is built.
        if let problem = PlanFile.limitProblem(bytes: text.utf8.count, lines: 0) {
            throw PlanParseError(diagnostics: [Diagnostic(.error, line: 1, column: 1, problem)])
        }
        let bom = text.hasPrefix("\u{FEFF}")
        if bom { text.removeFirst() }
        try self.init(texts: LineTexts(scanning: text), hasByteOrderMark: bom, actions: reading)
    }

    /// Parses a plan from text (no byte order mark).
    public init(text: String) throws(PlanParseError) {
        try self.init(data: Data(text.utf8))
    }

    init(lines: LineTable, hasByteOrderMark: Bool, actions reading: ActionReading = .everyAction)
        throws(PlanParseError)
    {
        try self.init(texts: LineTexts(lines), hasByteOrderMark: hasByteOrderMark, actions: reading)
    }

    /// Parses the lines of `texts`, whose shapes are read already.
    private init(texts: LineTexts, hasByteOrderMark: Bool, actions reading: ActionReading) throws(PlanParseError) {
        let lines = texts.table
        var parser = PlanParser(texts: texts, defersActions: reading == .onDemand)
        let plan = parser.parse()
        if parser.diagnostics.contains(where: { $0.severity == .error }) {
            throw PlanParseError(diagnostics: parser.diagnostics)
        }
        self.plan = plan
        self.warnings = parser.diagnostics
        self.lines = lines
        self.spans = LineChunks(parser.spans)
        self.hasByteOrderMark = hasByteOrderMark
    }

    /// The document with every deferred action of its plan made (see ``ActionList``).
    func madeInFull() -> PlanDocument {
        var document = self
        document.plan.actions = plan.actions.madeInFull()
        return document
    }

    /// Where `action`, one of this document's actions, sits among the lines (found by its ref).
    func span(of action: Action) -> ActionSpan {
        guard let index = plan.index(ofRef: action.ref) else {
            preconditionFailure("\(action.ref) is not an action of this document")
        }
        return spans[index]
    }

    /// The file's text, byte order mark included when the file had one.
    public var text: String {
        var out = hasByteOrderMark ? "\u{FEFF}" : ""
        out.reserveCapacity(lines.reduce(out.utf8.count) { $0 + $1.text.utf8.count + 2 })
        for line in lines {
            out += line.text
            out += line.ending.rawValue
        }
        return out
    }

    /// The text of a line (1-based), for showing it under a message.
    public func sourceLine(_ number: Int) -> Substring? {
        lines.indices.contains(number - 1) ? lines[number - 1].text : nil
    }

    /// Replaces lines and parses the result; `self` is left unchanged if that fails.
    mutating func replaceLines(_ range: Range<Int>, with replacement: some Collection<SourceLine>)
        throws(PlanParseError)
    {
        // A line holding a line break would be read back as two, and a line without an
        // ending that does not end the file as one with the next: the file would not be
        // the lines the edit was checked as.
        let endsFile = range.upperBound == lines.count
        for (offset, line) in replacement.enumerated()
        where line.text.utf8.contains(UInt8(ascii: "\n"))
            || line.ending == .lf && line.text.utf8.last == UInt8(ascii: "\r")
            || line.ending == .none && !(endsFile && offset == replacement.count - 1)
        {
            throw PlanParseError(diagnostics: [
                Diagnostic(
                    .error, line: range.lowerBound + offset + 1, column: 1,
                    "an edit made a line that would not read back as one line",
                    hint: "this is a bug in actionplan: please report it with the plan")
            ])
        }
        var edited = lines
        edited.replaceSubrange(range, with: replacement)
        self = try PlanDocument(lines: edited, hasByteOrderMark: hasByteOrderMark)
    }

    /// The ending new lines get: the given line's, else the file's first, else LF.
    func ending(near index: Int) -> LineEnding {
        if lines.indices.contains(index), lines[index].ending != .none { return lines[index].ending }
        return lines.first { $0.ending != .none }?.ending ?? .lf
    }

    /// The first problem with the bytes themselves: invalid UTF-8 or a NUL byte.
    static func encodingProblem(in data: Data) -> Diagnostic? {
        guard let offset = UTF8Validation.firstProblem(in: data) else { return nil }
        let prefix = data.prefix(offset)
        let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
        let column = String(decoding: data[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return Diagnostic(
                .error, line: 1, column: 1, "this is a zip archive (an .xlsx workbook?), not a plan",
                hint: "to turn a spreadsheet into a plan, use `actionplan import`")
        }
        if data[offset] == 0 {
            return Diagnostic(
                .error, line: line, column: column, "NUL byte: this looks like a binary file, not a plan",
                hint: "plans are UTF-8 text files")
        }
        return Diagnostic(
            .error, line: line, column: column,
            "invalid UTF-8 (byte 0x\(String(data[offset], radix: 16, uppercase: true)))",
            hint: "save the file as UTF-8; if it came from Excel or Word, choose \"UTF-8\" when saving")
    }
}

package enum UTF8Validation {
    /// Offset of the first byte that is not part of valid UTF-8, or of the first NUL.
    package static func firstProblem(in data: Data) -> Int? {
        data.withUnsafeBytes { firstProblem(in: $0) }.map { data.startIndex + $0 }
    }

    /// Offset from the start of `raw` of the first byte that is not valid UTF-8, or of the first NUL.
    static func firstProblem(in raw: UnsafeRawBufferPointer) -> Int? {
        let bytes = raw.bindMemory(to: UInt8.self)
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight bytes at a time while they are ASCII without NUL, most of a plan: no
            // byte has its top bit set, and (w - 0x01…01) & ~w & 0x80…80 is zero only
            // when no byte is zero. Any other word goes through the loop byte by byte.
            // `i + 8 <= n` keeps the unaligned load inside the buffer.
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                guard w & 0x8080_8080_8080_8080 == 0,
                    (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 == 0
                else { break }
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return i }
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
                scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
                scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
                scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return i
            }
            i += length
        }
        return nil
    }
}
