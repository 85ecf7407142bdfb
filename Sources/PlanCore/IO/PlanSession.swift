import FoundationEssentials
import Glibc

/// An open plan file: the one place that reads, locks, merges and writes it.
///
/// A session remembers the plan as it was last read or saved (its ``document``, the
/// base a save merges against) and the file's ``FileStamp`` then. Every front end edits
/// through one: the CLI's edit commands open a session, change a copy of its document
/// and ``save(_:)`` it; the terminal interface keeps one for as long as it runs and asks
/// it for changes made elsewhere (``reloadIfChanged()``).
///
/// Three rules keep a save from losing anything:
/// - **A file still being written is not read.** A file that another process holds
///   open for writing, or that another program changed less than ``settleTime`` seconds
///   ago (and so lacks ``FileStamp``'s mark), is left to settle first, and one that
///   changes while it is read is read again: an editor
///   that truncates then writes, or a sync client, passes through states that hold only
///   the file's first part, and a cut at a line boundary often parses.
/// - **A save never removes actions it did not mean to remove.** When the file on disk
///   lacks actions that the base and the edit both have, nothing is written
///   (``PlanFileError/wouldRemoveActions(path:refs:)``): whoever removed them should be
///   asked, not silently followed.
/// - **The file is checked again just before it is replaced**, so a writer that takes
///   no lock and writes between the save's read and its rename is merged, not lost.
public final class PlanSession {
    /// How a save went.
    public struct Saved: Sendable {
        /// The plan as it now is on disk: the edited document, or that merged with
        /// changes made elsewhere.
        public var document: PlanDocument
        /// Refs of the actions that were changed elsewhere and merged in.
        public var mergedRefs: [String]
        /// Whether the file had changed on disk since it was read (and was merged).
        public var merged: Bool
    }

    /// What ``reloadIfChanged()`` found.
    public enum Reload: Sendable {
        case unchanged
        /// The file changed elsewhere; this is it now (and the session's new base).
        case changed(PlanDocument)
        /// The file changed moments ago and may still be being written: ask again later.
        case settling
        /// The file changed and cannot be read as a plan (someone may be halfway through editing it).
        case invalid(PlanFileError)
    }

    /// How long, in seconds, a file changed by another program is left alone before it is
    /// read for an edit: `$ACTIONPLAN_SETTLE_SECONDS`, else 2.
    public static let defaultSettleTime: Double = {
        let given = ProcessInfo.processInfo.environment["ACTIONPLAN_SETTLE_SECONDS"].flatMap(Double.init)
        return given.map { max(0, $0) } ?? 2
    }()

    /// How many times a save reads, merges and writes again when the file keeps changing under it.
    static let attempts = 3

    public let path: String
    /// The plan as it was last read or saved: what the next save merges against.
    public private(set) var document: PlanDocument
    public let settleTime: Double
    /// How long a save waits for another writer's lock, and for a changing file to settle.
    public let lockTimeout: Double
    private var stamp: FileStamp?
    /// The stamp the file had when it held ``document`` (``stamp`` may be newer: that of a
    /// broken file, remembered so that it is reported once).
    private var documentStamp: FileStamp?
    /// The file's text as read, when ``document`` is that read: its bytes exactly, in one
    /// piece (the document's lines point into it, so keeping it costs nothing). A save
    /// compares the file with it, and an undo entry is made from it, without a pass over
    /// the document's lines. Nil once the document is one this session saved.
    private var documentText: String?

    /// Opens the plan at `path`, waiting for a file that is being written to settle; a
    /// path that is not a regular file (a named pipe, a device) is refused. `actions`
    /// says when the plan's actions are made: a command that edits one action opens
    /// with ``PlanDocument/ActionReading/onDemand``.
    public init(
        opening path: String, settleTime: Double = PlanSession.defaultSettleTime, lockTimeout: Double = 10,
        actions reading: PlanDocument.ActionReading = .everyAction
    ) throws(PlanFileError) {
        self.path = path
        self.settleTime = settleTime
        self.lockTimeout = lockTimeout
        // A named pipe or a device is refused before it is read: reading one could wait for ever.
        try PlanLock.requireRegularPlan(path)
        var read: (document: PlanDocument, text: String?)?
        let stamp = try Self.settledRead(path, settleTime: settleTime, timeout: lockTimeout + settleTime) {
            () throws(PlanFileError) in read = try PlanFile.loadKeepingText(path, actions: reading)
        }
        guard let read else { throw .system(path: path, errno: EIO, doing: "read") }
        self.document = read.document
        self.stamp = stamp
        documentStamp = stamp
        documentText = read.text
    }

    /// A session for a document already read from `path` (the file's stamp is taken now).
    public init(
        path: String, document: PlanDocument, settleTime: Double = PlanSession.defaultSettleTime,
        lockTimeout: Double = 10
    ) {
        self.path = path
        self.document = document
        self.settleTime = settleTime
        self.lockTimeout = lockTimeout
        // If the file no longer holds what was read, the first reload reads it. Only a
        // regular file is read to tell: reading a pipe could wait for ever.
        var info = stat()
        let regular = stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        let now = FileStamp(path: path)
        stamp = regular && (try? PlanFile.read(path)).map { document.hasBytes($0) } == true ? now : nil
        documentStamp = stamp
    }

