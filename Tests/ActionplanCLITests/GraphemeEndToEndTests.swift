import Foundation
import Testing

@testable import PlanCore

/// Graphemes ncurses cannot hold in one cell, drawn whole by the real interface in tmux
/// (tmux 3.3 draws a ZWJ sequence of up to 21 bytes as one two-column glyph).
@Suite("Whole graphemes in tmux", .serialized)
struct GraphemeEndToEndTests {
    static let family = "👨‍👩‍👧"
    static let marks = "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}"

    @Test(.enabled(if: TUIEndToEndTests.tmuxAvailable, "tmux is not installed"))
    func zwjSequencesAndLongRunsOfCombiningMarksAreDrawnWholeAndRowsStayAligned() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write(
            "plan.plan",
            """
            # Graphemes
            - As at: 2026-06-30

            ## 1 Families
            ### 1.1 Visits
            - Needs to improve: visits.

            - [A] 1.1a Family \(Self.family) visits \(Self.marks) weekly.
              - Owner: Early Help

            - [G] 1.1b Plain visits each week.
              - Owner: Early Help

            """)
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.kill() }
        session.run(
            "ACTIONPLAN_TODAY=2026-06-30 '\(actionplanBinary.path)' open --no-mouse '\(path)'; echo \"exit=$?\"")
        try session.waitFor("Plain visits")
        try session.waitFor { $0.contains(Self.family) && $0.contains(Self.marks) }
        let rows = session.capture().split(separator: "\n").map(String.init)
        let fancy = try #require(rows.first { $0.contains("1.1a") })
        let plain = try #require(rows.first { $0.contains("1.1b") })
        #expect(fancy.contains("Family \(Self.family) visits \(Self.marks) weekly."), "\(fancy)")
        let column = { (row: String) -> Int? in
            row.range(of: "Early Help").map { DisplayWidth.of(row[..<$0.lowerBound]) }
        }
        #expect(column(fancy) != nil && column(fancy) == column(plain), "\(fancy)\n\(plain)")
        session.keys("q")
        try session.waitFor("exit=0")
    }
}
