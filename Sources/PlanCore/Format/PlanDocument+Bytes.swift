import Foundation

extension PlanDocument {
    /// How many bytes the file has, byte order mark included.
    public var byteCount: Int {
        lines.reduce(hasByteOrderMark ? 3 : 0) { $0 + $1.text.utf8.count + $1.ending.rawValue.utf8.count }
    }

    /// Hands the file's bytes to `write` in order, in pieces of up to `chunkSize` bytes,
    /// without building the whole text first: a save writes them straight to the file.
    public func withBytes<E: Error>(chunkSize: Int = 1 << 20, _ write: (UnsafeRawBufferPointer) throws(E) -> Void)
        throws(E)
    {
        var chunk = ByteChunk(capacity: chunkSize)
        defer { chunk.deallocate() }
        if hasByteOrderMark { try chunk.append(Array("\u{FEFF}".utf8), flushing: write) }
        for line in lines {
            // Each line is copied in one piece from the text it points into.
            let count = line.text.utf8.count
            if !chunk.hasRoom(for: count) { try chunk.flush(write) }
            let copied =
                chunk.hasRoom(for: count)
                && line.text.utf8.withContiguousStorageIfAvailable { chunk.copy(UnsafeRawBufferPointer($0)) } != nil
            if !copied { try chunk.append(Array(line.text.utf8), flushing: write) }
            switch line.ending {
            case .lf: try chunk.append(UInt8(ascii: "\n"), flushing: write)
            case .crlf:
                try chunk.append(UInt8(ascii: "\r"), flushing: write)
                try chunk.append(UInt8(ascii: "\n"), flushing: write)
            case .none: break
            }
        }
        try chunk.flush(write)
    }

    /// The file's bytes, built with one copy.
    public var data: Data {
        var out = Data(capacity: byteCount)
        withBytes { (bytes: UnsafeRawBufferPointer) in out.append(bytes.bindMemory(to: UInt8.self)) }
        return out
    }

    /// Whether `data` holds exactly the file's bytes, compared without building them.
    public func hasBytes(_ data: Data) -> Bool {
        guard data.count == byteCount else { return false }
        return data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            var same = true
            withBytes { (bytes: UnsafeRawBufferPointer) in
                guard same, bytes.count > 0, let target = raw.baseAddress, let source = bytes.baseAddress else {
                    return
                }
                same = memcmp(target + offset, source, bytes.count) == 0
                offset += bytes.count
            }
            return same
        }
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

    func hasRoom(for count: Int) -> Bool { buffer.count - used >= count }

    /// Copies bytes that ``hasRoom(for:)`` says fit.
    mutating func copy(_ bytes: UnsafeRawBufferPointer) {
        // `buffer` is never empty (see init).
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
        (target + used).copyMemory(from: source, byteCount: bytes.count)
        used += bytes.count
    }

    mutating func append<E: Error>(_ byte: UInt8, flushing write: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E)
    {
        if used == buffer.count { try flush(write) }
        buffer[used] = byte
        used += 1
    }

    /// Bytes of any length, handed on in as many chunks as they need.
    mutating func append<E: Error>(_ bytes: [UInt8], flushing write: (UnsafeRawBufferPointer) throws(E) -> Void)
        throws(E)
    {
        var start = 0
        while start < bytes.count {
            if used == buffer.count { try flush(write) }
            let end = min(bytes.count, start + buffer.count - used)
            bytes[start..<end].withUnsafeBytes { copy($0) }
            start = end
        }
    }

    mutating func flush<E: Error>(_ write: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        guard used > 0 else { return }
        try write(UnsafeRawBufferPointer(rebasing: buffer[..<used]))
        used = 0
    }
}
