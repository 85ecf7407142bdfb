import Foundation
import Testing

@testable import PlanCore

/// A plan file that did not read as a plan, watched until it does: the session opens
/// once the file changed, settled and parses.
@Suite struct LateSessionTests {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("late-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("p.plan").path
    }

    private func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    /// Writes `text` as another program would (no mark), its time `age` seconds ago.
    private func write(_ text: String, age: Double) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
    }

    /// One look at the file: "unchanged", "settling", "invalid" or "opened".
    private func look(_ lastLooked: inout FileStamp?, settleTime: Double = 30) -> (String, PlanSession?) {
        do throws(PlanFileError) {
            guard let session = try PlanSession(opening: path, ifChangedSince: &lastLooked, settleTime: settleTime)
            else { return ("unchanged", nil) }
            return ("opened", session)
        } catch .unsettled {
            return ("settling", nil)
        } catch {
            return ("invalid", nil)
        }
    }

    @Test func opensOnceTheFileChangedSettledAndReads() throws {
        defer { cleanUp() }
        try write("# P\n## 1 S\n### 1.1 A\n- [X] 1.1a Act.\n", age: 120)
        var lastLooked = FileStamp(path: path)
        #expect(look(&lastLooked).0 == "unchanged")
        try write("# P\n## 1 S\n### 1.1 A\n- [Y] 1.1a Act.\n", age: 100)
        #expect(look(&lastLooked).0 == "invalid")
        // The same broken file is reported once, not on every look.
        #expect(look(&lastLooked).0 == "unchanged")
        try write("# P\n## 1 S\n### 1.1 A\n- [A] 1.1a Act.\n", age: 1)
        #expect(look(&lastLooked).0 == "settling")
        #expect(look(&lastLooked).0 == "settling")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-90)], ofItemAtPath: path)
        let (what, session) = look(&lastLooked)
        #expect(what == "opened")
        let opened = try #require(session)
        #expect(opened.path == path && opened.settleTime == 30)
        #expect(opened.document.plan.action(ref: "1.1a")?.status == .amber)
        guard case .unchanged = opened.reloadIfChanged() else {
            Issue.record("the session does not start from the file it opened")
            return
        }
        var edited = opened.document
        try edited.setStatus(ref: "1.1a", to: .green, on: date("2026-11-10"), by: "T")
        try opened.save(edited)
        #expect(try PlanFile.load(path).plan.action(ref: "1.1a")?.status == .green)
    }

    @Test func aFileHeldOpenForWritingIsLeftToSettle() throws {
        defer { cleanUp() }
        try write("# P\n## 1 S\n### 1.1 A\n- [X] 1.1a Act.\n", age: 120)
        var lastLooked = FileStamp(path: path)
        try write("# P\n## 1 S\n### 1.1 A\n- [A] 1.1a Act.\n", age: 100)
        let fd = open(path, O_WRONLY)
        #expect(look(&lastLooked, settleTime: 0).0 == "settling")
        close(fd)
        #expect(look(&lastLooked, settleTime: 0).0 == "opened")
    }

    @Test func aFileThatIsGoneIsReportedOnceAndOpensWhenItIsBack() throws {
        defer { cleanUp() }
        try write("# P\n## 1 S\n### 1.1 A\n- [X] 1.1a Act.\n", age: 120)
        var lastLooked = FileStamp(path: path)
        try FileManager.default.removeItem(atPath: path)
        #expect(look(&lastLooked).0 == "invalid")
        #expect(look(&lastLooked).0 == "unchanged")
        try write("# P\n## 1 S\n### 1.1 A\n- [G] 1.1a Act.\n", age: 100)
        #expect(look(&lastLooked).0 == "opened")
    }

    @Test func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
        defer { cleanUp() }
        try write("# P\n## 1 S\n### 1.1 A\n- [X] 1.1a Act.\n", age: 120)
        var lastLooked = FileStamp(path: path)
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
        #expect(look(&lastLooked).0 == "invalid")
        #expect(look(&lastLooked).0 == "unchanged")
    }
}
