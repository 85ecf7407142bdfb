import Foundation
import Testing

@testable import PlanCore
@testable import PlanTUI

@Suite("Keys through update and render")
struct UpdateTests {
    @Test func startsOnTheFirstActionAndMoves() throws {
        var state = try TUIFixtures.state()
        #expect(state.selected == .action("1.1a"))
        state.press(.down, .character("j"))
        #expect(state.selected == .action("1.1c"))
        state.press(.up)
        #expect(state.selected == .action("1.1b"))
        state.press(.end)
        #expect(state.selected == .action(state.plan.actions.last!.ref))
        #expect(state.listTop > 0)
        state.press(.home)
        #expect(state.selected == .section("1"))
        #expect(state.listTop == 0)
        state.press(.pageDown)
        #expect(state.selectedIndex == state.listHeight - 1)
    }

    @Test func greenIsSavedAtOnceAndCanBeUndoneAndRedone() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        let original = state.document.text
        let effects = state.press(.character("g"))
        #expect(effects == [.save(description: "1.1d: status Amber -> Green")])
        #expect(state.plan.action(ref: "1.1d")?.status == .green)
        #expect(state.document.text.contains("  - Status 2026-11-10 (Test Person): A -> G\n"))
        _ = state.update(.saved(description: "1.1d: status Amber -> Green", .saved))
        #expect(render(state).row(at: 23) == "1.1d: status Amber -> Green (saved)")
        #expect(state.press(.character("u")) == [.save(description: "Undone: 1.1d: status Amber -> Green")])
        #expect(state.document.text == original)
        #expect(state.press(.control("r")) == [.save(description: "Redone: 1.1d: status Amber -> Green")])
        #expect(state.plan.action(ref: "1.1d")?.status == .green)
        #expect(state.press(.character("u"), .character("u")).count == 1)
        #expect(state.message?.text == "Nothing to undo.")
    }

    @Test func redAsksForANoteWhichMayBeEmpty() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        #expect(state.press(.character("r")).isEmpty)
        guard case .note(let draft) = state.modal else {
            Issue.record("no note editor")
            return
        }
        #expect(draft.status == .red)
        #expect(state.press(.control("d")) == [.save(description: "1.1d: status Amber -> Red")])
        #expect(state.modal == .none)
        #expect(
            state.plan.action(ref: "1.1d")?.notes.count
                == (try TUIFixtures.document().plan.action(ref: "1.1d")!.notes.count))

        var withNote = try TUIFixtures.state()
        withNote.selectRef("1.1d")
        withNote.press(.character("r"))
        withNote.type("Lead left; recruiting.")
        #expect(withNote.press(.control("d")) == [.save(description: "1.1d: status Amber -> Red; note added")])
        #expect(withNote.plan.action(ref: "1.1d")?.latestNote?.text == "Lead left; recruiting.")
    }

    @Test func noteEditorKeysAndCancel() throws {
        var state = try TUIFixtures.state()
        state.press(.character("n"))
        state.type("Frist")
        state.press(.home, .right, .delete, .right, .character("r"), .end)
        state.type("\nsecond")
        state.press(.home, .delete)
        guard case .note(let draft) = state.modal else {
            Issue.record("no note editor")
            return
        }
        #expect(draft.editor.text == "First\necond")
        #expect(render(state).cursor != nil)
        state.press(.escape)
        guard case .note(let confirming) = state.modal else {
            Issue.record("closed without asking")
            return
        }
        #expect(confirming.confirmingDiscard)
        #expect(render(state).text.contains("Discard this note? y/n"))
        state.press(.character("y"))
        #expect(state.modal == .none)
        #expect(state.document.text == (try TUIFixtures.document().text))
    }

    @Test func twoLineNoteIsWrittenAsContinuationLines() throws {
        var state = try TUIFixtures.state()
        state.press(.character("n"))
        state.type("Guidance signed off.\nLaunch on 3 December.")
        #expect(state.press(.control("d")) == [.save(description: "1.1a: note added")])
        #expect(
            state.document.text.contains(
                """
                  - Note 2026-11-10 (Test Person): Guidance signed off.
                    Launch on 3 December.

                """))
    }

    @Test func searchFiltersAsYouTypeAndEscClears() throws {
        var state = try TUIFixtures.state()
        let all = state.rows.count
        state.press(.character("/"))
        state.type("missing")
        let matching = state.rows.compactMap { row -> Action? in
            if case .action(let i) = row { return state.plan.actions[i] }
            return nil
        }
        #expect(!matching.isEmpty && state.rows.count < all)
        #expect(
            matching.allSatisfy { a in
                ([a.ref, a.text] + a.owners + a.notes.map(\.text)).contains {
                    $0.localizedCaseInsensitiveContains("missing")
                }
            })
        #expect(render(state).row(at: 23).hasPrefix("/missing"))
        state.press(.enter)
        #expect(state.searchInput == nil && state.filter.core.search == "missing")
        #expect(render(state).row(at: 2) == " Filter: search \"missing\"  13 of 72 actions  (Esc clears)")
        state.press(.escape)
        #expect(state.rows.count == all)
    }

    @Test func filtersPanel() throws {
        var state = try TUIFixtures.state()
        state.press(.character("f"), .character("r"), .character("o"))
        state.type("police")
        state.press(.enter, .enter)
        #expect(state.filter.core.statuses == [.red] && state.filter.core.owner == "police")
        let shown = state.rows.compactMap { row -> Action? in
            if case .action(let i) = row { return state.plan.actions[i] }
            return nil
        }
        #expect(
            shown.allSatisfy {
                $0.status == .red && $0.owners.contains { $0.localizedCaseInsensitiveContains("police") }
            })
        state.press(.character("f"), .character("c"), .character("d"), .escape)
        #expect(state.filter.core.overdueOnly && state.filter.core.statuses.isEmpty)
        let overdue = state.rows.filter { if case .action = $0 { true } else { false } }.count
        #expect(overdue == 7)
        state.press(.character("f"), .character("c"), .character("s"), .escape)
        #expect(
            state.rows.allSatisfy { row in
                guard case .action(let i) = row else { return true }
                let due = state.plan.actions[i].due!.date!
                return due >= TUIFixtures.today && due <= TUIFixtures.today.adding(days: 30)
            })
        state.press(.character("f"), .character("c"), .character("3"), .escape)
        #expect(state.rows.first == .section(2) && state.filter.core.section == "3")
    }

    @Test func foldingAndUnfolding() throws {
        var state = try TUIFixtures.state()
        let all = state.rows.count
        state.press(.left)
        #expect(state.selected == .area("1.1"))
        #expect(state.rows.count == all - state.plan.area(number: "1.1")!.actionRange.count)
        state.press(.left, .left)
        #expect(state.selected == .section("1"))
        #expect(state.rows[1] == .section(1))
        state.press(.right)
        #expect(state.rows[1] == .area(section: 0, area: 0))
        state.press(.down, .enter)
        #expect(state.folded.isEmpty)
        #expect(state.rows.count == all)
    }

    @Test func detailViewScrollsAndTabMovesFocus() throws {
        var state = try TUIFixtures.state()
        state.press(.enter)
        #expect(state.modal == .detail)
        state.press(.down, .down)
        #expect(state.detailTop == 2 && state.selected == .action("1.1a"))
        state.press(.escape)
        #expect(state.modal == .none)
        var wide = try TUIFixtures.state(width: 120, height: 40)
        wide.press(.tab, .down)
        #expect(wide.focus == .detail && wide.detailTop == 1 && wide.selected == .action("1.1a"))
        wide.press(.tab, .down)
        #expect(wide.focus == .list && wide.selected == .action("1.1b"))
    }

    @Test func resizeKeepsTheSelection() throws {
        var state = try TUIFixtures.state()
        state.press(.end)
        let selected = state.selected
        state.press(.resize(width: 120, height: 40))
        #expect(state.selected == selected && state.isWide)
        #expect(render(state).text.contains(state.selectedAction!.ref))
        state.press(.resize(width: 59, height: 20))
        #expect(render(state).text.contains("Terminal too small: 59×20."))
        state.press(.resize(width: 80, height: 24))
        #expect(state.selected == selected)
        #expect(state.press(.resize(width: 10, height: 5), .character("q")) == [.quit])
    }

    @Test func editFormChangesOwnerDueAndText() throws {
        var state = try TUIFixtures.state()
        state.press(.character("e"))
        state.press(Array(repeating: Key.backspace, count: 200))
        state.type("Head of Service; Police")
        state.press(.tab)
        state.press(Array(repeating: Key.backspace, count: 40))
        state.type("31/01/2027")
        let effects = state.press(.control("d"))
        #expect(effects.count == 1)
        let action = try #require(state.plan.action(ref: "1.1a"))
        #expect(action.owners == ["Head of Service", "Police"])
        #expect(action.due == Due(text: "2027-01-31", date: DateText.parseISO("2027-01-31")))
        #expect(state.document.text.contains("  - Due 2026-11-10 (Test Person): "))
        #expect(state.press(.character("u")).count == 1)
        #expect(state.document.text == (try TUIFixtures.document().text))
    }

    @Test func editFormRewordsAsTheCLIDoesKeepingTheOldWording() throws {
        var state = try TUIFixtures.state()
        let old = try #require(state.plan.action(ref: "1.1a")).text
        state.press(.character("e"), .tab, .tab)
        state.press(Array(repeating: Key.backspace, count: old.count + 5))
        state.type("Agree the new wording")
        #expect(state.press(.control("d")).count == 1)
        var cli = try TUIFixtures.document()
        try cli.reword(ref: "1.1a", to: "Agree the new wording", on: TUIFixtures.today, by: "Test Person")
        let action = try #require(state.plan.action(ref: "1.1a"))
        #expect(action.text == "Agree the new wording")
        #expect(action.history.last?.change == .reworded(old))
        #expect(state.document.text == cli.text)
    }

    /// Several fields at once are written in the order `actionplan edit` writes them
    /// (Reworded, then Owner, then Due), so the same edit gives the same bytes either way.
    @Test func editFormWritesSeveralFieldsInTheCLIsOrder() throws {
        var state = try TUIFixtures.state()
        let old = try #require(state.plan.action(ref: "1.1a")).text
        state.press(.character("e"))
        state.press(Array(repeating: Key.backspace, count: 200))
        state.type("Head of Service")
        state.press(.tab, .tab)
        state.press(Array(repeating: Key.backspace, count: old.count + 5))
        state.type("Agree the new wording")
        #expect(state.press(.control("d")).count == 1)
        var cli = try TUIFixtures.document()
        try cli.reword(ref: "1.1a", to: "Agree the new wording", on: TUIFixtures.today, by: "Test Person")
        try cli.setOwners(ref: "1.1a", to: ["Head of Service"], on: TUIFixtures.today, by: "Test Person")
        #expect(state.document.text == cli.text)
    }

    @Test func statusOutsideTheKeyIsRefused() throws {
        var state = try TUIFixtures.state("small.plan")
        #expect(state.press(.character("b")) == [.bell])
        #expect(state.message?.text.contains("Blue is not in this plan's key") == true)
    }

    @Test func headingsAreNotActions() throws {
        var state = try TUIFixtures.state()
        state.press(.home, .character("g"))
        #expect(state.message?.text == "Select an action first (↑/↓).")
    }

    @Test func mouseSelectsAndScrolls() throws {
        var state = try TUIFixtures.state()
        state.press(.mouse(MouseEvent(kind: .press, x: 10, y: AppState.headerHeight + 4)))
        #expect(state.selectedIndex == 4)
        state.press(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 10)))
        #expect(state.selectedIndex == 7)
    }

    @Test func failedSaveKeepsTheChangeAndOffersRetry() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        state.press(.character("g"))
        _ = state.update(
            .saved(
                description: "1.1d: status Amber -> Green",
                .failed(.system(path: "plans/x.plan", errno: EACCES, doing: "write"))))
        #expect(state.unsaved)
        #expect(
            render(state).row(at: 23).hasPrefix(
                "Not saved: plans/x.plan: cannot write: permission denied. The change is kept"))
        #expect(state.press(.character("w")) == [.save(description: "your change, over the file on disk", force: true)])
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.modal == .confirmQuit)
        #expect(state.press(.character("y")) == [.quit])
    }
}

