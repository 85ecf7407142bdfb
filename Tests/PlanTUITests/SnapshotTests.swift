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
        assertSnapshot(render(try TUIFixtures.state(width: 79, height: 24)), named: "too-small-79x24")
        assertSnapshot(render(try TUIFixtures.state(width: 100, height: 20)), named: "too-small-100x20")
        assertSnapshot(render(try TUIFixtures.state(width: 120, height: 23)), named: "too-small-120x23")
    }

    @Test func smallPlan120x40() throws {
        assertSnapshot(render(try TUIFixtures.state("small.plan", width: 120, height: 40)), named: "small-120x40")
    }
}
