import FoundationEssentials
import Glibc

/// The lines of a plan file as a compact table of offsets into the file's one text,
/// instead of an array of `Substring`s: 8 bytes a line instead of 40, no reference to
/// count per line. The entries are kept in chunks (``ChunkedArray``), so that the copy
/// of the table every edit of a shared document makes copies the one or two chunks the
/// edit touches, not every line's entry.
///
/// The file's text is never changed. Lines an edit puts in have their text appended to
/// a second, small text (`added`), so that an edit copies neither the file's text nor
/// the other lines' texts. Reading a line makes its ``SourceLine`` on demand: a
/// `Substring` of the text it lives in.
struct LineTable: Sendable {
    /// The file's text without its byte order mark, contiguous UTF-8.
    private let base: String
    /// The texts of the lines edits put in, one after another.
    private var added: String
    private var entries: ChunkedArray<Entry>
    /// The number of bytes of the lines with their endings, kept as lines are replaced
    /// (every edit checks it against the size limit).
    private(set) var byteCount: Int

    /// One line: where its text starts in its text, its length, its ending, and which text it is in.
    /// ``LineTexts`` keeps the entries of the lines a parse reads, to reach each line's bytes
    /// without finding its chunk again.
    struct Entry: Sendable, Equatable {
        var start: UInt32
        /// Bits 0–27 the length in bytes, 28–29 the ending, 30 set for a line in `added`.
        var packed: UInt32

        static let lengthMask: UInt32 = (1 << 28) - 1
        static let addedBit: UInt32 = 1 << 30

        init(start: Int, length: Int, ending: LineEnding, added: Bool) {
            self.start = UInt32(start)
            let code: UInt32 =
                switch ending {
                case .lf: 0
                case .crlf: 1
                case .none: 2
                }
            packed = UInt32(length) | code << 28 | (added ? Entry.addedBit : 0)
        }

        var length: Int { Int(packed & Entry.lengthMask) }
        /// The line's bytes with its ending.
        var byteCount: Int { length + ending.byteCount }
        var isAdded: Bool { packed & Entry.addedBit != 0 }
        var ending: LineEnding {
            switch (packed >> 28) & 3 {
            case 0: .lf
            case 1: .crlf
            default: .none
            }
        }
    }

    /// The longest line and the largest text an entry can address. Both are far above
    /// ``PlanFile/maximumSize``; `added` is compacted into a new table before it grows past the second.
    private static let maximumLength = Int(Entry.lengthMask)
    private static let maximumOffset = Int(UInt32.max)

    /// Splits a file's text (without its byte order mark) into lines on LF, keeping CRLF
    /// endings and a missing final newline. An empty text has no lines.
    init(text: String) {
        self = LineTexts(scanning: text).table
    }

    /// The table of `text`, contiguous UTF-8, whose lines are `entries`, in order (``LineTexts/init(scanning:)``).
    init(text: String, entries lines: [Entry]) {
        let total = text.utf8.count
        precondition(total <= Self.maximumOffset, "a plan file is smaller than 4 GB (PlanFile.maximumSize)")
        base = text
        added = ""
        byteCount = total
        entries = ChunkedArray()
        var start = 0
        while start < lines.count {
            let end = Swift.min(lines.count, start + ChunkedArray<Entry>.chunkSize)
            entries.append(chunk: Array(lines[start..<end]))
            start = end
        }
    }

    /// A table holding `lines`, their texts copied into one new text.
    init(_ lines: some Sequence<SourceLine>) {
        var text = ""
        var entries = ChunkedArray<Entry>()
        for line in lines {
            entries.append(
                Entry(start: text.utf8.count, length: line.text.utf8.count, ending: line.ending, added: false))
            // Each text is followed by its ending, as in a file (see `withRuns`).
            text += line.text
            text += line.ending.rawValue
        }
        self.base = text
        self.added = ""
        self.entries = entries
        self.byteCount = text.utf8.count
    }

    /// The text a line's entry points into.
    private func text(of entry: Entry) -> String { entry.isAdded ? added : base }