@Suite("What reaches the screen")
struct ScreenSafetyTests {
    static let hostile = """
        # Plan \u{1B}[2J title
        ## 1 Section
        ### 1.1 Area
        - [A] 1.1a Text with \u{1B}]0;pwned\u{7} and \u{202E}reversed and 中文字 wide.
          - Owner: 田中 さん
          - Due: 2026-12-01
        - [R] 1.1b Plain.
          - Owner: Bob
          - Due: 2026-12-01
          - Status 2026-01-01: A -> R

        """

    @Test func controlCharactersAreShownEscaped() throws {
        let grid = render(try TUIFixtures.state(text: Self.hostile, width: 120, height: 30))
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" } })
        #expect(grid.text.contains("Plan \\e[2J title"))
        #expect(grid.text.contains("\\e]0;pwned\\u{7}"))
    }

    /// Every kind of hostile text in every field, on the list, in the detail of each
    /// action, and on the help and filter screens: no cell holds a control character,
    /// an 8-bit CSI or a bidirectional override.
    @Test func hostileTextInEveryFieldOnEveryScreen() throws {
        let plan = """
            # Plan \u{1B}[2J <script>alert(1)</script> \u{202E}evil
            - As at: 2026-02-01

            ## 1 Section \u{1B}]0;pwned\u{07} =HYPERLINK("http://x","y")

            ### 1.1 Area \u{9B}31m C1
            - Needs to improve: \u{1B}[5m blink \u{2066}isolate\u{2069}
            - [A] 1.1a =HYPERLINK("http://evil","click") \u{1B}[31mred\u{1B}[0m \u{202E}txet <script>alert('x')</script>
              - Owner: @SUM(1+1); \u{1B}[1mBold
              - Due: 2026-06-30 \u{1B}[8m
              - Note 2026-02-10 (\u{1B}[5mJo): +cmd|' /C calc'!A0 \u{202E}esrever \u{7F}
              - Status 2026-02-10 (Jo): R -> A
              - Evidence: \u{202D}lro \u{1B}P+q\u{1B}\\
            - [G] 1.1b -2+3 \u{2066}isolate\u{2069}
              - Owner: Board
              - Due: 2026-01-31
              - Status 2026-02-20 (Jo): A -> G

            """
        func unsafe(_ grid: Grid) -> [String] {
            grid.cells.flatMap { cell in
                cell.text.unicodeScalars.filter {
                    $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || (0x202A...0x202E).contains($0.value)
                        || (0x2066...0x2069).contains($0.value)
                }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
            }
        }
        var state = try TUIFixtures.state(text: plan, width: 120, height: 40)
        #expect(unsafe(render(state)) == [])
        for ref in ["1.1a", "1.1b"] {
            state.selectRef(ref)
            state.press(.enter)
            let grid = render(state)
            #expect(unsafe(grid) == [], "\(ref): \(grid.text)")
            #expect(grid.text.contains(ref == "1.1a" ? "\\e[31mred\\e[0m" : "\\u{2066}isolate"), "\(grid.text)")
            state.press(.escape)
        }
        for key in [Key.character("?"), Key.character("f")] {
            state.press(key)
            #expect(unsafe(render(state)) == [])
            state.press(.escape)
        }
    }

