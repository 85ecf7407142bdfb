import Foundation
import PropertyBased
import Testing

@testable import PlanCore

/// Paths and parsing helpers shared by the core tests.
enum Fixtures {
    static var directory: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    static func files(in folder: String) -> [URL] {
        let url = directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".plan") }.sorted().map { url.appendingPathComponent($0) }
    }

    /// The example plans in the repository's `plans/` folder.
    static var examplePlans: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("plans")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".plan") }.sorted().map { folder.appendingPathComponent($0) }
    }
}

func date(_ iso: String) -> PlanDate { DateText.parseISO(iso)! }

/// Parses text that must be valid.
func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> PlanDocument {
    do {
        return try PlanDocument(text: text)
    } catch {
        let listing = error.diagnostics.map(\.description).joined(separator: "\n")
        Issue.record(Comment(rawValue: "unexpected errors:\n" + listing), sourceLocation: sourceLocation)
        throw error
    }
}

/// The diagnostics of text that must fail, as `line:col: severity: message`.
func problems(_ text: String) -> [String] {
    do {
        let document = try PlanDocument(text: text)
        return document.warnings.map(\.description)
    } catch {
        return error.diagnostics.map(\.description)
    }
}

func errors(_ text: String) -> [String] { problems(text).filter { $0.contains(": error: ") } }
func warnings(_ text: String) -> [String] { problems(text).filter { $0.contains(": warning: ") } }

/// A minimal valid plan with one area, to which a test appends actions or lines.
let planHeader = """
    # Test plan
    - As at: 2026-01-14

    ## 1 Section one
    ### 1.1 Area one

    """

/// A fresh folder holding `p.plan`, saved from plans/small.plan: what the save tests start from.
func folderWithSmallPlan(_ prefix: String) throws -> (folder: URL, path: String, original: PlanDocument) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("p.plan").path
    let original = try PlanDocument(
        data: Data(contentsOf: Fixtures.examplePlans.first { $0.lastPathComponent == "small.plan" }!))
    try PlanFile.save(original, to: path)
    return (folder, path, original)
}

/// Every line number in a model value (where each part was read), in the order the
/// value's properties are declared: what `==` ignores by design (see `LineNumber`), for
/// the tests that check where things stand as well as what they say.
///
/// An action's and an area's parts keep the line they were read at, and the action or
/// area says how far it has moved since (`linesMoved`): their numbers here are where
/// they stand now.
func lineNumbers(_ value: Any) -> [Int] {
    if let number = value as? LineNumber { return [number.wrappedValue] }
    if let actions = value as? ActionList { return actions.flatMap(lineNumbers) }
    if let areas = value as? AreaList { return areas.flatMap(lineNumbers) }
    if let action = value as? Action { return movedLineNumbers(action, by: action.linesMoved, line: action.line) }
    if let area = value as? Area { return movedLineNumbers(area, by: area.linesMoved, line: area.line) }
    return Mirror(reflecting: value).children.flatMap { lineNumbers($0.value) }
}

/// The line numbers of `holder`'s parts moved by `delta`, then its own `line`.
private func movedLineNumbers(_ holder: Any, by delta: Int, line: Int) -> [Int] {
    let parts = Mirror(reflecting: holder).children.filter { $0.label != "_line" && $0.label != "_linesMoved" }
    return parts.flatMap { lineNumbers($0.value) }.map { $0 + delta } + [line]
}

/// Asserts that two documents hold their parts at the same lines: the spans of the actions
/// and every line number of the plan.
func expectSameLayout(
    _ edited: PlanDocument, _ full: PlanDocument, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(edited.spans == full.spans, "\(what): the action spans differ", sourceLocation: sourceLocation)
    #expect(
        lineNumbers(edited.plan) == lineNumbers(full.plan), "\(what): the line numbers differ",
        sourceLocation: sourceLocation)
    #expect(
        reportedLines(edited) == reportedLines(full), "\(what): a reported line differs",
        sourceLocation: sourceLocation)
}

/// What the readers of line numbers report: the JSON of every action and measure, the
/// checks' warnings, and where the merge's blocks cut each action's lines.
func reportedLines(_ document: PlanDocument) -> [String] {
    let plan = document.plan
    let day = date("2030-01-01")
    let json = plan.actions.map { PlanJSON.action($0, key: plan.statusKey, on: day).serialized() }
    let measures = plan.allMeasures.map { GovernanceJSON.measure($0.measure, holder: $0.holder).serialized() }
    let checks =
        HistoryCheck.warnings(for: plan, on: date("2020-01-01")) + BoardCheck.warnings(for: plan, on: day)
        + GovernanceCheck.warnings(for: plan, on: day)
    let blocks = plan.actions.map { action in
        ActionBlock(action, in: document).items.map { "\($0.kind): \($0.lines.map(\.text))" }.joined(separator: "|")
    }
    return json + measures + checks.map { "\($0.line):\($0.column) \($0.message)" } + blocks
}

/// `count` strings of 0 to `upTo` pieces each, from a fixed seed so that a failure repeats.
func seededTexts(of pieces: [String], seed: UInt64, upTo: Int, count: Int = 4_000) -> [String] {
    var random = Xoshiro(seed: (seed, 0x7E27, 0x5A, 1))
    func next() -> Int { Int(truncatingIfNeeded: random.next() >> 33) }
    return (0..<count).map { _ in (0..<(next() % (upTo + 1))).map { _ in pieces[next() % pieces.count] }.joined() }
}
