import Foundation
import PropertyBased
import Testing

@testable import PlanCore

/// The UTF-8 check a plan's bytes go through before they are parsed, against the
/// standard library's decoder: the same first bad byte or NUL, wherever it falls in a
/// run of ASCII (the check reads eight bytes at a time there).
@Suite struct UTF8ValidationTests {
    /// Offset of the first byte that starts an invalid sequence, or of the first NUL.
    private static func reference(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0 { return offset }
                offset += encoded.count
            case .error:
                return offset
            case .emptyInput:
                return nil
            }
        }
    }

    private static let pieces: [[UInt8]] = [
        Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0], [0xFF], [0x80], [0xC0, 0x80], [0xE2, 0x82],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x7F], [0x0A],
    ]

    @Test func findsTheSameFirstProblemAsTheStandardLibrary() {
        var random = Xoshiro(seed: (0x5EED, 0x07F8, 0xFF, 1))
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(6) {
                bytes += (0..<next(24)).map { _ in UInt8(0x20 + next(0x5F)) }
                if next(3) > 0 { bytes += Self.pieces[next(Self.pieces.count)] }
            }
            #expect(
                UTF8Validation.firstProblem(in: Data(bytes)) == Self.reference(bytes), "bytes: \(bytes)")
        }
    }

    @Test func aProblemAtEachPositionOfALongASCIIRunIsFound() {
        for position in 0..<40 {
            for bad: [UInt8] in [[0], [0xFF], [0xE2, 0x82], [0x80]] {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 40)
                bytes.replaceSubrange(position..<min(40, position + bad.count), with: bad)
                #expect(UTF8Validation.firstProblem(in: Data(bytes)) == Self.reference(bytes))
            }
        }
        #expect(UTF8Validation.firstProblem(in: Data(repeating: UInt8(ascii: "a"), count: 41)) == nil)
    }
}
