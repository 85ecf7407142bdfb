import PlanCore

/// Styles for statuses and chrome in one theme and colour depth. Badges carry their own
/// letter and background colours (chosen for WCAG AA contrast), so they read the same on
/// any terminal background; text colours are chosen for the theme's background. Without
/// colour, badges are bold reverse letters, so status never rests on colour alone.
struct Theme {
    var name: ThemeName
    /// Colours the terminal has: 8, 16 or 256.
    var colorCount: Int

    init(name: ThemeName, colorCount: Int = 256) {
        self.name = name
        self.colorCount = colorCount
    }

    init(_ state: AppState) {
        self.init(name: state.colors ? state.theme : .mono, colorCount: state.colorCount)
    }

    var colors: Bool { name != .mono }

    func color(of status: Status) -> Color {
        switch status {
        case .red: .red
        case .amber: .amber
        case .green: .green
        case .blue: .blue
        case .notStarted: .gray
        }
    }

    /// The letter's colour on a badge of `status`: dark on the light badges, light on the dark ones.
    func letterColor(on status: Status) -> Color {
        switch status {
        case .red, .blue: colorCount >= 16 ? .brightWhite : .white
        case .amber, .green, .notStarted: .black
        }
    }

    /// A status badge, " R ": the letter in `letterColor` on the status colour (reverse
    /// video swaps the two, so that without colour it is still a reverse block).
    func badge(_ status: Status) -> Span {
        Span(" \(status.code) ", badgeStyle(status))
    }

    func statusLetter(_ status: Status) -> Span {
        Span(status.code, badgeStyle(status))
    }

    private func badgeStyle(_ status: Status) -> Style {
        guard colors else { return Style(bold: true, reverse: true) }
        return Style(foreground: color(of: status), background: letterColor(on: status), bold: true, reverse: true)
    }

    /// A search match: underlined and bold over the text's own style, readable in any theme.
    func match(_ base: Style) -> Style {
        var style = base
        style.bold = true
        style.underline = true
        return style
    }

    /// Warnings (overdue, errors): red, bright on a dark background where the terminal has it.
    var overdue: Style {
        switch name {
        case .mono: .bold
        case .dark: Style(foreground: colorCount >= 16 ? .brightRed : .red, bold: true)
        case .light: Style(foreground: .red, bold: true)
        }
    }
    var error: Style { overdue }
    var heading: Style { .bold }
    /// Secondary text (counts, hints): grey where grey is readable, plain otherwise; never faint.
    var dim: Style {
        switch name {
        case .mono: .dim
        case .dark: colorCount >= 16 ? Style(foreground: .gray) : .plain
        case .light:
            colorCount >= 256 ? Style(foreground: .darkGray) : colorCount >= 16 ? Style(foreground: .gray) : .plain
        }
    }
    var selected: Style { .reverse }
    var titleBar: Style { Style(bold: true, reverse: true) }
    /// Headings in the detail and help, the filter line: cyan on dark, blue on light.
    var accent: Style {
        switch name {
        case .mono: .bold
        case .dark: Style(foreground: .cyan, bold: true)
        case .light: Style(foreground: .blue, bold: true)
        }
    }

    // MARK: - Contrast

    /// The text and background colours the theme expects of the terminal.
    var defaultColors: (foreground: RGB, background: RGB) {
        name == .light ? (RGB(0, 0, 0), RGB(255, 255, 255)) : (RGB(229, 229, 229), RGB(0, 0, 0))
    }

    /// The WCAG contrast ratio of a cell drawn in `style` (reverse swaps the colours).
    func contrast(of style: Style) -> Double {
        var foreground = style.foreground.map { $0.rgb(colorCount: colorCount) } ?? defaultColors.foreground
        var background = style.background.map { $0.rgb(colorCount: colorCount) } ?? defaultColors.background
        if style.reverse { swap(&foreground, &background) }
        return RGB.contrast(foreground, background)
    }
}
