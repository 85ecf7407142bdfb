import CSystemZlib
import FoundationEssentials

/// Writes a zip archive in memory, each file deflated with the system's zlib: what an
/// `.xlsx` workbook's container needs and no more (no Zip64, no encryption, no
/// comments). Every file is dated 1 January 1980, so the same files give the same bytes.
///
/// Kept beside ``ZipReader`` so that the C module stays out of PlanCore, which makes
/// the workbook's XML parts (``XLSXWorkbook``) in pure Swift.
struct ZipWriter {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    enum Failure: Error {
        case tooLarge(String)
        case cannotCompress(String)
    }

    /// Adds `data` under `path` (forward slashes, UTF-8).
    mutating func add(_ path: String, _ data: Data) throws(Failure) {
        let name = Array(path.utf8)
        let packed = try Self.deflate(data, path: path)
        guard data.count < 0xFFFF_FFFF, bytes.count + packed.count + name.count + 30 < 0xFFFF_FFFF,
            name.count <= 0xFFFF
        else { throw .tooLarge(path) }
        let crc = data.withUnsafeBytes { raw in
            UInt32(crc32(0, raw.bindMemory(to: UInt8.self).baseAddress, UInt32(raw.count)))
        }
        let offset = UInt32(bytes.count)
        // Shared by the local header and the central directory: version 2.0, UTF-8 names,
        // deflated, the date, the CRC, the sizes, the name's length, no extra field.
        var common: [UInt8] = []
        Self.append16(20, to: &common)
        Self.append16(0x0800, to: &common)
        Self.append16(8, to: &common)
        Self.append16(0, to: &common)  // 00:00
        Self.append16(0x21, to: &common)  // 1980-01-01
        Self.append32(crc, to: &common)
        Self.append32(UInt32(packed.count), to: &common)
        Self.append32(UInt32(data.count), to: &common)
        Self.append16(UInt16(name.count), to: &common)
        Self.append16(0, to: &common)

        Self.append32(0x0403_4B50, to: &bytes)
        bytes += common + name + packed

        Self.append32(0x0201_4B50, to: &central)
        Self.append16(20, to: &central)  // made by: MS-DOS, version 2.0
        central += common
        Self.append16(0, to: &central)  // comment
        Self.append16(0, to: &central)  // disk
        Self.append16(0, to: &central)  // internal attributes
        Self.append32(0, to: &central)  // external attributes
        Self.append32(offset, to: &central)
        central += name
        count += 1
    }

    /// The whole archive: the files, the central directory and its end record.
    func archive() throws(Failure) -> Data {
        guard count < 0xFFFF, bytes.count + central.count < 0xFFFF_FFFF else { throw .tooLarge("the archive") }
        var out = bytes + central
        Self.append32(0x0605_4B50, to: &out)
        Self.append16(0, to: &out)
        Self.append16(0, to: &out)
        Self.append16(UInt16(count), to: &out)
        Self.append16(UInt16(count), to: &out)
        Self.append32(UInt32(central.count), to: &out)
        Self.append32(UInt32(bytes.count), to: &out)
        Self.append16(0, to: &out)
        return Data(out)
    }

    /// Raw deflate (no zlib header), as zip stores it.
    private static func deflate(_ data: Data, path: String) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw .cannotCompress(path) }
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                return CSystemZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .cannotCompress(path) }
        return Array(output[0..<Int(stream.total_out)])
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        append16(UInt16(value & 0xFFFF), to: &bytes)
        append16(UInt16(value >> 16), to: &bytes)
    }
}
