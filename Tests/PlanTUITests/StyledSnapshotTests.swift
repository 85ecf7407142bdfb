import Foundation
import Testing

@testable import PlanCore
@testable import PlanTUI

/// A frame with its styles: the text, then for each row a letter per cell naming its
/// style, then what each letter is. A changed colour or attribute changes the file.
func styledText(_ grid: Grid) -> String {
    var legend: [Style: Character] = [:]
    var order: [Style] = []
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var codes: [String] = []
    for y in 0..<grid.height {
        var line = ""
        for x in 0..<grid.width {
            let style = grid[x, y].style
            if legend[style] == nil {
                legend[style] = letters[min(order.count, letters.count - 1)]
                order.append(style)
            }
            line.append(legend[style] ?? "?")
        }
        codes.append(line)
    }
    func describe(_ style: Style) -> String {
        var parts: [String] = []
        if let fg = style.foreground { parts.append("fg \(fg.rawValue)") }
        if let bg = style.background { parts.append("bg \(bg.rawValue)") }
        for (on, name) in [
            (style.bold, "bold"), (style.reverse, "reverse"), (style.underline, "underline"), (style.dim, "dim"),
        ] where on { parts.append(name) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
    let key = order.map { "\(legend[$0] ?? "?") = \(describe($0))" }
    return grid.text + "\n\n" + codes.joined(separator: "\n") + "\n\n" + key.joined(separator: "\n") + "\n"
}

@Suite("Themes: readable on every background")
struct ThemeTests {
    static func screens(theme: ThemeName, colorCount: Int) throws -> [(String, Grid)] {
        func state(width: Int = 80, height: Int = 24) throws -> AppState {
            var state = try TUIFixtures.state(width: width, height: height)
            state.colors = theme != .mono
            state.theme = theme
            state.colorCount = colorCount
            return state
        }
        var main = try state()
        main.selectRef("1.1d")  // amber, with a free-text due: no red anywhere on the bar
        var overdue = try state()
        overdue.selectRef("1.2d")
        var detail = try state(width: 120, height: 40)
        detail.selectRef("1.2d")
        var filters = try state()
        filters.press(.character("f"), .character("r"))
        var review = try state()
        review.press(.character("v"))
        var help = try state(width: 120, height: 40)
        help.press(.character("?"))
        var search = try state()
        search.press(.character("/"))
        search.type("audit")
        return [
            ("main", render(main)), ("overdue", render(overdue)), ("detail", render(detail)),
            ("filters", render(filters)), ("review", render(review)), ("help", render(help)),
            ("search", render(search)),
        ]
    }

    /// No cell's text is hard to read: badge letters meet WCAG AA (4.5:1), all other
    /// text at least 3:1 (AA for bold text), for each theme in 8, 16 and 256 colours.
    @Test(arguments: [ThemeName.dark, .light])
    func everyCellHasEnoughContrast(theme: ThemeName) throws {
        for colorCount in [8, 16, 256] {
            let palette = Theme(name: theme, colorCount: colorCount)
            for (name, grid) in try Self.screens(theme: theme, colorCount: colorCount) {
                var worst: (ratio: Double, x: Int, y: Int)?
                for y in 0..<grid.height {
                    for x in 0..<grid.width {
                        let cell = grid[x, y]
                        guard !cell.text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                        let ratio = palette.contrast(of: cell.style)
                        let needed = cell.style.background != nil ? 4.5 : 3.0
                        if ratio < needed, worst.map({ ratio < $0.ratio }) ?? true { worst = (ratio, x, y) }
                    }
                }
                if let worst {
                    Issue.record(
                        "\(theme) \(colorCount) colours, \(name): \(String(format: "%.2f", worst.ratio)):1 at \(worst.x),\(worst.y) in «\(grid.row(at: worst.y))» (\(grid[worst.x, worst.y].style))"
                    )
                }
            }
        }
    }

    @Test func theSelectedRowEndsInARedBlockOnlyWhenOverdue() throws {
        for theme in [ThemeName.dark, .light] {
            let screens = try Self.screens(theme: theme, colorCount: 256)
            let main = try #require(screens.first { $0.0 == "main" }?.1)
            let y = try #require((0..<main.height).first { main.row(at: $0).hasPrefix("›") })
            let reds = (0..<main.width).filter {
                [Color.red, .brightRed].contains(main[$0, y].style.foreground)
            }
            #expect(reds.isEmpty, "\(theme): red cells on a bar that is not overdue")
        }
    }

    @Test(arguments: [ThemeName.dark, .light, .mono])
    func styledSnapshots(theme: ThemeName) throws {
        for colorCount in theme == .mono ? [0] : [8, 256] {
            let screens = try Self.screens(theme: theme, colorCount: colorCount)
            for (name, grid) in screens where ["main", "review"].contains(name) {
                let suffix = theme == .mono ? "mono" : "\(theme)-\(colorCount)"
                assertSnapshot(text: styledText(grid), named: "styled-\(name)-\(suffix)")
            }
        }
    }

    @Test func themeResolution() {
        #expect(ThemeName.resolve(explicit: .mono, configured: "light", environment: ["COLORFGBG": "0;15"]) == .mono)
        #expect(ThemeName.resolve(explicit: nil, configured: "Light", environment: [:]) == .light)
        #expect(ThemeName.resolve(explicit: nil, configured: nil, environment: ["COLORFGBG": "0;15"]) == .light)
        #expect(ThemeName.resolve(explicit: nil, configured: nil, environment: ["COLORFGBG": "15;default;0"]) == .dark)
        #expect(ThemeName.resolve(explicit: nil, configured: "nonsense", environment: [:]) == .dark)
    }

    @Test func contrastFigures() {
        #expect(abs(RGB.contrast(RGB(0, 0, 0), RGB(255, 255, 255)) - 21) < 0.01)
        // White on yellow, the light-background badge the issue found hard to read, fails.
        #expect(RGB.contrast(RGB(255, 255, 255), RGB(205, 205, 0)) < 3)
    }
}
