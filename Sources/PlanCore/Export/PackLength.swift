/// How much a board paper holds (`export --pack`).
public enum PackLength: String, CaseIterable, Sendable {
    /// For circulation, two to four pages: the summary, the exceptions (red and
    /// overdue actions with their latest note), the changes since the last review and
    /// the trend.
    case short
    /// Everything, with the whole plan and the text about it as an appendix.
    case full
}
