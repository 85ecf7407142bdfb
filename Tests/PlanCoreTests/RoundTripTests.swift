import Foundation
import Testing

@testable import PlanCore

@Suite("Lossless round trip")
struct RoundTripTests {
    static let files = Fixtures.files(in: "valid") + Fixtures.examplePlans

    @Test func thereAreFilesToCheck() {
        #expect(Fixtures.files(in: "valid").count >= 10)
        #expect(Fixtures.examplePlans.map(\.lastPathComponent).contains("example-jtai.plan"))
    }

    @Test(arguments: files)
    func parseThenWriteGivesTheSameBytes(_ url: URL) throws {
        let bytes = try Data(contentsOf: url)
        let document = try PlanDocument(data: bytes)
        #expect(document.data == bytes)
        #expect(!document.plan.actions.isEmpty)
    }

    /// A save streams the bytes in chunks; any chunk size gives the file back, and the
    /// comparison a save makes with the file on disk agrees with the bytes.
    @Test(arguments: files)
    func streamedBytesInSmallChunksAreTheFile(_ url: URL) throws {
        let bytes = try Data(contentsOf: url)
        let document = try PlanDocument(data: bytes)
        for chunkSize in [1, 7, 4096] {
            var streamed = Data()
            document.withBytes(chunkSize: chunkSize) { (chunk: UnsafeRawBufferPointer) in
                #expect(chunk.count <= chunkSize)
                streamed.append(chunk.bindMemory(to: UInt8.self))
            }
            #expect(streamed == bytes)
        }
        #expect(document.byteCount == bytes.count)
        #expect(document.hasBytes(bytes))
        #expect(!document.hasBytes(bytes.dropLast()))
        var changed = bytes
        changed[changed.startIndex + changed.count / 2] ^= 0x01
        #expect(!document.hasBytes(changed))
    }

    @Test(arguments: files)
    func aStatusChangeTouchesOnlyTheActionLineAndAddsOne(_ url: URL) throws {
        let bytes = try Data(contentsOf: url)
        var document = try PlanDocument(data: bytes)
        let action = document.plan.actions.last!
        let span = document.span(of: action)
        let target: Status = action.status == .red ? .amber : .red
        try document.setStatus(ref: action.ref, to: target, on: date("2027-01-05"), by: "Test Person")
        let before = lines(bytes)
        let after = lines(document.data)
        #expect(after.count == before.count + 1)
        let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        // The action line changes; the rest is identical up to the inserted line.
        #expect(changed.first == action.line - 1)
        let inserted = span.lines.upperBound
        #expect(Array(after[(inserted + 1)...]) == Array(before[inserted...]))
        // Without a final newline, the old last line gains one and the new last line has none.
        let strip = { (line: Data) in line.last == UInt8(ascii: "\n") ? line.dropLast() : line }
        #expect(
            Array(after[..<inserted]).enumerated().allSatisfy {
                $0.offset == action.line - 1 || $0.element == before[$0.offset]
                    || (bytes.last != UInt8(ascii: "\n") && $0.offset == before.count - 1
                        && strip($0.element) == before[$0.offset])
            })
        #expect(
            String(decoding: after[inserted], as: UTF8.self).contains(
                "- Status 2027-01-05 (Test Person): \(action.status.code) -> \(target.code)"))
    }

    /// Lines with their endings, as raw bytes, so that endings are compared too.
    func lines(_ data: Data) -> [Data] {
        var out: [Data] = []
        var start = data.startIndex
        for i in data.indices where data[i] == UInt8(ascii: "\n") {
            out.append(data[start...i])
            start = i + 1
        }
        if start < data.endIndex { out.append(data[start...]) }
        return out
    }
}