    @Test func wideCharactersKeepColumnsAligned() throws {
        let grid = render(try TUIFixtures.state(text: Self.hostile, width: 100, height: 30))
        // The due column starts at the same cell on a row with wide characters and on a plain one.
        let dueColumns = (0..<grid.height).compactMap { grid.column(of: "1 Dec 2026", inRow: $0) }
        #expect(dueColumns.count == 2 && Set(dueColumns).count == 1, "\(grid.text)")
    }

    @Test func badgesCarryTheLetterWithAndWithoutColour() throws {
        for colors in [false, true] {
            let grid = render(try TUIFixtures.state(text: Self.hostile, width: 100, height: 30, colors: colors))
            let y = (0..<grid.height).first { grid.row(at: $0).contains("1.1b") && !grid.row(at: $0).contains("Area") }!
            let x = (0..<grid.width).first {
                grid[$0, y].text == "R" && grid[$0 - 1, y].text == " " && grid[$0, y].style.reverse
            }!
            let style = grid[x, y].style
            #expect(style.bold && style.reverse)
            #expect(style.foreground == (colors ? .red : nil))
        }
    }
}

@Suite("Runtime and key table")
struct RuntimeTests {
    @Test func runsKeysSavesAndQuits() throws {
        let terminal = FakeTerminal(
            keys: [.down, .down, .down, .character("g"), .character("n")] + Key.from("Done.") + [
                .control("d"), .character("q"),
            ])
        var saved: [PlanDocument] = []
        let final = Runtime.run(
            try TUIFixtures.state(), terminal: terminal,
            services: .init(
                save: { document, _ in
                    saved.append(document)
                    return .saved
                }, editText: { $0 }))
        #expect(saved.count == 2)
        #expect(saved.last?.plan.action(ref: "1.1d")?.status == .green)
        #expect(saved.last?.plan.action(ref: "1.1d")?.latestNote?.text == "Done.")
        #expect(final.plan.action(ref: "1.1d")?.status == .green)
        #expect(terminal.frames.count == 12)
        #expect(terminal.frames.last?.row(at: 23) == "1.1d: note added (saved)")
    }

