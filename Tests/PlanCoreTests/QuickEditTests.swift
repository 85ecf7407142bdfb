import Foundation
import Testing

@testable import PlanCore

/// An edit through a check record reads one action instead of the file (``QuickEdit``).
/// These tests hold it to the full read: the same bytes written, a record that a fresh
/// read of those bytes would give, and a refusal wherever it cannot vouch for the result.
@Suite("Quick edits through a check record")
struct QuickEditTests {
    typealias Apply = @Sendable (inout PlanDocument, Action) throws -> Void

    static func digest(_ data: Data) -> ContentDigest { data.withUnsafeBytes { ContentDigest(of: $0) } }

    /// The record of `data` read in full.
    static func record(_ data: Data) throws -> CheckRecord {
        let document = try PlanDocument(data: data)
        return try #require(CheckRecord(document: document, digest: digest(data)))
    }

    /// `apply` as an edit of the action `action`, in the form ``QuickEdit`` takes.
    static func edit(_ apply: @escaping Apply, _ action: Action) -> QuickEdit.Edit {
        { document throws(PlanDocument.EditError) in
            do {
                try apply(&document, action)
            } catch let error as PlanDocument.EditError {
                throw error
            } catch {
                throw .invalidText("\(error)")
            }
            return PlanDocument.EditOutcome(ref: action.ref, changes: ["edited"])
        }
    }

    static func quick(_ data: Data, _ record: CheckRecord, _ ref: String, _ edit: QuickEdit.Edit) -> QuickEdit.Made? {
        data.withUnsafeBytes { QuickEdit.edit($0, record: record, ref: ref, edit) }
    }

    @Test(arguments: IncrementalEditTests.plans.map(\.name))
    func aQuickEditWritesWhatTheFullEditWrites(name: String) throws {
        let data = Data(IncrementalEditTests.plans.first { $0.name == name }!.text.utf8)
        let original = try PlanDocument(data: data)
        let record = try Self.record(data)
        var quick = 0
        var tried = 0
        for action in original.plan.actions {
            for edit in IncrementalEditTests.edits {
                var full = original
                guard (try? edit.apply(&full, action)) != nil else {
                    #expect(Self.quick(data, record, action.ref, Self.edit(edit.apply, action)) == nil)
                    continue
                }
                tried += 1
                let written = full.data
                // The record the full path writes for its edited document is a fresh read's.
                #expect(CheckRecord(document: full, digest: Self.digest(written)) == (try Self.record(written)))
                guard let made = Self.quick(data, record, action.ref.uppercased(), Self.edit(edit.apply, action))
                else { continue }
                quick += 1
                let what = "\(name) \(action.ref) \(edit.name)"
                #expect(made.bytes.map { Data($0) } == written, "\(what): the bytes differ from the full edit's")
                #expect(made.record == (try Self.record(written)), "\(what): the record is not a fresh read's")
                // The undo splice made from the known unchanged ends is the one worked out from the whole texts.
                let splice = data.withUnsafeBytes { made.splice(from: $0) }
                let whole = data.withUnsafeBytes { old in written.withUnsafeBytes { TextSplice(from: old, to: $0) } }
                #expect(splice == whole, "\(what): the undo splice differs")
            }
        }
        // Only a comment in or just after an action sends its edits to the full read.
        if !String(decoding: data, as: UTF8.self).contains("<!--") {
            #expect(quick == tried, "\(name): \(quick) of \(tried) edits made quickly")
        }
    }

    @Test func theFuzzersCheckFindsNothingInTheFixturesAndTheHostileCorpus() throws {
        for url in Fixtures.files(in: "valid") + Fixtures.files(in: "hostile") + Fixtures.examplePlans {
            let data = try Data(contentsOf: url)
            #expect(QuickEdit.fullReadDisagreement(in: data, on: date("2026-03-01")) == nil, "\(url.lastPathComponent)")
        }
    }

    @Test func editsInARowKeepTheRecordRight() throws {
        var data = try Data(contentsOf: Fixtures.examplePlans.first { $0.lastPathComponent == "example-jtai.plan" }!)
        var record = try Self.record(data)
        var document = try PlanDocument(data: data)
        let count = document.plan.actions.count
        for k in 0..<30 {
            let action = document.plan.actions[(k * 7) % count]
            let apply = IncrementalEditTests.edits[k % IncrementalEditTests.edits.count].apply
            var full = document
            try apply(&full, action)
            let made = try #require(Self.quick(data, record, action.ref, Self.edit(apply, action)))
            let bytes = try #require(made.bytes)
            #expect(Data(bytes) == full.data, "edit \(k) of \(action.ref)")
            data = Data(bytes)
            record = try #require(made.record)
            #expect(record == (try Self.record(data)), "edit \(k) of \(action.ref)")
            document = try PlanDocument(data: data)
        }
    }

