import Foundation
import Testing

@testable import PlanCore

/// The tool is built on FoundationEssentials, without the full Foundation and its ICU;
/// these tests hold what replaced `CharacterSet`, `NSString` and friends to the answers
/// of the full Foundation, which the tests still link.
@Suite struct FoundationParityTests {
    static let blanks = [
        " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}",
        "\u{2029}", "\u{202F}", "\u{3000}", "\u{200B}", "a", "é", "e\u{301}", "\u{301}", "x y", ".", ",", "1",
    ]

    @Test func trimmingMatchesCharacterSets() {
        for text in seededTexts(of: Self.blanks, seed: 11, upTo: 6) {
            #expect(
                text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            #expect(
                text.trimmingWhitespace(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(Array(text.unicodeScalars))")
            #expect(text.trimmingNewlines() == text.trimmingCharacters(in: .newlines), "\(Array(text.unicodeScalars))")
            #expect(
                text.trimming(charactersIn: ". ") == text.trimmingCharacters(in: CharacterSet(charactersIn: ". ")),
                "\(Array(text.unicodeScalars))")
        }
    }

    @Test func replacingMatchesReplacingOccurrences() {
        let pieces = ["\n", "\r\n", "\r", "'", "\"", "\\", " -> ", " ", "-", ">", "é", "a"]
        let targets = ["\n", "\r\n", "\r", "'", "\"", "\\", " -> ", " ", "\n\n"]
        for text in seededTexts(of: pieces, seed: 12, upTo: 8, count: 1_000) {
            for target in targets {
                #expect(
                    text.replacingEvery(target, with: "<\(target)>")
                        == text.replacingOccurrences(of: target, with: "<\(target)>"),
                    "\(Array(text.unicodeScalars)) \(Array(target.unicodeScalars))")
            }
        }
    }

    @Test func refOrderMatchesLocalizedStandardCompare() {
        let pieces = ["1", "2", "9", "10", "0", "01", ".", "a", "b", "z", "A", "B", "-", "_", "/"]
        let refs = seededTexts(of: pieces, seed: 13, upTo: 5, count: 400).filter {
            $0.first.map { $0.isLetter || $0.isNumber } ?? false
        }
        for a in refs.prefix(200) {
            for b in refs.prefix(200) {
                let expected = a.localizedStandardCompare(b).rawValue
                #expect(RefOrder.compare(a, b) == expected, "\(a) against \(b)")
            }
        }
    }

    @Test func fixedPointMatchesStringFormat() {
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, 1.45, 2.5, -2.55, 61.97, 1e20, -1e-7, 123_456.789]
        values += (0..<2_000).map { Double($0) * 0.037 - 20 }
        for value in values {
            #expect(fixedPoint(value, decimals: 1) == String(format: "%.1f", value), "\(value)")
            #expect(fixedPoint(value, decimals: 2) == String(format: "%.2f", value), "\(value)")
        }
    }

    @Test func mailDateMatchesDateFormatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        for dayNumber in stride(from: -800, through: 40_000, by: 37) {
            let day = PlanDate(dayNumber: dayNumber)
            let date = Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + 9 * 3_600)
            #expect(ChaseMail.rfc5322Date(day) == formatter.string(from: date), "\(day)")
        }
    }

    @Test func pathTextMatchesNSString() {
        let paths = [
            "/", "a", "a/", "/a", "/a/", "a/b.plan", "/tmp/plans/b.plan", "./plans//a.plan", "plans/./a.plan",
            "/tmp/x/../y.plan", "/..", "a/../b", ".", "./", "./.", "./a/./b", ".//x", "x/./", "..", "b.PLAN", ".hidden",
            "dir.d/file", "a.tar.gz", "x.", "~", "~/x/", "//a//b/",
        ]
        for path in paths {
            let ns = path as NSString
            #expect(PathText.lastComponent(path) == ns.lastPathComponent, "\(path)")
            #expect(PathText.pathExtension(path) == ns.pathExtension, "\(path)")
            #expect(PathText.standardized(path) == ns.standardizingPath, "\(path)")
            // Foundation on Linux traps on a single component (`a`, `a/`) and gives `` for `/`.
            if path != "/", path.dropLast(path.hasSuffix("/") ? 1 : 0).contains("/") {
                #expect(PathText.deletingLastComponent(path) == ns.deletingLastPathComponent, "\(path)")
            }
        }
        #expect(PathText.deletingLastComponent("a") == "")
        #expect(PathText.deletingLastComponent("a/") == "")
        #expect(PathText.deletingLastComponent("/") == "/")
    }

    @Test func pathTextResolvesLinksAsNSStringDoes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
        let real = base.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createSymbolicLink(
            atPath: base.appendingPathComponent("link").path, withDestinationPath: real.path)
        try Data("# Plan\n".utf8).write(to: real.appendingPathComponent("x.plan"))
        for rest in [
            "link/x.plan", "link/missing.plan", "link/missing/y.plan", "link", "real/x.plan", "link/../link/x.plan",
        ] {
            let path = base.path + "/" + rest
            #expect(PathText.standardized(path) == (path as NSString).standardizingPath, "\(rest)")
        }
    }

    @Test func rangeIgnoringCaseMatchesCaseInsensitiveSearch() {
        let pieces = ["a", "A", "b", "B", "é", "É", "e\u{301}", " ", "x"]
        let queries = ["a", "ab", "AB", "é", "É", "b a", "x"]
        for text in seededTexts(of: pieces, seed: 14, upTo: 7, count: 1_000) {
            for query in queries {
                let mine = text.rangeIgnoringCase(of: query).map {
                    text.distance(from: text.startIndex, to: $0.lowerBound)
                }
                let theirs = text.range(of: query, options: .caseInsensitive).map {
                    text.distance(from: text.startIndex, to: $0.lowerBound)
                }
                #expect(mine == theirs, "\(Array(text.unicodeScalars)) \(query)")
            }
        }
    }
}

@Suite struct SystemErrorTextTests {
    @Test func aFileSystemErrorReadsAsTheSystemsReason() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)/x")
        do {
            try FileManager.default.createDirectory(at: missing, withIntermediateDirectories: false)
            Issue.record("a folder was made in a missing folder")
        } catch {
            #expect(SystemErrorText.describing(error) == "No such file or directory")
        }
        #expect(SystemErrorText.describing(POSIXError(.EACCES)) == "Permission denied")
        #expect(SystemErrorText.describing(CocoaError(.fileWriteOutOfSpace)) == "No space left on device")
        struct Other: Error, CustomStringConvertible { var description: String { "other" } }
        #expect(SystemErrorText.describing(Other()) == "other")
    }
}
