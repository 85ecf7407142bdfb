import Testing

@testable import PlanCore
@testable import PlanTUI

@Suite("Screens as text")
struct SnapshotTests {
    @Test func mainScreen80x24() throws {
        assertSnapshot(render(try TUIFixtures.state()), named: "main-80x24")
    }

    @Test func mainScreenWithDetailPane120x40() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        state.press(.down, .down)
        assertSnapshot(render(state), named: "main-120x40")
    }

    @Test func detailView80x24() throws {
        var state = try TUIFixtures.state()
        state.press(.enter)
        assertSnapshot(render(state), named: "detail-80x24")
        state.press(.pageDown)
        assertSnapshot(render(state), named: "detail-80x24-scrolled")
        var wide = try TUIFixtures.state(width: 120, height: 40)
        wide.selectRef("1.2d")
        wide.press(.enter)
        assertSnapshot(render(wide), named: "detail-120x40")
    }

    @Test func help() throws {
        var state = try TUIFixtures.state()
        state.press(.character("?"))
        assertSnapshot(render(state), named: "help-80x24")
        var wide = try TUIFixtures.state(width: 120, height: 40)
        wide.press(.character("?"))
        assertSnapshot(render(wide), named: "help-120x40")
    }

    @Test func filters() throws {
        var state = try TUIFixtures.state()
        state.press(.character("f"), .character("r"), .character("d"))
        assertSnapshot(render(state), named: "filters-80x24")
        state.press(.enter)
        assertSnapshot(render(state), named: "filtered-80x24")
        var wide = try TUIFixtures.state(width: 120, height: 40)
        wide.press(.character("f"), .character("a"), .character("o"))
        wide.type("lead")
        assertSnapshot(render(wide), named: "filters-120x40")
    }

    @Test func noteEditor() throws {
        var state = try TUIFixtures.state()
        state.press(.character("n"))
        state.type("Audit done: 87% compliance.\n\nNext audit in March.")
        assertSnapshot(render(state), named: "note-editor-80x24")
        var wide = try TUIFixtures.state(width: 120, height: 40)
        wide.selectRef("1.1d")
        wide.press(.character("r"))
        wide.type("The lead has left; the report waits for a new analyst.")
        assertSnapshot(render(wide), named: "red-note-120x40")
    }

    @Test func editFormAt80x24() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1d")
        state.press(.character("e"), .tab)
        assertSnapshot(render(state), named: "edit-form-80x24")
    }

    @Test func editForm() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        state.press(.character("e"))
        assertSnapshot(render(state), named: "edit-form-120x40")
    }

    @Test func tooSmall() throws {
        assertSnapshot(render(try TUIFixtures.state(width: 59, height: 24)), named: "too-small-59x24")
        assertSnapshot(render(try TUIFixtures.state(width: 100, height: 19)), named: "too-small-100x19")
        // A tiny window still shows the whole message, wrapped.
        let tiny = render(try TUIFixtures.state(width: 24, height: 12))
        assertSnapshot(tiny, named: "too-small-24x12")
        #expect(tiny.text.contains("press q to") && tiny.text.contains("quit."))
    }

    /// Each fixed screen at the sizes people use: 80×24, 80×23 (tmux's status line),
    /// 79×24 and 60×20 (the smallest), and 120×40 with the detail beside the list.
    @Test(arguments: [(80, 24), (80, 23), (79, 24), (60, 20), (120, 40)])
    func screensAtEverySize(width: Int, height: Int) throws {
        func state() throws -> AppState { try TUIFixtures.state(width: width, height: height) }
        var screens: [(String, AppState)] = []
        var main = try state()
        main.selectRef("1.2d")
        screens.append(("main", main))
        var detail = try state()
        detail.selectRef("1.2d")
        detail.press(.enter)
        screens.append(("detail", detail))
        var help = try state()
        help.press(.character("?"))
        screens.append(("help", help))
        var filters = try state()
        filters.press(.character("f"), .character("d"))
        screens.append(("filters", filters))
        var review = try state()
        review.press(.character("v"))
        screens.append(("review", review))
        var note = try state()
        note.selectRef("1.2d")
        note.press(.character("n"))
        note.type("First line.\nSecond line.")
        screens.append(("note", note))
        var form = try state()
        form.selectRef("2.2b")
        form.press(.character("e"))
        screens.append(("form", form))
        for (name, screen) in screens {
            let grid = render(screen)
            #expect(!grid.text.contains("Terminal too small"), "\(name) at \(width)×\(height)")
            assertSnapshot(grid, named: "size-\(name)-\(width)x\(height)")
        }
    }

    @Test func smallPlan120x40() throws {
        assertSnapshot(render(try TUIFixtures.state("small.plan", width: 120, height: 40)), named: "small-120x40")
    }
}
