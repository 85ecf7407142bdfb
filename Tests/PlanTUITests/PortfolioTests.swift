import Foundation
import Testing

@testable import PlanCore
@testable import PlanTUI

extension TUIFixtures {
    /// The portfolio of `plans/` (its portfolio.txt), each plan as the interface opens it.
    static func portfolio(width: Int = 80, height: Int = 24, failing: Bool = false) throws -> PortfolioState {
        let folder = root.appendingPathComponent("plans").path
        let loaded = try Portfolio.load([folder])
        var members = loaded.members.map { member in
            PortfolioState.Member(
                path: "plans/" + (member.path as NSString).lastPathComponent, name: member.name,
                state: AppState(
                    document: member.document!, path: member.path, today: today, author: "Test Person",
                    width: width, height: height, colors: false))
        }
        if failing {
            members.append(
                PortfolioState.Member(
                    path: "plans/broken.plan", name: "broken.plan",
                    error: "plans/broken.plan:4:4: error: unknown status 'X' for action 1.1a"))
        }
        return PortfolioState(
            title: loaded.title ?? "plans", members: members, today: today, width: width, height: height,
            colors: false)
    }
}

extension PortfolioState {
    @discardableResult
    mutating func press(_ keys: Key...) -> [PortfolioEffect] { press(keys) }

