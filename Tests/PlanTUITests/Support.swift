import Foundation
import Testing

@testable import PlanCore
@testable import PlanTUI

enum TUIFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")
    static let today = DateText.parseISO("2026-11-10")!

    static func document(_ name: String = "example-jtai.plan") throws -> PlanDocument {
        try PlanFile.load(root.appendingPathComponent("plans/\(name)").path)
    }

    static func state(_ name: String = "example-jtai.plan", width: Int = 80, height: Int = 24, colors: Bool = false)
        throws -> AppState
    {
        AppState(
            document: try document(name), path: "plans/\(name)", today: today, author: "Test Person",
            width: width, height: height, colors: colors)
    }

    static func state(text: String, width: Int = 80, height: Int = 24, colors: Bool = false) throws -> AppState {
        AppState(
            document: try PlanDocument(text: text), path: "test.plan", today: today, author: "Test Person",
            width: width, height: height, colors: colors)
    }
}

extension AppState {
    /// Feeds keys through the update; returns every effect asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] { press(keys) }

    @discardableResult
    mutating func press(_ keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += update(.key(key)) }
        return effects
    }

    mutating func selectRef(_ ref: String) {
        select(rows.firstIndex(of: .action(plan.index(ofRef: ref)!))!)
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] { press(text.map { $0 == "\n" ? Key.enter : .character($0) }) }
}

/// Compares a frame with `Snapshots/NAME.txt`. A missing snapshot is written and
/// the test fails, so that new snapshots are looked at before they are committed;
/// `SNAPSHOT_RECORD=1` rewrites them all.
func assertSnapshot(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshot(text: grid.text + "\n", named: name, sourceLocation: sourceLocation)
}

/// Compares text (a styled frame, say) with `Snapshots/NAME.txt`, as above.
func assertSnapshot(text actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = TUIFixtures.snapshots.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: TUIFixtures.snapshots, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}

/// A terminal that replays keys and keeps every frame.
final class FakeTerminal: Terminal, @unchecked Sendable {
    var size: (width: Int, height: Int)
    var keys: [Key]
    var frames: [Grid] = []
    var restored = false
    var suspended = 0

    /// Keys typed together, faster than frames are drawn: after the first of a batch
    /// is read, the rest are waiting (``readPendingKeys()``).
    var batches: [[Key]] = []
    var waiting: [Key] = []

    init(width: Int = 80, height: Int = 24, keys: [Key]) {
        size = (width, height)
        self.keys = keys
    }

    init(width: Int = 80, height: Int = 24, batches: [[Key]]) {
        size = (width, height)
        self.keys = []
        self.batches = batches.filter { !$0.isEmpty }
    }

    func draw(_ grid: Grid) { frames.append(grid) }

    func readKey(timeoutMilliseconds: Int) -> Key {
        if !batches.isEmpty {
            var batch = batches.removeFirst()
            let first = batch.removeFirst()
            waiting = batch
            return first
        }
        return keys.isEmpty ? .character("q") : keys.removeFirst()
    }

    func readPendingKeys() -> [Key] {
        defer { waiting = [] }
        return waiting
    }

    func suspend(while body: () -> Void) {
        suspended += 1
        body()
    }

    func restore() { restored = true }
}

extension Grid {
    /// The first cell at which `text` starts in row `y`, counting cells (not characters).
    func column(of text: String, inRow y: Int) -> Int? {
        let target = Array(text)
        for x in 0..<width {
            var matched = 0
            var column = x
            while matched < target.count, column < width {
                let cell = self[column, y].text
                if cell.isEmpty {
                    column += 1
                    continue
                }
                guard cell == String(target[matched]) else { break }
                matched += 1
                column += 1
            }
            if matched == target.count { return x }
        }
        return nil
    }
}
