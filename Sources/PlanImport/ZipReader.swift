import CSystemZlib
import FoundationEssentials

/// The files of a zip archive held in memory, as an `.xlsx` workbook is: the central
/// directory, then a file's local header and its data, stored or deflated.
///
/// Written for workbooks instead of using ZIPFoundation, whose reading of a damaged
/// archive can trap (a record pointing past the end) or loop forever (a deflated file
/// cut short), both found by Fuzz/ (docs/hardening.md). Here every offset and size is
/// checked against the data before it is used, and inflating stops at the end of the
/// file's data. Zip64 archives (over 4 GB, never a workbook) are not read.
struct ZipReader {
    struct Entry {
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeader: Int
        var crc32: UInt32
    }

    enum Failure: Error, Equatable {
        case notAZipArchive
        case damaged
        case tooLarge(Int)
        /// Two files of one name: readers differ in which they take, so neither is taken.
        case duplicateName(String)
        case wrongChecksum
    }

    private let bytes: [UInt8]
    /// By name; names are unique.
    private(set) var entries: [String: Entry] = [:]

    init(_ data: Data) throws(Failure) {
        bytes = [UInt8](data)
        let end = try Self.endOfCentralDirectory(in: bytes)
        let count = Int(Self.u16(bytes, end + 10))
        let size = Int(Self.u32(bytes, end + 12))
        let start = Int(Self.u32(bytes, end + 16))
        guard count != 0xFFFF, start != 0xFFFF_FFFF, start + size <= end else { throw .damaged }
        var offset = start
        for _ in 0..<count {
            guard offset + 46 <= start + size, Self.u32(bytes, offset) == 0x0201_4B50 else { throw .damaged }
            let nameLength = Int(Self.u16(bytes, offset + 28))
            let recordLength = 46 + nameLength + Int(Self.u16(bytes, offset + 30)) + Int(Self.u16(bytes, offset + 32))
            guard offset + recordLength <= start + size else { throw .damaged }
            let entry = Entry(
                method: Self.u16(bytes, offset + 10), compressedSize: Int(Self.u32(bytes, offset + 20)),
                uncompressedSize: Int(Self.u32(bytes, offset + 24)), localHeader: Int(Self.u32(bytes, offset + 42)),
                crc32: Self.u32(bytes, offset + 16))
            let name = String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
            guard entries[name] == nil else { throw .duplicateName(name) }
            entries[name] = entry
            offset += recordLength
        }
    }

    /// The unpacked contents of the file `name`, or nil when the archive has none.
    func contents(of name: String, limit: Int) throws(Failure) -> Data? {
        guard let entry = entries[name] else { return nil }
        guard entry.uncompressedSize <= limit else { throw .tooLarge(entry.uncompressedSize) }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4B50 else { throw .damaged }
        let start = header + 30 + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        guard entry.compressedSize != 0xFFFF_FFFF, start + entry.compressedSize <= bytes.count else { throw .damaged }
        let packed = bytes[start..<start + entry.compressedSize]
        let contents: Data
        switch entry.method {
        case 0: contents = Data(packed)
        case 8: contents = try Self.inflate(packed, limit: limit)
        default: throw .damaged
        }
        guard contents.count == entry.uncompressedSize, Self.crc32(of: contents) == entry.crc32 else {
            throw .wrongChecksum
        }
        return contents
    }

    /// zlib's CRC-32, over the data in pieces that fit its `uInt` length.
    static func crc32(of data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            var crc = CSystemZlib.crc32(0, nil, 0)
            var offset = 0
            while offset < raw.count {
                let length = min(raw.count - offset, 1 << 30)
                crc = CSystemZlib.crc32(
                    crc, raw.baseAddress.map { $0.advanced(by: offset).assumingMemoryBound(to: Bytef.self) },
                    uInt(length))
                offset += length
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    /// Raw deflate, all the input at once: each step consumes input or makes output,
    /// and when the input runs out before the stream's end, it stops.
    private static func inflate(_ packed: ArraySlice<UInt8>, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var input = Array(packed)
        var tooLarge = false
        let result: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { outputBuffer in
                    stream.next_out = outputBuffer.baseAddress
                    stream.avail_out = UInt32(outputBuffer.count)
                    return CSystemZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: buffer[0..<buffer.count - Int(stream.avail_out)])
                if output.count > limit {
                    tooLarge = true
                    return status
                }
                if status != Z_OK { return status }
            }
        }
        if tooLarge { throw .tooLarge(output.count) }
        guard result == Z_STREAM_END else { throw .damaged }
        return output
    }

    /// The "end of central directory" record: the last one in the final 64 KB + 22 bytes
    /// (its comment can be up to 65,535 bytes long).
    private static func endOfCentralDirectory(in bytes: [UInt8]) throws(Failure) -> Int {
        guard bytes.count >= 22 else { throw .notAZipArchive }
        var offset = bytes.count - 22
        let lowest = max(0, offset - 0xFFFF)
        while offset >= lowest {
            if u32(bytes, offset) == 0x0605_4B50 { return offset }
            offset -= 1
        }
        throw .notAZipArchive
    }

    private static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(u16(bytes, offset)) | UInt32(u16(bytes, offset + 2)) << 16
    }
}
