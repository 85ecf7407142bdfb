import Foundation
import Testing

@testable import PlanCore

/// The read limits hold for what is written too (issue 19, item 8): no edit, merge or
/// save produces a plan that every command would then refuse to read.
@Suite struct WriteLimitTests {
    @Test func aNoteOverTheLineLimitIsRefusedAndTheDocumentKept() throws {
        var document = try parse(planHeader + "- [A] 1.1a Do it.\n  - Owner: X\n  - Due: 2026-05-01\n")
        let before = document.data
        let note = "Line one.\n" + String(repeating: "more\n", count: PlanFile.maximumLines)
        #expect {
            try document.addNote(ref: "1.1a", text: note, on: date("2026-02-01"), by: "Sam")
        } throws: { error in
            "\(error)".hasPrefix(
                "the change could not be stored: the note has 4000001 lines; with the plan's 8 that is ")
                && "\(error)".hasSuffix("more than the 4 million a plan may have, so it could not be read back")
        }
        #expect(document.data == before)
        // Under the limit, a long note is stored.
        try document.addNote(ref: "1.1a", text: "Line one.\nLine two.", on: date("2026-02-01"), by: "Sam")
    }

    @Test func aGeneratedDocumentOverTheLimitsIsNotWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("write-limits-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let valid = try parse(planHeader + "- [A] 1.1a Do it.\n")
        #expect(valid.limitProblem == nil)

        // Lines added behind the parser's back: a plan of 4,000,010 lines.
        var tooManyLines = valid
        tooManyLines.lines += Array(repeating: SourceLine("", ending: .lf), count: PlanFile.maximumLines)
        let path = folder + "/lines.plan"
        #expect {
            try AtomicFile.write(tooManyLines, to: path)
        } throws: { error in
            "\(error)" == "\(path): not written: the plan would have 4,000,006 lines, more than the 4 million a plan "
                + "may have, so it could not be read back"
        }
        // And 251 lines of 1 MB each (one string, shared): over 250 MB.
        var tooLarge = valid
        let megabyte = Substring(String(repeating: "x", count: 1_000_000))
        tooLarge.lines += Array(repeating: SourceLine(megabyte, ending: .lf), count: 251)
        #expect(throws: PlanFileError.self) { try AtomicFile.write(tooLarge, to: path) }
        #expect(tooLarge.limitProblem?.hasPrefix("the plan would be 252 MB, more than the 250 MB") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)

        // The same check for bytes that are not a plan yet (a merge with conflict markers).
        let data = Data(String(repeating: "\n", count: PlanFile.maximumLines + 1).utf8)
        #expect(throws: PlanFileError.self) { try PlanFile.checkLimits(data, path: path) }
        try PlanFile.checkLimits(valid.data, path: path)
    }
}
