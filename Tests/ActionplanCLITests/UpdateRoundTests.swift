import Foundation
import Testing

@Suite("the update round: chase and import --updates", .tags(.endToEnd))
struct UpdateRoundTests {
    /// plans/a.plan (samplePlan), plans/b.plan (customKeyPlan) and a manifest with one address.
    func portfolio() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("plans/a.plan", samplePlan)
        try box.write("plans/b.plan", customKeyPlan)
        try box.write(
            "plans/portfolio.txt",
            """
            # Test partnership
            ## Plans
            - a.plan: Plan A
            - b.plan: Plan B
            ## Owners
            - designated nurse: nurse@example.org
            """)
        return box
    }

    @Test("chase: a message per owner with their overdue, due-soon and red actions, ref, plan, due and note")
    func chaseText() throws {
        let box = try portfolio()
        let result = try box.run(["chase", "plans", "--reply-by", "2026-03-08"])
        #expect(result.status == 0, "\(result)")
        let text = result.stdout
        #expect(text.contains("Action plan updates for Designated Nurse"), "\(result)")
        #expect(text.contains("Please reply by 8 March 2026."))
        #expect(text.contains("2.1a  Plan A"))
        #expect(text.contains("Status: Red · Due: 15 Jan 2026 · red, overdue since 15 Jan 2026"), "\(result)")
        #expect(text.contains("Action plan updates for Voice of the child group"))
        #expect(text.contains("Latest note, 14 January 2026 (Sam Patel):"))
        // Sam Patel's one action is green: nothing to chase.
        #expect(!text.contains("updates for Sam Patel"))

        let one = try box.run(["chase", "plans", "--owner", "nurse", "--format", "md"])
        #expect(one.stdout.hasPrefix("## Action plan updates for Designated Nurse"), "\(one)")
        #expect(!one.stdout.contains("Voice of the child"))
    }

    @Test("chase --format eml: one RFC 5322 message per owner with the return sheet; To from the address list")
    func chaseMail() throws {
        let box = try portfolio()
        let result = try box.run(["chase", "plans", "--format", "eml", "-o", "round"])
        #expect(result.status == 0, "\(result)")
        let files = try box.listing("round")
        #expect(files.contains("designated-nurse.eml"), "\(files)")
        #expect(files.contains("designated-nurse-return.csv"))
        let mail = try box.text("round/designated-nurse.eml")
        let headers = mail.components(separatedBy: "\r\n\r\n").first ?? ""
        #expect(headers.contains("To: \"Designated Nurse\" <nurse@example.org>"), "\(mail)")
        #expect(headers.contains("Subject: Action plan updates by 8 March 2026"))
        #expect(headers.contains("Date: Sun, 01 Mar 2026 09:00:00 +0000"))
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(!mail.contains("\n") || mail.replacingOccurrences(of: "\r\n", with: "").contains("\n") == false)
        let other = try box.text("round/voice-of-the-child-group.eml")
        #expect(other.contains("To: \r\n"), "\(other)")
        #expect(result.stdout.contains("(no address: To left empty)"))
        // The body, base64 between the first part's headers and the next boundary, is the text message.
        let parts = mail.components(separatedBy: "--actionplan-designated-nurse")
        let body = try #require(parts.dropFirst().first?.components(separatedBy: "\r\n\r\n").last)
        let decoded = try #require(Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")))
        #expect(decoded.utf8Text.contains("2.1a  Plan A"))

        let usage = try box.run(["chase", "plans", "--format", "eml"])
        #expect(usage.status == 64)
    }

    @Test("return sheet filled in and imported: a status change and a dated note by that owner")
    func importUpdates() throws {
        let box = try portfolio()
        _ = try box.run(["chase", "plans", "-o", "round"])
        let sheet = try box.text("round/designated-nurse-return.csv")
        let lines = sheet.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "owner,plan,ref,action,due,current_status,new_status,progress_note")
        #expect(lines.count == 2, "\(sheet)")
        let filled =
            lines[0] + "\r\n" + lines[1].replacingOccurrences(of: ",,", with: ",A,\"Guide drafted, out for comment.\"")
        try box.write("back/nurse.csv", filled)

        try expectNurseUpdate(from: "back/nurse.csv", row: 2, in: box)
        #expect(try box.run(["check", "plans/a.plan", "--no-board-checks"]).status == 0)
    }

    /// The designated nurse's filled-in sheet (2.1a to amber, with a note): the dry run
    /// reports the row and writes nothing; the import then writes both, by that owner.
    func expectNurseUpdate(from sheet: String, row: Int, in box: Sandbox) throws {
        let dry = try box.run(["import", "--updates", sheet, "plans", "--dry-run"])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("\(sheet):\(row): plans/a.plan 2.1a: status Red -> Amber; note added"), "\(dry)")
        #expect(dry.stdout.contains("Dry run: nothing written."))
        #expect(try box.text("plans/a.plan") == samplePlan)

        let real = try box.run(["import", "--updates", sheet, "plans"])
        #expect(real.status == 0, "\(real)")
        let plan = try box.text("plans/a.plan")
        #expect(plan.contains("- [A] 2.1a Publish"))
        #expect(plan.contains("  - Note 2026-03-01 (Designated Nurse): Guide drafted, out for comment."))
        #expect(plan.contains("  - Status 2026-03-01 (Designated Nurse): R -> A"))
    }

    @Test("a return sheet with one bad row: each error named by row, nothing written; --skip-bad-rows applies the rest")
    func badRow() throws {
        let box = try portfolio()
        try box.write(
            "back/sheet.csv",
            """
            owner,plan,ref,action,due,current_status,new_status,progress_note
            Sam Patel,plans/a.plan,1.1a,x,x,A,G,Published.
            Sam Patel,plans/a.plan,9.9z,x,x,A,,Nothing.
            Board,plans/b.plan,1.1a,x,x,N,R,Red is not in this plan's key.
            Board,plans/b.plan,1.1a,x,x,N,,"A bell \u{07} here."
            Board,plans/b.plan,1.1a,x,x,N,purple,
            Nobody,plans/a.plan,1.1b,x,x,G,,

            """)
        let result = try box.run(["import", "--updates", "back/sheet.csv", "plans"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("back/sheet.csv:3: error: 9.9z in plans/a.plan: no action with ref '9.9z'"))
        #expect(
            result.stderr.contains(
                "back/sheet.csv:4: error: 1.1a in plans/b.plan: status Red (R) is not in this plan's key"))
        #expect(result.stderr.contains("back/sheet.csv:5: error: 1.1a: the progress note holds a control character"))
        #expect(result.stderr.contains("back/sheet.csv:6: error: 1.1a: new status 'purple' is not a status"))
        #expect(result.stderr.contains("nothing written"))
        #expect(try box.text("plans/a.plan") == samplePlan)
        #expect(try box.text("plans/b.plan") == customKeyPlan)

        let skipped = try box.run(["import", "--updates", "back/sheet.csv", "plans", "--skip-bad-rows"])
        #expect(skipped.status == 0, "\(skipped)")
        #expect(try box.text("plans/a.plan").contains("- [G] 1.1a Publish"))
        #expect(try box.text("plans/b.plan") == customKeyPlan)
    }

    @Test("two plans with the same refs: a row goes to the plan it names")
    func sameRefs() throws {
        let box = try Sandbox()
        try box.write("plans/one.plan", samplePlan)
        try box.write("plans/two.plan", samplePlan)
        try box.write(
            "sheet.csv",
            "owner,plan,ref,action,due,current_status,new_status,progress_note\nX,plans/two.plan,2.1a,,,R,A,Moving.\n")
        let result = try box.run(["import", "--updates", "sheet.csv", "plans"])
        #expect(result.status == 0, "\(result)")
        #expect(try box.text("plans/one.plan") == samplePlan)
        #expect(try box.text("plans/two.plan").contains("- [A] 2.1a"))
    }
}
