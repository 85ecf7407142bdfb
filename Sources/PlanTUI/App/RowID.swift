/// A row's identity across edits and reloads: numbers and refs, not indices.
public enum RowID: Hashable, Sendable {
    case section(String)
    case area(String)
    case action(String)
}
