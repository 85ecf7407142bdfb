import FoundationEssentials
import Glibc

/// Colours the screen uses. The adapter maps them to terminal colours; tests see names.
/// `gray` is bright black (colour 8) where the terminal has 16 colours, white in 8;
/// `darkGray` needs 256 colours (240), and themes use it only there.
public enum Color: String, Sendable, CaseIterable {
    case red, amber, green, blue, gray, cyan
    case black, white, brightWhite, brightRed, darkGray

    /// The colour index in a terminal of `colorCount` colours.
    public func index(colorCount: Int) -> Int {
        switch self {
        case .black: 0
        case .red: 1
        case .green: 2
        case .amber: 3
        case .blue: 4
        case .cyan: 6
        case .white: 7
        case .gray: colorCount > 8 ? 8 : 7
        case .brightRed: colorCount > 8 ? 9 : 1
        case .brightWhite: colorCount > 8 ? 15 : 7
        case .darkGray: colorCount >= 256 ? 240 : (colorCount > 8 ? 8 : 7)
        }
    }

    /// How xterm shows it by default (its 16-colour palette and the 256-colour cube).
    public func rgb(colorCount: Int) -> RGB {
        switch index(colorCount: colorCount) {
        case 0: RGB(0, 0, 0)
        case 1: RGB(205, 0, 0)
        case 2: RGB(0, 205, 0)
        case 3: RGB(205, 205, 0)
        case 4: RGB(0, 0, 238)
        case 6: RGB(0, 205, 205)
        case 7: RGB(229, 229, 229)
        case 8: RGB(127, 127, 127)
        case 9: RGB(255, 0, 0)
        case 15: RGB(255, 255, 255)
        default: RGB(88, 88, 88)  // 240
        }
    }
}

/// A colour as red, green and blue, for contrast checks.
public struct RGB: Equatable, Sendable {
    public var red, green, blue: Int

    public init(_ red: Int, _ green: Int, _ blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Relative luminance (WCAG 2).
    var luminance: Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// The WCAG contrast ratio of two colours: 1 (none) to 21 (black on white).
    public static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (light, dark) = a.luminance > b.luminance ? (a.luminance, b.luminance) : (b.luminance, a.luminance)
        return (light + 0.05) / (dark + 0.05)
    }
}
