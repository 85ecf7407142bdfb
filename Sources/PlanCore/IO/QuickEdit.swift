import FoundationEssentials
import Glibc

/// An edit of one action that reads the file's one action instead of the whole file,
/// when the file is the one a ``CheckRecord`` describes.
///
/// Why that is safe: the file's bytes have the record's digest, so they are the text
/// that last read as a plan without errors, and the record says where the action's
/// lines stand. The action is read in the context a full read gives it (the header
/// with the status key, its section's and area's headings), edited by the same
/// ``PlanDocument`` edit as ever, and read back (``PlanDocument/reparsingAction(_:in:from:)``,
/// as every edit of one action is); its new lines go in place of the old, and the rest of
/// the file is left byte for byte. The result is the file a full read and the same edit
/// would write. Anything this cannot vouch for is left to that full read: no record, a
/// file that is not the record's, a ref the record does not have, a comment in the action,
/// between its area's heading and it, or just after it, an indented line after it, an edit
/// that fails or reaches beyond the action, a lock held or a file still settling (the full
/// read waits for those).
public enum QuickEdit {
    /// The edit made: what it did, the new file's bytes (none when nothing changed) and their record.
    public struct Made: Sendable {
        public var outcome: PlanDocument.EditOutcome
        /// The action's document before the edit (the header, its headings and its lines):
        /// enough to word an unchanged edit's message.
        public var excerpt: PlanDocument
        public var bytes: [UInt8]?
        var record: CheckRecord?
        /// How many bytes at the start and at the end of the file the edit left as they were.
        var samePrefix = 0
        var sameSuffix = 0

        /// The change for the undo journal, from the file's bytes before the edit: what
        /// `TextSplice(from:to:)` gives, without comparing the unchanged ends or hashing again.
        func splice(from before: UnsafeRawBufferPointer) -> TextSplice? {
            guard let bytes else { return nil }
            return bytes.withUnsafeBytes {
                TextSplice(
                    from: before, to: $0, samePrefix: samePrefix, sameSuffix: sameSuffix, newDigest: record?.digest)
            }
        }
    }

    public typealias Edit = (inout PlanDocument) throws(PlanDocument.EditError) -> PlanDocument.EditOutcome

    /// `edit` of the action `ref` made on `file`, a plan's bytes, through `record`; nil
    /// when only a full read can make it (see the type's description).
    static func edit(_ file: UnsafeRawBufferPointer, record: CheckRecord, ref: String, _ edit: Edit) -> Made? {
        guard record.isConsistent, ContentDigest(of: file) == record.digest, let index = record.index(of: ref) else {
            return nil
        }
        let entry = record.entries[index]
        // Each range is whole lines: it starts a line and ends one, or the file.
        let boundary = { (offset: Int) in offset == 0 || offset == file.count || file[offset - 1] == UInt8(ascii: "\n")
        }
        guard boundary(record.headerEnd),
            [entry.section, entry.area, entry.lines].allSatisfy({ boundary($0.lowerBound) && boundary($0.upperBound) })
        else { return nil }
        let block = UnsafeRawBufferPointer(rebasing: file[entry.lines])
        // A comment in the action, or between its area's heading and it (which could hold
        // the action's lines inside it), or on the line after it (which could belong to it),
        // is left to the full read; so is an indented line after it (which could too).
        let comment = Array("<!--".utf8)
        let beforeAction = UnsafeRawBufferPointer(rebasing: file[entry.area.upperBound..<entry.lines.lowerBound])
        let next = Self.firstNonBlankLine(from: entry.lines.upperBound, in: file)
        guard !block.contains(comment), !beforeAction.contains(comment), !next.contains(comment),
            next.first.map({ $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) ?? true
        else { return nil }
        var excerpt = Array(file[..<record.headerEnd])
        excerpt += file[entry.section]
        excerpt += file[entry.area]
        let prefix = excerpt.count
        excerpt += block
        guard let before = try? PlanDocument(data: Data(excerpt), actions: .everyAction),
            before.plan.actions.count == 1, before.plan.actions.ref(at: 0).lowercased() == entry.key,
            before.spans[0].lines.upperBound == before.lines.count,
            before.spans[0].lines.count == entry.lineCount
        else { return nil }
        var after = before
        guard let outcome = try? edit(&after) else { return nil }
        guard outcome.changed else { return Made(outcome: outcome, excerpt: before, bytes: nil, record: record) }
        guard after.plan.actions.count == 1, after.spans[0].lines.upperBound == after.lines.count,
            after.spans[0].lines.lowerBound == before.spans[0].lines.lowerBound
        else { return nil }
        return after.withContiguousBytes { (edited: UnsafeRawBufferPointer) -> Made? in
            // The edit may change the action's lines only.
            guard edited.count >= prefix, edited.prefix(prefix).elementsEqual(excerpt.prefix(prefix)) else {
                return nil
            }
            let lines = UnsafeRawBufferPointer(rebasing: edited[prefix...])
            let lineDelta = after.spans[0].lines.count - before.spans[0].lines.count
            let size = file.count - block.count + lines.count
            guard PlanFile.limitProblem(bytes: size, lines: record.lineCount + lineDelta) == nil else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(size)
            bytes += file[..<entry.lines.lowerBound]
            bytes += lines
            bytes += file[entry.lines.upperBound...]
            let digest = bytes.withUnsafeBytes { ContentDigest(of: $0) }
            let moved = record.moved(index, by: lines.count - block.count, lines: lineDelta, digest: digest)
            return Made(
                outcome: outcome, excerpt: before, bytes: bytes, record: moved, samePrefix: entry.lines.lowerBound,
                sameSuffix: file.count - entry.lines.upperBound)
        }
    }

    /// The bytes of the first line from `offset` on that holds more than spaces, tabs and
    /// a carriage return (none at the end of the file).
    private static func firstNonBlankLine(from offset: Int, in file: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = offset
        while start < file.count {
            let rest = UnsafeRawBufferPointer(rebasing: file[start...])
            let end = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = UnsafeRawBufferPointer(rebasing: rest[..<end])
            let blank = line.allSatisfy {
                $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")
            }
            if !blank { return line }
            start += end + 1
        }
        return UnsafeRawBufferPointer(rebasing: file[file.count...])
    }
}

extension UnsafeRawBufferPointer {
    /// Whether `pattern` (not empty) stands anywhere in these bytes.
    fileprivate func contains(_ pattern: [UInt8]) -> Bool {
        guard let base = baseAddress, let first = pattern.first, count >= pattern.count else { return false }
        var i = 0
        // Invariant: i + pattern.count <= count, so `memchr`'s range and the comparison lie inside.
        while i + pattern.count <= count,
            let found = memchr(base + i, Int32(first), count - pattern.count + 1 - i)
        {
            let at = UnsafeRawPointer(found) - base
            if self[at..<at + pattern.count].elementsEqual(pattern) { return true }
            i = at + 1
        }
        return false
    }
}