    @Test func aQuietTickDrawsNoNewFrame() throws {
        let terminal = FakeTerminal(keys: [.tick, .tick, .down, .tick, .character("q")])
        Runtime.run(
            try TUIFixtures.state(), terminal: terminal, services: .init(save: { _, _ in .saved }, editText: { $0 }))
        // The first frame, and the one after ↓; the ticks changed nothing on screen.
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames[0].text != terminal.frames[1].text)
    }

    @Test func externalEditorTextComesBack() throws {
        let terminal = FakeTerminal(keys: [.character("n"), .control("e"), .control("d"), .character("q")])
        var saved: [PlanDocument] = []
        Runtime.run(
            try TUIFixtures.state(), terminal: terminal,
            services: .init(
                save: { document, _ in
                    saved.append(document)
                    return .saved
                }, editText: { _ in "From the editor.\n" }))
        #expect(terminal.suspended == 1)
        #expect(saved.last?.plan.action(ref: "1.1a")?.latestNote?.text == "From the editor.")
    }

    @Test func docsKeysIsGeneratedFromTheKeyTable() throws {
        let url = TUIFixtures.root.appendingPathComponent("docs/keys.md")
        let current = try? String(contentsOf: url, encoding: .utf8)
        if current != KeyMap.markdown {
            try Data(KeyMap.markdown.utf8).write(to: url)
            Issue.record("docs/keys.md was out of date with KeyMap and has been regenerated; commit it")
        }
    }

    @Test func everyKeyIsBoundOnce() {
        let keys = KeyMap.main.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }
}

