import FoundationEssentials
import Glibc

extension PlanDocument {
    /// How many bytes the file has, byte order mark included.
    public var byteCount: Int {
        (hasByteOrderMark ? 3 : 0) + lines.byteCount
    }

    /// Hands the file's bytes to `write` in order, in pieces of up to `chunkSize` bytes,
    /// without building the whole text first: a save writes them straight to the file.
    public func withBytes<E: Error>(chunkSize: Int = 1 << 20, _ write: (UnsafeRawBufferPointer) throws(E) -> Void)
        throws(E)
    {
        var chunk = ByteChunk(capacity: chunkSize)
        defer { chunk.deallocate() }
        if hasByteOrderMark { try chunk.append(Array("\u{FEFF}".utf8), flushing: write) }
        try lines.withBytes { (bytes) throws(E) in try chunk.append(bytes, flushing: write) }
        try chunk.flush(write)
    }

    /// The file's bytes, built with one copy.
    public var data: Data {
        var out = Data(capacity: byteCount)
        withRuns { (bytes: UnsafeRawBufferPointer) in out.append(bytes.bindMemory(to: UInt8.self)) }
        return out
    }

    /// Whether `data` holds exactly the file's bytes, compared without building them.
    public func hasBytes(_ data: Data) -> Bool {
        data.withUnsafeBytes { hasBytes($0) }
    }

    /// Whether `raw` holds exactly the file's bytes, compared run by run without building them.
    func hasBytes(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard raw.count == byteCount else { return false }
        var offset = 0
        var same = true
        withRuns { (bytes: UnsafeRawBufferPointer) in
            guard same, bytes.count > 0, let target = raw.baseAddress, let source = bytes.baseAddress else {
                return
            }
            // Invariant: the runs add up to `byteCount`, which is `raw.count`; checked, since
            // `byteCount` is kept as lines change rather than summed here.
            guard offset + bytes.count <= raw.count else {
                same = false
                return
            }
            same = memcmp(target + offset, source, bytes.count) == 0
            offset += bytes.count
        }
        return same
    }
}

/// A fixed buffer that collects bytes and hands them on whenever it fills.
private struct ByteChunk {
    private let buffer: UnsafeMutableRawBufferPointer
    private var used = 0

    init(capacity: Int) {
        buffer = .allocate(byteCount: max(capacity, 1), alignment: 1)
    }

    func deallocate() { buffer.deallocate() }

    /// Copies bytes that fit in the room left.
    mutating func copy(_ bytes: UnsafeRawBufferPointer) {
        // `buffer` is never empty (see init).
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
        (target + used).copyMemory(from: source, byteCount: bytes.count)
        used += bytes.count
    }

    /// Bytes of any length, handed on in as many chunks as they need.
    mutating func append<E: Error>(_ bytes: [UInt8], flushing write: (UnsafeRawBufferPointer) throws(E) -> Void)
        throws(E)
    {
        var failure: E?
        bytes.withUnsafeBytes { raw in
            do throws(E) { try append(raw, flushing: write) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Bytes of any length from memory the caller holds, in as many chunks as they need.
    mutating func append<E: Error>(
        _ bytes: UnsafeRawBufferPointer, flushing write: (UnsafeRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        var start = 0
        while start < bytes.count {
            if used == buffer.count { try flush(write) }
            let end = min(bytes.count, start + buffer.count - used)
            copy(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            start = end
        }
    }

    mutating func flush<E: Error>(_ write: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        guard used > 0 else { return }
        try write(UnsafeRawBufferPointer(rebasing: buffer[..<used]))
        used = 0
    }
}
