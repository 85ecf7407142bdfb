import Foundation
import Testing

@testable import PlanCore

@Suite("Editing owners, due dates and text")
struct FieldEditTests {
    static let plan = EditTests.plan
    static let day = date("2026-02-01")

    // MARK: - Owners

    @Test func setOwnersRewritesTheLineAndAddsHistory() throws {
        var document = try parse(Self.plan)
        let outcome = try document.setOwners(ref: "1.1a", to: [" Police ", "", "Health"], on: Self.day, by: "Jo")
        #expect(outcome == PlanDocument.EditOutcome(ref: "1.1a", changes: ["owner Task group -> Police; Health"]))
        #expect(
            document.text
                == Self.plan
                .replacingOccurrences(of: "  - Owner: Task group\n", with: "  - Owner: Police; Health\n")
                .replacingOccurrences(
                    of: "R -> A\n", with: "R -> A\n  - Owner 2026-02-01 (Jo): Task group -> Police; Health\n"))
        let action = try #require(document.plan.action(ref: "1.1a"))
        #expect(action.owners == ["Police", "Health"])
        #expect(action.history.last?.change == .owner(from: ["Task group"], to: ["Police", "Health"]))
    }

    @Test func setOwnersInCRLFKeepsCRLF() throws {
        let crlf = Self.plan.replacingOccurrences(of: "\n", with: "\r\n")
        var document = try parse(crlf)
        try document.setOwners(ref: "1.1b", to: ["Police"], on: Self.day, by: nil)
        #expect(
            document.text
                == crlf
                .replacingOccurrences(of: "  - Owner: Learning group\r\n", with: "  - Owner: Police\r\n")
                .replacingOccurrences(
                    of: "  - Due: 2026-03-31\r\n",
                    with: "  - Due: 2026-03-31\r\n  - Owner 2026-02-01: Learning group -> Police\r\n"))
    }

    @Test func setOwnersKeepsTabsAndTheSpellingOwners() throws {
        let tabbed = planHeader + "- [A] 1.1a Act.\n\t- Owners:\tX\n\t- Due: 2026-01-01\n"
        var document = try parse(tabbed)
        try document.setOwners(ref: "1.1a", to: ["X", "Y"], on: Self.day, by: nil)
        #expect(
            document.text == planHeader
                + "- [A] 1.1a Act.\n\t- Owners:\tX; Y\n\t- Due: 2026-01-01\n\t- Owner 2026-02-01: X -> X; Y\n")
    }

    @Test func setOwnersReplacesAMultiLineValueWithOneLine() throws {
        let text =
            planHeader
            + "- [A] 1.1a Act.\n  - Owner: Police;\n    <!-- who else? -->\n    Health\n  - Due: 2026-01-01\n"
        var document = try parse(text)
        try document.setOwners(ref: "1.1a", to: ["Police", "Schools"], on: Self.day, by: "Jo")
        #expect(
            document.text == planHeader + """
                - [A] 1.1a Act.
                  - Owner: Police; Schools
                    <!-- who else? -->
                  - Due: 2026-01-01
                  - Owner 2026-02-01 (Jo): Police; Health -> Police; Schools

                """)
    }

    @Test func setOwnersAddsTheFirstFieldAfterTheText() throws {
        let text =
            planHeader + "- [A] 1.1a Act,\n  over two lines.\n  - Due: 2026-01-01\n  - Note 2026-01-05 (Jo): Started.\n"
        var document = try parse(text)
        let outcome = try document.setOwners(ref: "1.1a", to: ["Police"], on: Self.day, by: "Jo")
        #expect(outcome.changes == ["owner none -> Police"])
        #expect(
            document.text == planHeader + """
                - [A] 1.1a Act,
                  over two lines.
                  - Owner: Police
                  - Due: 2026-01-01
                  - Note 2026-01-05 (Jo): Started.
                  - Owner 2026-02-01 (Jo): none -> Police

                """)
        #expect(document.plan.action(ref: "1.1a")?.text == "Act,\nover two lines.")
    }

    @Test func ownerAndDueOnAnActionWithoutFieldsOrFinalNewline() throws {
        let text = String(Self.plan.dropLast())
        var document = try parse(text)
        try document.setOwners(ref: "2.1a", to: ["Schools"], on: Self.day, by: "Jo")
        #expect(document.text == text + "\n  - Owner: Schools\n  - Owner 2026-02-01 (Jo): none -> Schools")
        let outcome = try document.setDue(ref: "2.1a", to: "28 February 2026", on: Self.day, by: "Jo")
        #expect(outcome.changes == ["due none -> 2026-02-28"])
        #expect(
            document.text == text
                + "\n  - Owner: Schools\n  - Due: 2026-02-28\n  - Owner 2026-02-01 (Jo): none -> Schools\n  - Due 2026-02-01 (Jo): none -> 2026-02-28"
        )
        #expect(document.warnings.allSatisfy { !$0.message.contains("2.1a") })
    }

    @Test func sameOwnersChangeNothing() throws {
        var document = try parse(Self.plan)
        #expect(try !document.setOwners(ref: "1.1a", to: ["  Task group ", ""], on: Self.day, by: "Jo").changed)
        let multiLine = planHeader + "- [A] 1.1a Act.\n  - Owner: Head of\n    Service; Police\n  - Due: 2026-01-01\n"
        var other = try parse(multiLine)
        #expect(try !other.setOwners(ref: "1.1a", to: ["Head of Service", "Police"], on: Self.day, by: nil).changed)
        #expect(document.text == Self.plan)
        #expect(other.text == multiLine)
    }

    @Test func refusedOwnersLeaveTheDocumentAlone() throws {
        var document = try parse(Self.plan)
        func refused(_ owners: [String], by author: String? = nil) -> PlanDocument.EditError? {
            do {
                try document.setOwners(ref: "1.1a", to: owners, on: Self.day, by: author)
                return nil
            } catch { return error }
        }
        #expect(refused([]) == .invalidText("give at least one owner"))
        #expect(refused(["", "  "]) == .invalidText("give at least one owner"))
        #expect(
            refused(["Police;Health"])
                == .invalidText("an owner's name cannot contain `;`, which separates owners: 'Police;Health'"))
        #expect(refused(["Police\nHealth"]) == .invalidText("an owner's name must be on one line: 'Police\\nHealth'"))
        #expect(refused(["Bell\u{7}"]) == .invalidText("an owner's name contains a control character: 'Bell\\u{7}'"))
        #expect(refused(["Tab\there"]) == .invalidText("an owner's name contains a control character: 'Tab\there'"))
        #expect(
            refused(["Old -> New"])
                == .invalidText(
                    "an owner's name cannot contain `->` or `→`, which history lines use between the old and new values"
                ))
        #expect(
            refused(["X"], by: "Jo (Police)")
                == .invalidText("a name cannot contain brackets, line breaks or control characters: 'Jo (Police)'"))
        #expect(throws: PlanDocument.EditError.unknownRef("1.1z", suggestions: ["1.1a", "1.1b"])) {
            try document.setOwners(ref: "1.1z", to: ["X"], on: Self.day, by: nil)
        }
        #expect(document.text == Self.plan)
    }

    // MARK: - Due dates

    @Test(
        arguments: [
            ("2026-04-30", "2026-04-30", "2026-04-30"),
            ("30/04/2026", "2026-04-30", "2026-04-30"),
            (" 30 April 2026 ", "2026-04-30", "2026-04-30"),
            ("  To be determined\n", "To be determined", nil),
            ("New process launched on 9 January 2027", "New process launched on 9 January 2027", "2027-01-09"),
            ("2026-04-30 or 2026-05-31", "2026-04-30 or 2026-05-31", nil),
        ] as [(String, String, String?)])
    func setDueStoresDatesInISOAndTextAsWritten(typed: String, stored: String, derived: String?) throws {
        var document = try parse(Self.plan)
        let outcome = try document.setDue(ref: "1.1a", to: typed, on: Self.day, by: "Jo")
        #expect(outcome.changes == ["due 2026-02-28 -> \(stored)"])
        #expect(
            document.text
                == Self.plan
                .replacingOccurrences(of: "  - Due: 2026-02-28\n", with: "  - Due: \(stored)\n")
                .replacingOccurrences(
                    of: "R -> A\n", with: "R -> A\n  - Due 2026-02-01 (Jo): 2026-02-28 -> \(stored)\n"))
        let action = try #require(document.plan.action(ref: "1.1a"))
        #expect(action.due == Due(text: stored, date: derived.map(date)))
        #expect(action.history.last?.change == .due(from: "2026-02-28", to: stored))
    }

    @Test(arguments: ["2026-02-28", "28/02/2026", "28 February 2026", " 28 Feb 2026 "])
    func sameDueChangesNothing(typed: String) throws {
        var document = try parse(Self.plan)
        #expect(try !document.setDue(ref: "1.1a", to: typed, on: Self.day, by: nil).changed)
        #expect(document.text == Self.plan)
    }

    @Test func setDueInCRLFWithTabsAndAMultiLineValue() throws {
        let text =
            (planHeader
            + "- [A] 1.1a Act.\n\t- Owner: X\n\t- Due: When the new\n\t  system is live\n\t- Note 2026-01-05: n\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        var document = try parse(text)
        let outcome = try document.setDue(ref: "1.1a", to: "30/06/2026", on: Self.day, by: nil)
        #expect(outcome.changes == ["due When the new system is live -> 2026-06-30"])
        #expect(
            document.text
                == (planHeader
                + "- [A] 1.1a Act.\n\t- Owner: X\n\t- Due: 2026-06-30\n\t- Note 2026-01-05: n\n\t- Due 2026-02-01: When the new system is live -> 2026-06-30\n")
                .replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func setDueAddsTheFieldAfterOwnerOrFirst() throws {
        let text = planHeader + "- [A] 1.1a Act.\n  - Note 2026-01-05: n\n  - Owner: X\n- [A] 1.1b Bare.\n"
        var document = try parse(text)
        try document.setDue(ref: "1.1a", to: "To be determined", on: Self.day, by: nil)
        try document.setDue(ref: "1.1b", to: "2026-04-30", on: Self.day, by: nil)
        #expect(
            document.text == planHeader + """
                - [A] 1.1a Act.
                  - Note 2026-01-05: n
                  - Owner: X
                  - Due: To be determined
                  - Due 2026-02-01: none -> To be determined
                - [A] 1.1b Bare.
                  - Due: 2026-04-30
                  - Due 2026-02-01: none -> 2026-04-30

                """)
    }

    @Test func refusedDueDatesLeaveTheDocumentAlone() throws {
        var document = try parse(Self.plan)
        func refused(_ text: String) -> PlanDocument.EditError? {
            do {
                try document.setDue(ref: "1.1a", to: text, on: Self.day, by: nil)
                return nil
            } catch { return error }
        }
        #expect(
            refused(" ")
                == .invalidText(
                    "the due date is empty; type a date such as 2026-04-30, or text such as 'To be determined'"))
        #expect(refused("2026-02-30") == .invalidText("'2026-02-30' is not a date: February 2026 has 28 days"))
        #expect(refused("30/02/2026") == .invalidText("'30/02/2026' is not a date: February 2026 has 28 days"))
        #expect(
            refused("Launch by 31 June 2026") == .invalidText("'31 June 2026' is not a date: June 2026 has 30 days"))
        #expect(refused("March\n2026") == .invalidText("a due date must be on one line"))
        #expect(
            refused("soon\u{1B}[2J")
                == .invalidText("the due date contains a control character; remove it and try again"))
        #expect(
            refused("March -> April")
                == .invalidText(
                    "a due date cannot contain `->` or `→`, which history lines use between the old and new values"))
        #expect(document.text == Self.plan)
    }

    // MARK: - Text

    @Test func setTextRewritesTheActionLine() throws {
        var document = try parse(Self.plan)
        let outcome = try document.setText(ref: "1.1b", to: "  Train all staff.  ")
        #expect(outcome == PlanDocument.EditOutcome(ref: "1.1b", changes: ["text updated"]))
        #expect(document.text == Self.plan.replacingOccurrences(of: "1.1b Train staff.", with: "1.1b Train all staff."))
    }

    static let bulleted =
        planHeader + """
            - [A] 1.1a Improve audits:
              - monthly audits;
              - quarterly reports.

              Report to the board.
              <!-- a comment before the fields stays -->
              - Owner: X
              - Due: 2026-01-01

            """

    @Test func setTextReplacesBulletsAndParagraphs() throws {
        var document = try parse(Self.bulleted)
        try document.setText(
            ref: "1.1a", to: "Improve case audits:\r\n- monthly;\n    - with sampling;   \n\n\n\nReport quarterly.\n\n")
        #expect(
            document.text == planHeader + """
                - [A] 1.1a Improve case audits:
                  - monthly;
                      - with sampling;

                  Report quarterly.
                  <!-- a comment before the fields stays -->
                  - Owner: X
                  - Due: 2026-01-01

                """)
        #expect(
            document.plan.action(ref: "1.1a")?.text
                == "Improve case audits:\n- monthly;\n    - with sampling;\n\nReport quarterly.")
        try document.setText(ref: "1.1a", to: "Just one line.")
        #expect(
            document.text == planHeader
                + "- [A] 1.1a Just one line.\n  <!-- a comment before the fields stays -->\n  - Owner: X\n  - Due: 2026-01-01\n"
        )
    }

    @Test func setTextOnTheLastActionWithoutFinalNewline() throws {
        let text = String(Self.plan.dropLast())
        var document = try parse(text)
        try document.setText(ref: "2.1a", to: "Bare action:\n- first\n- second")
        #expect(
            document.text
                == text.replacingOccurrences(
                    of: "2.1a Bare action with no fields.",
                    with: "2.1a Bare action:\n  - first\n  - second"))
        try document.setText(ref: "2.1a", to: "Short again.")
        #expect(document.text == text.replacingOccurrences(of: "Bare action with no fields.", with: "Short again."))
    }

    @Test func setTextFollowsCRLFAndTabs() throws {
        let text = (planHeader + "- [A] 1.1a Act.\n\t- Owner: X\n\t- Due: 2026-01-01\n").replacingOccurrences(
            of: "\n", with: "\r\n")
        var document = try parse(text)
        try document.setText(ref: "1.1a", to: "Act now.\n\nThen review.")
        #expect(
            document.text
                == (planHeader + "- [A] 1.1a Act now.\n\n\tThen review.\n\t- Owner: X\n\t- Due: 2026-01-01\n")
                .replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(document.plan.action(ref: "1.1a")?.text == "Act now.\n\nThen review.")
    }

    @Test func setTextOnAnActionLineWithoutText() throws {
        let text = planHeader + "- [A] 1.1a\n  The text is below.\n  - Owner: X\n  - Due: 2026-01-01\n"
        var document = try parse(text)
        try document.setText(ref: "1.1a", to: "Now on the line.")
        #expect(document.text == planHeader + "- [A] 1.1a Now on the line.\n  - Owner: X\n  - Due: 2026-01-01\n")
    }

    @Test func sameTextChangesNothing() throws {
        var document = try parse(Self.bulleted)
        let same = "Improve audits:\n- monthly audits;\n- quarterly reports.\n\nReport to the board."
        #expect(try !document.setText(ref: "1.1a", to: "\n" + same + "  \n\n").changed)
        #expect(document.text == Self.bulleted)
    }

    @Test func refusedTextLeavesTheDocumentAlone() throws {
        var document = try parse(Self.plan)
        func refused(_ text: String) -> PlanDocument.EditError? {
            do {
                try document.setText(ref: "1.1a", to: text)
                return nil
            } catch { return error }
        }
        func field(_ line: Int, _ start: String) -> PlanDocument.EditError {
            .invalidText(
                "line \(line) of the text starts with `\(start)`, so the file would read it as a field of the action; "
                    + "reword it, e.g. without the leading `- `")
        }
        #expect(refused(" \n \n") == .invalidText("the text is empty"))
        #expect(refused("bell \u{7}") == .invalidText("the text contains a control character; remove it and try again"))
        #expect(refused("First\n- Owner: Police") == field(2, "- Owner"))
        #expect(refused("First\n- owners:") == field(2, "- owners"))
        #expect(refused("First\n\n  - Note 2026-01-01 (Jo): x") == field(3, "- Note"))
        #expect(refused("First\n- Due 2 weeks after launch") == field(2, "- Due"))
        #expect(refused("First\n- Status: G") == field(2, "- Status"))
        #expect(
            refused("First\n<!-- hidden")
                == .invalidText(
                    "line 2 of the text starts with `<!--`, which the file would read as the start of a comment"))
        #expect(throws: PlanDocument.EditError.unknownRef("9.9a", suggestions: [])) {
            try document.setText(ref: "9.9a", to: "x")
        }
        #expect(document.text == Self.plan)
        // A first line like that is fine: it sits on the action line.
        try document.setText(ref: "1.1a", to: "- Owner: is not a field here\n- Owner of the policy: neither")
        #expect(document.plan.action(ref: "1.1a")?.owners == ["Task group"])
    }

    // MARK: - History and time travel

    @Test func asOfReadsTheHistoryTheEditsWrite() throws {
        var document = try parse(Self.plan)
        try document.setOwners(ref: "1.1b", to: ["Police", "Health"], on: date("2026-02-10"), by: "Jo")
        try document.setDue(ref: "1.1b", to: "30/04/2026", on: date("2026-02-10"), by: "Jo")
        let plan = document.plan
        let before = try #require(plan.asOf(date("2026-02-09")).action(ref: "1.1b"))
        #expect(before.owners == ["Learning group"])
        #expect(before.due == Due(text: "2026-03-31", date: date("2026-03-31")))
        for day in ["2026-02-10", "2026-03-01"] {
            let after = try #require(plan.asOf(date(day)).action(ref: "1.1b"))
            #expect(after.owners == ["Police", "Health"])
            #expect(after.due == Due(text: "2026-04-30", date: date("2026-04-30")))
        }
        #expect(plan.asOf(date("2026-03-09")).action(ref: "1.1b")?.isOverdue(on: date("2026-04-01")) == false)
        #expect(plan.asOf(date("2026-02-09")).action(ref: "1.1b")?.isOverdue(on: date("2026-04-01")) == true)
    }

    // MARK: - Odd but valid files

    @Test(arguments: RoundTripTests.files)
    func actionsAtEveryKindOfPositionCanBeEdited(_ url: URL) throws {
        let original = try PlanDocument(data: try Data(contentsOf: url))
        // First, last, and a spread between: each edit re-parses the whole file.
        let actions = original.plan.actions
        let sample = actions.indices.filter { $0 % 5 == 0 || $0 == actions.count - 1 }.map { actions[$0] }
        for action in sample {
            var document = original
            try document.setOwners(ref: action.ref, to: ["Someone new"], on: Self.day, by: "Test")
            try document.setDue(ref: action.ref, to: "31/01/2027", on: Self.day, by: "Test")
            try document.setText(ref: action.ref, to: "Reworded:\n- one\n- two\n\nAnd a paragraph.")
            let edited = try #require(document.plan.action(ref: action.ref))
            #expect(edited.owners == ["Someone new"])
            #expect(edited.due == Due(text: "2027-01-31", date: date("2027-01-31")))
            #expect(edited.text == "Reworded:\n- one\n- two\n\nAnd a paragraph.")
            #expect(edited.notes.map(\.text) == action.notes.map(\.text))
            #expect(edited.status == action.status)
            #expect(document.plan.actions.count == original.plan.actions.count)
        }
    }
}
