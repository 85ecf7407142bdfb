import Foundation
import PlanCore
import PlanImport
import Testing
import ZIPFoundation

/// The return sheet as a workbook, end to end: written by `chase`, filled in (its XML
/// rewritten here, or saved again by LibreOffice) and read back by `import --updates`.
extension UpdateRoundTests {
    /// `data` with `cells` (a reference such as `H4` → text) filled in as a spreadsheet
    /// would store them: the empty input cells of the sheet become text cells of their style.
    static func filled(_ data: Data, _ cells: [String: String]) throws -> Data {
        let source = try Archive(data: data, accessMode: .read)
        let target = try Archive(data: Data(), accessMode: .create)
        for entry in source {
            var bytes = Data()
            _ = try source.extract(entry) { bytes.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" {
                var xml = String(decoding: bytes, as: UTF8.self)
                for (reference, text) in cells {
                    let start = try #require(xml.range(of: "<c r=\"\(reference)\" s=\""), "no empty cell \(reference)")
                    let end = try #require(xml.range(of: "\"/>", range: start.upperBound..<xml.endIndex))
                    let style = xml[start.upperBound..<end.lowerBound]
                    let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                        of: "<", with: "&lt;")
                    xml.replaceSubrange(
                        start.lowerBound..<end.upperBound,
                        with: "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t>\(escaped)</t></is></c>")
                }
                bytes = Data(xml.utf8)
            }
            try target.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        return try #require(target.data)
    }

    @Test("chase -o writes each owner's return sheet as .xlsx and .csv; --sheets picks one; --sheets-only no messages")
    func chaseWorkbooks() throws {
        let box = try portfolio()
        #expect(try box.run(["chase", "plans", "-o", "round"]).status == 0)
        #expect(
            try box.listing("round").filter { $0.hasPrefix("designated-nurse") } == [
                "designated-nurse-return.csv", "designated-nurse-return.xlsx", "designated-nurse.txt",
            ])
        let rows = try XLSXReader.read(try box.read("round/designated-nurse-return.xlsx")).rows.map {
            $0.cells.map(\.text)
        }
        #expect(rows[2] == ReturnSheet.workbookColumns)
        #expect(rows.dropFirst(3).map { Array($0.prefix(2)) } == [["2.1a", "plans/a.plan"]])

        #expect(try box.run(["chase", "plans", "-o", "csv", "--sheets", "csv"]).status == 0)
        #expect(!(try box.listing("csv")).contains { $0.hasSuffix(".xlsx") })
        let only = try box.run(["chase", "plans", "-o", "sheets", "--sheets-only", "--sheets", "xlsx"])
        #expect(only.status == 0, "\(only)")
        #expect(try box.listing("sheets").allSatisfy { $0.hasSuffix("-return.xlsx") })
        #expect(only.stdout.contains("designated-nurse-return.xlsx: Designated Nurse, 1 open action"), "\(only)")

        // With no sheet, the message asks for a reply instead of a sheet that is not there.
        #expect(try box.run(["chase", "plans", "-o", "bare", "--sheets", "none"]).status == 0)
        #expect(try box.listing("bare").allSatisfy { $0.hasSuffix(".txt") })
        let bare = try box.text("bare/designated-nurse.txt")
        #expect(bare.contains("in a reply to this message") && !bare.contains("return sheet"), "\(bare)")
        #expect(try box.text("round/designated-nurse.txt").contains("of your return sheet"))