    @discardableResult
    mutating func press(_ keys: [Key]) -> [PortfolioEffect] {
        keys.flatMap { update(.key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [PortfolioEffect] {
        press(text.map { $0 == "\n" ? Key.enter : .character($0) })
    }

    /// The position of the plan whose file is `name`.
    func plan(_ name: String) -> Int { members.firstIndex { $0.path.hasSuffix("/" + name) }! }

    /// The selected row of the cross-plan view.
    var crossRow: PortfolioActionRef? { crossView?.selectedRow }
}

@Suite("Several plans at once: the portfolio screen and the cross-plan view")
struct PortfolioTests {
    @Test func portfolioScreenSnapshots() throws {
        assertSnapshot(render(try TUIFixtures.portfolio()), named: "portfolio-80x24")
        var wide = try TUIFixtures.portfolio(width: 120, height: 40, failing: true)
        wide.press(.down)
        assertSnapshot(render(wide), named: "portfolio-120x40")
    }

    @Test func crossPlanViewSnapshots() throws {
        var state = try TUIFixtures.portfolio()
        state.press(.character("r"))
        assertSnapshot(render(state), named: "portfolio-red-80x24")
        var wide = try TUIFixtures.portfolio(width: 120, height: 40)
        wide.press(.character("d"), .down, .down)
        assertSnapshot(render(wide), named: "portfolio-overdue-120x40")
    }

    @Test func theListShowsEachPlansFiguresAndTheTotals() throws {
        let state = try TUIFixtures.portfolio(failing: true)
        let grid = render(state)
        let jtai = state.members[state.plan("example-jtai.plan")]
        #expect(jtai.overview?.counts == StatusCounts(jtai.state!.plan.actions, on: TUIFixtures.today))
        #expect(jtai.overview?.lastReviewed == jtai.state!.plan.lastReviewed?.date)
        #expect(grid.row(at: 3).contains("65%     5  17  39   8   3       7 28 Oct 2026"), "\(grid.text)")
        // A plan without blue in its key shows a dash, not a count.
        #expect(grid.row(at: 5).contains("–   –"), "\(grid.text)")
        #expect(grid.row(at: 7).contains("broken.plan") && grid.row(at: 7).contains("cannot be read: plans/broken"))
        var total = StatusCounts()
        for member in state.members { if let counts = member.overview?.counts { total.merge(counts) } }
        #expect(grid.row(at: 1).hasPrefix(" R \(total[.red])  A \(total[.amber])  G \(total[.green])"))
    }

    @Test func enterOpensAPlanAndEscComesBack() throws {
        var state = try TUIFixtures.portfolio()
        state.press(.down)
        state.press(.enter)
        let ilacs = state.plan("ilacs-improvement.plan")
        #expect(state.screen == .plan(ilacs))
        #expect(render(state).row(at: 0).contains(state.members[ilacs].state!.plan.title.prefix(20)))
        // Esc first closes what is open in the plan (the detail), then goes back.
        state.press(.enter)
        state.press(.down, .enter)
        #expect(state.members[ilacs].state!.modal == .detail)
        state.press(.escape)
        #expect(state.screen == .plan(ilacs))
        state.press(.escape)
        #expect(state.screen == .overview)
        #expect(state.selected == ilacs)
        // A plan that could not be read does not open, and says why.
        var broken = try TUIFixtures.portfolio(failing: true)
        broken.press(.end, .enter)
        #expect(broken.screen == .overview)
        #expect(render(broken).row(at: 23).contains("cannot be opened"))
    }

    @Test func switchingPlansKeepsEachSelectionAndUndoHistory() throws {
        var state = try TUIFixtures.portfolio()
        let jtai = state.plan("example-jtai.plan")
        let ilacs = state.plan("ilacs-improvement.plan")
        state.press(.enter)
        state.members[jtai].state!.selectRef("1.1d")
        let effects = state.press(.character("g"))
        #expect(effects == [.plan(jtai, .save(description: "1.1d: status Amber -> Green"))])
        _ = state.update(.plan(jtai, .saved(description: "1.1d: status Amber -> Green", .saved)))
        state.press(.escape)
        #expect(render(state).row(at: 3).contains("67%     5  16  40"))
        state.press(.down, .enter)
        state.press(.down, .down, .down)
        let ilacsSelection = state.members[ilacs].state!.selected
        state.press(.escape, .up, .enter)
        #expect(state.screen == .plan(jtai))
        #expect(state.members[jtai].state!.selected == .action("1.1d"))
        #expect(
            state.press(.character("u")) == [.plan(jtai, .save(description: "Undone: 1.1d: status Amber -> Green"))])
        #expect(state.members[jtai].state!.plan.action(ref: "1.1d")?.status == .amber)
        state.press(.escape, .down, .enter)
        #expect(state.members[ilacs].state!.selected == ilacsSelection)
        #expect(ilacsSelection != state.members[ilacs].state!.id(of: state.members[ilacs].state!.rows[0]))
    }

    @Test func aStatusSetInTheCrossPlanViewGoesToThatActionsPlan() throws {
        var state = try TUIFixtures.portfolio()
        let jtai = state.plan("example-jtai.plan")
        let ilacs = state.plan("ilacs-improvement.plan")
        let before = state.members.map { $0.state!.document.text }
        let jtaiSelection = state.members[jtai].state!.selected
        state.press(.character("r"))
        #expect(state.screen == .actions)
        let rows = state.crossView!.rows
        #expect(!rows.isEmpty)
        for row in rows { #expect(state.members[row.plan].state!.plan.action(ref: row.ref)?.status == .red) }
        while state.crossRow?.plan != ilacs { state.press(.down) }
        let row = try #require(state.crossRow)
        let effects = state.press(.character("a"))
        #expect(effects == [.plan(ilacs, .save(description: "\(row.ref): status Red -> Amber"))])
        #expect(state.members[ilacs].state!.plan.action(ref: row.ref)?.status == .amber)
        #expect(state.members[ilacs].state!.document.text.contains("(Test Person): R -> A"))
        for index in state.members.indices where index != ilacs {
            #expect(state.members[index].state!.document.text == before[index])
        }
        // The plan keeps its own selection; the changed action stays in view until the cursor moves.
        #expect(state.members[jtai].state!.selected == jtaiSelection)
        #expect(state.crossRow == row)
        _ = state.update(.plan(ilacs, .saved(description: "\(row.ref): status Red -> Amber", .saved)))
        #expect(render(state).row(at: 23) == "ILACS improvement plan: \(row.ref): status Red -> Amber (saved)")
        state.press(.down)
        #expect(!state.crossView!.rows.contains(row))
        #expect(state.crossView!.rows.count == rows.count - 1)
    }

    @Test func aNoteAndUndoInTheCrossPlanView() throws {
        var state = try TUIFixtures.portfolio()
        let jtai = state.plan("example-jtai.plan")
        let small = state.plan("small.plan")
        state.press(.character("d"))
        while state.crossRow?.plan != small { state.press(.down) }
        let smallRef = try #require(state.crossRow?.ref)
        state.press(.character("n"))
        state.type("Chased by e-mail on 9 November.")
        #expect(render(state).text.contains("New progress note for \(smallRef)"))
        let saved = state.press(.control("d"))
        #expect(saved == [.plan(small, .save(description: "\(smallRef): note added"))])
        #expect(
            state.members[small].state!.plan.action(ref: smallRef)?.latestNote?.text
                == "Chased by e-mail on 9 November.")
        #expect(state.crossView?.editing == nil)
        // A change made in a plan, then u in the view: the last change is taken back, in its own plan.
        state.press(.escape, .enter)
        state.members[jtai].state!.selectRef("1.1d")
        state.press(.character("g"), .escape, .character("d"))
        #expect(
            state.press(.character("u")) == [.plan(jtai, .save(description: "Undone: 1.1d: status Amber -> Green"))])
        #expect(state.press(.character("u")) == [.plan(small, .save(description: "Undone: \(smallRef): note added"))])
        #expect(
            state.members[small].state!.plan.action(ref: smallRef)?.latestNote?.text
                != "Chased by e-mail on 9 November.")
        state.press(.character("u"))
        #expect(render(state).row(at: 23) == "Nothing to undo.")
    }

