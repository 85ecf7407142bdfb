import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that a crash at any instant leaves either the old file or the
/// new one: a temporary file in the same folder, flushed to disk, given the
/// original's permissions, then renamed over the original.
public enum AtomicFile {
    public static func write(_ data: Data, to given: String) throws(PlanFileError) {
        // Write through a symbolic link to the file it points at, keeping the link.
        let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"

        var existing = stat()
        let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw PlanFileError.system(path: given, errno: errno, doing: "write") }
        var finished = false
        defer {
            if !finished {
                close(fd)
                unlink(temporary)
            }
        }
        let written = data.withUnsafeBytes { raw -> Int in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return -1 }
                offset += n
            }
            return offset
        }
        guard written == data.count else { throw PlanFileError.system(path: given, errno: errno, doing: "write") }
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
    }
}
