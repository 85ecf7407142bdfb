import PlanCore

/// Styles for statuses and chrome, with and without colour. Without colour,
/// status badges are bold reverse letters, so status never rests on colour alone.
struct Theme {
    var colors: Bool

    func color(of status: Status) -> Color {
        switch status {
        case .red: .red
        case .amber: .amber
        case .green: .green
        case .blue: .blue
        case .notStarted: .gray
        }
    }

    func badge(_ status: Status) -> Span {
        Span(
            " \(status.code) ",
            colors ? Style(foreground: color(of: status), bold: true, reverse: true) : Style(bold: true, reverse: true))
    }

    func statusLetter(_ status: Status) -> Span {
        Span(status.code, colors ? Style(foreground: color(of: status), bold: true) : .bold)
    }

    /// A search match: underlined and bold over the text's own style, readable in any theme.
    func match(_ base: Style) -> Style {
        var style = base
        style.bold = true
        style.underline = true
        return style
    }

    var overdue: Style { colors ? Style(foreground: .red, bold: true) : .bold }
    var heading: Style { .bold }
    var dim: Style { colors ? Style(foreground: .gray, dim: true) : .dim }
    var selected: Style { .reverse }
    var titleBar: Style { Style(bold: true, reverse: true) }
    var error: Style { colors ? Style(foreground: .red, bold: true) : .bold }
    var accent: Style { colors ? Style(foreground: .cyan, bold: true) : .bold }
}