    @Test func ownedByListsOpenActionsOfThatOwnerInEveryPlan() throws {
        var state = try TUIFixtures.portfolio()
        state.press(.character("o"))
        // Every owner of an open action, to pick from; typing narrows them.
        #expect(state.ownerPicker!.matches.count == state.ownerPicker!.owners.count)
        #expect(state.ownerPicker!.owners.allSatisfy { $0.open > 0 })
        state.type("head of quality")
        let offered = state.ownerPicker!.matches.map(\.name)
        #expect(
            offered.count == 2 && offered.allSatisfy { $0.hasPrefix("Head of Quality Assurance, Northmoor Council") })
        #expect(render(state).row(at: 3).contains("› Any owner containing \"head of quality\""))
        #expect(state.ownerPicker!.chosen == nil && state.ownerPicker!.text == "head of quality")
        state.press([.down, .down])
        #expect(render(state).row(at: 5).contains("› \(offered[1])"))
        #expect(state.ownerPicker!.chosen?.name == offered[1])
        state.press(Array(repeating: Key.backspace, count: 15))
        state.type("director of childrens services")
        let grid = render(state)
        #expect(grid.row(at: 23).hasPrefix("Owned by: director of childrens services"))
        #expect(grid.row(at: 4).contains("Director of Children's Services, Northmoor Council"))
        state.press(.enter)
        #expect(state.screen == .actions)
        let rows = state.crossView!.rows
        #expect(Set(rows.map(\.plan)).count > 1, "the owner is shared by several plans")
        for row in rows {
            let action = state.members[row.plan].state!.plan.action(ref: row.ref)!
            #expect(OwnerName.matches(action, "director of childrens services") && !action.status.isComplete)
        }
        // Enter opens the action in its plan; Esc comes back to the view.
        let row = rows[0]
        state.press(.enter)
        #expect(state.screen == .plan(row.plan))
        #expect(state.members[row.plan].state!.selected == .action(row.ref))
        state.press(.escape)
        #expect(state.screen == .actions)
        state.press(.escape)
        #expect(state.screen == .overview)
    }

    @Test func aPickedOwnerListsThatOwnersActionsOnlyNotEveryNameContainingIt() throws {
        var state = try TUIFixtures.portfolio()
        state.press(.character("o"))
        state.type("participation")
        let picked = try #require(
            state.ownerPicker!.matches.first { $0.name == "Participation Lead, Northmoor Council" })
        let position = try #require(state.ownerPicker!.matches.firstIndex(of: picked))
        state.press(Array(repeating: Key.down, count: position + 1))
        state.press(.enter)
        let rows = state.crossView!.rows
        #expect(rows.count == picked.open, "the picker's count and the view agree")
        for row in rows {
            let action = state.members[row.plan].state!.plan.action(ref: row.ref)!
            #expect(OwnerName.isOwner(picked.name, of: action), "\(row.ref): \(action.owners)")
        }
        // Typed text that is not picked still lists every owner containing it.
        state.press(.escape, .character("o"))
        state.type("participation")
        state.press(.enter)
        #expect(state.crossView!.rows.count > picked.open)
    }

    @Test func theRuntimeRoutesEachSaveToItsPlanAndShowsChangesOnDisk() throws {
        var state = try TUIFixtures.portfolio()
        let small = state.plan("small.plan")
        var changedOnDisk = state.members[small].state!.document
        try changedOnDisk.setStatus(ref: "1.1a", to: .green, on: TUIFixtures.today, by: "Someone Else")
        var saves: [Int] = []
        var looks = 0
        let services = state.members.indices.map { index in
            Runtime.Services(
                save: { _, _ in
                    saves.append(index)
                    return .saved
                },
                reloadIfChanged: {
                    // Changed after the first look (the tick's), and only then.
                    guard index == small else { return .unchanged }
                    looks += 1
                    return looks == 2 ? .changed(changedOnDisk) : .unchanged
                }, editText: { $0 })
        }
        state.press(.character("r"))
        let row = try #require(state.crossRow)
        let terminal = FakeTerminal(keys: [.character("g"), .tick, .escape, .character("q")])
        let final = Runtime.run(state, terminal: terminal, services: services)
        #expect(saves == [row.plan])
        #expect(final.members[small].state!.plan.action(ref: "1.1a")?.status == .green)
        #expect(final.members[row.plan].state!.plan.action(ref: row.ref)?.status == .green)
        #expect(row.plan != small)
        #expect(
            terminal.frames.contains {
                $0.text.contains("Neglect review improvement plan: Reloaded: small.plan changed on disk.")
            })
    }

    @Test func aNameGivenInOnePlanIsEveryPlans() throws {
        var state = try TUIFixtures.portfolio()
        for index in state.members.indices { state.members[index].state!.askForName() }
        // Asked on the list of plans, before anything can be changed from there.
        #expect(render(state).row(at: 23).hasPrefix("Your full name, for the history: Test Person"))
        state.press(Array(repeating: Key.backspace, count: 20))
        state.type("Sam Patel\n")
        #expect(state.screen == .overview)
        for member in state.members {
            #expect(member.state!.author == "Sam Patel")
            #expect(member.state!.nameInput == nil)
        }
    }
}

