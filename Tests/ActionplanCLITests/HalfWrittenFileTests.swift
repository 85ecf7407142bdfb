import Foundation
import PlanCore
import Testing

/// A plan that another program is halfway through writing (an editor that truncates
/// then writes, `cat > plan`, a sync client): no command may take its first part for
/// the whole plan.
@Suite("A half-written plan", .serialized)
struct HalfWrittenFileTests {
    /// The repro of the adversarial pass: a writer truncates the plan, writes it up to
    /// section 4, pauses for 2 s, then writes the rest; half a second in, someone adds a note.
    @Test func aNoteAddedWhileTheFileIsRewrittenInPlaceLosesNoAction() throws {
        let sandbox = try Sandbox()
        let full = try Data(contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan"))
        let path = try sandbox.write("board.plan", data: full)
        let actions = try PlanFile.load(path).plan.actions.count
        let cut = try #require(full.utf8Text.range(of: "\n## 4 ")).lowerBound
        let first = Data(full.utf8Text[...cut].utf8)
        let rest = full.subdata(in: first.count..<full.count)

        let fd = open(path, O_WRONLY | O_TRUNC)
        try #require(fd >= 0)
        first.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
        let writer = Thread {
            usleep(2_000_000)
            rest.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        usleep(500_000)
        let result = try sandbox.run(["note", "board.plan", "1.1d", "Added while the file was being rewritten."])
        #expect(result.status == 0, "\(result)")
        let plan = try PlanFile.load(path).plan
        #expect(plan.actions.count == actions)
        #expect(
            plan.action(ref: "1.1d")?.notes.contains { $0.text == "Added while the file was being rewritten." } == true)
        #expect(plan.action(ref: "6.3c") != nil)
    }

    /// The other half of the repro: the plan was read whole, and by the time the save
    /// reads it again another program has written only its first part back.
    @Test func aSaveThatWouldRemoveActionsIsRefusedAndNamesThem() throws {
        let sandbox = try Sandbox()
        let full = try Data(contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan"))
        let path = try sandbox.write("board.plan", data: full)
        let session = try PlanSession(opening: path, settleTime: 0)
        var mine = session.document
        try mine.addNote(ref: "1.1d", text: "Mine.", on: PlanDate(year: 2026, month: 11, day: 10)!, by: "Me")
        let cut = try #require(full.utf8Text.range(of: "\n## 4 ")).lowerBound
        let first = Data(full.utf8Text[...cut].utf8)
        try sandbox.write("board.plan", data: first)
        do {
            try session.save(mine)
            Issue.record("the save went ahead")
        } catch {
            #expect(error.description.contains("the file on disk no longer has 4.1a, 4.1b, 4.1c … 6.3c ("))
            #expect(error.description.contains("Nothing was written"))
        }
        #expect(try sandbox.read("board.plan") == first)
    }
}
