import Foundation
import Testing

@testable import PlanCore

/// The board pack exports (`actionplan export`, `snapshot`): golden files on the
/// example plan, figures worked out by hand, and hostile text in every field.
@Suite("Exports")
struct ExportTests {
    // MARK: - Golden files

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")

    /// The example plan as at its last update round, with changes since its last review.
    static func examplePack() throws -> BoardPack {
        let url = try #require(Fixtures.examplePlans.first { $0.lastPathComponent == "example-jtai.plan" })
        let plan = try PlanFile.load(url.path).plan
        return BoardPack(plan: plan, asOf: date("2026-11-10"), since: date("2026-10-28"))
    }

    @Test(arguments: ExportFormat.allCases)
    func goldenFile(_ format: ExportFormat) throws {
        let text = format.render(try Self.examplePack(), path: "plans/example-jtai.plan")
        assertGolden(Data(text.utf8), named: "example-jtai.\(format.fileExtension)")
    }

    @Test func exampleFigures() throws {
        let pack = try Self.examplePack()
        #expect(
            pack.summary.overall.total == 72 && pack.summary.overall.complete == 47 && pack.summary.overall.overdue == 7
        )
        #expect(pack.redOrOverdue.map(\.ref) == ["1.2d", "2.1d", "3.4c", "6.2c", "6.3c", "2.3c", "3.2d", "3.3b"])
        #expect(pack.trend.points.last?.date == date("2026-11-10"))
        #expect(pack.since == date("2026-10-28"))
        // Without --since, the plan's "Last reviewed" date.
        #expect(BoardPack(plan: pack.plan, asOf: date("2026-11-10")).since == date("2026-10-28"))
    }

    // MARK: - As of a day, by hand

    /// Four actions; `Last reviewed` 2026-02-01. As of 2026-02-05 (worked out by hand):
    /// 1.1a is green (since 20 January); 1.1b is still amber, and its due date was
    /// still 31 January (moved on 10 February), so it is overdue; 2.1a is amber, due
    /// 15 February, not yet overdue; 2.1b was only added on 20 February.
    static let smallPlan = """
        # Small board plan
        - Period: 2025 to 2026
        - As at: 2026-03-01
        - Last reviewed: 2026-02-01, Improvement Board
        - Status R (Red): Late
        - Status A (Amber): On track
        - Status G (Green): Done

        ## 1 Hearing children
        ### 1.1 Recording
        - Needs to improve: Records.

        - [G] 1.1a Publish guidance.
          - Owner: Sam Patel
          - Due: 2026-01-31
          - Added 2025-10-01
          - Status 2026-01-20 (Jo): A -> G
          - Note 2026-01-20 (Jo): Published.
        - [R] 1.1b Train staff.

          Second paragraph of the action.
          - Owner: Police; Health
          - Due: 2026-04-30
          - Due 2026-02-10 (Jo): 2026-01-31 -> 2026-04-30
          - Status 2026-02-10 (Jo): A -> R
          - Note 2026-02-12 (Jo): The trainer left.

        ## 2 Keeping children in view
        ### 2.1 Appointments
        - [A] 2.1a Follow up missed appointments.
          - Owner: Designated Nurse
          - Due: 2026-02-15
          - Added 2025-10-01
        - [A] 2.1b Added later.
          - Owner: Schools
          - Due: To be agreed
          - Added 2026-02-20

        """

    @Test func asOfADayByHand() throws {
        let plan = try parse(Self.smallPlan).plan
        let pack = BoardPack(plan: plan, asOf: date("2026-02-05"))
        #expect(pack.since == date("2026-02-01"))  // Last reviewed
        let overall = pack.summary.overall
        #expect((overall.total, overall.complete, overall.overdue) == (3, 1, 1))
        #expect((overall[.red], overall[.amber], overall[.green]) == (0, 2, 1))
        #expect(pack.redOrOverdue.map(\.ref) == ["1.1b"])
        #expect(pack.changes.isEmpty)
        #expect(
            pack.trend.points.map { "\($0.date.iso) \($0.counts.complete)/\($0.counts.total)" }
                == ["2025-10-31 0/3", "2025-11-30 0/3", "2025-12-31 0/3", "2026-01-31 1/3", "2026-02-05 1/3"])
        // overdue: 1.1b; not updated since 1 February: 1.1b and 2.1a.
        #expect(
            pack.summary.attention.map { "\($0.check.rawValue) \($0.count)" }
                == ["overdue 1", "green-without-note 0", "not-updated 2", "due-moved-often 0", "red-without-note 0"])

        let md = BoardPackMarkdown.render(pack)
        #expect(
            md.hasPrefix(
                "# Small board plan\n\nUpdated as at 1 March 2026; figures as of 5 February 2026; changes since 1 February 2026.\n"
            ))
        #expect(md.contains("\n3 actions, 1 complete (33%), 1 overdue.\n"))
        #expect(md.contains("| A Amber | 2 | 67% | On track |\n"))
        #expect(md.contains("| 1 Hearing children | 2 | 0 | 1 | 1 | 50% | 1 |\n"))
        #expect(md.contains("| 2 Keeping children in view | 1 | 0 | 1 | 0 | 0% | 0 |\n"))
        #expect(md.contains("| 1.1b | Amber (A) | Train staff. | Police; Health | 31 Jan 2026 (overdue) | none |\n"))
        #expect(md.contains("Nothing changed in this period."))
        #expect(!md.contains("2.1b"))
        #expect(!md.contains("The trainer left"))  // a note from after the day

        let csv = BoardPackCSV.render(pack)
        #expect(
            csv.contains(
                "\r\n1 Hearing children,1.1 Recording,1.1b,\"Train staff.\r\n\r\nSecond paragraph of the action.\",Police; Health,2026-01-31,2026-01-31,Amber,yes,,\r\n"
            ))
        #expect(!csv.contains("2.1b"))

        let json = try object(BoardPackJSON.render(pack, path: "small.plan").serialized())
        #expect(json["asOf"] as? String == "2026-02-05" && json["since"] as? String == "2026-02-01")
        #expect(json["total"] as? Int == 3 && json["complete"] as? Int == 1 && json["overdue"] as? Int == 1)
        #expect(json["percentComplete"] as? Double == 33.3)
        #expect(json["redOrOverdue"] as? [String] == ["1.1b"])

        let html = BoardPackHTML.render(pack)
        #expect(html.contains("<div class=\"figure\"><strong>33%</strong>complete (1 of 3 actions)</div>"))
        #expect(
            html.contains(
                "<text x=\"656\" y=\"130.3\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\">33%</text>"))
    }

    @Test func laterDayWithChanges() throws {
        let plan = try parse(Self.smallPlan).plan
        let pack = BoardPack(plan: plan, asOf: date("2026-03-01"), since: date("2026-02-01"))
        #expect(pack.redOrOverdue.map(\.ref) == ["1.1b", "2.1a"])  // red first, then overdue
        #expect(pack.changes.moves(in: .newlyRed).map(\.ref) == ["1.1b"])
        #expect(pack.changes.added.map(\.ref) == ["2.1b"])
        let md = BoardPackMarkdown.render(pack)
        #expect(
            md.contains(
                "## Changes since the last review (1 February 2026)\n\nFrom 1 February 2026 to 1 March 2026: 33% -> 25% complete"
            ))
        #expect(
            md.contains(
                "\n### Newly red (1)\n\n| Ref | From | To | Action |\n|---|---|---|---|\n| 1.1b | Amber | Red | Train staff. |\n"
            ))
        #expect(md.contains("\n##### 1.1b · Red (R)\n\n**Owners:** Police; Health  \n**Due:** 30 Apr 2026\n"))
        #expect(md.contains("- **12 February 2026**, Jo: The trainer left.\n"))
        // A since after the day is the day itself.
        #expect(BoardPack(plan: plan, asOf: date("2026-01-10")).since == date("2025-12-11"))
        #expect(BoardPack(plan: plan, asOf: date("2026-01-10"), since: date("2026-02-01")).since == date("2026-01-10"))
    }

    @Test func notesNewestFirst() throws {
        let plan = try parse(
            planHeader + """
                - [A] 1.1a Act.
                  - Owner: X
                  - Due: 2026-05-01
                  - Note 2026-01-05: First.
                  - Note 2026-03-01: Third.
                  - Note 2026-02-01: Second.
                  - Note 2026-03-01: Fourth, later in the file.

                """
        ).plan
        #expect(
            BoardPack.notesNewestFirst(plan.actions[0]).map(\.text) == [
                "Fourth, later in the file.", "Third.", "Second.", "First.",
            ])
    }

    // MARK: - Hostile text

    /// Markup, quotes, ampersands, a right-to-left override and an escape sequence in
    /// every kind of field a plan has.
    static let hostilePlan = """
        # Plan <script>alert("title")</script> & "more"
        - Period: "><img src=x onerror=alert(1)> period
        - As at: 2026-03-01
        - Last reviewed: 2026-02-01, Board <script>alert('by')</script>
        - Status R (Red): <script>alert('key')</script>
        - Status A (Partner's amber): "><img src=x onerror=alert(1)>
        - Status G (Green): Done & dusted
        - Board's chair: <script>alert('extra')</script> \u{202E}evil\u{1B}[31mred

        Intro <script>alert('intro')</script> & \u{1B}]0;title\u{07}

        ## Glossary
        - O'Brien's term: "><img src=x onerror=alert(1)> & <script>alert('glossary')</script>

        ## Notes <script>alert('text section')</script>
        Body "><img src=x onerror=alert(1)> & more

        ## 1 Section <script>alert('section')</script> "quoted" & 'single'
        Description \u{202E}reversed "><img src=x onerror=alert(1)>

        ### 1.1 Area <script>alert('area')</script> & "><img src=x onerror=alert(1)>
        - Needs to improve: <script>alert('needs')</script> & \u{1B}[2J
        - Priority action: "><img src=x onerror=alert(1)>
        - Inspectors found: 'quote' & <iframe src=x>
        - Partner's view: <script>alert('area extra')</script>

        - [A] 1.1a Action <script>alert('action')</script> "><img src=x onerror=alert(1)> & \u{202E}txet
          - Owner: <script>alert('owner')</script>; "><img src=x onerror=alert(1)>; Tom & Jerry
          - Due: 2026-02-28 <script>x</script>
          - Note 2026-02-10 (<b onmouseover='alert'>Jo</b>): Note <script>alert('note')</script> "><img src=x onerror=alert(1)> \u{1B}[31m
          - Status 2026-02-15 (Jo): R -> A
          - Evidence: <script>alert('action extra')</script> & "><img src=x onerror=alert(1)>
        - [R] 1.1b Second <svg onload=alert(1)>
          - Owner: X
          - Due: To be <script>agreed</script>
          - Status 2026-02-20: A -> R

        """

    static func hostilePack() throws -> BoardPack {
        BoardPack(plan: try parse(hostilePlan).plan, asOf: date("2026-03-01"), since: date("2026-02-01"))
    }

    @Test func hostileTextIsEscapedInHTML() throws {
        let pack = try Self.hostilePack()
        // Every field holds something hostile, so every field is rendered below.
        #expect(pack.plan.glossary.count == 1 && pack.plan.textSections.count == 2 && pack.headerFields.count == 1)
        let html = BoardPackHTML.render(pack)

        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img") && !html.contains("<iframe") && !html.contains("<b ") && !html.contains("<b>"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(!html.unicodeScalars.contains("\u{1B}") && !html.unicodeScalars.contains("\u{07}"))
        // The text is there, visibly escaped.
        #expect(
            html.contains("<h1>Plan &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;more&quot;</h1>"))
        #expect(
            html.contains(
                "<title>Plan &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;more&quot;: board pack, 1 March 2026</title>"
            ))
        #expect(html.contains("\\u{202E}evil\\e[31mred"))
        #expect(html.contains("Tom &amp; Jerry"))
        #expect(html.contains("Partner&#39;s amber"))

        // Every tag is well formed, from a short list of harmless elements, and no
        // attribute value holds a quote or an angle bracket.
        let allowed: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "h5", "h6", "p", "dl",
            "dt",
            "dd", "div", "strong", "span", "table", "thead", "tbody", "tr", "th", "td", "a", "section", "article", "ol",
            "ul", "li", "time", "figure", "figcaption", "svg", "g", "line", "polyline", "circle", "rect", "text",
        ]
        let tag = try Regex(#"^<(/?)([a-z][a-z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<>]*")*)\s*/?>$"#)
        var tags = 0
        var rest = html[...]
        #expect(rest.hasPrefix("<!DOCTYPE html>\n"))
        rest = rest.dropFirst("<!DOCTYPE html>".count)
        while let open = rest.firstIndex(of: "<") {
            let close = try #require(rest[open...].firstIndex(of: ">"))
            let text = rest[open...close]
            let match = text.wholeMatch(of: tag)
            #expect(match != nil, "malformed tag: \(text)")
            if let match, let name = match.output[2].substring {
                #expect(allowed.contains(String(name)), "unexpected element: \(text)")
            }
            tags += 1
            rest = rest[rest.index(after: close)...]
        }
        #expect(tags > 100)
        // Every `&` starts one of the entities the escaper writes.
        let bareAmpersand = try Regex(#"&(?!(?:amp|lt|gt|quot|#39);)"#)
        #expect(html.firstMatch(of: bareAmpersand) == nil)
    }

    @Test func hostileTextIsEscapedInMarkdown() throws {
        let md = BoardPackMarkdown.render(try Self.hostilePack())
        // Every `<` is backslash-escaped, so none starts HTML.
        let characters = Array(md)
        #expect(!characters.indices.contains { characters[$0] == "<" && ($0 == 0 || characters[$0 - 1] != "\\") })
        #expect(md.contains("\\<script\\>alert('action')\\</script\\>"))
        #expect(!md.unicodeScalars.contains("\u{202E}") && !md.unicodeScalars.contains("\u{1B}"))
        #expect(md.contains("\\\\u\\{202E\\}txet"))  // `\u{202E}`, Markdown-escaped
    }

    @Test func htmlEscaper() {
        #expect(HTML.escaped(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escaped("a\u{202E}b\u{1B}[0m\nc") == "a\\u{202E}b\\e[0m\nc")
        #expect(
            HTML.prose("One\nline.\n\n- a\n- b\n\n1. x\n2. y")
                == "<p>One line.</p><ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol>")
    }

    @Test func htmlIsSelfContainedAndPrintable() throws {
        let html = BoardPackHTML.render(try Self.examplePack())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("@page {\n  size: A4; margin: 18mm 15mm 18mm;"))
        #expect(html.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"))
        #expect(html.contains("print-color-adjust: exact"))
        for external in ["<script", "<link", "@import", "url(", "@font-face", "src=\"http", "<img"] {
            #expect(!html.contains(external), "\(external)")
        }
        // Badges carry the letter as well as the colour.
        #expect(html.contains("<span class=\"badge rag-R\" title=\"Red\">R</span> Red"))
        // Both charts, with the % values and the legend as text.
        #expect(html.contains("<figure id=\"trend-chart\">") && html.contains("<figure id=\"rag-chart\">"))
        #expect(html.contains(">65%</text>"))
        #expect(html.contains(">Not started</text>"))
    }

    // MARK: - CSV

    @Test func csvOpensInExcel() throws {
        let plan = try parse(
            planHeader + """
                - [A] 1.1a =HYPERLINK("http://x")
                  - Owner: -1+1
                  - Due: +cmd
                  - Note 2026-01-05 (Jo): @SUM(A1)
                  - Evidence: x
                - [A] 1.1b First paragraph, with a comma.

                  Second paragraph "quoted".
                  - Owner: Sam
                  - Due: 2026-02-01
                  - Note 2026-01-06: Line one
                    continues here.

                    - a list item

                """
        ).plan
        let csv = BoardPackCSV.render(BoardPack(plan: plan, asOf: date("2026-03-01")))
        let bytes = Array(csv.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        // Every line ends with CRLF, including those inside quoted cells.
        #expect(!bytes.enumerated().contains { $0.element == 0x0A && ($0.offset == 0 || bytes[$0.offset - 1] != 0x0D) })
        #expect(csv.hasSuffix("\r\n"))
        // The extra field `- Evidence:` is a column of its own, empty for actions without it.
        #expect(
            csv.hasPrefix(
                "\u{FEFF}Section,Area,Ref,Action,Owners,Due,Due date,RAG,Overdue,Latest note date,Latest note,Evidence\r\n"
            ))
        #expect(
            csv.contains(",1.1a,\"'=HYPERLINK(\"\"http://x\"\")\",'-1+1,'+cmd,,Amber,no,2026-01-05,'@SUM(A1),x\r\n"))
        #expect(
            csv.contains(
                ",1.1b,\"First paragraph, with a comma.\r\n\r\nSecond paragraph \"\"quoted\"\".\",Sam,2026-02-01,2026-02-01,Amber,yes,2026-01-06,\"Line one continues here.\r\n\r\n- a list item\",\r\n"
            ))

        let rows = try parseCSV(String(csv.dropFirst()))
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == BoardPackCSV.header.count + 1 })
        #expect(rows[2][3] == "First paragraph, with a comma.\r\n\r\nSecond paragraph \"quoted\".")
    }

    @Test func csvNeutralisesEveryFormulaStart() throws {
        let writer = CSVWriter(lineEnding: "\r\n", neutraliseFormulas: true)
        for (raw, cell) in [
            ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("plain", "plain"),
        ] {
            #expect(writer.row([raw]) == cell + "\r\n", "\(raw)")
        }
    }

    // MARK: - JSON

    @Test func jsonHasEveryFieldAndRoundTrips() throws {
        let pack = try Self.examplePack()
        let text = BoardPackJSON.render(pack, path: "plans/example-jtai.plan").serialized()
        let json = try object(text)
        let plan = pack.plan
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["plan"] as? String == "plans/example-jtai.plan")
        #expect(json["title"] as? String == plan.title)
        #expect(json["period"] as? String == "September 2025 – March 2027")
        #expect(json["asAt"] as? String == "2026-11-10")
        let reviewed = try #require(json["lastReviewed"] as? [String: Any])
        #expect(
            reviewed["date"] as? String == "2026-10-28" && reviewed["by"] as? String == "Exploitation Improvement Board"
        )
        #expect((json["statusKey"] as? [[String: Any]])?.map { $0["code"] as? String } == ["R", "A", "G", "B", "N"])
        #expect((json["extraFields"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Board", "Inspection"])
        #expect(json["introduction"] as? String == plan.introduction)
        #expect((json["glossary"] as? [Any])?.count == 10)
        #expect(
            (json["textSections"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Glossary", "Governance"])
        #expect(json["total"] as? Int == 72 && json["complete"] as? Int == 47 && json["overdue"] as? Int == 7)
        #expect(
            (json["byStatus"] as? [String: Int]) == ["red": 5, "amber": 17, "green": 39, "blue": 8, "not-started": 3])
        #expect((json["attention"] as? [[String: Any]])?.first?["count"] as? Int == 7)
        #expect((json["trend"] as? [[String: Any]])?.last?["date"] as? String == "2026-11-10")
        let changes = try #require(json["changes"] as? [String: Any])
        #expect(changes["since"] as? String == "2026-10-28" && changes["until"] as? String == "2026-11-10")
        #expect((changes["notesAdded"] as? [Any])?.count == 3)

        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.count == plan.sections.count)
        var actions: [[String: Any]] = []
        for (section, object) in zip(plan.sections, sections) {
            #expect(object["number"] as? String == section.number && object["title"] as? String == section.title)
            #expect(object["description"] as? String == section.description)
            let areas = try #require(object["areas"] as? [[String: Any]])
            for (area, areaObject) in zip(section.areas, areas) {
                #expect(areaObject["title"] as? String == area.title)
                #expect(areaObject["needsToImprove"] as? String == area.needsToImprove)
                #expect(areaObject["inspectorsFound"] as? String == area.inspectorsFound)
                actions += try #require(areaObject["actions"] as? [[String: Any]])
            }
        }
        #expect(actions.count == plan.actions.count)
        for (action, object) in zip(plan.actions, actions) {
            #expect(object["ref"] as? String == action.ref)
            #expect(object["statusCode"] as? String == action.status.code)
            #expect(object["text"] as? String == action.text)
            #expect(object["owners"] as? [String] == action.owners)
            #expect((object["due"] as? [String: Any])?["text"] as? String == action.due?.text)
            #expect((object["notes"] as? [[String: Any]])?.map { $0["text"] as? String } == action.notes.map(\.text))
            #expect(object["overdue"] as? Bool == action.isOverdue(on: pack.asOf))
        }
    }

    @Test func exportFormatFromFileName() {
        #expect(ExportFormat(fileName: "pack.HTML") == .html)
        #expect(ExportFormat(fileName: "out/pack.markdown") == .md)
        #expect(ExportFormat(fileName: "pack.csv") == .csv && ExportFormat(fileName: "a.b/pack.json") == .json)
        #expect(ExportFormat(fileName: "pack.pdf") == nil && ExportFormat(fileName: "a.html/pack") == nil)
    }

    // MARK: - Helpers

    func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any], sourceLocation: sourceLocation)
    }

    /// RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks.
    func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append(chars.removeFirst()) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r", chars.first == "\n" {
                chars.removeFirst()
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            } else {
                field.unicodeScalars.append(c)
            }
        }
        #expect(!quoted && field.isEmpty && row.isEmpty, "CSV ends inside a record")
        return rows
    }
}

/// Compares an export with `Fixtures/golden/NAME`, byte for byte. A missing golden
/// file is written and the test fails, so that it is looked at before it is
/// committed; `GOLDEN_RECORD=1` rewrites them all.
func assertGolden(_ actual: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = ExportTests.goldenFolder.appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["GOLDEN_RECORD"] == "1"
    guard !record, let expected = try? Data(contentsOf: url) else {
        try? FileManager.default.createDirectory(at: ExportTests.goldenFolder, withIntermediateDirectories: true)
        try? actual.write(to: url)
        Issue.record("recorded golden file \(name); check it and run again", sourceLocation: sourceLocation)
        return
    }
    guard actual != expected else { return }
    let actualLines = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
    let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
    let first =
        zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, expectedLines.count)
    let got = first < actualLines.count ? actualLines[first] : "(end of file)"
    let wanted = first < expectedLines.count ? expectedLines[first] : "(end of file)"
    Issue.record(
        "golden file \(name) differs at line \(first + 1):\n  got:    \(got)\n  wanted: \(wanted)\n(GOLDEN_RECORD=1 rewrites it)",
        sourceLocation: sourceLocation)
}
