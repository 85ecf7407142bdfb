import FoundationEssentials
import Glibc

/// An advisory lock that writers of one plan take while they check and replace the
/// file: `flock` on a lock file next to the plan (`.NAME.plan.lock`).
///
/// The lock file holds the holder's process id and host, for messages. It is removed
/// when the lock is released; one left behind by a process that died while saving is
/// stale (the kernel dropped its `flock`), and the next writer takes it over and
/// removes it, whoever made it. Every `actionplan` writer (the CLI, the terminal
/// interface, the merge driver's callers) takes this lock; programs that do not are
/// caught by the content check that follows it (see
/// ``PlanSession/save(_:)``).
///
/// In a folder shared by a group, the lock file is made with the plan's group and is
/// writable by the group when the plan is, so that every writer of the plan can lock
/// it. It is opened without following symbolic links and used only when it is a
/// regular file with no other links, in the plan's folder: a lock file planted as a
/// link to someone's file is refused, and that file is left alone. The plan itself
/// must be a regular file (a named pipe would make the save wait for ever).
public final class PlanLock {
    /// The lock file's path.
    public let path: String
    /// Who held the lock before, when a process died holding it (its file was left behind).
    public let clearedStaleHolder: String?
    private var descriptor: Int32
    private var folder: Int32
    private let name: String

