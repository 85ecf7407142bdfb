/// How an edit asked for in the TUI went: applied (and to be saved), nothing to
/// change, or refused with the reason the footer shows.
enum ChangeOutcome: Equatable, Sendable {
    /// The document changed; the description says how ("1.1d: status Amber -> Green").
    case applied(description: String)
    case unchanged
    case refused(reason: String)

    /// What the runtime does about it: save an applied change, ring the bell for a refused one.
    var effects: [Effect] {
        switch self {
        case .applied(let description): [.save(description: description)]
        case .unchanged: []
        case .refused: [.bell]
        }
    }

    var isRefused: Bool { if case .refused = self { true } else { false } }
}
