/// A text's length and XXH64 hash, as an undo entry records the plan it was made on:
/// enough to tell, at memory speed and without keeping the text, whether a file still
/// holds exactly that text. Not for security: it guards against mistakes, not against
/// someone crafting a collision.
public struct ContentDigest: Codable, Sendable, Equatable, CustomStringConvertible {
    public var length: Int
    public var hash: UInt64

    public init(length: Int, hash: UInt64) {
        self.length = length
        self.hash = hash
    }

    /// The digest of `bytes`.
    public init(of bytes: UnsafeRawBufferPointer) {
        self.init(length: bytes.count, hash: Self.xxh64(bytes))
    }

    /// `15046001 bytes, xxh64 0123456789abcdef`.
    public var description: String { "\(length) bytes, xxh64 " + hexadecimal }

    /// The hash as sixteen hexadecimal digits: how it is stored, since a JSON number
    /// need not keep 64 bits.
    var hexadecimal: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private enum CodingKeys: String, CodingKey {
        case length, xxh64
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let digits = try container.decode(String.self, forKey: .xxh64)
        guard digits.utf8.count == 16, let hash = UInt64(digits, radix: 16) else {
            throw DecodingError.dataCorruptedError(
                forKey: .xxh64, in: container, debugDescription: "not sixteen hexadecimal digits")
        }
        self.init(length: try container.decode(Int.self, forKey: .length), hash: hash)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(length, forKey: .length)
        try container.encode(hexadecimal, forKey: .xxh64)
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// XXH64 with seed 0 (xxhash.com's specification): four lanes of eight bytes, so it
    /// runs at several GB/s where a byte-at-a-time hash would cost a plan's parse again.
    static func xxh64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var i = 0
        var h: UInt64
        if count >= 32 {
            var v1 = prime1 &+ prime2
            var v2 = prime2
            var v3: UInt64 = 0
            var v4 = 0 &- prime1
            // Invariant: i + 32 <= count, so the four loads read inside `bytes`.
            while i + 32 <= count {
                v1 = round(v1, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                v2 = round(v2, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian)
                v3 = round(v3, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self).littleEndian)
                v4 = round(v4, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self).littleEndian)
                i += 32
            }
            h = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            for lane in [v1, v2, v3, v4] { h = (h ^ round(0, lane)) &* prime1 &+ prime4 }
        } else {
            h = prime5
        }
        h = h &+ UInt64(count)
        // Invariant of the next two steps: the load's last byte is below `count`.
        while i + 8 <= count {
            h ^= round(0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
            h = rotate(h, 27) &* prime1 &+ prime4
            i += 8
        }
        if i + 4 <= count {
            h ^= UInt64(bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian) &* prime1
            h = rotate(h, 23) &* prime2 &+ prime3
            i += 4
        }
        while i < count {
            h ^= UInt64(bytes[i]) &* prime5
            h = rotate(h, 11) &* prime1
            i += 1
        }
        h ^= h >> 33
        h = h &* prime2
        h ^= h >> 29
        h = h &* prime3
        h ^= h >> 32
        return h
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        value << bits | value >> (64 - bits)
    }
}
