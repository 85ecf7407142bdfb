import Foundation
import Testing

@testable import PlanCore

@Suite("Errors and warnings")
struct DiagnosticTests {
    let valid = "  - Owner: X\n  - Due: 2026-03-01\n"

    @Test func missingTitle() {
        #expect(errors("- As at: 2026-01-01\n") == ["1:1: error: a plan must start with its title"])
        #expect(errors("") == ["1:1: error: the file is empty"])
        #expect(errors("\n  \n<!-- only a comment -->\n") == ["1:1: error: the file has no title"])
    }

    @Test func duplicateRefsAcrossCase() {
        let text = planHeader + "- [A] 1.1a One.\n" + valid + "- [A] 1.1A Two.\n" + valid
        #expect(errors(text) == ["9:7: error: duplicate ref 1.1A (first used on line 6)"])
    }

    @Test func unknownStatus() {
        #expect(errors(planHeader + "- [X] 1.1a Act.\n" + valid) == ["6:4: error: unknown status 'X' for action 1.1a"])
    }

    @Test func statusOutsideTheKey() {
        #expect(
            errors(planHeader + "- [B] 1.1a Act.\n" + valid) == [
                "6:4: error: status B is not in this plan's status key"
            ])
    }

    @Test func impossibleDates() {
        let text =
            planHeader + """
                - [A] 1.1a Act.
                  - Owner: X
                  - Due: 2023-02-30
                  - Note 2023-13-01 (A): text
                  - Status 20230-01-01: R -> A
                  - Due 2023-01-01: 31/04/2023 -> 2023-05-01

                """
        #expect(
            errors(text) == [
                "8:10: error: '2023-02-30' is not a date: February 2023 has 28 days",
                "9:10: error: '2023-13-01' is not a date: there is no month 13",
                "10:12: error: '20230-01-01' is not a date: the year must have four digits",
                "11:21: error: '31/04/2023' is not a date: April 2023 has 30 days",
            ])
    }

    @Test func structureErrors() {
        let text = """
            # Plan
            - [A] 0.1a Too early.
            - Note 2026-01-01: A note before any action.
            ### 0.1 An area before any section
            ## 1 Section
            ### Area without a number
            ### 1.1 Area
              - Note 2026-01-01: Indented, but before any action.
            - [A 1.1a Broken action line.
            - [A] 1.1b Act.
              - Owner: X
              - Owner: Y
              - Due: 2026-01-01
              Loose text among the fields.
              - Status: G
              - Status 2026-01-01 (A): A -> G
            - [G] 1.1c Act.
              - Owner: X
              - Due: 2026-01-01
              - Status 2026-01-01 (A): A -> R
            - Owner: Somebody

            """
        #expect(
            errors(text) == [
                "2:1: error: action outside any area",
                "3:1: error: 'Note' line outside any action",
                "4:1: error: area heading before any section",
                "6:5: error: area heading without a number",
                "8:3: error: 'Note' line outside any action",
                "9:4: error: the status must be one letter between `[` and `]`",
                "12:3: error: action 1.1b has two Owner lines",
                "14:3: error: unexpected text among the fields of action 1.1b",
                "15:3: error: 'Status' needs a date",
                "16:3: error: the latest status change of 1.1b ends at G, but the action is A",
                "20:3: error: the latest status change of 1.1c ends at R, but the action is G",
                "21:1: error: 'Owner' line outside any action",
            ])
    }

    @Test func everyErrorIsReportedWithItsHint() throws {
        let text = planHeader + "- [X] 1.1a Act.\n" + valid + "- [A] 1.1b Again.\n  - Owner: X\n  - Due: 2026-02-29\n"
        let error = try #require(throws: PlanParseError.self) { try PlanDocument(text: text) }
        #expect(error.errors.count == 2)
        let lines = SourceLine.split(text)
        let formatted = error.errors[0].formatted(path: "x.plan", sourceLine: lines[5].text)
        #expect(
            formatted == """
                x.plan:6:4: error: unknown status 'X' for action 1.1a
                    - [X] 1.1a Act.
                       ^
                hint: this plan's key has R (Red), A (Amber), G (Green)
                """)
    }

    @Test func suspiciousThingsAreWarnings() {
        let text = """
            # Plan
            - As at: 2026-01-01

            ## 1 Section
            ### 2.1 Area in the wrong section
            - [A] 3.1a No owner, no due, wrong area.
              - Status 2026-01-01: R -> A
              - Status 2026-02-01: G -> A
            Prose that lost its indentation.

            """
        #expect(
            warnings(text) == [
                "5:5: warning: area 2.1 is in section 1",
                "6:1: warning: action 3.1a has no owner",
                "6:1: warning: action 3.1a has no due date",
                "6:7: warning: ref 3.1a is in area 2.1",
                "8:3: warning: status change from G, but the change before it (line 7) went to A",
                "9:1: warning: text at the start of a line ends the action above",
            ])
    }

    @Test func controlCharactersAreWarnings() {
        #expect(
            warnings(planHeader + "- [A] 1.1a Act \u{1B}[31mred.\n" + valid) == [
                "6:16: warning: control character U+1B in the text"
            ])
    }

    @Test func invalidUTF8AndNUL() {
        var bytes = Data((planHeader + "- [A] 1.1a Caf").utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data(".\n".utf8))
        #expect(throws: PlanParseError.self) { try PlanDocument(data: bytes) }
        let utf8 = (try? PlanDocument(data: bytes)) == nil ? PlanDocument.encodingProblem(in: bytes)?.description : nil
        #expect(utf8 == "6:15: error: invalid UTF-8 (byte 0xE9)")
        let nul = PlanDocument.encodingProblem(in: Data("# T\nab\0c\n".utf8))?.description
        #expect(nul == "2:3: error: NUL byte: this looks like a binary file, not a plan")
    }

    @Test func invalidPlanIsReportedWithPathAndSource() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.plan").path
        try Data((planHeader + "- [A] 1.1a Act.\n  - Due: 2026-02-30\n").utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: PlanFileError.self) { try PlanFile.load(path) }
        #expect(
            error.description.hasPrefix(
                "\(path):7:10: error: '2026-02-30' is not a date: February 2026 has 28 days\n      - Due: 2026-02-30\n             ^"
            ))
        let missing = try #require(throws: PlanFileError.self) { try PlanFile.load(folder.path + "/none.plan") }
        #expect(missing.description == "\(folder.path)/none.plan: cannot read: no such file")
        let directory = try #require(throws: PlanFileError.self) { try PlanFile.load(folder.path) }
        #expect(directory.description == "\(folder.path): cannot read: is a folder, not a plan file")
    }
}

