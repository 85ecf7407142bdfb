/// Where an area's parts stand now. An edit above an area moves it without touching
/// its parts: they keep the line they were read at, and ``Area/linesMoved`` says how
/// far the area has moved since (see ``AreaList``), so that moving every area after
/// an edit copies none of their parts. Reading a part puts the move back on its lines.
extension Area {
    /// Fields other than the named ones, with the lines where they stand now.
    public var extraFields: [Field] {
        get { extraFieldsAsRead.movingLines(by: linesMoved) }
        set { extraFieldsAsRead = newValue.movingLines(by: -linesMoved) }
    }

    /// The board's sign-offs (`- Signed off DATE (BOARD): monitoring`), in file order.
    public var signOffs: [SignOff] {
        get { signOffsAsRead.movingLines(by: linesMoved) }
        set { signOffsAsRead = newValue.movingLines(by: -linesMoved) }
    }

    /// The board's own assessments (`- Assessed DATE (BOARD): C, why`), in file order.
    public var assessments: [Assessment] {
        get { assessmentsAsRead.movingLines(by: linesMoved) }
        set { assessmentsAsRead = newValue.movingLines(by: -linesMoved) }
    }

    /// The area's measures and their values.
    public var measures: [Measure] {
        get { measuresAsRead.movingLines(by: linesMoved) }
        set { measuresAsRead = newValue.movingLines(by: -linesMoved) }
    }

    /// Moves the parts that stand after line `firstLaterLine` (1-based numbers above
    /// it) by `delta`: an edit inside the area moves the board's lines after its actions.
    mutating func moveParts(after firstLaterLine: Int, by delta: Int) {
        let moves = { [linesMoved] (readLine: Int) in readLine + linesMoved > firstLaterLine }
        for i in extraFieldsAsRead.indices where moves(extraFieldsAsRead[i].line) { extraFieldsAsRead[i].line += delta }
        for i in signOffsAsRead.indices where moves(signOffsAsRead[i].line) { signOffsAsRead[i].line += delta }
        for i in assessmentsAsRead.indices where moves(assessmentsAsRead[i].line) { assessmentsAsRead[i].line += delta }
        for m in measuresAsRead.indices { measuresAsRead[m].shiftLines(by: delta, where: moves) }
    }
}

extension Area: LineShifting {
    /// Moves the heading's line and, through ``linesMoved``, every part's line.
    mutating func moveLines(by delta: Int) {
        line += delta
        linesMoved += delta
    }
}

extension Array where Element: LineShifting {
    /// The elements with their lines moved by `delta`; the same array when it is 0.
    func movingLines(by delta: Int) -> [Element] {
        guard delta != 0 else { return self }
        return map {
            var moved = $0
            moved.moveLines(by: delta)
            return moved
        }
    }
}

extension Field: LineShifting {
    mutating func moveLines(by delta: Int) { line += delta }
}

extension SignOff: LineShifting {
    mutating func moveLines(by delta: Int) { line += delta }
}

extension Assessment: LineShifting {
    mutating func moveLines(by delta: Int) { line += delta }
}

extension Measure: LineShifting {
    mutating func moveLines(by delta: Int) { shiftLines(by: delta, where: { _ in true }) }
}
