import Foundation
import Testing

@testable import PlanCore

/// The open plan file: its base, reloads, merges, and the rules that keep a save from
/// losing what another program is writing.
@Suite struct PlanSessionTests {
    let folder: URL
    let path: String
    let original: PlanDocument

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("session-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("p.plan").path
        original = try PlanDocument(
            data: Data(contentsOf: Fixtures.examplePlans.first { $0.lastPathComponent == "example-jtai.plan" }!))
        try PlanFile.save(original, to: path)
    }

    private func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    private func noted(_ document: PlanDocument, _ ref: String, _ text: String) throws -> PlanDocument {
        var document = document
        try document.addNote(ref: ref, text: text, on: date("2026-11-10"), by: "T")
        return document
    }

    /// Writes `data` as another program would (no mark), its time `age` seconds ago.
    private func writeAsAnotherProgram(_ data: Data, age: Double) throws {
        try data.write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
    }

    /// The plan's bytes up to (not including) the line that starts with `prefix`.
    private func bytes(before prefix: String) -> Data {
        let text = original.text
        let cut = text.range(of: "\n" + prefix)!.lowerBound
        return Data(text[...cut].utf8)
    }

    @Test func theBaseMovesWithEachSave() throws {
        defer { cleanUp() }
        let session = try PlanSession(opening: path, settleTime: 0)
        let first = try noted(session.document, "1.1a", "First.")
        #expect(!(try session.save(first)).merged)
        #expect(session.document.data == first.data)
        // The next edit starts from the saved one, so nothing needs merging.
        let second = try noted(session.document, "1.1b", "Second.")
        let saved = try session.save(second)
        #expect(!saved.merged)
        #expect(try PlanFile.load(path).data == second.data)
    }

    @Test func whatActionplanWritesCarriesItsMarkAndOtherWritersDropIt() throws {
        defer { cleanUp() }
        #expect(FileStamp(path: path)?.isMarked == true)
        try writeAsAnotherProgram(original.data, age: 0)
        #expect(FileStamp(path: path)?.isMarked == false)
    }

    @Test func aChangeMadeElsewhereIsReloadedOnce() throws {
        defer { cleanUp() }
        let session = try PlanSession(opening: path, settleTime: 0)
        #expect(session.reloadIfChanged().isUnchanged)
        let other = try PlanSession(opening: path, settleTime: 0)
        try other.save(try noted(other.document, "2.1a", "Elsewhere."))
        guard case .changed(let fresh) = Self.reloadOnceSettled(session) else {
            Issue.record("the change was not seen")
            return
        }
        #expect(fresh.plan.action(ref: "2.1a")?.latestNote?.text == "Elsewhere.")
        #expect(session.document.data == fresh.data)
        #expect(session.reloadIfChanged().isUnchanged)
    }

    @Test func aFileChangedMomentsAgoByAnotherProgramIsLeftToSettle() throws {
        defer { cleanUp() }
        let session = try PlanSession(opening: path, settleTime: 30)
        try writeAsAnotherProgram(try noted(original, "2.1a", "By hand.").data, age: 1)
        guard case .settling = session.reloadIfChanged() else {
            Issue.record("a file written a second ago was read")
            return
        }
        try writeAsAnotherProgram(try noted(original, "2.1a", "By hand.").data, age: 31)
        guard case .changed(let fresh) = session.reloadIfChanged() else {
            Issue.record("a settled file was not read")
            return
        }
        #expect(fresh.plan.action(ref: "2.1a")?.latestNote?.text == "By hand.")
    }

    @Test func aFileThatNeverSettlesIsAClearError() throws {
        defer { cleanUp() }
        // A writer that keeps the file open for longer than the session waits.
        let fd = open(path, O_WRONLY)
        defer { close(fd) }
        do {
            _ = try PlanSession(opening: path, settleTime: 0, lockTimeout: 0.2)
            Issue.record("a file open for writing was read")
        } catch {
            #expect(error.description.hasPrefix("\(path): another program is still writing it"))
        }
    }

