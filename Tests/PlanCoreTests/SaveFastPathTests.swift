import Foundation
import Testing

@testable import PlanCore

/// The save's cheap check that the file is as it was read (``PlanFile/holds(_:at:)``, the
/// session's text of the file), and a save from bytes already in one piece: each refuses,
/// merges and writes what the full read and the document's own write did.
@Suite struct SaveFastPathTests {
    static let day = date("2026-03-01")

    /// Runs `body` with the path of a plan of `areas` areas in a new folder, removed
    /// afterwards; the file written as another program would (no mark), an hour ago.
    static func withPlan(areas: Int, _ body: (String, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fast-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.plan").path
        let text = UndoSpliceTests.plan(areas: areas)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-3_600)], ofItemAtPath: path)
        try body(path, text)
    }

    /// Rewrites the file in place to `text` (the same length), putting its times back.
    static func rewriteKeepingTimes(_ path: String, to text: String) {
        var info = stat()
        #expect(stat(path, &info) == 0)
        let fd = open(path, O_WRONLY)
        #expect(fd >= 0)
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        #expect(futimens(fd, [info.st_atim, info.st_mtim]) == 0)
        close(fd)
    }

    /// Saves `edited` through `session` from its bytes in one piece, as the CLI's edits do.
    @discardableResult
    static func save(_ edited: PlanDocument, in session: PlanSession) throws -> PlanSession.Saved {
        try edited.withCopiedBytes { bytes in Result { try session.save(edited, bytes: bytes) } }.get()
    }

    @Test func aFileIsHeldOnlyByItsExactBytes() throws {
        // Over 1 MB, so that the difference near the end lies in a later piece than the first.
        try Self.withPlan(areas: 1_600) { path, text in
            #expect(text.utf8.count > 1 << 20)
            #expect(try PlanFile.holds(text, at: path))
            let lastChanged = String(text.dropLast(2)) + "x\n"
            #expect(!(try PlanFile.holds(lastChanged, at: path)))
            #expect(!(try PlanFile.holds(text + "\n", at: path)))
            #expect(!(try PlanFile.holds(String(text.dropLast()), at: path)))
            try Data((text + "more\n").utf8).write(to: URL(fileURLWithPath: path))
            #expect(!(try PlanFile.holds(text, at: path)))
            try FileManager.default.removeItem(atPath: path)
            #expect(throws: PlanFileError.self) { try PlanFile.holds(text, at: path) }
        }
    }

    @Test func anUnmarkedFileAsItWasReadIsWrittenWithoutAMerge() throws {
        try Self.withPlan(areas: 30) { path, _ in
            let session = try PlanSession(opening: path, settleTime: 0)
            var edited = session.document
            try edited.addNote(ref: "1.20b", text: "Mine.", on: Self.day, by: "Me")
            let saved = try Self.save(edited, in: session)
            #expect(!saved.merged)
            #expect(try PlanFile.load(path).hasSameBytes(as: edited))
            #expect(FileStamp(path: path)?.isMarked == true)
        }
    }

    @Test func aSameSizeRewriteLateInALargeFileIsMergedNotOverwritten() throws {
        try Self.withPlan(areas: 1_600) { path, text in
            let session = try PlanSession(opening: path, settleTime: 0)
            // The same length and times, past the first megabyte: only the bytes tell.
            let rewritten = text.replacingOccurrences(of: "Owner: Owner 1599", with: "Owner: Owner ZZZZ")
            #expect(rewritten.utf8.count == text.utf8.count && rewritten != text)
            Self.rewriteKeepingTimes(path, to: rewritten)
            var edited = session.document
            try edited.setStatus(ref: "1.1a", to: .green, on: Self.day, by: "Me")
            let saved = try Self.save(edited, in: session)
            #expect(saved.merged && saved.mergedRefs.contains("1.1599a"))
            let onDisk = try PlanFile.load(path)
            #expect(onDisk.plan.action(ref: "1.1599c")?.owners == ["Owner ZZZZ"])
            #expect(onDisk.plan.action(ref: "1.1a")?.status == .green)
            #expect(onDisk.hasSameBytes(as: saved.document))
        }
    }

    @Test func aFileRemovingTheEditedActionIsStillRefused() throws {
        try Self.withPlan(areas: 5) { path, text in
            let session = try PlanSession(opening: path, settleTime: 0)
            let cut = text.range(of: "\n### 1.5 ")!.lowerBound
            try Data(text[...cut].utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: path)
            var edited = session.document
            try edited.addNote(ref: "1.5a", text: "Mine.", on: Self.day, by: "Me")
            #expect(throws: PlanFileError.self) { try Self.save(edited, in: session) }
            #expect(try PlanFile.load(path).plan.action(ref: "1.5a") == nil)
        }
    }

    @Test func theSessionsTextGivesTheSameUndoEntryAsTheDocument() throws {
        try Self.withPlan(areas: 30) { path, _ in
            let session = try PlanSession(opening: path, settleTime: 0)
            var edited = session.document
            try edited.addNote(ref: "1.7c", text: "Mine.", on: Self.day, by: "Me")
            let fromText = edited.withCopiedBytes { new in
                session.withDocumentBytes { old in
                    UndoJournal.Entry(description: "d", author: "Me", date: Self.day, before: old, after: new)
                }
            }
            let fromDocuments = UndoJournal.Entry(
                description: "d", author: "Me", date: Self.day, before: session.document, after: edited)
            #expect(fromText == fromDocuments)
            try session.save(edited)
            #expect(try fromText.undoing(on: PlanFile.load(path)).text == UndoSpliceTests.plan(areas: 30))
        }
    }
}