    /// Saves `edited`, an edit of ``document``, without losing a change made to the file
    /// in the meantime.
    ///
    /// Under the plan's lock (``PlanLock``) the file is read again. If it is still what
    /// was read, `edited` is written. If someone changed it, the two changes are merged
    /// (``PlanMerge``): edits to other actions and fields and new notes are kept on both
    /// sides. If the same field of the same action was changed there, the file is gone or
    /// has errors, or it lacks actions that both versions have, nothing is written and
    /// the error says why.
    @discardableResult
    public func save(_ edited: PlanDocument) throws(PlanFileError) -> Saved {
        try save(edited, writing: nil)
    }

    /// ``save(_:)``, writing `bytes`, `edited`'s bytes in one piece (as
    /// ``PlanDocument/withContiguousBytes(_:)`` lends them), when the file can take
    /// `edited` as it is: a caller that holds them anyway saves a pass over the lines.
    @discardableResult
    public func save(_ edited: PlanDocument, bytes: UnsafeRawBufferPointer) throws(PlanFileError) -> Saved {
        precondition(bytes.count == edited.byteCount, "the bytes given are not the edited document's")
        return try save(edited, writing: bytes)
    }

    private func save(_ edited: PlanDocument, writing bytes: UnsafeRawBufferPointer?) throws(PlanFileError) -> Saved {
        try PlanLock.requireRegularPlan(path)
        let lock = try PlanLock.acquire(for: path, timeout: lockTimeout)
        defer { lock.release() }
        for _ in 0..<Self.attempts {
            do {
                return try saveOnce(edited, bytes: bytes)
            } catch .changedWhileSaving {
                continue
            }
        }
        throw .changedWhileSaving(path: path)
    }

    private func saveOnce(_ edited: PlanDocument, bytes: UnsafeRawBufferPointer?) throws(PlanFileError) -> Saved {
        // The file as it was read or saved here, untouched since and open to no writer: it
        // holds ``document``, so reading it again to compare would only cost a pass over it.
        // Only a file that still carries our mark: a write by another program in the moment
        // between our rename and the stamp taken after it drops the mark, and on a file system
        // without nanosecond times (where a same-size rewrite in the same second keeps every
        // field of the stamp) there is no mark to keep.
        if let documentStamp, documentStamp.isMarked, let now = FileStamp(path: path),
            now.isUntouched(since: documentStamp), FileStamp.isOpenForWriting(path) != true
        {
            return try write(edited, bytes: bytes, unchangedSince: now)
        }
        // The file read again, as settled as at the first read, and compared with the text
        // then: piece by piece, so that a file still as it was costs no copy of it.
        if let documentText {
            var same = false
            let current = try settledReadForSave { () throws(PlanFileError) in
                same = try PlanFile.holds(documentText, at: path)
            }
            if same { return try write(edited, bytes: bytes, unchangedSince: current) }
        }
        var read: Data?
        let current = try settledReadForSave { () throws(PlanFileError) in read = try PlanFile.read(path) }
        guard let data = read else { throw .system(path: path, errno: EIO, doing: "read") }
        if document.hasBytes(data) || edited.hasBytes(data) {
            if !edited.hasBytes(data) { try AtomicFile.write(edited, to: path, unchangedSince: current) }
            adopt(edited)
            return Saved(document: edited, mergedRefs: [], merged: false)
        }
        let theirs: PlanDocument
        do {
            theirs = try PlanDocument(data: data)
        } catch {
            let first = error.diagnostics.first { $0.severity == .error }
            throw .changedElsewhere(
                path: path,
                reasons: [
                    "it now has errors" + (first.map { " (line \($0.line): \($0.message))" } ?? "")
                        + ", so this change could not be merged into it"
                ])
        }
        let removed = Self.refsRemoved(base: document, ours: edited, theirs: theirs)
        guard removed.isEmpty else { throw .wouldRemoveActions(path: path, refs: removed) }
        let result: PlanMerge.Result
        do {
            result = try PlanMerge.merge(base: document, ours: edited, theirs: theirs)
        } catch {
            throw .changedElsewhere(path: path, reasons: [error.description])
        }
        guard let merged = result.document else {
            throw .changedElsewhere(path: path, reasons: result.conflicts.map(PlanFile.reason))
        }
        try AtomicFile.write(merged, to: path, unchangedSince: current)
        adopt(merged)
        return Saved(document: merged, mergedRefs: result.theirChangedRefs, merged: true)
    }

