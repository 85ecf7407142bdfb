/// Where an action's parts stand now. An edit above an action moves it without
/// touching its parts: they keep the line they were read at, and ``Action/linesMoved``
/// says how far the action has moved since (see ``ActionList``).
extension Action {
    /// The 1-based line where a part of this action (a note, history line, field,
    /// agreement, measure or value) stands now, from the line it was read at.
    /// Read a part's line only through this.
    public func currentLine(_ readLine: Int) -> Int { readLine + linesMoved }

    /// The action's measures with their line numbers where they stand now.
    public var currentMeasures: [Measure] {
        measures.movingLines(by: linesMoved)
    }
}

extension Action: LineShifting {
    /// Moves the action line and, through ``linesMoved``, every part's line.
    mutating func moveLines(by delta: Int) {
        line += delta
        linesMoved += delta
    }
}
