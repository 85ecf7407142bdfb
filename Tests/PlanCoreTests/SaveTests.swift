import Foundation
import Testing

@testable import PlanCore

/// Saving beside other writers: the lock, the content check, and clear failures.
@Suite struct SaveTests {
    let folder: URL
    let path: String
    let original: PlanDocument

    init() throws {
        (folder, path, original) = try folderWithSmallPlan("save-tests")
    }

    private func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    private func noted(_ document: PlanDocument, _ ref: String, _ text: String) throws -> PlanDocument {
        var document = document
        try document.addNote(ref: ref, text: text, on: date("2026-11-10"), by: "T")
        return document
    }

    @Test func aLockHeldByAnotherWriterIsWaitedForThenReported() throws {
        defer { cleanUp() }
        let held = try PlanLock.acquire(for: path)
        #expect(
            PlanLock.lockPath(for: path) == folder.appendingPathComponent(".p.plan.lock").resolvingSymlinksInPath().path
        )
        do {
            _ = try PlanLock.acquire(for: path, timeout: 0.1)
            Issue.record("the lock was taken twice")
        } catch {
            #expect(error.description.hasPrefix("\(path): another program (pid \(getpid()) on "))
            #expect(
                error.description.hasSuffix(
                    "has been saving it for more than 0 s; try again in a moment (its lock file is \(PlanLock.lockPath(for: path)))"
                ))
        }
        held.release()
        #expect(!FileManager.default.fileExists(atPath: PlanLock.lockPath(for: path)))
        try PlanLock.acquire(for: path, timeout: 0.1).release()
    }

    @Test func aLockLeftByADeadProcessIsClearedAndRemoved() throws {
        defer { cleanUp() }
        try Data("pid 999999 on elsewhere\n".utf8).write(to: URL(fileURLWithPath: PlanLock.lockPath(for: path)))
        let lock = try PlanLock.acquire(for: path, timeout: 0.1)
        #expect(lock.clearedStaleHolder == "pid 999999 on elsewhere")
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: PlanLock.lockPath(for: path)))
    }

    @Test func aSaveMergesWhatWasSavedInTheMeantime() throws {
        defer { cleanUp() }
        try PlanFile.save(try noted(original, "1.1b", "Theirs."), to: path)
        let saved = try PlanSession(path: path, document: original, settleTime: 0).save(
            try noted(original, "2.1b", "Mine."))
        #expect(saved.merged && saved.mergedRefs == ["1.1b"])
        let onDisk = try PlanFile.load(path)
        #expect(onDisk.data == saved.document.data)
        #expect(onDisk.plan.action(ref: "1.1b")?.latestNote?.text == "Theirs.")
        #expect(onDisk.plan.action(ref: "2.1b")?.latestNote?.text == "Mine.")
    }

    @Test func aSaveStopsWhenTheFileIsGoneOrBroken() throws {
        defer { cleanUp() }
        let mine = try noted(original, "2.1b", "Mine.")
        try Data("# Plan\n- [X] nonsense\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PlanFileError.self) {
            try PlanSession(path: path, document: original, settleTime: 0).save(mine)
        }
        do { _ = try PlanSession(path: path, document: original, settleTime: 0).save(mine) } catch {
            #expect(
                error.description.hasPrefix(
                    "\(path): changed elsewhere since it was read, so this change was not saved: it now has errors (line 2"
                ))
        }
        try FileManager.default.removeItem(atPath: path)
        do { _ = try PlanSession(path: path, document: original, settleTime: 0).save(mine) } catch {
            #expect(error.description.hasSuffix("the file is no longer there (moved or deleted)"))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aReadOnlyFileOrAMissingFolderIsAClearErrorAndNothingChanges() throws {
        defer { cleanUp() }
        let mine = try noted(original, "2.1b", "Mine.")
        chmod(path, 0o444)
        do {
            _ = try PlanSession(path: path, document: original, settleTime: 0).save(mine)
            Issue.record("a read-only file was replaced")
        } catch {
            #expect(
                error.description
                    == "\(path): cannot write: the file is read-only (allow changes with `chmod u+w`, or save elsewhere)"
            )
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original.data)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["p.plan"])

        let nowhere = folder.appendingPathComponent("gone/p.plan").path
        do {
            try PlanFile.save(mine, to: nowhere)
            Issue.record("saved into a missing folder")
        } catch {
            #expect(error.description == "\(nowhere): cannot write: no such folder")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root may write anywhere"))
    func aFolderWithoutPermissionIsAClearError() throws {
        defer {
            chmod(folder.path, 0o755)
            cleanUp()
        }
        chmod(folder.path, 0o555)
        let mine = try noted(original, "2.1b", "Mine.")
        do {
            try PlanFile.save(mine, to: path)
            Issue.record("saved into a folder without write permission")
        } catch {
            #expect(error.description == "\(path): cannot write: permission denied")
        }
    }

    @Test func errorsForAFullDiskAndARemountedDiskSayWhat() {
        #expect(
            PlanFileError.system(path: "p.plan", errno: ENOSPC, doing: "write").description
                == "p.plan: cannot write: the disk is full")
        #expect(
            PlanFileError.system(path: "p.plan", errno: EROFS, doing: "write").description
                == "p.plan: cannot write: the file system is read-only")
    }
}
