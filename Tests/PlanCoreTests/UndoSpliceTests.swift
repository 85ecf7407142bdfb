import Foundation
import Testing

@testable import PlanCore

/// The undo journal's entries as splices: what they record, and taking them back on the
/// text they were made on, on a text changed since, and on another text.
@Suite("Undo journal: splices")
struct UndoSpliceTests {
    static let day = date("2026-03-01")

    /// A plan of `areas` areas of three actions each, far larger than a splice's context.
    static func plan(areas: Int) -> String {
        var text = "# Plan\n- As at: 2026-01-14\n\n## 1 Everything\n"
        for area in 1...areas {
            text += "\n### 1.\(area) Area \(area)\n"
            for letter in ["a", "b", "c"] {
                text += """

                    - [A] 1.\(area)\(letter) Do thing \(letter) of area \(area), with a text of some length to it.
                      - Owner: Owner \(area)
                      - Due: 2026-03-31
                      - Note 2026-01-14 (Sam Patel): A note of about the length of a real one, saying what was done.
                      - Status 2025-11-03 (Sam Patel): R -> A

                    """
            }
        }
        return text
    }

    static func splice(_ old: String, _ new: String) -> TextSplice {
        Array(old.utf8).withUnsafeBytes { o in Array(new.utf8).withUnsafeBytes { n in TextSplice(from: o, to: n) } }
    }

