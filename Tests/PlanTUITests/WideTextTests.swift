import Foundation
import Testing

@testable import PlanCore
@testable import PlanTUI

/// Wide and joined characters on screen: kept whole, and never pushing a border out.
@Suite struct WideTextTests {
    static let plan = """
        # 計画 plan
        - As at: 2026-06-30

        ## 1 学校 schools
        ### 1.1 出席 attendance
        - Needs to improve: 出席

        - [A] 1.1a 共有する𛀁𛀂𛀃𛀄𛀅𛀆𛀇𛀈𛀉𛀊𛀋𛀌𛀍𛀎𛀏𛀐𛀑𛀒𛀓𛀔𛀕𛀖𛀗𛀘𛀙𛀚𛀛𛀜𛀝𛀞𛀟𛀠𛀡𛀢𛀣𛀤𛀥𛀦 🈐🈑🈒🈓🈔🈕🈖🈗🈘🈙🈚🈛🈜🈝🈞🈟🈠 end
          - Owner: 田中さん䷀䷁䷂䷃䷄䷅䷆䷇䷈䷉䷊䷋䷌䷍䷎䷏䷐䷑䷒䷓䷔䷕䷖䷗䷘䷙䷚䷛䷜䷝䷞䷟䷠䷡䷢䷣䷤䷥䷦䷧
          - Due: 2026-09-30

        """

    @Test(arguments: [80, 81, 120])
    func theEditFormKeepsItsBordersWithCJK(width: Int) throws {
        var state = try TUIFixtures.state(text: Self.plan, width: width, height: 24)
        state.selectRef("1.1a")
        state.press(.character("e"))
        for presses in 0..<3 {
            let grid = render(state)
            let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let top = try #require(rows.firstIndex { $0.contains("┌") })
            let bottom = try #require(rows.firstIndex { $0.contains("└") })
            for y in top...bottom {
                // Columns as the terminal counts them (glibc's wcwidth, as ncurses does), up to the border.
                var columns = 0
                for x in 0..<grid.width where !grid[x, y].text.isEmpty {
                    if "┐│┘".contains(grid[x, y].text) && x > width / 2 { break }
                    columns += Self.terminalColumns(grid[x, y].text)
                }
                #expect(columns == width - 3, "row \(y) after \(presses) tabs: \(rows[y])")
            }
            state.press(.tab)
        }
    }

    static func terminalColumns(_ text: String) -> Int {
        typealias Width = @convention(c) (Int32) -> Int32
        let wcwidth = unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), "wcwidth")!, to: Width.self)
        setlocale(LC_CTYPE, "C.UTF-8")
        // A grapheme takes the cells of its first scalar (terminals join the rest to it).
        return text.unicodeScalars.first.map { max(0, Int(wcwidth(Int32($0.value)))) } ?? 0
    }
}
