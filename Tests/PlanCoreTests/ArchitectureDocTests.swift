import Foundation
import Testing

/// docs/architecture.md stays true to the tree: every target and folder it has is named there.
@Suite struct ArchitectureDocTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Folders under `Sources/` (two levels) and `Tests/` (one level), as `NAME/`.
    static func folders() throws -> [String] {
        let fileManager = FileManager.default
        func subfolders(_ url: URL) throws -> [URL] {
            try fileManager.contentsOfDirectory(at: url, includingPropertiesForKeys: [.isDirectoryKey])
                .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
        }
        let sources = try subfolders(root.appendingPathComponent("Sources"))
        let nested = try sources.flatMap(subfolders)
        let tests = try subfolders(root.appendingPathComponent("Tests"))
        return (sources + nested + tests).map { $0.lastPathComponent + "/" }
            .filter { !["Fixtures/", "Snapshots/"].contains($0) && !$0.hasPrefix(".") }
    }

    @Test func everyFolderOfTheTreeIsDescribed() throws {
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let tree = try #require(text.components(separatedBy: "```").dropFirst().first)
        let named = Set(tree.split(whereSeparator: \.isWhitespace).map(String.init))
        for folder in try Self.folders() {
            #expect(named.contains(folder), "docs/architecture.md does not name \(folder)")
        }
    }
}