    /// Writes `edited` (from `bytes` when given: its bytes in one piece) over the file,
    /// which must still have the stamp `current`, and makes it the session's base.
    private func write(_ edited: PlanDocument, bytes: UnsafeRawBufferPointer?, unchangedSince current: FileStamp)
        throws(PlanFileError) -> Saved
    {
        if let bytes {
            try PlanFile.checkLimits(edited, path: path)
            try AtomicFile.write(to: path, unchangedSince: current) {
                (write: (UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) in
                try write(bytes)
            }
        } else {
            try AtomicFile.write(edited, to: path, unchangedSince: current)
        }
        adopt(edited)
        return Saved(document: edited, mergedRefs: [], merged: false)
    }

    /// ``settledRead(_:settleTime:timeout:_:)`` of the file for a save: a file that is gone
    /// is a change made elsewhere.
    private func settledReadForSave(_ read: () throws(PlanFileError) -> Void) throws(PlanFileError) -> FileStamp {
        do {
            return try Self.settledRead(path, settleTime: settleTime, timeout: lockTimeout + settleTime, read)
        } catch .system(_, ENOENT, _) {
            throw .changedElsewhere(path: path, reasons: ["the file is no longer there (moved or deleted)"])
        }
    }

    /// Lends ``document``'s bytes in one piece to `body`: the file's text as read when the
    /// document is that read (no pass over its lines), else as
    /// ``PlanDocument/withContiguousBytes(_:)`` gives them.
    public func withDocumentBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let documentText, let lent = documentText.utf8.withContiguousStorageIfAvailable({ body(.init($0)) }) {
            return lent
        }
        return document.withContiguousBytes(body)
    }

    /// Writes `edited` over whatever the file holds now, under the lock (after a
    /// conflict, when the person chose to keep their version).
    public func overwrite(_ edited: PlanDocument) throws(PlanFileError) {
        let lock = try PlanLock.acquire(for: path, timeout: lockTimeout)
        defer { lock.release() }
        try AtomicFile.write(edited, to: path)
        adopt(edited)
    }

    /// The file as it is now, when it changed since it was last read or saved here. Never
    /// waits: a file that is still settling is reported as such, to be asked about again.
    public func reloadIfChanged() -> Reload {
        let now = FileStamp(path: path)
        if let now, now == stamp { return .unchanged }
        if let now, !now.isMarked, (0..<settleTime).contains(now.age()) { return .settling }
        do {
            var read: (document: PlanDocument, text: String?)?
            let settled = try Self.settledRead(path, settleTime: settleTime, timeout: 0) { () throws(PlanFileError) in
                read = try PlanFile.loadKeepingText(path)
            }
            guard let read else { return .unchanged }
            document = read.document
            stamp = settled
            documentStamp = settled
            documentText = read.text
            return .changed(read.document)
        } catch .unsettled {
            return .settling
        } catch {
            // Remembered, so that the same broken file is reported once, not on every tick.
            stamp = now
            return .invalid(error)
        }
    }

    /// Writes a plan to a new file, refusing one that exists: a copy saved elsewhere.
    public static func writeNew(_ document: PlanDocument, to path: String) throws(PlanFileError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw .system(path: path, errno: EEXIST, doing: "write")
        }
        try AtomicFile.write(document, to: path)
    }

    private func adopt(_ saved: PlanDocument) {
        document = saved
        documentText = nil
        stamp = FileStamp(path: path)
        documentStamp = stamp
    }

    /// Refs (in the base's order) of the actions that the base and our edit have and the
    /// file on disk does not.
    static func refsRemoved(base: PlanDocument, ours: PlanDocument, theirs: PlanDocument) -> [String] {
        let kept = Set(theirs.plan.actions.refs.map { $0.lowercased() })
        let ourRefs = Set(ours.plan.actions.refs.map { $0.lowercased() })
        return base.plan.actions.refs.filter {
            let key = $0.lowercased()
            return ourRefs.contains(key) && !kept.contains(key)
        }
    }

    /// Runs `read` once the file has settled (nobody has it open for writing, and it was
    /// last written by `actionplan` or at least `settleTime` seconds ago) and returns the stamp it had throughout; reads
    /// again when the file changed while it was read. Throws ``PlanFileError/unsettled(path:seconds:)``
    /// when the file is still changing after `timeout` seconds, and whatever `read` throws.
    static func settledRead(
        _ path: String, settleTime: Double, timeout: Double, _ read: () throws(PlanFileError) -> Void
    ) throws(PlanFileError) -> FileStamp {
        let start = Date()
        while true {
            let waited = Date().timeIntervalSince(start)
            guard let before = FileStamp(path: path) else {
                try read()  // Says why there is no file to read.
                throw .system(path: path, errno: ENOENT, doing: "read")
            }
            let age = before.age()
            let young = !before.isMarked && (0..<settleTime).contains(age)
            if young || FileStamp.isOpenForWriting(path) == true {
                guard waited < timeout else { throw .unsettled(path: path, seconds: waited) }
                // Until it would be settled, in steps short enough to notice it changing.
                let pause = young ? min(settleTime - age, 0.1) : 0.05
                usleep(useconds_t(min(pause, max(timeout - waited, 0.001)) * 1_000_000))
                continue
            }
            try read()
            if let after = FileStamp(path: path), after == before { return after }
            guard waited < timeout else { throw .unsettled(path: path, seconds: waited) }
        }
    }
}
