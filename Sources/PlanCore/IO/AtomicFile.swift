import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that a crash at any instant leaves either the old file or the
/// new one: a temporary file in the same folder, flushed to disk, given the
/// original's permissions, owner, group, ACL and extended attributes, then renamed
/// over the original. A file that is read-only is not replaced, and temporary files
/// left by a process killed while saving are removed by the next save.
///
/// Where a rename would lose something, the file is written in place instead (see
/// docs/hardening.md for the trade-off): when it has other hard links (they would keep
/// the old contents), or when the new file could not be given the original's owner,
/// group or attributes (a save by someone other than the file's owner).
/// A target that exists and is not a regular file is never renamed over: a character
/// device (`/dev/null`, a terminal) or a named pipe is written in place, a block device,
/// a socket or a folder is refused, and `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and
/// `/proc/self/fd/N` are written to that open descriptor.
public enum AtomicFile {
    public static func write(_ data: Data, to given: String, unchangedSince expected: FileStamp? = nil)
        throws(PlanFileError)
    {
        try write(to: given, unchangedSince: expected) {
            (write: (UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) in
            var failure: PlanFileError?
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                do throws(PlanFileError) { try write(raw) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// Writes a plan's bytes straight from the texts its lines live in, without building
    /// or copying them in memory first.
    ///
    /// With `expected`, the file must still have that stamp just before it is replaced
    /// (``PlanFileError/changedWhileSaving(path:)`` otherwise, and nothing is written):
    /// that closes most of the window in which a program that takes no lock could write
    /// the file between a save's last read and its rename.
    public static func write(_ document: PlanDocument, to given: String, unchangedSince expected: FileStamp? = nil)
        throws(PlanFileError)
    {
        try PlanFile.checkLimits(document, path: given)
        try write(to: given, unchangedSince: expected) {
            (write: (UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) in
            try document.withRuns(write)
        }
    }

    /// The open descriptor a path names (`/dev/stdout` 1, `/dev/stderr` 2, `/dev/fd/N`,
    /// `/proc/self/fd/N`, `/proc/PID/fd/N` for this process), else nil.
    public static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
            guard let number = Int32(path.dropFirst(prefix.count)), number >= 0 else { return nil }
            return number
        }
        return nil
    }

    /// Writes whatever `contents` passes to the function it is given, in order.
    static func write(
        to given: String,
        unchangedSince expected: FileStamp? = nil,
        contents: ((UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) -> Void
    ) throws(PlanFileError) {
        if let number = descriptor(named: given) {
            try contents { (raw: UnsafeRawBufferPointer) throws(PlanFileError) in
                try writeAll(raw, to: number, path: given)
            }
            return
        }
        var target = stat()
        if stat(given, &target) == 0, target.st_mode & S_IFMT != S_IFREG {
            try writeSpecial(to: given, kind: target.st_mode & S_IFMT, contents: contents)
            return
        }
        // Write through a symbolic link to the file it points at, keeping the link.
        let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + "."

        var existing = stat()
        let exists = stat(path, &existing) == 0
        // Renaming over a read-only file would succeed (the folder is writable); respect the mark instead.
        if exists, existing.st_mode & 0o222 == 0 || access(path, W_OK) != 0 && errno == EACCES {
            throw .readOnly(path: given)
        }
        // Other hard links would keep the old contents after a rename.
        if exists, existing.st_nlink > 1 {
            try writeInPlace(path, given: given, unchangedSince: expected, contents: contents)
            return
        }
        let mode: mode_t = exists ? existing.st_mode & 0o7777 : 0o644
        let temporary = folder + "/" + prefix + "\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw PlanFileError.system(path: given, errno: errno, doing: "write") }
        var finished = false
        defer {
            if !finished {
                close(fd)
                unlink(temporary)
            }
        }
        // umask may have narrowed the mode given to open().
        guard fchmod(fd, mode) == 0 else { throw PlanFileError.system(path: given, errno: errno, doing: "write") }
        if exists, !FileAttributes.copy(from: path, like: existing, to: fd) {
            // The new file cannot be the old one's owner's, or carry its ACL: keep the file itself.
            close(fd)
            unlink(temporary)
            finished = true
            try writeInPlace(path, given: given, unchangedSince: expected, contents: contents)
            return
        }
        try contents { (raw: UnsafeRawBufferPointer) throws(PlanFileError) in
            try writeAll(raw, to: fd, path: given)
        }
        FileStamp.mark(fd)
        guard fsync(fd) == 0 else { throw PlanFileError.system(path: given, errno: errno, doing: "write") }
        if let expected, FileStamp(path: path) != expected {
            throw PlanFileError.changedWhileSaving(path: given)
        }
        close(fd)
        finished = true
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw PlanFileError.system(path: given, errno: code, doing: "write")
        }
        // Make the rename itself durable.
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
        removeLeftovers(in: folder, prefix: prefix)
    }

    /// Overwrites a regular file from its start and cuts it to the new length: the file
    /// keeps its inode, so its owner, group, ACL, attributes and other hard links.
    /// Not atomic: callers hold the plan's lock, and docs/hardening.md says what a
    /// crash halfway leaves.
    static func writeInPlace(
        _ path: String, given: String, unchangedSince expected: FileStamp? = nil,
        contents: ((UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) -> Void
    ) throws(PlanFileError) {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path: given, errno: errno, doing: "write") }
        defer { close(fd) }
        if let expected, FileStamp(descriptor: fd) != expected { throw .changedWhileSaving(path: given) }
        var length = 0
        try contents { (raw: UnsafeRawBufferPointer) throws(PlanFileError) in
            try writeAll(raw, to: fd, path: given)
            length += raw.count
        }
        guard ftruncate(fd, off_t(length)) == 0 else { throw .system(path: given, errno: errno, doing: "write") }
        FileStamp.mark(fd)
        guard fsync(fd) == 0 else {
            throw .system(path: given, errno: errno, doing: "write")
        }
    }

    /// A target that is not a regular file: written in place when that is what writing
    /// to it means (a character device, a named pipe with a reader), else refused.
    static func writeSpecial(
        to given: String, kind: mode_t,
        contents: ((UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) -> Void
    ) throws(PlanFileError) {
        switch kind {
        case S_IFDIR: throw .system(path: given, errno: EISDIR, doing: "write")
        case S_IFCHR, S_IFIFO: break
        case S_IFBLK: throw .refused(path: given, reason: "cannot write: it is a block device (a disk), not a file")
        default: throw .refused(path: given, reason: "cannot write: it is a socket or other special file, not a file")
        }
        // Without O_NONBLOCK, opening a pipe no one reads would wait for ever.
        let fd = open(given, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENXIO, kind == S_IFIFO {
                throw .refused(path: given, reason: "cannot write: it is a named pipe that no program is reading")
            }
            throw .system(path: given, errno: errno, doing: "write")
        }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        try contents { (raw: UnsafeRawBufferPointer) throws(PlanFileError) in
            try writeAll(raw, to: fd, path: given)
        }
    }

    static func writeAll(_ raw: UnsafeRawBufferPointer, to fd: Int32, path: String) throws(PlanFileError) {
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, base + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw PlanFileError.system(path: path, errno: errno, doing: "write")
            }
            offset += n
        }
    }

    /// Removes `PREFIX.PID.N.tmp` files whose process no longer runs: what a save that was
    /// killed halfway leaves behind (the plan itself is untouched by such a save).
    static func removeLeftovers(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return
        }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let parts = name.dropFirst(prefix.count).dropLast(4).split(separator: ".")
            guard parts.count == 2, let pid = pid_t(parts[0]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }
}
