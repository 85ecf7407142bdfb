import Foundation
import Testing

@testable import PlanCore
@testable import PlanTUI

@Suite("Who is recording, in the interface")
struct RecordingNameTests {
    @Test func theHeaderShowsWhoIsRecordingWhereItFits() throws {
        let wide = try TUIFixtures.state(width: 120)
        #expect(render(wide).row(at: 1).hasSuffix("recording as Test Person"), "\(render(wide).row(at: 1))")
        let narrow = try TUIFixtures.state(width: 60)
        #expect(!render(narrow).row(at: 1).contains("recording as"), "\(render(narrow).row(at: 1))")
        #expect(render(narrow).row(at: 1).contains("overdue"))
    }

    @Test func aLoginNameIsReplacedByTheFullNameTypedAndKeptForNextTime() throws {
        var state = try TUIFixtures.state(width: 120)
        state.author = "sam"
        state.askForName()
        #expect(render(state).row(at: 23).hasPrefix("Your full name, for the history: sam"))
        // Keys go to the prompt, not to the list: `g` would set a status.
        state.press(.backspace, .backspace, .backspace)
        state.type("Sam Pat(el")
        #expect(state.press(.enter) == [.bell])
        #expect(state.message?.kind == .error && state.nameInput != nil && state.author == "sam")
        state.press(.backspace, .backspace, .backspace)
        state.type("el")
        #expect(state.press(.enter) == [.saveName("Sam Patel")])
        #expect(state.author == "Sam Patel" && state.nameInput == nil)
        _ = state.update(.nameSaved(name: "Sam Patel", failure: nil))
        #expect(state.message?.text == "Recording as Sam Patel, from now on.")
        _ = state.update(.nameSaved(name: "Sam Patel", failure: "cannot write /x"))
        #expect(state.message?.kind == .error && state.message?.text.contains("cannot write /x") == true)
        #expect(render(state).row(at: 1).hasSuffix("recording as Sam Patel"))
    }

    @Test func escAndAnUnchangedNameKeepTheLoginAndSaveNothing() throws {
        var state = try TUIFixtures.state()
        state.author = "sam"
        state.askForName()
        #expect(state.press(.escape).isEmpty)
        #expect(state.author == "sam" && state.nameInput == nil)
        #expect(state.message?.text.hasPrefix("Recording as sam.") == true)
        state.askForName()
        #expect(state.press(.enter).isEmpty && state.author == "sam" && state.nameInput == nil)
    }

    @Test func theRuntimeKeepsTheNameInTheConfigFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_CONFIG_HOME": folder.path]
        let path = try Author.saveConfiguredName("Sam Patel", environment: environment)
        #expect(path == folder.path + "/actionplan/config")
        #expect(Author.resolution(explicit: nil, environment: environment)?.source == .config)
        #expect(Author.resolution(explicit: nil, environment: environment)?.name == "Sam Patel")
        #expect(Author.isBareLogin(nil) && Author.isBareLogin(("sam", .login)))
        #expect(Author.isBareLogin(("root", .account), environment: ["USER": "root"]))
        #expect(!Author.isBareLogin(("Sam Patel", .account), environment: ["USER": "sam"]))
        #expect(!Author.isBareLogin(("sam", .config), environment: ["USER": "sam"]))
        #expect(throws: Author.SaveNameError.self) { try Author.saveConfiguredName("a\nb", environment: environment) }
    }
}

@Suite("Letters without a status line, on opening")
struct StatusWithoutHistoryNoticeTests {
    @Test func theFooterOffersFixHistoryAfterTheNamePrompt() throws {
        var state = try TUIFixtures.state(width: 120)
        state.announceStatusesWithoutHistory([])
        #expect(state.message == nil)
        state.announceStatusesWithoutHistory(["1.1d"])
        #expect(
            state.message?.text
                == "1.1d's letter has no status line saying when it changed: actionplan check example-jtai.plan --fix-history --date DATE"
        )
        #expect(render(state).row(at: 23).hasPrefix("1.1d's letter has no status line"))

        var asking = try TUIFixtures.state(width: 120)
        asking.author = "sam"
        asking.askForName()
        asking.announceStatusesWithoutHistory(["1.1d", "2.1b"])
        #expect(render(asking).row(at: 23).hasPrefix("Your full name, for the history: sam"))
        asking.press(.escape)
        #expect(asking.message?.text.hasPrefix("2 letters (1.1d…) have no status line") == true)
        asking.press(.character("j"))
        #expect(asking.message == nil)
    }
}
