import Testing

@testable import PlanCore

@Suite("Reading plans")
struct ParserTests {
    static let full = """
        # Statement of action: exploitation
        - Period: September 2025 – December 2026
        - As at: 2026-01-14
        - Last reviewed: 2025-12-18, Improvement Board
        - Status R (Red): Off track
        - Status A (Amber): On track
        - Status G (Green): Done
        - Status B (Blue): Done and impact shown
        - Board: Exploitation Improvement Board

        An introduction.

        Its second paragraph.

        ## Glossary
        - CME: Children missing education
        - DSL: Designated safeguarding lead

        ## 1 Hearing children
        Section description.

        ### 1.1 Recording what children say
        - Needs to improve: Records show children's words.

          And what changed because of them.
        - Priority action: Audit records.
        - Inspectors found: Voices were missing.
        - Evidence: Termly audit

        - [A] 1.1a Publish guidance on recording
          children's views:
          - in case notes;
          - in plans.
          - Owner: Voice of the child group; Head of Service
          - Due: 2026-02-28
          - Note 2026-01-14 (Sam Patel): First draft out.

            Second paragraph.
            - a bullet
          - Status 2025-11-03 (Sam Patel): R -> A
          - Due 2025-11-03 (Sam Patel): 2025-12-31 -> 2026-02-28
          - Owner 2025-12-01: Head of Service -> Voice of the child group; Head of Service
          - Added 2025-09-20 (Sam Patel)
          - Cost: £2,000
        - [B] 1.1b Train staff.
          - Owner: Learning subgroup
          - Due: To be determined after the audit
          - Note 2026-01-10: Done; 87% attended.

        ## 2 Acting quickly
        ### 2.1 Front door
        - [G] 2.1a Review the front door.
          - Owner: Head of Front Door
          - Due: New process launched on 9 January 2026
          - Status 2026-01-09 (Tom Hughes): A -> G

        """

    @Test func header() throws {
        let plan = try parse(Self.full).plan
        #expect(plan.title == "Statement of action: exploitation")
        #expect(plan.period == "September 2025 – December 2026")
        #expect(plan.asAt == date("2026-01-14"))
        #expect(plan.lastReviewed == Review(date: date("2025-12-18"), by: "Improvement Board"))
        #expect(plan.statusKey.statuses == [.red, .amber, .green, .blue])
        #expect(plan.statusKey.label(for: .blue) == "Blue")
        #expect(plan.statusKey.entries[0].definition == "Off track")
        #expect(plan.introduction == "An introduction.\n\nIts second paragraph.")
        #expect(plan.extraFields.map(\.name) == ["Board"])
        #expect(
            plan.glossary == [
                GlossaryEntry(term: "CME", meaning: "Children missing education"),
                GlossaryEntry(term: "DSL", meaning: "Designated safeguarding lead"),
            ])
        #expect(plan.textSections.map(\.title) == ["Glossary"])
    }

    @Test func sectionsAndAreas() throws {
        let plan = try parse(Self.full).plan
        #expect(plan.sections.map(\.number) == ["1", "2"])
        #expect(plan.sections[0].title == "Hearing children")
        #expect(plan.sections[0].description == "Section description.")
        let area = plan.sections[0].areas[0]
        #expect(area.number == "1.1")
        #expect(area.title == "Recording what children say")
        #expect(area.needsToImprove == "Records show children's words.\n\nAnd what changed because of them.")
        #expect(area.priorityAction == "Audit records.")
        #expect(area.inspectorsFound == "Voices were missing.")
        #expect(area.extraFields.map(\.value) == ["Termly audit"])
        #expect(plan.actions(in: plan.sections[0]).map(\.ref) == ["1.1a", "1.1b"])
        #expect(plan.area(number: "2.1")?.actionRange == 2..<3)
    }

    @Test func action() throws {
        let plan = try parse(Self.full).plan
        let action = try #require(plan.action(ref: "1.1A"))
        #expect(action.ref == "1.1a")
        #expect(action.status == .amber)
        #expect(action.text == "Publish guidance on recording\nchildren's views:\n- in case notes;\n- in plans.")
        #expect(action.owners == ["Voice of the child group", "Head of Service"])
        #expect(action.due == Due(text: "2026-02-28", date: date("2026-02-28")))
        #expect(
            action.notes == [
                Note(
                    date: date("2026-01-14"), author: "Sam Patel",
                    text: "First draft out.\n\nSecond paragraph.\n- a bullet", line: 36)
            ])
        #expect(
            action.history.map(\.change) == [
                .status(from: .red, to: .amber),
                .due(from: "2025-12-31", to: "2026-02-28"),
                .owner(from: ["Head of Service"], to: ["Voice of the child group", "Head of Service"]),
                .added(""),
            ])
        #expect(action.history[2].author == nil)
        #expect(action.extraFields == [Field(name: "Cost", value: "£2,000", line: 44)])
        #expect(action.dueChangeCount == 1)
        #expect(action.sectionNumber == "1" && action.areaNumber == "1.1" && action.line == 30)
    }

    @Test func freeTextDues() throws {
        let plan = try parse(Self.full).plan
        #expect(plan.action(ref: "1.1b")?.due == Due(text: "To be determined after the audit", date: nil))
        #expect(plan.action(ref: "2.1a")?.due?.date == date("2026-01-09"))
        #expect(plan.action(ref: "1.1b")?.latestNote?.author == nil)
    }

    @Test(
        arguments: [
            ("2026-02-28", "2026-02-28"),
            ("28/02/2026", "2026-02-28"),
            ("28 February 2026", "2026-02-28"),
            ("Friday 27 Feb 2026", "2026-02-27"),
            ("Launch on 9th January 2026", "2026-01-09"),
            ("To be determined", nil),
            ("March 2026", nil),
            ("Interim 30 November 2025 and full review by 27 February 2026", nil),
            ("Quarterly from April 2026", nil),
        ] as [(String, String?)])
    func dueDateDerivation(text: String, expected: String?) throws {
        let plan = try parse(planHeader + "- [A] 1.1a Act.\n  - Owner: X\n  - Due: \(text)\n").plan
        #expect(plan.actions[0].due?.text == text)
        #expect(plan.actions[0].due?.date?.iso == expected)
    }

    @Test func commentsAreIgnored() throws {
        let text =
            planHeader + """
                <!--
                - [X] 9.9z not an action
                -->
                - [A] 1.1a Act. <!-- not a comment: it does not start the line -->
                  <!-- - Note 2026-99-99: not a note -->
                  - Owner: X
                  - Due: 2026-03-01

                """
        let plan = try parse(text).plan
        #expect(plan.actions.map(\.ref) == ["1.1a"])
        #expect(plan.actions[0].text == "Act. <!-- not a comment: it does not start the line -->")
        #expect(plan.actions[0].notes.isEmpty)
    }

    @Test func defaultStatusKey() throws {
        let plan = try parse(planHeader + "- [r] 1.1a Act.\n  - Owner: X\n  - Due: 2026-03-01\n").plan
        #expect(plan.statusKey == .standard)
        #expect(plan.actions[0].status == .red)
    }

    @Test func textBeforeFieldsMayLookLikeProse() throws {
        // "- Note that" is text, not a note: only dated notes are fields.
        let plan = try parse(
            planHeader + "- [A] 1.1a Act.\n  - Note that staff left.\n  - Owner: X\n  - Due: 2026-03-01\n"
        ).plan
        #expect(plan.actions[0].text == "Act.\n- Note that staff left.")
        #expect(plan.actions[0].owners == ["X"])
    }
}
