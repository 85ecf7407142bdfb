import Foundation
import Testing

@testable import PlanCore

@Suite("Queries, summaries and the plan as of a date")
struct QueryTests {
    static let text =
        planHeader + """
            - [G] 1.1a Done early.
              - Owner: Head of Service
              - Due: 2026-01-31
              - Added 2025-09-01
              - Status 2025-10-01: N -> A
              - Status 2026-01-20 (Jo): A -> G
              - Note 2026-01-20 (Jo): Finished.
            - [R] 1.1b Slipping.
              - Owner: Police; Health
              - Due: 2026-04-30
              - Due 2026-02-01 (Jo): 2026-01-31 -> 2026-03-31
              - Due 2026-03-01 (Jo): 2026-03-31 -> 2026-04-30
              - Status 2026-02-01 (Jo): A -> R
            ### 1.2 Area two
            - [A] 1.2a Added later.
              - Owner: Schools
              - Due: To be determined
              - Added 2026-02-15 (Jo)
            ## 2 Section two
            ### 2.1 Area
            - [A] 2.1a Owner changed.
              - Owner: New lead
              - Due: 2026-02-28
              - Owner 2026-02-10: Old lead -> New lead

            """

    @Test func filters() throws {
        let plan = try parse(Self.text).plan
        let day = date("2026-03-15")
        func refs(_ filter: ActionFilter) -> [String] { plan.actions(matching: filter, on: day).map(\.ref) }
        #expect(refs(ActionFilter()) == ["1.1a", "1.1b", "1.2a", "2.1a"])
        #expect(refs(ActionFilter(statuses: [.red, .green])) == ["1.1a", "1.1b"])
        #expect(refs(ActionFilter(owner: "HEALTH")) == ["1.1b"])
        #expect(refs(ActionFilter(overdueOnly: true)) == ["2.1a"])
        #expect(refs(ActionFilter(dueBefore: date("2026-02-28"))) == ["1.1a"])
        #expect(refs(ActionFilter(section: "2.")) == ["2.1a"])
        #expect(refs(ActionFilter(search: "finished")) == ["1.1a"])
        #expect(refs(ActionFilter(statuses: [.amber], section: "1")) == ["1.2a"])
    }

    @Test func summaryCountsPerStatusAndSection() throws {
        let summary = PlanSummary(plan: try parse(Self.text).plan, asOf: date("2026-03-15"))
        #expect(summary.overall.total == 4)
        #expect(summary.overall[.green] == 1 && summary.overall[.red] == 1 && summary.overall[.amber] == 2)
        #expect(summary.overall.percentComplete == 25)
        #expect(summary.overall.overdue == 1)
        #expect(summary.sections.map(\.counts.total) == [3, 1])
        #expect(summary.sections.map(\.counts.overdue) == [0, 1])
    }

    /// Figures worked out by hand from the history above.
    @Test(
        arguments: [
            // day, total, green, amber, red, not started, overdue
            ("2025-09-15", 3, 0, 2, 0, 1, 0),
            ("2026-01-19", 3, 0, 3, 0, 0, 0),
            ("2026-01-20", 3, 1, 2, 0, 0, 0),
            ("2026-02-01", 3, 1, 1, 1, 0, 0),
            ("2026-02-15", 4, 1, 2, 1, 0, 0),
            ("2026-04-01", 4, 1, 2, 1, 0, 1),
            ("2026-05-01", 4, 1, 2, 1, 0, 2),
        ] as [(String, Int, Int, Int, Int, Int, Int)])
    func asOfRebuildsTheFigures(
        day: String, total: Int, green: Int, amber: Int, red: Int, notStarted: Int, overdue: Int
    ) throws {
        let summary = PlanSummary(plan: try parse(Self.text).plan, asOf: date(day))
        let c = summary.overall
        let figures: [Int] = [c.total, c[.green], c[.amber], c[.red], c[.notStarted], c.overdue]
        #expect(figures == [total, green, amber, red, notStarted, overdue])
    }

    @Test func asOfRebuildsDueDatesOwnersAndNotes() throws {
        let plan = try parse(Self.text).plan
        let january = plan.asOf(date("2026-01-15"))
        #expect(january.action(ref: "1.1b")?.due == Due(text: "2026-01-31", date: date("2026-01-31")))
        #expect(january.action(ref: "1.1a")?.notes.isEmpty == true)
        #expect(january.action(ref: "2.1a")?.owners == ["Old lead"])
        #expect(january.action(ref: "1.2a") == nil)
        #expect(january.area(number: "1.2")?.actionRange.isEmpty == true)
        let february = plan.asOf(date("2026-02-20"))
        #expect(february.action(ref: "1.1b")?.due?.date == date("2026-03-31"))
        #expect(february.action(ref: "2.1a")?.owners == ["New lead"])
        #expect(plan.asOf(date("2027-01-01")).actions == plan.actions)
    }
}

