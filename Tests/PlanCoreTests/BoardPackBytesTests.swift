import Foundation
import Testing

@testable import PlanCore

/// The board pack's pieces written as bytes (issue 12, ninth round) against the strings
/// they replace: dates, status cells and ref links, and the notes newest first without a sort.
@Suite struct BoardPackBytesTests {
    private static func bytes(_ write: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = Array("x".utf8)
        write(&out)
        return String(decoding: out.dropFirst(), as: UTF8.self)
    }

    @Test func datesAsBytesAreTheirPrintedForms() {
        let years = [1, 7, 9, 10, 42, 99, 100, 101, 999, 1000, 1001, 1999, 2000, 2026, 2100, 9000, 9999]
        for year in years {
            for month in 1...12 {
                for day in [1, 2, 9, 10, 11, 19, 20, 28, 29, 30, 31] {
                    guard let date = PlanDate(year: year, month: month, day: day) else { continue }
                    #expect(Self.bytes(date.appendISO) == date.iso)
                    #expect(Self.bytes(date.appendUKLong) == date.ukLong)
                    #expect(Self.bytes(date.appendUKShort) == date.ukShort)
                }
            }
        }
    }

    @Test func statusCellsAndLinksAreTheElementsTheyWere() throws {
        var plan = try parse(planHeader + "- [A] 1.1a Publish guidance.\n  - Due: 2026-02-28\n").plan
        plan.statusKey.entries.append(.init(status: .blue, label: "Blue <b>&'\"</b>", definition: "Embedded"))
        let pack = BoardPack(plan: plan, asOf: date("2026-01-15"))
        for status in Status.allCases {
            let badge = HTML.element(
                "span", [("class", "badge rag-\(status.code)"), ("title", pack.label(status))], status.code)
            #expect(BoardPackHTML.badge(status, pack) == badge)
            #expect(
                BoardPackHTML.statusCell(status, pack)
                    == HTML.element("span", [("class", "status")], badge + " " + HTML.escaped(pack.label(status))))
        }
        for ref in ["1.1.1", "A/2-b_c.3", "x"] {
            #expect(
                BoardPackHTML.refLink(ref)
                    == HTML.element("a", [("href", "#" + BoardPackHTML.anchor(ref))], HTML.escaped(ref)))
        }
    }

    @Test func notesNewestFirstAreTheSortedNotes() throws {
        var generator = SystemRandomNumberGenerator()
        var action = try parse(planHeader + "- [A] 1.1a Publish guidance.\n").plan.actions[0]
        let days = (1...6).map { date("2026-01-0\($0)") }
        for round in 0..<400 {
            let count = round % 7
            // Ascending, descending, or any order; with ties on a day in each.
            var dates = (0..<count).map { _ in days[Int.random(in: 0..<(round % 3 == 0 ? 2 : 6), using: &generator)] }
            if round % 4 == 1 { dates.sort() }
            if round % 4 == 2 { dates.sort(by: >) }
            action.notes = dates.enumerated().map { Note(date: $1, author: nil, text: "note \($0)", line: $0) }
            let sorted = action.notes.enumerated()
                .sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }.map(\.element.text)
            #expect(BoardPack.notesNewestFirst(action).map(\.text) == sorted, "\(dates)")
        }
    }
}