        for usage in [["--sheets", "xlsx"], ["--sheets-only"], ["-o", "x", "--sheets-only", "--sheets", "none"]] {
            #expect(try box.run(["chase", "plans"] + usage).status == 64, "\(usage)")
        }
    }

    @Test(
        "chase --format eml attaches the workbook as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    func chaseMailWorkbook() throws {
        let box = try portfolio()
        #expect(try box.run(["chase", "plans", "--format", "eml", "-o", "round", "--sheets", "xlsx"]).status == 0)
        let mail = try box.text("round/designated-nurse.eml")
        let parts = mail.components(separatedBy: "--actionplan-designated-nurse")
        #expect(parts.count == 4, "the body, one attachment and the end")
        let attachment = parts[2]
        #expect(
            attachment.contains(
                "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; "
                    + "name=\"designated-nurse-return.xlsx\""))
        #expect(attachment.contains("Content-Disposition: attachment; filename=\"designated-nurse-return.xlsx\""))
        let base64 = try #require(attachment.components(separatedBy: "\r\n\r\n").last)
        let workbook = try #require(Data(base64Encoded: base64.replacingOccurrences(of: "\r\n", with: "")))
        #expect(workbook == (try box.read("round/designated-nurse-return.xlsx")))

        #expect(try box.run(["chase", "plans", "--format", "eml", "-o", "both"]).status == 0)
        let both = try box.text("both/designated-nurse.eml")
        #expect(both.contains("filename=\"designated-nurse-return.xlsx\""))
        #expect(both.contains("Content-Type: text/csv; charset=UTF-8; name=\"designated-nurse-return.csv\""))
    }

    @Test("a workbook filled in and imported: the dry run, then a status change and a dated note by that owner")
    func importWorkbook() throws {
        let box = try portfolio()
        #expect(try box.run(["chase", "plans", "-o", "round"]).status == 0)
        try box.write(
            "back/nurse.xlsx",
            data: try Self.filled(
                try box.read("round/designated-nurse-return.xlsx"),
                ["H4": "A (Amber)", "I4": "Guide drafted, out for comment."]))
        try expectNurseUpdate(from: "back/nurse.xlsx", row: 4, in: box)
    }

    @Test("a workbook with a bad row: the row named, nothing written; --skip-bad-rows applies the rest")
    func badWorkbookRow() throws {
        let box = try portfolio()
        #expect(try box.run(["chase", "plans", "-o", "round", "--owner", "voice"]).status == 0)
        // Voice of the child group owns 1.1a of plan A (row 4) and nothing in plan B.
        let sheet = try box.read("round/voice-of-the-child-group-return.xlsx")
        let rows = try XLSXReader.read(sheet).rows.map { $0.cells.map(\.text) }
        #expect(rows.dropFirst(3).map { $0[0] } == ["1.1a"])
        try box.write("good.xlsx", data: try Self.filled(sheet, ["I4": "The final draft is with the board."]))
        try box.write("bad.xlsx", data: try Self.filled(sheet, ["H4": "Purple"]))
        let result = try box.run(["import", "--updates", "good.xlsx", "bad.xlsx", "plans"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("bad.xlsx:4: error: 1.1a: new status 'Purple' is not a status"), "\(result)")
        #expect(result.stderr.contains("nothing written"))
        #expect(try box.text("plans/a.plan") == samplePlan)
        let skipped = try box.run(["import", "--updates", "good.xlsx", "bad.xlsx", "plans", "--skip-bad-rows"])
        #expect(skipped.status == 0, "\(skipped)")
        #expect(try box.text("plans/a.plan").contains("(Voice of the child group): The final draft is with the board."))
    }

    @Test(
        "a workbook filled in and saved by LibreOffice imports; the drop-down and the protection survive the save",
        .enabled(if: BoardPaperCommandTests.soffice != nil, "needs LibreOffice (apt-get install libreoffice-calc)"))
    func workbookSavedByLibreOffice() throws {
        let soffice = try #require(BoardPaperCommandTests.soffice)
        let box = try portfolio()
        #expect(try box.run(["chase", "plans", "-o", "round"]).status == 0)
        try box.write(
            "filled/nurse.xlsx",
            data: try Self.filled(
                try box.read("round/designated-nurse-return.xlsx"), ["H4": "G (Green)", "I4": "Published on 2 March."]))
        _ = try BoardPaperCommandTests.run(
            soffice,
            [
                "-env:UserInstallation=file://" + box.path("lo-profile"), "--headless", "--convert-to", "xlsx",
                "--outdir", "saved", "filled/nurse.xlsx",
            ], in: box)
        let saved = try box.read("saved/nurse.xlsx")
        #expect(saved != (try box.read("filled/nurse.xlsx")))
        let archive = try Archive(data: saved, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { xml.append($0) }
        let sheet = String(decoding: xml, as: UTF8.self)
        #expect(sheet.contains("<dataValidation") && sheet.contains("R (Red),A (Amber),G (Green)"))
        #expect(sheet.contains("<sheetProtection"))

        let result = try box.run(["import", "--updates", "saved/nurse.xlsx", "plans"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("saved/nurse.xlsx:4: plans/a.plan 2.1a: status Red -> Green; note added"))
        let plan = try box.text("plans/a.plan")
        #expect(plan.contains("- [G] 2.1a Publish"))
        #expect(plan.contains("  - Note 2026-03-01 (Designated Nurse): Published on 2 March."))
    }
}
