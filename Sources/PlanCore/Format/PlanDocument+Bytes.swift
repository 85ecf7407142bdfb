import Foundation

extension PlanDocument {
    /// How many bytes the file has, byte order mark included.
    public var byteCount: Int {
        lines.reduce(hasByteOrderMark ? 3 : 0) { $0 + $1.text.utf8.count + $1.ending.rawValue.utf8.count }
    }

    /// Hands the file's bytes to `write` in order, in pieces of up to `chunkSize` bytes,
    /// without building the whole text first: a save writes them straight to the file.
    public func withBytes<E: Error>(chunkSize: Int = 1 << 20, _ write: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        var chunk = ByteChunk(capacity: chunkSize)
        defer { chunk.deallocate() }
        if hasByteOrderMark { try chunk.append("\u{FEFF}".utf8[...], flushing: write) }
        for line in lines {
            try chunk.append(line.text.utf8, flushing: write)
            if line.ending != .none { try chunk.append(line.ending.rawValue.utf8[...], flushing: write) }
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
                guard same, bytes.count > 0 else { return }
                same = memcmp(raw.baseAddress! + offset, bytes.baseAddress!, bytes.count) == 0
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

    mutating func append<E: Error>(_ bytes: Substring.UTF8View, flushing write: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        var rest = bytes
        while !rest.isEmpty {
            if used == buffer.count { try flush(write) }
            let end = rest.index(rest.startIndex, offsetBy: buffer.count - used, limitedBy: rest.endIndex) ?? rest.endIndex
            let piece = rest[rest.startIndex..<end]
            let target = UnsafeMutableRawBufferPointer(rebasing: buffer[used...])
            let contiguous: Int? = piece.withContiguousStorageIfAvailable { (source: UnsafeBufferPointer<UInt8>) -> Int in
                target.copyMemory(from: UnsafeRawBufferPointer(source))
                return source.count
            }
            if contiguous == nil { target.copyBytes(from: piece) }
            used += contiguous ?? piece.count
            rest = rest[end...]
        }
    }

    mutating func flush<E: Error>(_ write: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        guard used > 0 else { return }
        try write(UnsafeRawBufferPointer(rebasing: buffer[..<used]))
        used = 0
    }
}
