import Foundation
import PlanImport
import Testing
@testable import PlanCore

/// Every crash and hang the fuzzers in Fuzz/ found, as the input that caused it
/// (Fixtures/fuzz/) and what must happen instead. See docs/hardening.md.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.directory.appendingPathComponent("fuzz").appendingPathComponent(name))
    }

    /// fuzz-xlsx: FoundationXML (Linux) force-unwraps an element name as UTF-8 and
    /// trapped on `<work\xE6\xE6book …>`; a part that is not text is now refused first.
    @Test func anElementNameThatIsNotUTF8() throws {
        let data = try Self.fixture("xlsx-element-name-not-utf8.xlsx")
        #expect(throws: ImportError("xl/workbook.xml in the workbook is not UTF-8 text")) { try XLSXReader.read(data) }
    }

    /// fuzz-xlsx: FoundationXML (Linux) hands the missing data of `<?x?>` to strlen and
    /// crashed; such a part is now refused before parsing. `<?x y?>` is harmless.
    @Test func aProcessingInstructionWithoutData() throws {
        let data = try Self.fixture("xlsx-empty-processing-instruction.xlsx")
        #expect(throws: ImportError("xl/worksheets/sheet1.xml in the workbook holds an empty processing instruction (<?…?>)")) {
            try XLSXReader.read(data)
        }
        let rows = "<row><c t=\"inlineStr\"><is><t>Action</t></is></c></row><?x y?><?x\t?>"
        let table = try XLSXReader.read(try makeWorkbook(sheets: [("A", rows)], sharedStrings: []))
        #expect(table.rows.map { $0.cells.map(\.text) } == [["Action"]])
    }

    /// fuzz-xlsx: ZIPFoundation's in-memory archive trapped ("Range requires lowerBound
    /// <= upperBound") when a zip record pointed past the end of the data; workbooks
    /// are now read from a file, where such a read comes up short and fails.
    @Test func aZipRecordPointingPastTheEnd() throws {
        let data = try Self.fixture("xlsx-offset-past-end.xlsx")
        #expect(throws: ImportError("not an .xlsx workbook: it has no xl/workbook.xml")) { try XLSXReader.read(data) }
        let folder = FileManager.default.temporaryDirectory.path
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("actionplan-import-") }
        _ = try? XLSXReader.read(data)
        let after = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("actionplan-import-") }
        #expect(Set(after).isSubset(of: Set(before)), "the temporary copy is removed")
    }
}

@Suite("Loading limits")
struct LoadingLimitTests {
    @Test("lines are counted eight bytes at a time, and every byte counts", arguments: [0, 1, 7, 8, 9, 15, 16, 17, 100])
    func lineCount(length: Int) {
        for newlineAt in [nil] + Array(0..<length).map(Optional.some) {
            var bytes = (0..<length).map { UInt8(truncatingIfNeeded: 0x80 &+ $0 &* 37) | 0x01 }
            bytes = bytes.map { $0 == 0x0A ? 0x0B : $0 }
            if let newlineAt { bytes[newlineAt] = 0x0A }
            let data = Data(bytes)
            let expected = bytes.count { $0 == 0x0A } + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
            #expect(PlanFile.lineCount(data) == expected, "\(bytes)")
        }
        let all = Data(repeating: 0x0A, count: length)
        #expect(PlanFile.lineCount(all) == length)
        let none = Data(repeating: 0x8A, count: length)
        #expect(PlanFile.lineCount(none) == (length == 0 ? 0 : 1))
    }
}
