import FoundationEssentials

extension PlanMerge {
    /// What is wrong with the result of a line-by-line merge (`git merge-file`), which
    /// can have no conflict and still not be a plan: one action moved to two places
    /// (a duplicate ref), a status dropped from the key on one side and used on the other.
    public struct LineMergeProblem: Sendable {
        /// The first error in the merged file.
        public var diagnostic: Diagnostic
        /// The file with a conflict region around the lines of that error, so that
        /// `actionplan check` stops there and git does not take the file as merged;
        /// nil when the file cannot be marked (it is not UTF-8 text, or the error is
        /// already inside a conflict region).
        public var marked: Data?
    }

    /// Nil when `data` is a valid plan; else its first error, and the file with a
    /// conflict region around the block (action, heading or header line, with the
    /// lines indented under it) where the error is:
    ///
    /// ```
    /// <<<<<<< not valid after merging line by line: duplicate ref 1.1b (first used on line 20)
    /// - [A] 1.1b …
    /// =======
    /// >>>>>>> (nothing)
    /// ```
    public static func problem(inLineMerge data: Data, markerSize: Int = 7) -> LineMergeProblem? {
        let diagnostics: [Diagnostic]
        do {
            _ = try PlanDocument(data: data)
            return nil
        } catch {
            diagnostics = error.diagnostics
        }
        guard let first = diagnostics.first(where: { $0.severity == .error }) ?? diagnostics.first else { return nil }
        guard UTF8Validation.firstProblem(in: data) == nil else { return LineMergeProblem(diagnostic: first) }
        var text = String(decoding: data, as: UTF8.self)
        let bom = text.hasPrefix("\u{FEFF}")
        if bom { text.removeFirst() }
        var lines = SourceLine.split(text)
        let region = block(around: first.line - 1, in: lines)
        guard !region.isEmpty,
            !lines[region].contains(where: { line in
                ["<", "=", ">"].contains { ConflictMarkers.isMarker(line.text, $0) }
            })
        else { return LineMergeProblem(diagnostic: first) }

        let ending = lines[region.lowerBound].ending == .none ? LineEnding.lf : lines[region.lowerBound].ending
        if lines[region.upperBound - 1].ending == .none { lines[region.upperBound - 1].ending = ending }
        let marker = { (character: Character, label: String?) in
            SourceLine(
                String(repeating: character, count: max(7, markerSize)) + (label.map { " " + $0 } ?? ""), ending: ending
            )
        }
        lines.insert(contentsOf: [marker("=", nil), marker(">", "(nothing)")], at: region.upperBound)
        lines.insert(marker("<", "not valid after merging line by line: " + first.message), at: region.lowerBound)
        return LineMergeProblem(diagnostic: first, marked: PlanMerger.bytes(lines, byteOrderMark: bom))
    }

    /// The lines of the block that holds `index`: back to the nearest line that is
    /// not indented, forward over the lines indented under it, without blank lines at the end.
    static func block(around index: Int, in lines: [SourceLine]) -> Range<Int> {
        guard lines.indices.contains(index) else { return 0..<0 }
        var start = index
        while start > 0, lines[start].text.indentation.width > 0 || lines[start].text.isBlank { start -= 1 }
        var end = start + 1
        while end < lines.count, lines[end].text.isBlank || lines[end].text.indentation.width > 0 { end += 1 }
        while end > start + 1, lines[end - 1].text.isBlank { end -= 1 }
        return start..<max(end, index + 1)
    }
}