    /// The lock file for a plan: next to the file a symbolic link points at, so that two
    /// paths to one plan share a lock.
    public static func lockPath(for planPath: String) -> String {
        let url = URL(fileURLWithPath: planPath).resolvingSymlinksInPath()
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".lock").path
    }

    /// Takes the lock, waiting up to `timeout` seconds for another writer to finish.
    public static func acquire(for planPath: String, timeout: Double = 10) throws(PlanFileError) -> PlanLock {
        let path = lockPath(for: planPath)
        let plan = try planStat(planPath)
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw .system(path: planPath, errno: errno, doing: "write") }
        var keepFolder = false
        defer { if !keepFolder { close(folder) } }
        let deadline = Date().addingTimeInterval(timeout)
        var removedStaleHolder: String?
        while true {
            let (fd, writable) = try openLockFile(name, in: folder, path: path, planPath: planPath, plan: plan)
            guard fd >= 0 else { continue }  // removed in between by the writer before us
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // The previous holder removes the file before it unlocks: if ours is no
                // longer the file at `path`, we locked a removed file; start again.
                guard isStill(fd, name, in: folder) else {
                    close(fd)
                    continue
                }
                let previous = readHolder(fd) ?? removedStaleHolder
                if !writable {
                    // Left by another user who died while saving: remove it and make our own.
                    // Where the folder does not let us, lock it as it is.
                    if unlinkat(folder, name, 0) == 0 {
                        removedStaleHolder = previous
                        close(fd)
                        continue
                    }
                } else {
                    writeHolder(fd)
                }
                keepFolder = true
                return PlanLock(path: path, descriptor: fd, folder: folder, name: name, clearedStaleHolder: previous)
            }
            let code = errno
            if code == ENOLCK || code == EOPNOTSUPP || code == ENOSYS {
                // A file system without locks: go on with the content check alone.
                keepFolder = true
                return PlanLock(path: path, descriptor: fd, folder: folder, name: name, clearedStaleHolder: nil)
            }
            let holder = readHolder(fd)
            close(fd)
            guard code == EWOULDBLOCK || code == EINTR else {
                throw .system(path: path, errno: code, doing: "lock")
            }
            guard Date() < deadline else { throw .locked(path: planPath, holder: holder, seconds: timeout) }
            usleep(UInt32.random(in: 2_000...10_000))
        }
    }

    /// Refuses a plan path that exists and is a named pipe or a device, before a command
    /// that will save it even reads it (a folder is left to the read, which says so).
    public static func requireRegularPlan(_ planPath: String) throws(PlanFileError) {
        _ = try planStat(planPath)
    }

    /// The plan's `stat` when it exists (nil when a save is about to create it); refused
    /// when it is not a regular file.
    private static func planStat(_ planPath: String) throws(PlanFileError) -> stat? {
        var info = stat()
        guard stat(planPath, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return info
        case S_IFDIR: return nil  // reading or writing it says "is a folder"
        case S_IFIFO:
            throw .refused(path: planPath, reason: "cannot edit: it is a named pipe, not a plan file")
        default: throw .refused(path: planPath, reason: "cannot edit: it is a device or other special file")
        }
    }

    /// Opens (creating it if need be) the lock file, never through a symbolic link, and
    /// checks it is a regular file of its own. Returns -1 when it was removed in the
    /// meantime; `writable` is false for another user's, opened read-only.
    private static func openLockFile(
        _ name: String, in folder: Int32, path: String, planPath: String, plan: stat?
    ) throws(PlanFileError) -> (fd: Int32, writable: Bool) {
        // Group-writable when the plan is, so that the plan's other writers can lock it too.
        let mode = 0o644 | ((plan?.st_mode ?? 0) & 0o022)
        let flags = O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
        var fd = openat(folder, name, O_RDWR | O_CREAT | O_EXCL | flags, mode)
        if fd >= 0 {
            _ = fchmod(fd, mode)
            if let plan { _ = fchown(fd, uid_t.max, plan.st_gid) }
            return try checked(fd, path: path, writable: true)
        }
        // EEXIST for a symbolic link too: O_EXCL never follows one.
        guard errno == EEXIST else { throw .system(path: planPath, errno: errno, doing: "write") }
        var writable = true
        fd = openat(folder, name, O_RDWR | flags)
        if fd < 0, errno == EACCES {
            // Another user's lock file: readable, so we can still see whether anyone holds it.
            writable = false
            fd = openat(folder, name, O_RDONLY | flags)
        }
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return (-1, true)  // removed in between: try again
            case ELOOP: throw .refused(path: path, reason: unsafe("is a symbolic link"))
            case let code:
                throw .refused(
                    path: path,
                    reason: "cannot open the plan's lock file: \(String(cString: strerror(code))); "
                        + "ask its owner to let the plan's writers use it, or remove it if no save is running")
            }
        }
        return try checked(fd, path: path, writable: writable)
    }

    /// `fd` when it is a regular file with no other links; refused (and closed) otherwise.
    private static func checked(_ fd: Int32, path: String, writable: Bool) throws(PlanFileError) -> (
        fd: Int32, writable: Bool
    ) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw .system(path: path, errno: errno, doing: "lock")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .refused(path: path, reason: unsafe("is not a regular file"))
        }
        if info.st_nlink == 0 {
            // The writer before us removed it as it finished: make a new one.
            close(fd)
            return (-1, true)
        }
        guard info.st_nlink == 1 else {
            close(fd)
            throw .refused(path: path, reason: unsafe("has other hard links"))
        }
        return (fd, writable)
    }

    private static func unsafe(_ what: String) -> String {
        "the plan's lock file \(what), so it was not used and nothing was saved; "
            + "remove it if no save is running (someone may have planted it)"
    }

    /// Whether `fd` is still the file `name` in the folder (not removed or replaced).
    private static func isStill(_ fd: Int32, _ name: String, in folder: Int32) -> Bool {
        var held = stat()
        var current = stat()
        return fstat(fd, &held) == 0 && fstatat(folder, name, &current, AT_SYMLINK_NOFOLLOW) == 0
            && held.st_ino == current.st_ino && held.st_dev == current.st_dev
    }

    private init(path: String, descriptor: Int32, folder: Int32, name: String, clearedStaleHolder: String?) {
        self.path = path
        self.descriptor = descriptor
        self.folder = folder
        self.name = name
        self.clearedStaleHolder = clearedStaleHolder
    }

    /// Removes the lock file and unlocks. Releasing twice does nothing.
    public func release() {
        guard descriptor >= 0 else { return }
        // Remove first, so that a writer that was waiting finds the file gone and opens a new one.
        if Self.isStill(descriptor, name, in: folder) { unlinkat(folder, name, 0) }
        close(descriptor)
        close(folder)
        descriptor = -1
        folder = -1
    }

    deinit { release() }

    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingWhitespace(newlines: true)
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
