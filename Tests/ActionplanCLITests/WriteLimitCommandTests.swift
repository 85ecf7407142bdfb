import Foundation
import Testing

/// `note` refuses what would make a plan that no command could read back
/// (issue 19, item 8): nothing is written, and the message says why.
@Suite struct WriteLimitCommandTests {
    @Test func aNoteOfMoreLinesThanAPlanMayHaveIsRefusedAndNothingWritten() throws {
        let sandbox = try Sandbox()
        let plan = try sandbox.write(
            "board.plan", "# Plan\n\n## 1 Voices\n### 1.1 Records\n- [A] 1.1a Audit the records.\n  - Owner: Sam\n")
        let before = try sandbox.read("board.plan")
        let note = Data(("Start.\n" + String(repeating: "x\n", count: 4_100_000)).utf8)
        let result = try sandbox.run(["note", plan, "1.1a", "-", "--by", "Sam"], stdin: note)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "the note has 4100001 lines; with the plan's 6 that is more than the 4 million a plan may have, "
                    + "so it could not be read back"), "\(result)")
        #expect(try sandbox.read("board.plan") == before)
        #expect(try sandbox.listing() == ["board.plan"])
    }
}
