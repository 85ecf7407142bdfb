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

/// What the update asks the outside world to do. The runtime performs effects and
/// feeds the results back (`saveFinished`, `reloaded`, `externalEditFinished`), so
/// the update itself stays pure.
public enum Effect: Equatable, Sendable {
    /// Save the document atomically. Without `force`, a file that changed on disk
    /// since it was read is not overwritten.
    case save(description: String, force: Bool = false)
    /// Read the file again, dropping what is on screen (after a conflict).
    case reloadFromDisk
    /// Write the document to another file (after a failed save), leaving the plan's file alone.
    case saveCopy(path: String)
    /// Hand text to `$EDITOR`.
    case openExternalEditor(text: String)
    case bell
    case quit
}

/// How a save went.
public enum SaveOutcome: Sendable {
    case saved
    /// Someone else changed the file since it was read; both changes were merged and
    /// the merge written. Carries the plan as saved and the refs changed elsewhere.
    case merged(PlanDocument, refs: [String])
    /// The file changed on disk in a way that cannot be merged with this change (the same
    /// field of the same action); nothing was written. Carries why.
    case conflict(String)
    case failed(String)
}
