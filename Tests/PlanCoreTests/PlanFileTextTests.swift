import Foundation
import Testing

@testable import PlanCore

/// `PlanFile.readCheckedText` leaves the UTF-8 check to the string that takes the bytes,
/// and tells a repaired string by the U+FFFD the repair put in.
@Suite("Reading a plan file's text")
struct PlanFileTextTests {
    private static let header = "# Plan\n\n## 1. Theme\n\n### 1.1 Area\n\n"

    /// Invalid sequences of every kind, among them ones whose repair is as long as they
    /// are (a truncated four-byte sequence: three bytes, one U+FFFD of three bytes).
    static let invalid: [[UInt8]] = [
        [0x80], [0xC0, 0xAF], [0xE9, 0x2E], [0xED, 0xA0, 0x80], [0xF0, 0x90, 0x80, 0x61], [0xF5, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF],
    ]

    @Test("invalid UTF-8 is refused with its line and column, as from data", arguments: invalid)
    func invalidBytes(sequence: [UInt8]) throws {
        let bytes = Data((Self.header + "- [A] 1.1a Caf").utf8) + Data(sequence) + Data(" done.\n".utf8)
        try withFile(bytes) { (path: String) throws in
            #expect(try PlanFile.readCheckedText(path) == nil)
            let error = try #require(throws: PlanFileError.self) { try PlanFile.load(path) }
            #expect(error.description.hasPrefix("\(path):7:15: error: invalid UTF-8"), "\(error)")
        }
    }

    @Test func validTextIsReadAsItIs() throws {
        let text = Self.header + "- [A] 1.1a Café – “quoted” 😀 done.\n"
        try withFile(Data(text.utf8)) { (path: String) throws in
            #expect(try PlanFile.readCheckedText(path) == text)
            #expect(try PlanFile.load(path).plan.actions.first?.text == "Café – “quoted” 😀 done.")
        }
    }

    @Test func aFileHoldingTheReplacementCharacterIsCheckedAsData() throws {
        let text = Self.header + "- [A] 1.1a Copied from a broken sheet: \u{FFFD}.\n"
        try withFile(Data(text.utf8)) { (path: String) throws in
            #expect(try PlanFile.readCheckedText(path) == nil)
            #expect(try PlanFile.load(path).plan.actions.first?.text == "Copied from a broken sheet: \u{FFFD}.")
        }
    }

    @Test func aNULByteIsRefused() throws {
        let bytes = Data((Self.header + "- [A] 1.1a A\0B.\n").utf8)
        try withFile(bytes) { (path: String) throws in
            #expect(try PlanFile.readCheckedText(path) == nil)
            let error = try #require(throws: PlanFileError.self) { try PlanFile.load(path) }
            #expect(error.description.contains("NUL byte"), "\(error)")
        }
    }

    @Test("U+FFFD is found wherever it stands, and only whole", arguments: 0..<12)
    func replacementCharacter(at offset: Int) {
        var bytes = [UInt8](repeating: 0x61, count: 12)
        for (i, byte) in [UInt8](arrayLiteral: 0xEF, 0xBF, 0xBD).enumerated() where offset + i < bytes.count {
            bytes[offset + i] = byte
        }
        let whole = offset + 3 <= bytes.count
        #expect(bytes.withUnsafeBytes { PlanFile.containsReplacementCharacter($0) } == whole)
        let other = bytes.map { $0 == 0xBD ? 0xBE : $0 }
        #expect(!other.withUnsafeBytes { PlanFile.containsReplacementCharacter($0) })
    }

    private func withFile(_ bytes: Data, _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.plan").path
        try bytes.write(to: URL(fileURLWithPath: path))
        try body(path)
    }
}

extension PlanFileTextTests {
    @Test(
        "the file's text check agrees with the full check on odd bytes",
        arguments: invalid + [[], [0x0A], [0x00], [0xEF, 0xBF, 0xBD], [0x61, 0x0A, 0x62]])
    func agreesWithTheFullCheck(bytes: [UInt8]) {
        for data in [Data(bytes), Data("a\n".utf8) + Data(bytes), Data(bytes) + Data("\nb".utf8)] {
            #expect(PlanFile.fileTextDisagreement(in: data) == nil, "\(Array(data))")
        }
    }
}

/// The file's text is read in pieces and appended in runs; a piece may end inside a
/// character, and the text must still be taken exactly when the bytes are valid.
extension PlanFileTextTests {
    /// Characters of one to four bytes, with ASCII runs long enough to be appended on their own.
    static let mixed = Array(
        (String(repeating: "ab", count: 40) + "é–😀" + String(repeating: "c", count: 10) + "😀é\r\n"
            + String(repeating: "d", count: 70) + "–").utf8)

    static let pieceSizes = [8, 9, 10, 11, 13, 64, PlanFile.textPieceSize]

    /// What the full check says of `bytes`: the text when they are valid UTF-8 without NUL or U+FFFD.
    private static func expected(_ bytes: [UInt8]) -> String? {
        let data = Data(bytes)
        let valid = UTF8Validation.firstProblem(in: data) == nil && data.range(of: Data([0xEF, 0xBF, 0xBD])) == nil
        return valid ? String(decoding: bytes, as: UTF8.self) : nil
    }

    private static func read(_ bytes: [UInt8], pieceSize: Int, capacity: Int? = nil) -> String? {
        var offset = 0
        return PlanFile.checkedText(capacity: capacity ?? bytes.count + 1, pieceSize: pieceSize) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            for k in 0..<count { buffer[k] = bytes[offset + k] }
            offset += count
            return count
        }
    }

    @Test("valid text is taken whole, wherever the pieces end", arguments: pieceSizes)
    func validTextInPieces(pieceSize: Int) {
        for start in 0..<24 {
            let bytes = Array(Self.mixed[start...])
            #expect(Self.read(bytes, pieceSize: pieceSize) == Self.expected(bytes), "from byte \(start)")
        }
        #expect(Self.read(Self.mixed, pieceSize: pieceSize) == String(decoding: Self.mixed, as: UTF8.self))
    }

    @Test("invalid bytes are refused wherever they stand in the pieces", arguments: invalid + [[0x00]])
    func invalidBytesInPieces(sequence: [UInt8]) {
        for offset in 0...Self.mixed.count {
            var bytes = Self.mixed
            bytes.insert(contentsOf: sequence, at: offset)
            for pieceSize in Self.pieceSizes {
                #expect(Self.read(bytes, pieceSize: pieceSize) == Self.expected(bytes), "at \(offset), \(pieceSize)")
            }
        }
    }

    @Test("bytes that reach the capacity are not taken: the file grew", arguments: pieceSizes)
    func moreThanExpected(pieceSize: Int) {
        #expect(Self.read(Self.mixed, pieceSize: pieceSize, capacity: Self.mixed.count) == nil)
        #expect(Self.read(Self.mixed, pieceSize: pieceSize, capacity: Self.mixed.count + 1) != nil)
    }
}