@Suite("Never losing an update")
struct NoLostUpdateTests {
    @Test func aChangeOnDiskIsReloadedBeforeTheNextKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.plan").path
        let original = try TUIFixtures.document()
        try PlanFile.save(original, to: path)
        let opened = try PlanFile.load(path)
        var state = AppState(document: opened, path: path, today: TUIFixtures.today, author: "Me")
        state.selectRef("1.1d")

        // Someone else adds a note to another action while the interface is open.
        let terminal = FakeTerminal(keys: [.tick, .character("g"), .character("q")])
        var outside = try PlanFile.load(path)
        try outside.addNote(ref: "2.1a", text: "Added elsewhere.", on: TUIFixtures.today, by: "Other")
        Thread.sleep(forTimeInterval: 0.01)
        try PlanFile.save(outside, to: path)

        let final = Runtime.run(state, terminal: terminal, services: .live(PlanSession(path: path, document: opened)))
        let onDisk = try PlanFile.load(path).plan
        #expect(onDisk.action(ref: "2.1a")?.latestNote?.text == "Added elsewhere.")
        #expect(onDisk.action(ref: "1.1d")?.status == .green)
        #expect(final.selected == .action("1.1d"))
        #expect(
            terminal.frames[1].text.contains(
                "Reloaded: \(URL(fileURLWithPath: path).lastPathComponent) changed on disk."))
    }

    @Test func editsPauseWhileTheFileOnDiskHasErrors() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        _ = state.update(.diskInvalid(.system(path: "p.plan", errno: EIO, doing: "read")))
        #expect(state.press(.character("g")) == [.bell])
        #expect(state.plan.action(ref: "1.1d")?.status == .amber)
        _ = state.update(.reloaded(try TUIFixtures.document()))
        #expect(state.press(.character("g")).count == 1)
    }

    @Test func aSaveRacingAnOutsideChangeIsRefusedUntilW() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        var forced: [Bool] = []
        let services = Runtime.Services(
            save: { _, force in
                forced.append(force)
                return force
                    ? .saved : .conflict(["1.1d's status was changed there to R while this change set it to G"])
            },
            editText: { $0 })
        let terminal = FakeTerminal(keys: [.character("g"), .character("w"), .character("q")])
        let final = Runtime.run(state, terminal: terminal, services: services)
        #expect(forced == [false, true])
        #expect(terminal.frames[1].row(at: 23).hasPrefix("Not saved: 1.1d's status was changed there to R while this"))
        #expect(!final.unsaved)
    }

    @Test func escAfterAConflictDropsYoursAndLoadsTheirs() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        state.press(.character("g"))
        _ = state.update(
            .saved(
                description:
                    "1.1d: status Amber -> Green",
                .conflict(["1.1d's status was changed there to R while this change set it to G"])))
        #expect(state.unsaved && state.conflict)
        #expect(state.press(.escape) == [.reloadFromDisk])
        _ = state.update(.reloaded(try TUIFixtures.document()))
        #expect(!state.unsaved && !state.conflict && state.plan.action(ref: "1.1d")?.status == .amber)
    }

    @Test func theDetailScrollStopsAtItsEndAndComesBack() throws {
        var state = try TUIFixtures.state()
        state.press(.enter, .end)
        let bottom = state.detailTop
        #expect(bottom > 0 && bottom == state.maxDetailTop)
        state.press(.down, .down)
        #expect(state.detailTop == bottom)
        state.press(.up)
        #expect(state.detailTop == bottom - 1)
    }

    @Test func ctrlCInAnEditorAsksBeforeDiscarding() throws {
        var state = try TUIFixtures.state()
        state.press(.character("n"))
        state.type("Half a thought")
        #expect(state.press(.control("c")).isEmpty)
        guard case .note(let draft) = state.modal else {
            Issue.record("the editor closed")
            return
        }
        #expect(draft.confirmingDiscard)
    }

    @Test func aRefusedFormStaysOpenWithWhatWasTyped() throws {
        var state = try TUIFixtures.state()
        state.press(.character("e"), .tab)
        state.press(Array(repeating: Key.backspace, count: 20))
        state.type("30 Feb 2027")
        #expect(state.press(.control("d")) == [.bell])
        guard case .form(let form) = state.modal else {
            Issue.record("the form closed")
            return
        }
        #expect(form.due.text == "30 Feb 2027")
        #expect(state.message?.text.contains("February 2027 has 28 days") == true)
    }

    @Test func editorsOpenedFromTheDetailReturnToIt() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        state.press(.enter, .character("n"))
        state.type("From the detail.")
        state.press(.control("d"))
        #expect(state.modal == .detail)
        state.press(.character("e"), .escape)
        #expect(state.modal == .detail)
    }

    @Test func aHangupQuits() throws {
        var state = try TUIFixtures.state()
        #expect(state.press(.hangup) == [.quit])
    }
}

