import Foundation
import Testing

// Text from a plan is data: no command prints it in a way that a terminal would act
// on, no export turns it into markup or a formula, and JSON holds it exactly.

/// A valid plan with hostile text in every field: escape sequences (CSI, OSC with BEL),
/// an 8-bit CSI (U+009B), bidirectional overrides and isolates, HTML and formulas.
let hostileTextPlan = """
    # Plan \u{1B}[2J <script>alert(1)</script> \u{202E}evil
    - As at: 2026-02-01

    ## 1 Section \u{1B}]0;pwned\u{07} =HYPERLINK("http://x","y")

    ### 1.1 Area \u{9B}31m C1
    - [A] 1.1a =HYPERLINK("http://evil","click") \u{1B}[31mred\u{1B}[0m \u{202E}txet <script>alert('x')</script>
      - Owner: @SUM(1+1); \u{1B}[1mBold
      - Due: 2026-06-30
      - Note 2026-02-10 (\u{1B}[5mJo): +cmd|' /C calc'!A0 \u{202E}esrever
      - Status 2026-02-10 (Jo): R -> A
    - [G] 1.1b -2+3 \u{2066}isolate\u{2069}
      - Owner: Board
      - Due: 2026-01-31
      - Status 2026-02-20 (Jo): A -> G

    """

/// Scalars a terminal may act on: C0 controls but line feed and tab, DEL and C1
/// controls, bidirectional overrides and isolates.
func terminalControls(in text: String) -> [String] {
    text.unicodeScalars.filter { scalar in
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F..<0xA0).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
}

@Suite("Safe output: hostile text through every command", .tags(.endToEnd))
struct SafeOutputTests {
    @Test(
        "terminal output shows control characters escaped",
        arguments: [
            ["check", "h.plan"],
            ["list", "h.plan"],
            ["summary", "h.plan"],
            ["changes", "h.plan", "--since", "2026-01-01"],
            ["changes", "h.plan", "--since", "2026-01-01", "--format", "md"],
            ["trend", "h.plan"],
            ["note", "h.plan", "1.1a", "Checked.", "--by", "Tester"],
            ["set", "h.plan", "1.1b", "--rag", "amber", "--by", "Tester"],
        ])
    func terminalOutput(_ arguments: [String]) throws {
        let box = try Sandbox()
        try box.write("h.plan", hostileTextPlan)
        let result = try box.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(terminalControls(in: result.stdout + result.stderr) == [], "\(result)")
        #expect(!(result.stdout + result.stderr).isEmpty)
    }

    @Test("the text is still there, escaped: \\e for ESC, \\u{…} for the others")
    func escapedNotDropped() throws {
        let box = try Sandbox()
        try box.write("h.plan", hostileTextPlan)
        let list = try box.run(["list", "h.plan"])
        #expect(list.stdout.contains("\\e[31mred\\e[0m"), "\(list)")
        let summary = try box.run(["summary", "h.plan"])
        #expect(summary.stdout.hasPrefix("Plan \\e[2J <script>alert(1)</script> \\u{202E}evil\n"), "\(summary)")
        let check = try box.run(["check", "h.plan"])
        #expect(check.stderr.contains("h.plan:1:8: warning: control character U+1B in the text"), "\(check)")
    }

    @Test("JSON from list, summary and changes is valid and holds the text exactly")
    func json() throws {
        let box = try Sandbox()
        try box.write("h.plan", hostileTextPlan)
        let list = try box.run(["list", "h.plan", "--format", "json"])
        #expect(terminalControls(in: list.stdout) == [])
        let actions = try #require(try jsonObject(list.stdout)["actions"] as? [[String: Any]])
        #expect(
            actions.first?["text"] as? String
                == "=HYPERLINK(\"http://evil\",\"click\") \u{1B}[31mred\u{1B}[0m \u{202E}txet <script>alert('x')</script>"
        )
        #expect(actions.first?["owners"] as? [String] == ["@SUM(1+1)", "\u{1B}[1mBold"])
        let summary = try box.run(["summary", "h.plan", "--format", "json"])
        #expect(
            try jsonObject(summary.stdout)["title"] as? String
                == "Plan \u{1B}[2J <script>alert(1)</script> \u{202E}evil")
        let changes = try box.run(["changes", "h.plan", "--since", "2026-01-01", "--format", "json"])
        #expect(terminalControls(in: changes.stdout) == [])
        _ = try jsonObject(changes.stdout)
        let export = try box.run(["export", "h.plan", "--format", "json"])
        #expect(terminalControls(in: export.stdout) == [])
        _ = try jsonObject(export.stdout)
    }

    @Test("CSV from list and export neutralises formulas: = + - @ get a leading '")
    func csv() throws {
        let box = try Sandbox()
        try box.write("h.plan", hostileTextPlan)
        let list = try box.run(["list", "h.plan", "--format", "csv"]).stdout
        #expect(list.contains(#","'=HYPERLINK(""http://evil"",""click"")"#), "\(list)")
        #expect(list.contains(",'@SUM(1+1); "), "\(list)")
        #expect(list.contains(",'+cmd|' /C calc'!A0 "), "\(list)")
        #expect(list.contains(",'-2+3 "), "\(list)")
        let export = try box.run(["export", "h.plan", "--format", "csv"]).stdout
        for formula in [#""'=HYPERLINK(""http://evil"""#, ",'@SUM(1+1); ", ",'+cmd|' /C calc'!A0 ", ",'-2+3 "] {
            #expect(export.contains(formula), "\(formula) in \(export)")
        }
        // No cell of either starts a formula.
        for line in (list + export).split(whereSeparator: \.isNewline) {
            for cell in line.split(separator: ",") {
                let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                #expect(!["=", "+", "@"].contains(text.first.map(String.init) ?? ""), "\(line)")
            }
        }
    }

    @Test("HTML export: no markup from the plan survives, and no control character either")
    func html() throws {
        let box = try Sandbox()
        try box.write("h.plan", hostileTextPlan)
        let html = try box.run(["export", "h.plan", "--format", "html"]).stdout
        #expect(!html.contains("<script>"))
        #expect(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                || html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
            "\(html.prefix(3_000))")
        #expect(terminalControls(in: html) == [])
        let markdown = try box.run(["export", "h.plan", "--format", "md"]).stdout
        #expect(terminalControls(in: markdown) == [])
        #expect(!markdown.contains("<script>"))
    }

    @Test("a NUL cannot get in: a plan with one is refused, and so is a spreadsheet")
    func nul() throws {
        let box = try Sandbox()
        try box.write(
            "nul.plan",
            hostileTextPlan.replacingOccurrences(of: "Checked", with: "x").replacingOccurrences(
                of: "Board\n", with: "Bo\u{0}ard\n"))
        let check = try box.run(["check", "nul.plan"])
        #expect(check.status == 1)
        #expect(
            check.stderr.hasPrefix("nul.plan:13:14: error: NUL byte: this looks like a binary file, not a plan\n"),
            "\(check)")
        try box.write("nul.csv", "Ref,Action\n1.1a,Do\u{0}it\n")
        let imported = try box.run(["import", "nul.csv", "-o", "out.plan", "--title", "T"])
        #expect(imported.status != 0 && !FileManager.default.fileExists(atPath: box.path("out.plan")), "\(imported)")
        #expect(imported.stderr.contains("NUL byte on line 2"), "\(imported)")
    }
}