    static func reverted(_ splice: TextSplice, in text: String) -> String? {
        Array(text.utf8).withUnsafeBytes { splice.reverted(in: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    static func entry(_ before: PlanDocument, _ after: PlanDocument) -> UndoJournal.Entry {
        UndoJournal.Entry(description: "change", author: "Me", date: day, before: before, after: after)
    }

    /// Runs `body` with a new folder, removed afterwards.
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("undo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// Runs `body` with a journal in a folder of its own, removed afterwards.
    static func withJournal(_ body: (UndoJournal) throws -> Void) throws {
        try withFolder { folder in
            try body(UndoJournal(planPath: "/tmp/x.plan", environment: ["XDG_STATE_HOME": folder.path]))
        }
    }

    @Test func theDigestIsXXH64() {
        let digest = { (text: String) in Array(text.utf8).withUnsafeBytes { ContentDigest(of: $0) } }
        // Published XXH64 values (seed 0); the last is longer than one 32-byte stripe.
        #expect(digest("").hash == 0xEF46_DB37_51D8_E999)
        #expect(digest("a").hash == 0xD24E_C4F1_A98C_6E5B)
        #expect(digest("abc").hash == 0x44BC_2CF5_AD77_0999)
        #expect(digest("Nobody inspects the spammish repetition").hash == 0xFBCE_A83C_8A37_8BF1)
        #expect(digest("abc").length == 3)
    }

    @Test func aSpliceIsWholeLinesAndTakesItsChangeBackExactly() {
        // Every text of up to three lines of these, every range of its lines replaced by
        // none or one of them, with and without a final newline.
        let pieces = ["- [A] 1.1a Do it.", "  - Note 2026-01-14 (Zoë): été", "  - Note 2026-01-14 (Zoe): ete", "", "x"]
        var texts: [[String]] = [[]]
        for length in 1...3 {
            texts += texts.filter { $0.count == length - 1 }.flatMap { text in pieces.map { text + [$0] } }
        }
        for lines in texts {
            for start in 0...lines.count {
                for end in start...lines.count {
                    for added in [[]] + pieces.map({ [$0] }) {
                        for ending in ["\n", ""] {
                            var edited = lines
                            edited.replaceSubrange(start..<end, with: added)
                            check(
                                from: lines.joined(separator: "\n") + (lines.isEmpty ? "" : ending),
                                to: edited.joined(separator: "\n") + (edited.isEmpty ? "" : ending))
                        }
                    }
                }
            }
        }
    }

    private func check(from old: String, to new: String) {
        let splice = Self.splice(old, new)
        #expect(Self.reverted(splice, in: new) == old, "\(old.debugDescription) -> \(new.debugDescription)")
        // Each part is whole lines: it starts a line, and ends one or the text.
        let newBytes = Array(new.utf8)
        #expect(splice.offset == 0 || newBytes[splice.offset - 1] == UInt8(ascii: "\n"))
        let insertedEnd = splice.offset + splice.inserted.utf8.count
        #expect(
            splice.inserted.isEmpty || insertedEnd == newBytes.count || newBytes[insertedEnd - 1] == UInt8(ascii: "\n"))
        #expect(splice.removed.utf8.count - splice.inserted.utf8.count == old.utf8.count - new.utf8.count)
    }

    @Test func aChangeWithinACharacterIsCutAtTheLine() {
        // "é" and "è" share their first byte: the common prefix ends inside a character.
        let splice = Self.splice("one\ncafé\nthree\n", "one\ncafè\nthree\n")
        #expect(splice.offset == 4 && splice.removed == "café\n" && splice.inserted == "cafè\n")
        #expect(splice.leading == "one\n" && splice.trailing == "three\n")
    }

    @Test func undoAfterSetNoteMoveAndRetireGivesBackTheTextExactly() throws {
        let original = try parse(Self.plan(areas: 4))
        let edits: [(inout PlanDocument) throws -> Void] = [
            { try $0.setStatus(ref: "1.2b", to: .green, on: Self.day, by: "Me") },
            {
                try $0.addNote(ref: "1.3c", text: "Done; see the minutes.\n\nSecond paragraph.", on: Self.day, by: "Me")
            },
            { try $0.move(ref: "1.1a", toArea: "1.4", on: Self.day, by: "Me") },
            { try $0.retire(ref: "1.4c", reason: "Superseded.", on: Self.day, by: "Me") },
        ]
        for edit in edits {
            var edited = original
            try edit(&edited)
            let entry = Self.entry(original, edited)
            let undone = try entry.undoing(on: edited)
            #expect(undone.hasSameBytes(as: original))
            #expect(undone.text == original.text)
        }
    }

    @Test func anEntryIsAFewHundredBytesWhateverThePlansSize() throws {
        for areas in [10, 1_000] {
            var document = try parse(Self.plan(areas: areas))
            let original = document
            try document.addNote(ref: "1.\(areas / 2)b", text: "Reviewed.", on: Self.day, by: "Me")
            let encoded = try JSONEncoder().encode(Self.entry(original, document))
            #expect(encoded.count < 1_500, "\(encoded.count) bytes at \(areas * 3) actions")
            let decoded = try JSONDecoder().decode(UndoJournal.Entry.self, from: encoded)
            #expect(decoded == Self.entry(original, document))
        }
    }

    @Test func undoKeepsALaterChangeElsewhereAndRefusesOneToTheSameLines() throws {
        let original = try parse(Self.plan(areas: 6))
        var mine = original
        try mine.setStatus(ref: "1.2a", to: .red, on: Self.day, by: "Me")
        let entry = Self.entry(original, mine)
        // Someone notes an action far from it afterwards: the undo keeps their note.
        var later = mine
        try later.addNote(ref: "1.5c", text: "Theirs.", on: Self.day, by: "Them")
        let undone = try entry.undoing(on: later)
        #expect(undone.plan.action(ref: "1.2a")?.status == .amber)
        #expect(undone.plan.action(ref: "1.2a") == original.plan.action(ref: "1.2a"))
        #expect(undone.plan.action(ref: "1.5c")?.notes.last?.text == "Theirs.")
        // Someone sets the same action green after it: the undo is refused.
        var blocked = mine
        try blocked.setStatus(ref: "1.2a", to: .green, on: Self.day, by: "Them")
        #expect(throws: UndoJournal.Entry.Refusal.self) { try entry.undoing(on: blocked) }
        // And so is a change to a line right next to it (the context the splice keeps).
        var next = mine
        try next.setStatus(ref: "1.2b", to: .green, on: Self.day, by: "Them")
        #expect(throws: UndoJournal.Entry.Refusal.self) { try entry.undoing(on: next) }
    }

    @Test func anEntryMadeOnAnotherTextIsRefused() throws {
        let other = try parse(LifecycleEditTests.plan)
        let original = try parse(Self.plan(areas: 3))
        var mine = original
        try mine.addNote(ref: "1.1a", text: "Mine.", on: Self.day, by: "Me")
        let entry = Self.entry(original, mine)
        let refusal = #expect(throws: UndoJournal.Entry.Refusal.self) { try entry.undoing(on: other) }
        #expect(refusal?.description.contains("have been changed since") == true)
    }

    @Test func aSpliceFoundTwiceInATextChangedSinceIsNotTakenBack() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\n"
        let new = "a\nb\nc\nd\ne2\nf\ng\nh\ni\n"
        let splice = Self.splice(old, new)
        // Changed elsewhere since: the changed line with its context, once, is found and put back.
        #expect(Self.reverted(splice, in: "z\n" + new) == "z\n" + old)
        // Twice: which to take back cannot be told, so neither is.
        #expect(Self.reverted(splice, in: new + new) == nil)
        // Its context changed: not taken back.
        #expect(Self.reverted(splice, in: new.replacingOccurrences(of: "f", with: "F")) == nil)
        // Outside its context: taken back.
        #expect(Self.reverted(splice, in: new.replacingOccurrences(of: "a", with: "A")) == "A" + old.dropFirst())
    }

    /// The changed lines and their context stood twice in the text the change made (two
    /// actions ending alike): once a later edit touches the context of the one changed, the
    /// other would be the one match, another action's lines. Only the exact text takes it back.
    @Test func aSpliceThatStoodTwiceWhenMadeIsTakenBackOnlyFromThatText() {
        let old = "1\np\nq\nr\ns\nt\nu\n2\np\nq\nr\nN\ns\nt\nu\n3\n"
        let new = "1\np\nq\nr\nN\ns\nt\nu\n2\np\nq\nr\nN\ns\nt\nu\n3\n"
        let splice = Self.splice(old, new)
        #expect(splice.inserted == "N\n" && splice.offset == 8)
        #expect(splice.isUnique == false)
        #expect(Self.reverted(splice, in: new) == old)
        // The context of the line it added changed: the second block's N is not to be taken instead.
        let changedSince = new.replacingOccurrences(of: "1\np\nq\nr\n", with: "1\np\nq\nR\n")
        #expect(Self.reverted(splice, in: changedSince) == nil)
        // A splice that stood once is still found in a text changed elsewhere.
        let once = Self.splice("1\np\nq\nr\ns\nt\nu\n", "1\np\nq\nr\nN\ns\nt\nu\n")
        #expect(once.isUnique == true)
        #expect(Self.reverted(once, in: "0\n1\np\nq\nr\nN\ns\nt\nu\n") == "0\n1\np\nq\nr\ns\nt\nu\n")
    }

    @Test func anEntryOfTheEarlierLayoutIsStillReadAndUndone() throws {
        try Self.withJournal { journal in
            let original = try parse(LifecycleEditTests.plan)
            var mine = original
            try mine.setStatus(ref: "1.1a", to: .red, on: Self.day, by: "Me")
            try FileManager.default.createDirectory(at: journal.url, withIntermediateDirectories: true)
            // As the earlier layout wrote it: the plan before and after, whole.
            let old = try JSONSerialization.data(withJSONObject: [
                "description": "1.1a: status", "author": "Me", "date": "2026-03-01", "before": original.text,
                "after": mine.text,
            ])
            try old.write(to: journal.url.appendingPathComponent("000000000001.json"))
            var later = mine
            try later.addNote(ref: "2.1.1", text: "Theirs.", on: Self.day, by: "Them")
            let newest = try #require(journal.newest())
            #expect(newest.entry.change == .texts(before: original.text, after: mine.text))
            let undone = try newest.entry.undoing(on: later)
            #expect(undone.plan.action(ref: "1.1a") == original.plan.action(ref: "1.1a"))
            #expect(undone.plan.action(ref: "2.1.1")?.notes.map(\.text) == ["Theirs."])
        }
    }

    @Test func anEntryCutShortIsPassedOverForTheOneBeforeIt() throws {
        try Self.withJournal { journal in
            let original = try parse(LifecycleEditTests.plan)
            var mine = original
            try mine.addNote(ref: "1.1b", text: "Mine.", on: Self.day, by: "Me")
            try journal.record(Self.entry(original, mine))
            let whole = try JSONEncoder().encode(Self.entry(mine, original))
            try whole.prefix(whole.count / 2).write(to: journal.url.appendingPathComponent("000000000002.json"))
            let newest = try #require(journal.newest())
            #expect(newest.file.lastPathComponent == "000000000001.json")
            #expect(try newest.entry.undoing(on: mine).hasSameBytes(as: original))
        }
    }

    @Test func twoWritersBothSaveAndEachUndoesOnlyItsOwnChange() throws {
        try Self.withFolder { folder in
            let path = folder.appendingPathComponent("plan.plan").path
            try Data(Self.plan(areas: 6).utf8).write(to: URL(fileURLWithPath: path))
            let first = try PlanSession(opening: path, settleTime: 0)
            let second = try PlanSession(opening: path, settleTime: 0)
            let read = first.document
            var theirs = first.document
            try theirs.addNote(ref: "1.5c", text: "Theirs.", on: Self.day, by: "Them")
            try first.save(theirs)
            let theirEntry = Self.entry(read, theirs)
            var mine = second.document
            try mine.setStatus(ref: "1.2a", to: .red, on: Self.day, by: "Me")
            // The second writer's file changed under it: the save merges instead of overwriting.
            let saved = try second.save(mine)
            #expect(saved.merged && saved.mergedRefs == ["1.5c"])
            let myEntry = Self.entry(read, mine)
            let onDisk = try PlanFile.load(path)
            let undone = try myEntry.undoing(on: onDisk)
            #expect(undone.plan.action(ref: "1.2a")?.status == .amber)
            #expect(undone.plan.action(ref: "1.5c")?.notes.last?.text == "Theirs.")
            // Their change, taken back on what is left, gives the plan as it began.
            #expect(try theirEntry.undoing(on: undone).hasSameBytes(as: try parse(Self.plan(areas: 6))))
        }
    }

    @Test func aSaveNoticesARewriteThatKeptTheSizeAndModificationTime() throws {
        try Self.withFolder { folder in
            let path = folder.appendingPathComponent("plan.plan").path
            let text = Self.plan(areas: 3)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let session = try PlanSession(opening: path, settleTime: 0)
            // Another program rewrites the file in place, the same length, and puts its time back.
            var info = stat()
            #expect(stat(path, &info) == 0)
            let rewritten = text.replacingOccurrences(of: "Owner: Owner 3", with: "Owner: Owner Z")
            let fd = open(path, O_WRONLY)
            #expect(fd >= 0)
            _ = Array(rewritten.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            let times = [info.st_atim, info.st_mtim]
            #expect(futimens(fd, times) == 0)
            close(fd)
            var edited = session.document
            try edited.addNote(ref: "1.1a", text: "Mine.", on: Self.day, by: "Me")
            let saved = try session.save(edited)
            #expect(saved.merged)
            let onDisk = try PlanFile.load(path)
            #expect(onDisk.plan.action(ref: "1.3c")?.owners == ["Owner Z"])
            #expect(onDisk.plan.action(ref: "1.1a")?.notes.last?.text == "Mine.")
        }
    }

    /// The skipping search finds what a look at every line start finds: once, twice (nil),
    /// or not at a line start at all.
    @Test func theSearchForTheChangedLinesAgreesWithALookAtEveryLineStart() {
        let text = Array((Self.plan(areas: 12) + Self.plan(areas: 2)).utf8)
        let starts =
            [0] + text.indices.filter { text[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }.filter { $0 < text.count }
        let naive = { (pattern: ArraySlice<UInt8>) -> Int? in
            let hits = starts.filter {
                $0 + pattern.count <= text.count && text[$0..<$0 + pattern.count].elementsEqual(pattern)
            }
            return hits.count == 1 ? hits[0] : nil
        }
        var checked = 0
        var once = 0
        for (n, start) in starts.enumerated() where n % 3 == 0 {
            for length in [2, 9, 64, 300] where start + length <= text.count {
                // At a line start, and one byte in (never at a line start unless the text repeats there).
                for from in [start, start + 1] where from + length <= text.count {
                    let pattern = text[from..<from + length]
                    let found = text.withUnsafeBytes { all in
                        Array(pattern).withUnsafeBytes { TextSplice.onlyLineStartMatch(of: $0, in: all) }
                    }
                    #expect(found == naive(pattern), "pattern at \(from), \(length) bytes")
                    checked += 1
                    if found != nil { once += 1 }
                }
            }
        }
        #expect(checked > 300 && once > 50 && once < checked)
    }
}