@Suite("Review mode")
struct ReviewModeTests {
    @Test func walksTheActionsThatNeedAttentionAndRecordsTheReview() throws {
        var state = try TUIFixtures.state()
        let needing = state.actionsNeedingAttention()
        // Every one is open and red, overdue, due within 30 days or quiet since the last review.
        #expect(needing.allSatisfy { !(state.plan.action(ref: $0.ref)!.status.isComplete) && !$0.reasons.isEmpty })
        #expect(
            needing.contains {
                $0.ref == "1.2d" && $0.reasons.contains("red") && $0.reasons.contains("overdue since 30 Jun 2026")
            })
        #expect(needing.contains { $0.ref == "2.2c" && $0.reasons.contains("due 30 Nov 2026, before the next review") })

        state.press(.character("v"))
        #expect(state.modal == .review && state.selected == .action(needing[0].ref))
        assertSnapshot(render(state), named: "review-80x24")
        state.press(.character(" "))
        #expect(state.selected == .action(needing[1].ref))
        // Green on the second action: saved at once, logged for the closing screen.
        let second = needing[1].ref
        let before = state.plan.statusKey.label(for: state.plan.action(ref: second)!.status)
        #expect(state.press(.character("g")) == [.save(description: "\(second): status \(before) -> Green")])
        #expect(state.modal == .review)
        // A note from within the review comes back to the review.
        state.press(.character("n"))
        state.type("Discussed at the board.")
        state.press(.control("d"))
        #expect(state.modal == .review)
        state.press(.backspace)
        #expect(state.selected == .action(needing[0].ref))
        state.press(.escape)
        #expect(state.review?.finished == true)
        assertSnapshot(render(state), named: "review-closing-80x24")
        #expect(render(state).text.contains("Changes made in this review (2), all saved:"))
        // Two of the queue were looked at (Backspace does not take one back): the review asks before recording a partial one.
        #expect(state.press(.enter) == [])
        #expect(state.review?.question == .partial)
        let effects = state.press(.character("y"))
        #expect(effects == [.save(description: "plan: reviewed 2026-11-10")])
        #expect(state.plan.lastReviewed == Review(date: TUIFixtures.today, by: "Exploitation Improvement Board"))
        // The review is appended to the example plan's log of twelve monthly meetings.
        #expect(state.plan.reviews.count == 13)
        #expect(state.plan.reviews.last?.of == needing.count, "\(state.plan.reviews)")
        // Changed counts actions, not edits: the second (status and note) and those noted earlier that day.
        let changedToday = state.plan.actions.filter { action in
            action.notes.contains { $0.date == TUIFixtures.today }
                || action.history.contains { $0.date == TUIFixtures.today }
        }
        #expect(changedToday.contains { $0.ref == second } && changedToday.count > 1)
        #expect(state.plan.reviews.last?.changed == changedToday.count)
        #expect(state.document.text.contains("\n- Reviewed 2026-11-10 (Exploitation Improvement Board): looked at "))
        #expect(state.modal == .none && state.review == nil)
    }

    @Test func closingWithoutRecordingChangesNothingMore() throws {
        var state = try TUIFixtures.state()
        state.press(.character("v"), .escape, .escape)
        #expect(state.modal == .none)
        #expect(state.document.text == (try TUIFixtures.document().text))
        #expect(state.message?.text == "Review closed without recording it.")
    }
}

