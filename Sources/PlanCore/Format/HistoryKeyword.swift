/// The word that starts a dated line (`- Note 2026-01-05 …`, `- Signed off …`), lowercased:
/// what the parser switches on. An enum is held as a one-byte tag (its raw values are
/// not stored), so a field waiting to be read holds no string and is copied without
/// counting references.
enum HistoryKeyword: String, CaseIterable {
    case note, status, due, owner, added, retired, moved, reworded, agreed, value
    case signedOff = "signed off"
    case assessed, reviewed

    /// Whether the keyword starts a line of an action's history (the others start an
    /// area's or the header's lines): ``LineSyntax/historyKeywords``.
    var isActionHistory: Bool {
        switch self {
        case .signedOff, .assessed, .reviewed: false
        default: true
        }
    }
}
