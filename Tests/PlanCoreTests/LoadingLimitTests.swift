import Foundation
import Testing

@testable import PlanCore

@Suite("Loading limits")
struct LoadingLimitTests {
    @Test(
        "lines are counted, and every byte counts", arguments: [0, 1, 7, 8, 9, 15, 16, 17, 100])
    func lineCount(length: Int) {
        for newlineAt in [nil] + Array(0..<length).map(Optional.some) {
            var bytes = (0..<length).map { UInt8(truncatingIfNeeded: 0x80 &+ $0 &* 37) | 0x01 }
            bytes = bytes.map { $0 == 0x0A ? 0x0B : $0 }
            if let newlineAt { bytes[newlineAt] = 0x0A }
            let data = Data(bytes)
            let expected = bytes.count { $0 == 0x0A } + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
            #expect(PlanFile.lineCount(data) == expected, "\(bytes)")
        }
        let all = Data(repeating: 0x0A, count: length)
        #expect(PlanFile.lineCount(all) == length)
        let none = Data(repeating: 0x8A, count: length)
        #expect(PlanFile.lineCount(none) == (length == 0 ? 0 : 1))
    }
}
