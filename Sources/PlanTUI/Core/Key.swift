import PlanCore

/// A key press or other input event, as the adapter reports it.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("d")` for Ctrl-D.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// Time passed with no input (the adapter's poll interval).
    case tick
    /// The terminal went away (window closed, connection lost).
    case hangup

    public static func from(_ text: String) -> [Key] { text.map { .character($0) } }
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
