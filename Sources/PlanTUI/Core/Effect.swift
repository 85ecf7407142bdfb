import PlanCore

/// What the update asks the outside world to do. The runtime carries effects out
/// (through PlanCore's ``PlanSession``) and feeds each result back in as an ``Event``,
/// so the update itself stays pure.
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
    /// Keep the name changes are recorded under for next time (`actionplan config name`).
    case saveName(String)
    case bell
    case quit
}
