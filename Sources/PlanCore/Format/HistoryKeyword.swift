/// The word that starts a dated line (`- Note 2026-01-05 …`, `- Signed off …`), lowercased:
/// what the parser switches on. An enum is held as a one-byte tag (its raw values are
/// not stored), so a field waiting to be read holds no string and is copied without
/// counting references.
enum HistoryKeyword: String {
    case note, status, due, owner, added, retired, moved, reworded, agreed, value
    case signedOff = "signed off"
    case assessed, reviewed
}