@Suite("Review fixes")
struct ReviewFixTests {
    @Test func keywordsAndLinksOutsidePlanSectionsAreProse() throws {
        let text = """
            # Plan
            - Note: a draft for the board
            - [Inspection letter](https://example.org/letter)

            ## Glossary
            - Status: the RAG rating

            ## Links
            - [Report](https://example.org/report)
              - Note 2026-01-01: an indented dated line in a text section

            ## 1 S
            ### 1.1 A
            - [A] 1.1a Act.
              - Owner: X
              - Due: Phase 1-2-3 after the pilot

            """
        let plan = try parse(text).plan
        #expect(plan.extraFields.map(\.name) == ["Note"])
        #expect(plan.glossary.map(\.term) == ["Status"])
        #expect(plan.actions[0].due == Due(text: "Phase 1-2-3 after the pilot", date: nil))
    }

    @Test func aNulIsAnErrorEvenWhenItArrivesByAnEdit() throws {
        #expect(
            errors(planHeader + "- [A] 1.1a A\u{0}ct.\n  - Owner: X\n  - Due: 2026-01-01\n") == [
                "6:13: error: NUL byte: this looks like a binary file, not a plan"
            ])
        var document = try parse(planHeader + "- [A] 1.1a Act.\n  - Owner: X\n  - Due: 2026-01-01\n")
        for name in ["A\u{0}B", "Evil\u{1B}[31m", "Tab\tName", "Over\u{202E}ride"] {
            #expect(throws: PlanDocument.EditError.self) {
                try document.addNote(ref: "1.1a", text: "n", on: date("2026-02-01"), by: name)
            }
        }
    }

    @Test func commentsInsideAMultiLineOwnerSurviveAnOwnerChange() throws {
        let text =
            planHeader + "- [A] 1.1a Act.\n  - Owner: Alice;\n    <!-- keep me -->\n    Bob\n  - Due: 2026-01-01\n"
        var document = try parse(text)
        try document.setOwners(ref: "1.1a", to: ["Carol"], on: date("2026-02-01"), by: nil)
        #expect(document.text.contains("  - Owner: Carol\n    <!-- keep me -->\n  - Due: 2026-01-01\n"))
        #expect(try PlanDocument(data: document.data).plan.actions[0].owners == ["Carol"])
    }

    @Test func aLateNotStartedActionIsFlaggedAsOverdue() throws {
        let plan = try parse(
            "# P\n- Status N (Not started): n\n- Status A (Amber): a\n\n## 1 S\n### 1.1 A\n- [N] 1.1a Act.\n  - Owner: X\n  - Due: 2026-01-01\n"
        ).plan
        #expect(
            BoardCheck.overdue.finding(for: plan.actions[0], in: plan, on: date("2026-02-01"))
                == "1.1a is not started and was due on 1 January 2026")
    }
}