@Suite("Several plans at once: clicks, big plans")
struct PortfolioMeetingTests {
    @Test func aClickSelectsAPlanAndTheWheelMoves() throws {
        var state = try TUIFixtures.portfolio()
        state.press(.mouse(MouseEvent(kind: .press, x: 10, y: 5)))
        #expect(state.selected == 2)
        state.press(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 5)))
        #expect(state.selected == 3)
        state.press(.character("r"), .mouse(MouseEvent(kind: .press, x: 10, y: 4)))
        #expect(state.crossView?.selected == 1)
    }

    @Test func typingANoteFromTheCrossPlanViewDoesNotCountTheBigPlanAgainEachKey() throws {
        let big = try PlanDocument(text: SearchTests.bigPlan(sections: 100))
        var state = try TUIFixtures.portfolio()
        state.members.append(
            PortfolioState.Member(
                path: "plans/big.plan", name: "A large plan",
                state: AppState(document: big, path: "plans/big.plan", today: TUIFixtures.today, author: "T")))
        let started = ContinuousClock.now
        state.recountOverviews()
        let counted = ContinuousClock.now - started
        state.press(.character("o"))
        state.type("owner 3\n")
        #expect(state.crossView!.rows.count == 1_000)
        state.press(.character("n"))
        let typing = ContinuousClock.now
        state.type("Chased on the phone; a date is promised for the report.")
        let perKey = (ContinuousClock.now - typing) / 55
        state.press(.control("d"))
        #expect(state.members[4].state!.plan.action(ref: "1.1.3")?.latestNote?.text.hasPrefix("Chased") == true)
        #expect(state.members[4].overviewIsStale)
        state.press(.down)
        let green = ContinuousClock.now
        #expect(state.press(.character("g")) == [.plan(4, .save(description: "1.2.3: status Amber -> Green"))])
        let setting = ContinuousClock.now - green
        let moving = ContinuousClock.now
        state.press(.down)
        let relisting = ContinuousClock.now - moving
        #expect(state.crossView!.rows.count == 999)
        state.press(.escape)
        #expect(!state.members[4].overviewIsStale)
        print(
            "10,000-action plan in a portfolio: its figures counted in \(counted); a key in the note editor \(perKey); "
                + "g in the cross-plan view \(setting); the next move, listing again, \(relisting)")
    }
}

extension PortfolioMeetingTests {
    @Test func quittingAsksFirstWhenAnyPlanHasAChangeNotSaved() throws {
        var state = try TUIFixtures.portfolio()
        let jtai = state.plan("example-jtai.plan")
        state.press(.enter)
        state.members[jtai].state!.selectRef("1.1d")
        state.press(.character("g"))
        _ = state.update(.plan(jtai, .saved(description: "1.1d: status Amber -> Green", .failed(.readOnly(path: "x")))))
        state.press(.escape, .down, .enter)
        // q in another plan, whose own changes are saved: asked on the list of plans.
        #expect(state.press(.character("q")) == [])
        #expect(state.screen == .overview && state.confirmingQuit)
        #expect(render(state).row(at: 23) == "Not saved in JTAI written statement of action. Quit anyway? y/n")
        #expect(state.press(.character("n")) == [])
        // Ctrl-C from the help screen or the owner list asks too.
        state.press(.character("?"))
        #expect(state.press(.control("c")) == [] && state.confirmingQuit)
        state.press(.character("n"), .character("o"))
        #expect(state.press(.control("c")) == [] && state.confirmingQuit && state.ownerPicker == nil)
        #expect(state.press(.character("y")) == [.quit])
    }
}

