import Foundation
import FuzzKit
import PlanCore
import PlanImport
import ZIPFoundation

/// Fuzzes the .xlsx reader. An input that starts like a zip archive (`PK\3\4`) is read
/// as a workbook as it is, which exercises the archive handling. Any other input is cut
/// at 0xFF bytes (never part of UTF-8 text) into the XML parts of a workbook, which are
/// zipped, uncompressed, before reading: mutations then reach the XML readers, where a
/// mutated compressed archive would only fail its checksum. Whatever is read is imported
/// (see ``ImportCheck``).
@main
struct XLSXFuzz {
    static func main() {
        Fuzzer.run { bytes, count in
            let data = Fuzzer.data(bytes, count)
            let workbook = data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? data : XLSXFuzz.zipped(parts: data)
            if let workbook, let table = try? XLSXReader.read(workbook) {
                ImportCheck.check(table, input: data)
            }
            return 0
        }
    }

    /// The parts, in the order of the input's pieces; an empty piece leaves its part out.
    static let partNames = [
        "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml", "xl/styles.xml",
    ]

    static func zipped(parts input: Data) -> Data? {
        guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return nil }
        let pieces = input.split(separator: 0xFF, maxSplits: partNames.count - 1, omittingEmptySubsequences: false)
        for (name, piece) in zip(partNames, pieces) where !piece.isEmpty {
            let part = Data(piece)
            try? archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(part.count), compressionMethod: .none
            ) {
                position, size in part.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data
    }
}
