/// The lines one parse reads and their shapes. A line's bytes are lent from the
/// ``LineTable`` (what the byte-level field reader reads); its text, a `Substring` made
/// from the table's offsets, only where the `Substring` code reads it: a `Substring`
/// costs an index check on every access and 16 bytes a line to keep. Only the lines
/// read are measured (one action's for an edit), and only for the parse: the document
/// keeps the compact table.
///
/// A line's shape is what the parser asks of every line (its indentation, whether it is
/// blank, whether it may open or close a comment, hold a control character or be a
/// conflict marker), read from its bytes in one pass. Each answer is exact or, for the
/// rarer questions, a filter: a line without the flag cannot have the thing, and one
/// with it is asked again in full.
struct LineTexts {
    /// One line's text, as `lines[i].text` reads it.
    struct Line {
        let text: Substring
    }

    /// Every line of the file, of which `read` are measured.
    let indices: Range<Int>
    private let read: Range<Int>
    let table: LineTable
    /// Per line, bits 0–29 the indentation width, 30–57 the bytes of indentation, 58– the flags.
    /// A line is shorter than 2²⁸ bytes (`LineTable`), so its width, at most 4 a byte, fits in 30 bits.
    private let shapes: [UInt64]
    /// The table's entries of the lines of `read`, so that a line's bytes are found
    /// without finding its chunk in the table again.
    private let entries: [LineTable.Entry]

    private static let widthBits: UInt64 = 30
    private static let leadBits: UInt64 = 28
    private static let flagShift = widthBits + leadBits

    struct Flags: OptionSet {
        let rawValue: UInt64
        static let blank = Flags(rawValue: 1)
        /// The content (after the indentation) starts with `<!--`.
        static let opensComment = Flags(rawValue: 2)
        /// The line's bytes hold `-->` somewhere.
        static let mayCloseComment = Flags(rawValue: 4)
        /// A byte that may start a scalar `TerminalText.needsEscape` flags.
        static let mayHoldControl = Flags(rawValue: 8)
        /// The first byte is `<`, `=` or `>`, as a conflict marker's is.
        static let mayBeMarker = Flags(rawValue: 16)
        /// A byte of 0x80 or above: the line is not plain ASCII, so its characters are
        /// not its bytes, and the byte-level field reader leaves it to the `Substring` code.
        static let nonASCII = Flags(rawValue: 32)
    }

    init(_ lines: LineTable, reading range: Range<Int>? = nil) {
        indices = lines.indices
        read = range ?? lines.indices
        table = lines
        var shapes: [UInt64] = []
        var entries: [LineTable.Entry] = []
        shapes.reserveCapacity(read.count)
        entries.reserveCapacity(read.count)
        lines.withLineBytes(in: read) { entry, bytes in
            shapes.append(LineTexts.shape(of: bytes))
            entries.append(entry)
        }
        self.shapes = shapes
        self.entries = entries
    }

