import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that a crash at any instant leaves either the old file or the
/// new one: a temporary file in the same folder, flushed to disk, given the
/// original's permissions, then renamed over the original. A file that is
/// read-only is not replaced, and temporary files left by a process killed while
/// saving are removed by the next save.
public enum AtomicFile {
    public static func write(_ data: Data, to given: String) throws(PlanFileError) {
        try write(to: given) { (write: (UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) in
            var failure: PlanFileError?
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                do throws(PlanFileError) { try write(raw) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// Writes a plan's bytes as they are streamed out of it, without building them in memory first.
    public static func write(_ document: PlanDocument, to given: String) throws(PlanFileError) {
        try PlanFile.checkLimits(document, path: given)
        try write(to: given) { (write: (UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) in
            try document.withBytes(write)
        }
    }

    /// Writes whatever `contents` passes to the function it is given, in order.
    static func write(
        to given: String,
        contents: ((UnsafeRawBufferPointer) throws(PlanFileError) -> Void) throws(PlanFileError) -> Void
    ) throws(PlanFileError) {
        // Write through a symbolic link to the file it points at, keeping the link.
        let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + "."
        let temporary = folder + "/" + prefix + "\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"

        var existing = stat()
        let exists = stat(path, &existing) == 0
        // Renaming over a read-only file would succeed (the folder is writable); respect the mark instead.
        if exists, existing.st_mode & 0o222 == 0 || access(path, W_OK) != 0 && errno == EACCES {
            throw .readOnly(path: given)
        }
        let mode: mode_t = exists ? existing.st_mode & 0o7777 : 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw PlanFileError.system(path: given, errno: errno, doing: "write") }
        var finished = false
        defer {
            if !finished {
                close(fd)
                unlink(temporary)
            }
        }
        try contents { (raw: UnsafeRawBufferPointer) throws(PlanFileError) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw PlanFileError.system(path: given, errno: errno, doing: "write")
                }
                offset += n
            }
        }
        // umask may have narrowed the mode given to open().
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else {
            throw PlanFileError.system(path: given, errno: errno, doing: "write")
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
