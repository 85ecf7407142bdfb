/// Which pane the arrow keys move: the list, or the detail beside it.
public enum Focus: Sendable { case list, detail }