    /// Splits a file's text (without its byte order mark) into lines and reads every
    /// line's shape, in one pass over its bytes: what a file's parse starts from. The
    /// table is the one ``LineTable/init(text:)`` makes.
    init(scanning text: String) {
        var text = text
        text.makeContiguousUTF8()
        var shapes: [UInt64] = []
        var entries: [LineTable.Entry] = []
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var cursor = 0
            while cursor < bytes.count {
                let (shape, end) = LineTexts.readLine(bytes, from: cursor)
                // A line ends at its LF, the CR LF before it, or the end of the text.
                let ending: LineEnding = end == bytes.count ? .none : bytes[end] == 0x0D ? .crlf : .lf
                entries.append(LineTable.Entry(start: cursor, length: end - cursor, ending: ending, added: false))
                shapes.append(shape)
                cursor = end + ending.byteCount
            }
        }
        table = LineTable(text: text, entries: entries)
        indices = table.indices
        read = indices
        self.shapes = shapes
        self.entries = entries
    }

    /// The shape of one line's bytes (without its ending).
    private static func shape(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        readLine(bytes, from: 0).shape
    }

    /// Reads the line that starts at `start`: its shape and where its text ends, at the
    /// first LF, at the CR of the first CR LF, or at the end of `bytes`. One pass over the
    /// line's bytes finds both, so that a file is split into lines and its lines shaped
    /// in one pass (``init(scanning:)``); given one line's bytes, it reads to their end.
    ///
    /// Invariant of every read below: `start <= lead <= index <= end <= n`, and each
    /// offset read is checked against `n` (or `end`) first, so it lies inside `bytes`.
    static func readLine(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (shape: UInt64, end: Int) {
        let n = bytes.count
        var width = 0
        var lead = start
        while lead < n {
            let byte = bytes[lead]
            if byte == UInt8(ascii: " ") {
                width += 1
            } else if byte == UInt8(ascii: "\t") {
                width += 4 - width % 4
            } else {
                break
            }
            lead += 1
        }
        var flags: Flags = []
        var index = lead
        var end = n
        while index < n {
            index = skipPlain(bytes, from: index)
            guard index < n else { break }
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D && index + 1 < n && bytes[index + 1] == 0x0A {
                end = index
                break
            }
            if byte >= 0x80 { flags.insert(.nonASCII) }
            if TerminalText.mayStartEscape(byte, keepNewlines: false) {
                flags.insert(.mayHoldControl)
            } else if byte == UInt8(ascii: ">"), index - start >= 2, bytes[index - 1] == UInt8(ascii: "-"),
                bytes[index - 2] == UInt8(ascii: "-")
            {
                flags.insert(.mayCloseComment)
            }
            index += 1
        }
        if lead == end { flags.insert(.blank) }
        if end - lead >= 4, bytes[lead] == UInt8(ascii: "<"), bytes[lead + 1] == UInt8(ascii: "!"),
            bytes[lead + 2] == UInt8(ascii: "-"), bytes[lead + 3] == UInt8(ascii: "-")
        {
            flags.insert(.opensComment)
        }
        if end > start,
            bytes[start] == UInt8(ascii: "<") || bytes[start] == UInt8(ascii: "=")
                || bytes[start] == UInt8(ascii: ">")
        {
            flags.insert(.mayBeMarker)
        }
        // A tab in the indentation is never a control character here; bytes before `lead` are blanks.
        let shape =
            UInt64(min(width, Int(1 << widthBits) - 1)) | UInt64(lead - start) << widthBits
            | flags.rawValue << flagShift
        return (shape, end)
    }

    var count: Int { indices.count }
    var isEmpty: Bool { indices.isEmpty }

    /// A line's text, made from the table when asked for.
    subscript(index: Int) -> Line { Line(text: table.line(of: entry(index)).text) }

    private func entry(_ line: Int) -> LineTable.Entry {
        read.contains(line) ? entries[line - read.lowerBound] : table.entry(line)
    }

    /// The offset of the first byte from `start` on that needs a look: one that is not
    /// visible ASCII (0x20–0x7E) or is `>`; `bytes.count` if there is none. Eight bytes at a
    /// time: a word needs no look when no byte has its top bit set, none is below 0x20,
    /// and none equals 0x7F or `>` (the classic tests for a byte below n, `(w - n·0x01…01) & ~w
    /// & 0x80…80`, and for a zero byte after an XOR). Those tests can flag a byte above a
    /// flagged one by a borrow, never one below, so the lowest flag of a word is the first
    /// byte to look at. `offset + 8 <= bytes.count` keeps each unaligned load inside the buffer.
    private static func skipPlain(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & highs }
        var offset = start
        while offset + 8 <= bytes.count {
            let w = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            let look =
                w & highs | (w &- ones &* 0x20) & ~w & highs | zeroBytes(w ^ (ones &* 0x7F))
                | zeroBytes(w ^ (ones &* UInt64(UInt8(ascii: ">"))))
            // The words are read little-endian: the lowest bits are the first byte.
            if look != 0 { return offset + look.trailingZeroBitCount >> 3 }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: ">") { return offset }
            offset += 1
        }
        return offset
    }

    /// Width of the line's leading spaces and tabs (a tab moves to the next multiple of 4).
    func width(_ line: Int) -> Int { Int(shapes[line - read.lowerBound] & ((1 << Self.widthBits) - 1)) }

    /// The number of bytes of the line's indentation: where its content starts.
    func lead(_ line: Int) -> Int {
        Int((shapes[line - read.lowerBound] >> Self.widthBits) & ((1 << Self.leadBits) - 1))
    }

    func has(_ flag: Flags, _ line: Int) -> Bool {
        Flags(rawValue: shapes[line - read.lowerBound] >> Self.flagShift).contains(flag)
    }

    func isBlank(_ line: Int) -> Bool { has(.blank, line) }

    /// Whether every byte of the line is ASCII: then each byte is one character (a line
    /// holds no LF, so no CR LF pair), and a byte offset plus one is the column.
    func isASCII(_ line: Int) -> Bool { !has(.nonASCII, line) }

    /// Lends the line's UTF-8 bytes (without its ending) to `body`; they are valid only while it runs.
    func withBytes<Result>(_ line: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        table.withBytes(of: entry(line), body)
    }
}
