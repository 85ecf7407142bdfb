import Glibc

/// Telling whether a file still holds a text, without reading it into memory.
extension PlanFile {
    /// Whether the regular file at `path` holds exactly the bytes of `text`: false at once
    /// when its size differs, else read in pieces into one small buffer and compared as
    /// they come, stopping at the first piece that differs. Nothing is kept, so a save
    /// that finds the file as it was read costs a `memcmp` over it, not a copy of it.
    /// False, too, for what is not a regular file, and for a text that is not contiguous
    /// UTF-8: the caller then reads the file whole.
    static func holds(_ text: String, at path: String) throws(PlanFileError) -> Bool {
        let info = try readableStat(path)
        guard info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == text.utf8.count else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path: path, errno: errno, doing: "read") }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var failure: Int32 = 0
        let same = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            let expected = UnsafeRawBufferPointer(utf8)
            guard let piece = buffer.baseAddress else { return false }  // never: the buffer has 1 MB
            var offset = 0
            while true {
                let n = Glibc.read(fd, piece, buffer.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return false
                }
                // The end of the file: the same only if it is the end of the text too.
                if n == 0 { return offset == expected.count }
                // Invariant: `offset + n` bytes of the text exist before they are compared, so
                // the `memcmp` reads inside both buffers (and a file that grew is not the same).
                guard offset + n <= expected.count, let start = expected.baseAddress,
                    memcmp(piece, start + offset, n) == 0
                else { return false }
                offset += n
            }
        }
        if failure != 0 { throw .system(path: path, errno: failure, doing: "read") }
        return same ?? false
    }
}
