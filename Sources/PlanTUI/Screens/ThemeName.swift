/// The colour schemes: for dark and light terminal backgrounds, and none.
public enum ThemeName: String, CaseIterable, Sendable {
    case dark, light, mono

    /// The theme to use: `--theme` first, then `theme = …` in the config file, then the
    /// terminal's own report of its colours (`COLORFGBG`, "15;0" is light text on black),
    /// then dark. Colour off (`--no-color`, `NO_COLOR`) makes any theme mono.
    public static func resolve(explicit: ThemeName?, configured: String?, environment: [String: String]) -> ThemeName {
        if let explicit { return explicit }
        if let configured, let name = ThemeName(rawValue: configured.lowercased()) { return name }
        if let colors = environment["COLORFGBG"],
            let background = colors.split(separator: ";").last.flatMap({ Int($0) })
        {
            // The 16 ANSI colours: 7 (white) and 9–15 (bright) are light backgrounds.
            return background == 7 || (9...15).contains(background) ? .light : .dark
        }
        return .dark
    }
}