extension PortfolioMeetingTests {
    @Test func aPlanThatCouldNotBeReadOpensOnceItsFileIsMended() throws {
        var state = try TUIFixtures.portfolio(failing: true)
        let broken = state.members.count - 1
        _ = state.update(
            .plan(broken, .diskInvalid(.system(path: "plans/broken.plan", errno: EACCES, doing: "read"))))
        #expect(state.members[broken].error?.contains("plans/broken.plan") == true)
        #expect(state.members[broken].state == nil)
        let mended = try PlanDocument(text: "# Mended plan\n## 1 S\n### 1.1 A\n- [R] 1.1a Act.\n  - Due: 2026-01-31\n")
        _ = state.update(.plan(broken, .reloaded(mended)))
        let grid = render(state)
        #expect(grid.row(at: 7).contains("0%      1   0   0   –   –       1 never"), "\(grid.text)")
        #expect(grid.row(at: 23) == "plans/broken.plan reads as a plan now; Enter opens it.")
        state.press(.end, .enter)
        #expect(state.screen == .plan(broken))
        #expect(state.members[broken].state?.author == "Test Person")
        #expect(state.press(.character("g")) == [.plan(broken, .save(description: "1.1a: status Red -> Green"))])
    }

    @Test func aPlanThatOpensWhileTheNameIsAskedAsksTooAndTakesTheNameGiven() throws {
        var state = try TUIFixtures.portfolio(failing: true)
        let broken = state.members.count - 1
        for index in state.members.indices where state.members[index].state != nil {
            state.members[index].state!.author = "sam"
            state.members[index].state!.askForName()
        }
        let mended = try PlanDocument(text: "# Mended plan\n## 1 S\n### 1.1 A\n- [R] 1.1a Act.\n")
        _ = state.update(.plan(broken, .reloaded(mended)))
        // Its keys go to the prompt, as every other plan's do, until a name is given.
        #expect(state.members[broken].state?.nameInput != nil)
        var inside = state
        inside.screen = .plan(broken)
        #expect(inside.press(.character("g")).isEmpty)
        #expect(inside.members[broken].state?.plan.action(ref: "1.1a")?.status == .red)
        state.press(Array(repeating: Key.backspace, count: 10))
        state.type("Sam Patel\n")
        #expect(state.members[broken].state?.author == "Sam Patel")
        #expect(state.members[broken].state?.nameInput == nil && state.askingName == nil)
    }

    static func isUnchanged(_ reload: PlanSession.Reload) -> Bool {
        if case .unchanged = reload { true } else { false }
    }

    @Test func theServicesOfAnUnreadablePlanOpenItOnceItReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reopen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.plan").path
        let old = Date().addingTimeInterval(-60)
        func write(_ text: String, at date: Date) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
        }
        try write("# P\n## 1 S\n### 1.1 A\n- [X] 1.1a Act.\n", at: old)
        let services = Runtime.Services.reopening(path)
        #expect(Self.isUnchanged(services.reloadIfChanged()))
        guard case .failed = services.save(try PlanDocument(text: "# P\n"), false) else {
            Issue.record("a plan not open was saved")
            return
        }
        try write("# P\n## 1 S\n### 1.1 A\n- [Y] 1.1a Act.\n", at: old.addingTimeInterval(1))
        guard case .invalid = services.reloadIfChanged() else {
            Issue.record("the broken file was not reported")
            return
        }
        #expect(Self.isUnchanged(services.reloadIfChanged()))
        // Just written by another program: left to settle first.
        try write("# P\n## 1 S\n### 1.1 A\n- [A] 1.1a Act.\n", at: Date())
        guard case .settling = services.reloadIfChanged() else {
            Issue.record("a file just written was read before it settled")
            return
        }
        try FileManager.default.setAttributes([.modificationDate: old.addingTimeInterval(2)], ofItemAtPath: path)
        guard case .changed(let document) = services.reloadIfChanged() else {
            Issue.record("the mended file was not opened")
            return
        }
        var edited = document
        try edited.setStatus(ref: "1.1a", to: .green, on: TUIFixtures.today, by: "T")
        guard case .saved = services.save(edited, false) else {
            Issue.record("the opened plan was not saved")
            return
        }
        #expect(try PlanFile.load(path).plan.action(ref: "1.1a")?.status == .green)
    }
}
