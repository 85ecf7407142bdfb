import PlanCore

/// How a save went, as the runtime reports it back (``Event/saved(description:_:)``).
public enum SaveOutcome: Sendable {
    case saved
    /// Someone else changed the file since it was read; both changes were merged and
    /// the merge written. Carries the plan as saved and the refs changed elsewhere.
    case merged(PlanDocument, refs: [String])
    /// The file changed on disk in a way that cannot be merged with this change (the
    /// same field of the same action, or actions gone from it); nothing was written.
    /// Carries why, in words for the footer.
    case conflict([String])
    /// The file could not be written (permissions, a full disk, the lock…); nothing was written.
    case failed(PlanFileError)
}

extension SaveOutcome {
    /// The outcome of a save that threw `error`: a conflict when keeping either version
    /// is a person's choice, a failure otherwise.
    public init(_ error: PlanFileError) {
        switch error {
        case .changedElsewhere(_, let reasons):
            self = .conflict(reasons)
        case .wouldRemoveActions(_, let refs):
            self = .conflict([
                "the file on disk no longer has \(PlanFileError.listed(refs)); "
                    + "another program removed \(refs.count == 1 ? "it" : "them") or is still writing the file"
            ])
        default:
            self = .failed(error)
        }
    }
}