    /// The bytes of every line in order, each with its ending, for writing the file:
    /// runs of lines that stand one after another in the text they point into go out
    /// as one piece. The bytes lent to `body` are valid only while it runs.
    func withBytes<E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        var run: (added: Bool, range: Range<Int>)?
        for entry in entries {
            // A line's ending is in its text right after it: the file's lines, the lines
            // of `init(_:)` and the added ones are all stored with theirs.
            let range = Int(entry.start)..<Int(entry.start) + entry.byteCount
            if let current = run, current.added == entry.isAdded, current.range.upperBound == range.lowerBound {
                run = (current.added, current.range.lowerBound..<range.upperBound)
                continue
            }
            if let current = run { try lend(current.range, of: current.added ? added : base, to: body) }
            run = (entry.isAdded, range)
        }
        if let current = run { try lend(current.range, of: current.added ? added : base, to: body) }
    }

    /// Lends the bytes `range` of `text`'s UTF-8 to `body`.
    private func lend<E: Error>(
        _ range: Range<Int>, of text: String, to body: (UnsafeRawBufferPointer) throws(E) -> Void
    )
        throws(E)
    {
        var failure: E?
        // Both texts are native, contiguous UTF-8 (`makeContiguousUTF8`, or built by
        // appending), so the storage is lent; `range` lies inside it, as every entry's bytes do.
        let lent: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            do throws(E) {
                try body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[range])))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        guard lent != nil else { preconditionFailure("a line table's texts are contiguous UTF-8") }
    }

    /// Lends the bytes of the line at `index` (without its ending) to `body`; they are
    /// valid only while it runs. What a parse reads a line's fields from.
    func withBytes<Result>(ofLine index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        withBytes(of: entries[index], body)
    }

    /// Where each line starts in the file these lines make, in bytes counted from
    /// `first` (the byte order mark's length), then where the file ends: `count + 1` offsets.
    func lineStarts(from first: Int) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(entries.count + 1)
        var offset = first
        for entry in entries {
            starts.append(offset)
            offset += entry.byteCount
        }
        starts.append(offset)
        return starts
    }

    /// The entry of the line at `index`.
    func entry(_ index: Int) -> Entry { entries[index] }

    /// ``withBytes(ofLine:_:)`` for the line of `entry`, an entry of this table.
    func withBytes<Result>(of entry: Entry, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let start = Int(entry.start)
        // Both texts are native, contiguous UTF-8 (see `lend`), and an entry's bytes lie inside its text.
        let lent = text(of: entry).utf8.withContiguousStorageIfAvailable { utf8 in
            body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[start..<start + entry.length]))
        }
        guard let lent else { preconditionFailure("a line table's texts are contiguous UTF-8") }
        return lent
    }

    /// Lends the bytes of each line of `range` (without its ending) to `body`, in order,
    /// with the line's entry: how a parse of a table (an edit, one action) reads its lines'
    /// shapes; a file's parse reads them as it splits it (``LineTexts/init(scanning:)``).
    /// The bytes are valid only while `body` runs.
    func withLineBytes(in range: Range<Int>, _ body: (Entry, UnsafeRawBufferPointer) -> Void) {
        let lent: Void?? = base.utf8.withContiguousStorageIfAvailable { baseBytes in
            added.utf8.withContiguousStorageIfAvailable { addedBytes in
                // Every entry's start and length lie inside the text it points into.
                let (file, edits) = (UnsafeRawBufferPointer(baseBytes), UnsafeRawBufferPointer(addedBytes))
                entries.forEach(in: range) { _, entry in
                    let bytes = entry.isAdded ? edits : file
                    let start = Int(entry.start)
                    body(entry, UnsafeRawBufferPointer(rebasing: bytes[start..<start + entry.length]))
                }
            }
        }
        guard case .some(.some) = lent else { preconditionFailure("a line table's texts are contiguous UTF-8") }
    }
}

extension LineTable: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    init() {
        self.init(text: "")
    }

    var startIndex: Int { 0 }
    var endIndex: Int { entries.count }

    subscript(position: Int) -> SourceLine {
        get { line(of: entries[position]) }
        set {
            replaceSubrange(position..<position + 1, with: CollectionOfOne(newValue))
        }
    }

    /// The line of `entry`, an entry of this table.
    func line(of entry: Entry) -> SourceLine {
        let text = text(of: entry)
        let utf8 = text.utf8
        // Offsets of a native UTF-8 string's bytes become indices in constant time.
        let start = utf8.index(utf8.startIndex, offsetBy: Int(entry.start))
        let end = utf8.index(start, offsetBy: entry.length)
        return SourceLine(text[start..<end], ending: entry.ending)
    }

    /// Puts `lines` in place of the lines at `range`: their texts (and endings) are
    /// appended to the added text; the other lines are not touched.
    mutating func replaceSubrange<C: Collection<SourceLine>>(_ range: Range<Int>, with lines: C) {
        var new: [Entry] = []
        new.reserveCapacity(lines.count)
        var bytes = byteCount
        entries.forEach(in: range) { _, entry in bytes -= entry.byteCount }
        for line in lines {
            let length = line.text.utf8.count
            guard added.utf8.count + length + 2 <= Self.maximumOffset, length <= Self.maximumLength else {
                // Only a text of gigabytes gets here: start again from one text.
                var all = Array(self)
                all.replaceSubrange(range, with: lines)
                self = LineTable(all)
                return
            }
            new.append(Entry(start: added.utf8.count, length: length, ending: line.ending, added: true))
            bytes += new[new.count - 1].byteCount
            added += line.text
            added += line.ending.rawValue
        }
        entries.replaceSubrange(range, with: new)
        byteCount = bytes
    }
}

extension LineTable: Equatable {
    /// The same lines with the same endings, wherever their texts are stored.
    static func == (lhs: LineTable, rhs: LineTable) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0 == $1 }
    }
}