@Suite("Dates")
struct DateTests {
    @Test func isoIsStrict() {
        #expect(DateText.parseISO("2024-02-29") == PlanDate(year: 2024, month: 2, day: 29))
        #expect(DateText.parseISO("2023-02-29") == nil)
        #expect(DateText.parseISO("2023-2-28") == nil)
        #expect(DateText.readISO("2023-2-28") == .impossible("'2023-2-28' is not an ISO date: write it as YYYY-MM-DD"))
        #expect(DateText.readISO("1.1a") == .notADate)
    }

    @Test(
        arguments: [
            ("2026-02-28", "2026-02-28"), ("28/02/2026", "2026-02-28"), ("1/3/26", "2026-03-01"),
            ("28 February 2026", "2026-02-28"), ("28 feb 2026", "2026-02-28"), ("3rd Sept 2026", "2026-09-03"),
            ("  9 January 2026 ", "2026-01-09"),
            ("30/02/2026", nil), ("February 2026", nil), ("next week", nil), ("2026-02-28 and 2026-03-01", nil),
        ] as [(String, String?)])
    func userDates(text: String, expected: String?) {
        #expect(DateText.parseUserDate(text)?.iso == expected)
    }

    @Test func arithmeticAndFormatting() {
        let d = date("2024-02-28")
        #expect(d.adding(days: 1).iso == "2024-02-29")
        #expect(d.adding(days: 2).iso == "2024-03-01")
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("2023-02-28").ukShort == "28 Feb 2023")
        #expect(date("2023-02-28").ukLong == "28 February 2023")
        #expect(PlanDate.today(environment: ["ACTIONPLAN_TODAY": "2026-03-01"]) == date("2026-03-01"))
    }

    @Test func statusSpellings() {
        for (input, status) in [
            ("red", Status.red), ("R", .red), ("Amber", .amber), ("g", .green), ("BLUE", .blue),
            ("not-started", .notStarted), ("Not started", .notStarted), ("n", .notStarted),
        ] {
            #expect(Status(userInput: input) == status)
        }
        #expect(Status(userInput: "purple") == nil)
    }
}

@Suite("Safe output")
struct OutputTests {
    @Test func terminalTextEscapesControlsAndBidi() {
        #expect(TerminalText.escaped("a\u{1B}[2Jb\u{7}\u{202E}c\u{0}") == "a\\e[2Jb\\u{7}\\u{202E}c\\0")
        #expect(TerminalText.escaped("line\nbreak\ttab", keepNewlines: true) == "line\nbreak\ttab")
        #expect(TerminalText.escaped("plain – “text” 中") == "plain – “text” 中")
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👩‍👧") == 2)
        #expect(DisplayWidth.truncate("中文中文", to: 5) == "中文…")
        #expect(DisplayWidth.fit("中", to: 4) == "中  ")
        #expect(DisplayWidth.fitRight("7", to: 3) == "  7")
    }

    @Test func jsonIsValidForAnyText() throws {
        let hostile = "quote\" back\\ nl\n nul\u{0} esc\u{1B} ls\u{2028} <script>"
        let json = JSONValue.object([("text", .string(hostile)), ("n", .double(53.25)), ("x", .null)]).serialized()
        #expect(
            json
                == "{\n  \"text\": \"quote\\\" back\\\\ nl\\n nul\\u0000 esc\\u001b ls\\u2028 <script>\",\n  \"n\": 53.3,\n  \"x\": null\n}"
        )
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["text"] as? String == hostile)
    }

    @Test func csvQuotesAndCanNeutraliseFormulas() {
        #expect(
            CSVWriter().row(["a", "b,c", "say \"hi\"", "two\nlines"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        )
        let excel = CSVWriter(lineEnding: "\r\n", neutraliseFormulas: true)
        #expect(
            excel.row(["=HYPERLINK(\"x\")", "-1", "+a", "@b", "ok\nyes"])
                == "\"'=HYPERLINK(\"\"x\"\")\",'-1,'+a,'@b,\"ok\r\nyes\"\r\n")
    }
}

@Suite("Safe output: JSON")
struct JSONSafetyTests {
    @Test func c1ControlsAndBidiOverridesAreEscapedToo() throws {
        let hostile = "csi\u{9B}31m rlo\u{202E} isolate\u{2066}x\u{2069} del\u{7F}"
        let json = JSONValue.string(hostile).serialized()
        #expect(json == #""csi\u009b31m rlo\u202e isolate\u2066x\u2069 del\u007f""#)
        #expect(
            try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? String == hostile)
    }
}
