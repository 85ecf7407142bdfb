import FoundationEssentials
import Glibc

extension QuickEdit {
    /// What ``run(path:ref:record:settleTime:_:)`` did.
    public struct Saved: Sendable {
        public var made: Made
        /// The change for the undo journal; nil when nothing changed.
        public var splice: TextSplice?
    }

    /// Edits the action `ref` of the plan at `path` through the record at `record`, under
    /// the plan's lock (``PlanLock``), with the file read as a ``PlanSession`` reads it
    /// (settled, and the same throughout the read); writes the new file (``AtomicFile``,
    /// refusing a file changed since it was read) and the new record. Nil when the edit
    /// is left to a full read and nothing was written; throws when the file could not be
    /// written, and then nothing was.
    public static func run(
        path: String, ref: String, record url: URL, settleTime: Double = PlanSession.defaultSettleTime,
        _ edit: Edit
    ) throws(PlanFileError) -> Saved? {
        // Nothing here waits: a lock held by another writer, or a file still settling, is
        // left to the full read, which waits for them as it always has (and words the error).
        guard let record = CheckRecord.load(from: url), (try? PlanLock.requireRegularPlan(path)) != nil,
            let lock = try? PlanLock.acquire(for: path, timeout: 0)
        else { return nil }
        defer { lock.release() }
        var read: Data?
        guard
            let stamp = try? PlanSession.settledRead(
                path, settleTime: settleTime, timeout: 0,
                { () throws(PlanFileError) in read = Self.read(path, length: record.digest.length) }),
            let data = read,
            let made = data.withUnsafeBytes({ Self.edit($0, record: record, ref: ref, edit) })
        else { return nil }
        guard let bytes = made.bytes else { return Saved(made: made, splice: nil) }
        do {
            try AtomicFile.write(to: path, unchangedSince: stamp) {
                (write: (UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) in
                var failure: PlanFileError?
                bytes.withUnsafeBytes { raw in
                    do throws(PlanFileError) { try write(raw) } catch { failure = error }
                }
                if let failure { throw failure }
            }
        } catch .changedWhileSaving {
            return nil
        }
        // Written before the lock is given back, so that the next writer finds it current.
        if made.record?.save(to: url) != true { CheckRecord.remove(at: url) }
        return Saved(made: made, splice: data.withUnsafeBytes { made.splice(from: $0) })
    }

    /// The file's bytes when it is a regular file of exactly `length` bytes; else nil
    /// (then it is not the record's file, and need not be read at all).
    static func read(_ path: String, length: Int) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == length else {
            return nil
        }
        var data = Data(count: length)
        let complete = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Bool in
            guard let base = buffer.baseAddress else { return length == 0 }
            var done = 0
            // Invariant: done < length, so each read goes into the buffer's unread rest.
            while done < length {
                let count = Glibc.read(descriptor, base + done, length - done)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
        return complete ? data : nil
    }
}