@Suite("Editor wrapping")
struct EditorWrapTests {
    @Test func longParagraphsWrapAtSpacesAndTheCursorFollows() {
        let line = Array("Audit done and shared with the board today")
        #expect(
            wrappedRanges(line, width: 12).map { String(line[$0]) } == [
                "Audit done ", "and shared ", "with the ", "board today",
            ])
        #expect(wrappedRanges(Array("four five six"), width: 9).map { $0.count } == [10, 3])
        #expect(wrappedRanges(Array("abcdefghij"), width: 4).map { $0.count } == [4, 4, 2])
        #expect(wrappedRanges([], width: 4) == [0..<0])
        var grid = Grid(width: 20, height: 3)
        drawEditor(TextEditor(text: "one two three four five six seven"), x: 0, y: 0, width: 10, height: 3, into: &grid)
        #expect(grid.text == "three\nfour five\nsix seven")
        #expect(grid.cursor?.x == 9 && grid.cursor?.y == 2)
    }
}

@Suite("Saving beside others")
struct ConcurrentSaveTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func twoInterfacesOnOneFileKeepEachOthersChanges() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.plan").path
        try PlanFile.save(try TUIFixtures.document(), to: path)
        let opened = try PlanFile.load(path)
        // Both open the same version; neither has seen the other's change when it saves.
        var first = AppState(document: opened, path: path, today: TUIFixtures.today, author: "First")
        var second = AppState(document: opened, path: path, today: TUIFixtures.today, author: "Second")
        let (firstFile, secondFile) = (
            Runtime.Services.live(PlanSession(path: path, document: opened)),
            Runtime.Services.live(PlanSession(path: path, document: opened))
        )
        first.selectRef("1.1d")
        second.selectRef("2.1a")
        for effect in first.press(.character("g")) {
            if case .save(let description, let force) = effect {
                _ = first.update(.saved(description: description, firstFile.save(first.document, force)))
            }
        }
        for effect in second.press(.character("r")) + second.type("Slipped.") + second.press(.control("d")) {
            if case .save(let description, let force) = effect {
                _ = second.update(.saved(description: description, secondFile.save(second.document, force)))
            }
        }
        let onDisk = try PlanFile.load(path).plan
        #expect(onDisk.action(ref: "1.1d")?.status == .green)
        #expect(onDisk.action(ref: "2.1a")?.status == .red)
        #expect(onDisk.action(ref: "2.1a")?.latestNote?.text == "Slipped.")
        // The second one shows the merge and keeps its selection.
        #expect(
            second.message?.text
                == "2.1a: status Green -> Red; note added (saved, merged with changes made elsewhere to 1.1d)")
        #expect(second.plan.action(ref: "1.1d")?.status == .green)
        #expect(second.selected == .action("2.1a"))
        #expect(!second.unsaved)
        // Undo survives the other writer's save: it takes back 2.1a's change and keeps 1.1d's.
        #expect(second.press(.character("u")) == [.save(description: "Undone: 2.1a: status Green -> Red; note added")])
        #expect(second.plan.action(ref: "2.1a")?.status == .green)
        #expect(second.plan.action(ref: "2.1a")?.latestNote?.text != "Slipped.")
        #expect(second.plan.action(ref: "1.1d")?.status == .green)
        // Redo makes it again, on top of the same merged plan.
        #expect(second.press(.control("r")) == [.save(description: "Redone: 2.1a: status Green -> Red; note added")])
        #expect(second.plan.action(ref: "2.1a")?.status == .red && second.plan.action(ref: "1.1d")?.status == .green)
    }

    @Test func undoAfterAnotherWriterChangedTheSameFieldSaysWhy() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        #expect(state.press(.character("g")).count == 1)
        // Someone else then set 1.1d red, and the file was read again.
        var theirs = state.document
        try theirs.setStatus(ref: "1.1d", to: .red, on: TUIFixtures.today, by: "Them", note: "Not yet.")
        _ = state.update(.reloaded(theirs))
        #expect(state.press(.character("u")).isEmpty)
        #expect(
            state.message?.text.hasPrefix("Cannot undo 1.1d: status Amber -> Green: a later change depends on it")
                == true)
        #expect(state.plan.action(ref: "1.1d")?.status == .red)
        #expect(state.press(.character("u")).isEmpty)
        #expect(state.message?.text == "Nothing to undo.")
    }

    @Test func undoAfterAReloadKeepsTheOtherChange() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        #expect(state.press(.character("g")).count == 1)
        var theirs = state.document
        try theirs.addNote(ref: "2.1a", text: "Theirs.", on: TUIFixtures.today, by: "Them")
        _ = state.update(.reloaded(theirs))
        #expect(state.press(.character("u")) == [.save(description: "Undone: 1.1d: status Amber -> Green")])
        #expect(state.plan.action(ref: "1.1d")?.status == .amber)
        #expect(state.plan.action(ref: "2.1a")?.latestNote?.text == "Theirs.")
    }

    @Test func theSameFieldChangedElsewhereStopsTheSave() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.plan").path
        try PlanFile.save(try TUIFixtures.document(), to: path)
        let opened = try PlanFile.load(path)
        let services = Runtime.Services.live(PlanSession(path: path, document: opened))
        var outside = opened
        try outside.setStatus(ref: "1.1d", to: .red, on: TUIFixtures.today, by: "Other")
        try PlanFile.save(outside, to: path)

        var state = AppState(document: opened, path: path, today: TUIFixtures.today, author: "Me")
        state.selectRef("1.1d")
        for effect in state.press(.character("g")) {
            if case .save(let description, let force) = effect {
                _ = state.update(.saved(description: description, services.save(state.document, force)))
            }
        }
        #expect(state.unsaved && state.conflict)
        #expect(
            state.message?.text == "Not saved: 1.1d's status was changed there to R while this change set it to G. "
                + "w writes your whole plan over theirs (their other changes too); Esc drops yours and loads theirs.")
        #expect(try PlanFile.load(path).plan.action(ref: "1.1d")?.status == .red)
        #expect(state.plan.action(ref: "1.1d")?.status == .green)
    }

    @Test func aFailedSaveCanBeWrittenElsewhere() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        state.press(.character("g"))
        _ = state.update(
            .saved(
                description: "1.1d: status Amber -> Green",
                .failed(.system(path: "x.plan", errno: ENOSPC, doing: "write"))))
        state.press(.character("W"))
        #expect(
            render(state).row(at: 23).hasPrefix("Write to: plans/example-jtai-mine.plan   Enter write · Esc cancel"))
        state.press(Array(repeating: Key.backspace, count: 14))
        state.type("copy.plan")
        #expect(state.press(.enter) == [.saveCopy(path: "plans/example-copy.plan")])
        _ = state.update(.copied(path: "plans/example-copy.plan", .saved))
        #expect(state.unsaved && state.plan.action(ref: "1.1d")?.status == .green)
        #expect(
            state.message?.text
                == "Wrote the plan with your change to plans/example-copy.plan. plans/example-jtai.plan is unchanged: w tries it again."
        )
        _ = state.update(
            .copied(
                path: "plans/example-copy.plan",
                Runtime.Services.live(PlanSession(path: "/", document: state.document)).saveCopy(state.document, "/")))
        #expect(state.message?.text.hasPrefix("Not written to plans/example-copy.plan: / already exists") == true)
    }
}
