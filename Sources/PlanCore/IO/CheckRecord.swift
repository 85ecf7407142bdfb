import FoundationEssentials
import Glibc

/// What the last full read of a plan file found, kept so that the next edit of one
/// action need not check the whole file again (see ``QuickEdit``): the file's
/// ``ContentDigest``, and where each action's lines and the headings above them stand
/// in it, in bytes.
///
/// A record is written only for text that read as a plan without errors: after a save
/// of an edit. It describes those bytes and no others: a file that holds anything else
/// (edited by hand, checked out, restored) has another digest, and its record is
/// ignored. A record is a cache: one that is missing, cut short or unreadable costs only
/// the time of a full read. It lives in the person's cache folder
/// (`$XDG_CACHE_HOME/actionplan/checked`, else `~/.cache/actionplan/checked`), one file
/// per plan path, never next to the plan.
public struct CheckRecord: Sendable, Equatable {
    /// One action: its ref and where it stands.
    struct Entry: Sendable, Equatable {
        /// The ref, lower-cased (refs are unique ignoring case).
        var key: String
        /// The action's lines, from its first to the start of the line after its last.
        var lines: Range<Int>
        var lineCount: Int
        /// The section's heading line and the area's above the action, each with its ending.
        var section: Range<Int>
        var area: Range<Int>
    }

    /// The digest of the file's bytes, byte order mark included.
    public var digest: ContentDigest
    /// How many lines the file has (a save checks the limit).
    var lineCount: Int
    /// Where the first section's heading starts: the bytes before it are the title, the
    /// header fields (the status key among them) and any prose and text sections.
    var headerEnd: Int
    /// The actions in file order.
    var entries: [Entry]

    /// The entry of the action with `ref` (any case).
    func index(of ref: String) -> Int? {
        let key = ref.lowercased()
        return entries.firstIndex { $0.key == key }
    }

    /// Whether every range lies inside the file, in order: header, section heading, area
    /// heading, the action's lines, and the actions one after another. A record failing
    /// this is not used, whatever its digest says.
    var isConsistent: Bool {
        guard lineCount >= 0, 0 <= headerEnd, headerEnd <= digest.length else { return false }
        var previousEnd = headerEnd
        for entry in entries {
            guard headerEnd <= entry.section.lowerBound, entry.section.upperBound <= entry.area.lowerBound,
                entry.area.upperBound <= entry.lines.lowerBound, previousEnd <= entry.lines.lowerBound,
                !entry.section.isEmpty, !entry.area.isEmpty, !entry.lines.isEmpty, entry.lineCount > 0,
                entry.lines.upperBound <= digest.length, !entry.key.isEmpty
            else { return false }
            previousEnd = entry.lines.upperBound
        }
        return true
    }

    /// The record for the text an edit made: the action at `index` now ends `delta`
    /// bytes and `lineDelta` lines later, and everything after it moved by as much.
    func moved(_ index: Int, by delta: Int, lines lineDelta: Int, digest: ContentDigest) -> CheckRecord {
        var record = self
        record.digest = digest
        record.lineCount += lineDelta
        let end = entries[index].lines.upperBound
        let move = { (range: Range<Int>) in range.lowerBound >= end ? range.shifted(by: delta) : range }
        record.entries[index].lines = entries[index].lines.lowerBound..<end + delta
        record.entries[index].lineCount += lineDelta
        for k in (index + 1)..<entries.count {
            record.entries[k].lines = entries[k].lines.shifted(by: delta)
            record.entries[k].section = move(entries[k].section)
            record.entries[k].area = move(entries[k].area)
        }
        return record
    }
}

extension Range<Int> {
    fileprivate func shifted(by delta: Int) -> Range<Int> { (lowerBound + delta)..<(upperBound + delta) }
}

extension CheckRecord {
    /// The record of a plan's file at `path`: `$XDG_CACHE_HOME/actionplan/checked/NAME`
    /// (else under `~/.cache`), NAME made from the absolute path as the undo journal's folder is.
    public static func url(forPlan path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> URL
    {
        let cache =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.cache")
        return URL(fileURLWithPath: cache).appendingPathComponent(
            "actionplan/checked/" + PathText.fileName(forPlan: path))
    }

    /// The record at `url`; nil when there is none, or it is cut short, damaged, or
    /// not consistent (see ``isConsistent``).
    public static func load(from url: URL) -> CheckRecord? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return data.withUnsafeBytes { CheckRecord(encoded: $0) }
    }

    /// Writes the record to `url`, whole or not at all (a new file renamed into place);
    /// false when it could not be written. No `fsync`: a record lost in a crash costs a full read.
    @discardableResult
    public func save(to url: URL) -> Bool {
        let folder = url.deletingLastPathComponent().path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
        else { return false }
        var template = Array((folder + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return false }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let bytes = encoded()
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, url.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes the record at `url`, if there is one.
    public static func remove(at url: URL) {
        unlink(url.path)
    }
}
