import Foundation
import Testing

@testable import PlanCore
@testable import PlanImport

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
        #expect(
            throws: ImportError(
                "xl/worksheets/sheet1.xml in the workbook holds an empty processing instruction (<?…?>)")
        ) {
            try XLSXReader.read(data)
        }
        let rows = "<row><c t=\"inlineStr\"><is><t>Action</t></is></c></row><?x y?><?x\t?>"
        let table = try XLSXReader.read(try makeWorkbook(sheets: [("A", rows)], sharedStrings: []))
        #expect(table.rows.map { $0.cells.map(\.text) } == [["Action"]])
    }

    /// fuzz-xlsx: ZIPFoundation's in-memory archive trapped ("Range requires lowerBound
    /// <= upperBound") when a zip record pointed past the end of the data.
    @Test func aZipRecordPointingPastTheEnd() throws {
        let data = try Self.fixture("xlsx-offset-past-end.xlsx")
        #expect(throws: ImportError("not an .xlsx workbook: the zip archive is damaged")) { try XLSXReader.read(data) }
    }

    /// fuzz-xlsx (a 10 s timeout): ZIPFoundation inflated a deflated file whose data ran
    /// out before the stream's end forever, reading nothing at the end of the file. Zip
    /// archives are now read by ZipReader, which stops at the end of a file's data.
    @Test func aDeflatedPartThatNeverEnds() throws {
        let data = try Self.fixture("xlsx-deflate-never-ends.xlsx")
        #expect(throws: ImportError.self) { try XLSXReader.read(data) }
    }

    /// The same for every way a download can be cut short: each prefix of a workbook is
    /// refused at once, with a reason.
    @Test func everyCutOfAWorkbookIsRefused() throws {
        let rows = (1...40).map { #"<row><c t="inlineStr"><is><t>Action \#($0) for the board</t></is></c></row>"# }
            .joined()
        let workbook = try makeWorkbook(sheets: [("Actions", rows)], sharedStrings: ["<t>unused</t>"])
        #expect(try XLSXReader.read(workbook).rows.count == 40)
        for length in stride(from: 0, to: workbook.count, by: 7) {
            #expect(throws: ImportError.self, "cut at \(length) of \(workbook.count) bytes") {
                try XLSXReader.read(workbook.prefix(length))
            }
        }
    }
}
