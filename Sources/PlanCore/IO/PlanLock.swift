import Foundation
import Glibc

/// An advisory lock that writers of one plan take while they check and replace the
/// file: `flock` on a lock file next to the plan (`.NAME.plan.lock`).
///
/// The lock file holds the holder's process id and host, for messages. It is removed
/// when the lock is released; one left behind by a process that died while saving is
/// stale (the kernel dropped its `flock`), and the next writer takes it over and
/// removes it. Every `actionplan` writer (the CLI, the terminal interface, the merge
/// driver's callers) takes this lock; programs that do not are caught by the content
/// check that follows it (see ``PlanSession/save(_:)``).
public final class PlanLock {
    /// The lock file's path.
    public let path: String
    /// Who held the lock before, when a process died holding it (its file was left behind).
    public let clearedStaleHolder: String?
    private var descriptor: Int32

    /// The lock file for a plan: next to the file a symbolic link points at, so that two
    /// paths to one plan share a lock.
    public static func lockPath(for planPath: String) -> String {
        let url = URL(fileURLWithPath: planPath).resolvingSymlinksInPath()
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".lock").path
    }

    /// Takes the lock, waiting up to `timeout` seconds for another writer to finish.
    public static func acquire(for planPath: String, timeout: Double = 10) throws(PlanFileError) -> PlanLock {
        let path = lockPath(for: planPath)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .system(path: planPath, errno: errno, doing: "write") }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // The previous holder removes the file before it unlocks: if ours is no
                // longer the file at `path`, we locked a removed file; start again.
                var held = stat()
                var current = stat()
                if fstat(fd, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino,
                    held.st_dev == current.st_dev
                {
                    let previous = readHolder(fd)
                    writeHolder(fd)
                    return PlanLock(path: path, descriptor: fd, clearedStaleHolder: previous)
                }
                close(fd)
                continue
            }
            let code = errno
            if code == ENOLCK || code == EOPNOTSUPP || code == ENOSYS {
                // A file system without locks: go on with the content check alone.
                return PlanLock(path: path, descriptor: fd, clearedStaleHolder: nil)
            }
            let holder = readHolder(fd)
            close(fd)
            guard code == EWOULDBLOCK || code == EINTR else {
                throw .system(path: planPath, errno: code, doing: "lock")
            }
            guard Date() < deadline else { throw .locked(path: planPath, holder: holder, seconds: timeout) }
            usleep(UInt32.random(in: 2_000...10_000))
        }
    }

    private init(path: String, descriptor: Int32, clearedStaleHolder: String?) {
        self.path = path
        self.descriptor = descriptor
        self.clearedStaleHolder = clearedStaleHolder
    }

    /// Removes the lock file and unlocks. Releasing twice does nothing.
    public func release() {
        guard descriptor >= 0 else { return }
        // Remove first, so that a writer that was waiting finds the file gone and opens a new one.
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private static func writeHolder(_ fd: Int32) {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let line = Array("pid \(getpid()) on \(hostName)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }
}
