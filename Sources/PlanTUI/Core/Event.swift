import PlanCore

/// Everything that reaches the update (Bubble Tea's `Msg`): input from the terminal,
/// and the result of each effect the runtime carried out.
public enum Event: Sendable {
    /// A key press, mouse event, resize, tick or hangup, as the terminal reports it.
    case key(Key)
    /// How the save asked for by ``Effect/save(description:force:)`` went.
    case saved(description: String, SaveOutcome)
    /// How writing a copy elsewhere (``Effect/saveCopy(path:)``) went.
    case copied(path: String, SaveOutcome)
    /// The file changed on disk and was read again.
    case reloaded(PlanDocument)
    /// The file changed on disk and cannot be read as a plan.
    case diskInvalid(PlanFileError)
    /// The text back from `$EDITOR` (``Effect/openExternalEditor(text:)``); nil when the editor failed.
    case edited(String?)
    /// How keeping the name (``Effect/saveName(_:)``) went: nil when it was saved, else why not.
    case nameSaved(name: String, failure: String?)
}