    @Test func anEditThatChangesNothingWritesNothing() throws {
        let data = Data(EditTests.plan.utf8)
        let action = try PlanDocument(data: data).plan.actions[0]
        let made = try #require(
            Self.quick(data, try Self.record(data), action.ref) { document throws(PlanDocument.EditError) in
                try document.setStatus(ref: action.ref, to: action.status, on: date("2030-01-01"), by: nil)
            })
        #expect(!made.outcome.changed && made.bytes == nil)
    }

    @Test func whatTheRecordCannotVouchForIsLeftToTheFullRead() throws {
        let data = Data(EditTests.plan.utf8)
        let record = try Self.record(data)
        let action = try PlanDocument(data: data).plan.actions[0]
        let note: QuickEdit.Edit = { document throws(PlanDocument.EditError) in
            try document.addNote(ref: action.ref, text: "Noted.", on: date("2030-01-01"), by: nil)
        }
        #expect(Self.quick(data, record, action.ref, note) != nil)
        // Another text: one byte more.
        #expect(Self.quick(data + Data("\n".utf8), record, action.ref, note) == nil)
        // A ref the record does not have.
        #expect(Self.quick(data, record, "9.9z", note) == nil)
        // An edit the action refuses.
        let early: QuickEdit.Edit = { document throws(PlanDocument.EditError) in
            try document.setStatus(ref: action.ref, to: .blue, on: date("1990-01-01"), by: nil)
        }
        #expect(Self.quick(data, record, action.ref, early) == nil)
        // An edit beyond the action's lines.
        let header: QuickEdit.Edit = { document throws(PlanDocument.EditError) in
            try document.setAsAt(date("2030-01-01"))
        }
        #expect(Self.quick(data, record, action.ref, header) == nil)
        // A record whose offsets do not fit the file.
        var wrong = record
        wrong.entries[0].lines = wrong.entries[0].lines.lowerBound..<wrong.entries[0].lines.upperBound - 1
        #expect(Self.quick(data, wrong, action.ref, note) == nil)
        // A record that cuts the action short at a line's end: the indented line after it tells.
        let firstLine = try #require(data[record.entries[0].lines].firstIndex(of: UInt8(ascii: "\n")))
        var short = record
        short.entries[0].lines = record.entries[0].lines.lowerBound..<firstLine + 1
        short.entries[0].lineCount = 1
        #expect(Self.quick(data, short, action.ref, note) == nil)
    }

    @Test func aCommentInOrRightAfterTheActionIsLeftToTheFullRead() throws {
        for (lines, quick) in [
            ("- [A] 1.1a First.\n  - Owner: A\n\n- [A] 1.1b Second.\n", true),
            ("- [A] 1.1a First.\n  <!-- kept -->\n  - Owner: A\n\n- [A] 1.1b Second.\n", false),
            ("- [A] 1.1a First.\n  - Owner: A\n<!-- after -->\n- [A] 1.1b Second.\n", false),
            ("<!-- before -->\n- [A] 1.1a First.\n  - Owner: A\n\n- [A] 1.1b Second.\n", false),
        ] {
            let data = Data((planHeader + lines).utf8)
            let made = Self.quick(data, try Self.record(data), "1.1a") { document throws(PlanDocument.EditError) in
                try document.addNote(ref: "1.1a", text: "Noted.", on: date("2026-01-10"), by: nil)
            }
            #expect((made != nil) == quick, "\(lines)")
        }
    }

    @Test func aRecordReadsBackAsWrittenAndADamagedOneNotAtAll() throws {
        let record = try Self.record(Data(EditTests.plan.utf8))
        let bytes = record.encoded()
        #expect(bytes.withUnsafeBytes { CheckRecord(encoded: $0) } == record)
        for cut in [0, 10, bytes.count / 2, bytes.count - 1] {
            #expect(bytes.prefix(cut).withUnsafeBytes { CheckRecord(encoded: $0) } == nil, "cut at \(cut)")
        }
        for flip in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[flip] ^= 0x20
            #expect(damaged.withUnsafeBytes { CheckRecord(encoded: $0) } == nil, "byte \(flip) changed")
        }
    }

    @Test func aQuickEditOfAFileWritesItAndItsRecordUnderTheLock() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quick-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("board.plan").path
        let recordURL = folder.appendingPathComponent("cache/board.record")
        let data = Data(EditTests.plan.utf8)
        try data.write(to: URL(fileURLWithPath: path))
        let hourAgo = Date().addingTimeInterval(-3_600)
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: path)
        let note = { (text: String) -> QuickEdit.Edit in
            { document throws(PlanDocument.EditError) in
                try document.addNote(ref: "1.1a", text: text, on: date("2026-01-10"), by: nil)
            }
        }
        // No record yet: left to the full read, nothing written.
        #expect(try QuickEdit.run(path: path, ref: "1.1a", record: recordURL, note("One.")) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)

        #expect(try Self.record(data).save(to: recordURL))
        var expected = try PlanDocument(data: data)
        for text in ["One.", "Two."] {
            try expected.addNote(ref: "1.1a", text: text, on: date("2026-01-10"), by: nil)
            let saved = try #require(try QuickEdit.run(path: path, ref: "1.1a", record: recordURL, note(text)))
            let now = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(now == expected.data)
            #expect(CheckRecord.load(from: recordURL) == (try Self.record(now)))
            #expect(saved.made.outcome.changed && saved.splice != nil)
        }
        // Rewritten with as many bytes and its modification time put back: the digest tells.
        let modified = try #require(FileStamp(path: path)).modified
        let sameSize = Data(
            String(decoding: expected.data, as: UTF8.self).replacingOccurrences(of: "Two.", with: "Six.").utf8)
        try sameSize.write(to: URL(fileURLWithPath: path))
        var times = [modified, modified]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(try QuickEdit.run(path: path, ref: "1.1a", record: recordURL, note("Three.")) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == sameSize)
        // Changed by hand: the record no longer holds, and the file is left as it is.
        let byHand = expected.data + Data("\n".utf8)
        try byHand.write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: path)
        #expect(try QuickEdit.run(path: path, ref: "1.1a", record: recordURL, note("Three.")) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == byHand)
    }
}