    @Test func aFileHeldOpenForWritingIsReadOnlyOnceTheWriterIsDone() throws {
        defer { cleanUp() }
        // An editor that truncates the file, writes its first part and pauses.
        let fd = open(path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        let first = bytes(before: "## 4 ")
        let rest = original.data.subdata(in: first.count..<original.data.count)
        first.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
        #expect(FileStamp.isOpenForWriting(path) == true)
        let finished = Thread {
            usleep(300_000)
            rest.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        finished.start()
        let session = try PlanSession(opening: path, settleTime: 0)
        #expect(session.document.plan.actions.count == original.plan.actions.count)
        #expect(FileStamp.isOpenForWriting(path) == false)
    }

    @Test func aSaveNeverRemovesActionsThatTheFileOnDiskLacks() throws {
        defer { cleanUp() }
        let session = try PlanSession(opening: path, settleTime: 0)
        // Another program has so far written only the first three sections back.
        let truncated = bytes(before: "## 4 ")
        try writeAsAnotherProgram(truncated, age: 10)
        let lost = original.plan.actions.filter { $0.ref.first.map { "456".contains($0) } == true }.map(\.ref)
        let edit = try noted(session.document, "1.1d", "Mine.")
        do {
            try session.save(edit)
            Issue.record("the save went ahead")
        } catch {
            guard case .wouldRemoveActions(_, let refs) = error else {
                Issue.record("unexpected error: \(error)")
                return
            }
            #expect(refs == lost)
            #expect(error.description.contains("the file on disk no longer has 4.1a, 4.1b, 4.1c … "))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == truncated)
    }

    @Test func theSameFieldChangedOnBothSidesIsAConflictAndNothingIsWritten() throws {
        defer { cleanUp() }
        let session = try PlanSession(opening: path, settleTime: 0)
        var theirs = original
        try theirs.setStatus(ref: "1.1d", to: .red, on: date("2026-11-10"), by: "Them")
        try PlanFile.save(theirs, to: path)
        var mine = session.document
        try mine.setStatus(ref: "1.1d", to: .green, on: date("2026-11-10"), by: "Me")
        #expect(throws: PlanFileError.self) { try session.save(mine) }
        #expect(try PlanFile.load(path).data == theirs.data)
        // Overwriting is a person's choice, and moves the base.
        try session.overwrite(mine)
        #expect(try PlanFile.load(path).plan.action(ref: "1.1d")?.status == .green)
        #expect(session.document.data == mine.data)
    }

    @Test func aReadOnlyFileIsNotReplaced() throws {
        defer { cleanUp() }
        let session = try PlanSession(opening: path, settleTime: 0)
        chmod(path, 0o444)
        let edit = try noted(session.document, "1.1a", "Mine.")
        do {
            try session.save(edit)
            Issue.record("a read-only file was replaced")
        } catch {
            guard case .readOnly = error else {
                Issue.record("unexpected error: \(error)")
                return
            }
        }
        #expect(try PlanFile.load(path).data == original.data)
    }

    @Test func aLockHeldTooLongIsReported() throws {
        defer { cleanUp() }
        let session = try PlanSession(opening: path, settleTime: 0, lockTimeout: 0.1)
        let held = try PlanLock.acquire(for: path)
        defer { held.release() }
        let edit = try noted(session.document, "1.1a", "Mine.")
        do {
            try session.save(edit)
            Issue.record("saved while another writer held the lock")
        } catch {
            guard case .locked = error else {
                Issue.record("unexpected error: \(error)")
                return
            }
        }
    }

    @Test func aWriteIsRefusedWhenTheFileChangedSinceItsLastRead() throws {
        defer { cleanUp() }
        let stamp = try #require(FileStamp(path: path))
        try writeAsAnotherProgram(try noted(original, "2.1a", "By hand.").data, age: 10)
        do {
            try AtomicFile.write(original, to: path, unchangedSince: stamp)
            Issue.record("the file was replaced although it had changed")
        } catch {
            guard case .changedWhileSaving = error else {
                Issue.record("unexpected error: \(error)")
                return
            }
        }
        #expect(try PlanFile.load(path).plan.action(ref: "2.1a")?.latestNote?.text == "By hand.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") } == [])
    }

    @Test func aCopyGoesOnlyToANewFile() throws {
        defer { cleanUp() }
        do {
            try PlanSession.writeNew(original, to: path)
            Issue.record("a copy replaced an existing file")
        } catch {
            #expect(error.description == "\(path) already exists; choose a new name")
        }
        let copy = folder.appendingPathComponent("copy.plan").path
        try PlanSession.writeNew(original, to: copy)
        #expect(try PlanFile.load(copy).data == original.data)
    }
}

extension PlanSessionTests {
    /// What the interface's loop sees: a file that is settling is asked about again on a later tick
    /// (under load, a process another test spawns can hold a descriptor of the file for a moment).
    static func reloadOnceSettled(_ session: PlanSession) -> PlanSession.Reload {
        for _ in 0..<50 {
            let reload = session.reloadIfChanged()
            guard case .settling = reload else { return reload }
            usleep(100_000)
        }
        return session.reloadIfChanged()
    }
}

extension PlanSession.Reload {
    fileprivate var isUnchanged: Bool {
        if case .unchanged = self { return true }
        return false
    }
}
