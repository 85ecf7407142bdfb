import Glibc

/// A check record's bytes: a line naming the format, five 64-bit numbers (the digest's
/// length and hash, the line count, the header's end, the number of actions), seven 32-bit numbers per
/// action (its lines, line count, section and area headings), the refs one per line,
/// and the XXH64 of everything before it. Little-endian throughout. Read with every
/// index checked: a record is a file anyone could have changed.
extension CheckRecord {
    static let magic = Array("actionplan check record 1\n".utf8)

    func encoded() -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(out.count + 48 + entries.count * 36 + 8)
        for number in [UInt64(digest.length), digest.hash, UInt64(lineCount), UInt64(headerEnd), UInt64(entries.count)]
        {
            out.appendLittleEndian(number)
        }
        var numbers: [UInt32] = []
        numbers.reserveCapacity(entries.count * 7)
        let put = { (number: Int) in numbers.append(UInt32(truncatingIfNeeded: number).littleEndian) }
        for entry in entries {
            put(entry.lines.lowerBound)
            put(entry.lines.upperBound)
            put(entry.lineCount)
            put(entry.section.lowerBound)
            put(entry.section.upperBound)
            put(entry.area.lowerBound)
            put(entry.area.upperBound)
        }
        numbers.withUnsafeBytes { out += $0 }
        for entry in entries {
            out += entry.key.utf8
            out.append(UInt8(ascii: "\n"))
        }
        let sum = out.withUnsafeBytes { ContentDigest.xxh64($0) }
        out.appendLittleEndian(sum)
        return out
    }

    /// The record `bytes` hold; nil when they are not one (see ``isConsistent``).
    init?(encoded bytes: UnsafeRawBufferPointer) {
        let magic = Self.magic
        guard bytes.count >= magic.count + 40 + 8, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
        guard ContentDigest.xxh64(body) == bytes.loadUnaligned(fromByteOffset: body.count, as: UInt64.self).littleEndian
        else { return nil }
        var reader = Reader(bytes: body, offset: magic.count)
        // Every number but the hash is a length, offset or count of a file within the size limit.
        let small = { (number: UInt64?) in number.flatMap { $0 <= UInt64(UInt32.max) ? Int($0) : nil } }
        guard let length = small(reader.u64()), let hash = reader.u64(), let lineCount = small(reader.u64()),
            let headerEnd = small(reader.u64()), let count = small(reader.u64()), count <= body.count / 28
        else { return nil }
        let numbers = reader.offset
        guard numbers + count * 28 <= body.count else { return nil }
        reader.offset += count * 28
        let number = { (k: Int) in
            Int(body.loadUnaligned(fromByteOffset: numbers + k * 4, as: UInt32.self).littleEndian)
        }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for k in 0..<count {
            guard let key = reader.line() else { return nil }
            let n = k * 7
            guard number(n) <= number(n + 1), number(n + 3) <= number(n + 4), number(n + 5) <= number(n + 6) else {
                return nil
            }
            entries.append(
                Entry(
                    key: key, lines: number(n)..<number(n + 1), lineCount: number(n + 2),
                    section: number(n + 3)..<number(n + 4), area: number(n + 5)..<number(n + 6)))
        }
        guard reader.offset == body.count else { return nil }
        self.init(
            digest: ContentDigest(length: length, hash: hash), lineCount: lineCount,
            headerEnd: headerEnd, entries: entries)
        guard isConsistent else { return nil }
    }

    /// Reads numbers and lines from a record's bytes, nil past their end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset: Int

        mutating func u64() -> UInt64? {
            guard offset + 8 <= bytes.count else { return nil }
            let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            offset += 8
            return value
        }

        mutating func line() -> String? {
            guard offset < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset)
            else { return nil }
            let end = UnsafeRawPointer(found) - base
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
            offset = end + 1
            return text
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
