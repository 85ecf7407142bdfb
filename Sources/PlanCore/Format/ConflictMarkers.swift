/// Merge conflict regions, as `actionplan merge-driver` (and git itself) writes them:
///
/// ```
/// <<<<<<< ours: 1.1a status G
/// (our version)
/// =======
/// (their version)
/// >>>>>>> theirs: 1.1a status R
/// ```
///
/// Each marker is a run of seven or more `<`, `=` or `>` at the start of a line. A
/// file with a region has an error at its first line. The parser reads our version and
/// skips the markers and their version, so the rest of the file is still checked.
enum ConflictMarkers {
    struct Region {
        /// 0-based lines of the three markers.
        var start: Int
        var separator: Int?
        var end: Int?
    }

    /// Marks the lines to skip in `ignored` and returns the regions found.
    static func find(in lines: LineTexts, ignoring ignored: inout [Bool]) -> [Region] {
        var regions: [Region] = []
        var open: Region?
        // Only a line whose first byte is `<`, `=` or `>` can be a marker.
        for i in lines.indices where !ignored[i] || open != nil {
            guard lines.has(.mayBeMarker, i) else {
                if let region = open { ignored[i] = ignored[i] || region.separator != nil }
                continue
            }
            let text = lines[i].text
            if var region = open {
                ignored[i] = ignored[i] || region.separator != nil
                if isMarker(text, "=") && region.separator == nil {
                    region.separator = i
                    ignored[i] = true
                } else if isMarker(text, ">") {
                    region.end = i
                    ignored[i] = true
                    regions.append(region)
                    open = nil
                    continue
                } else if isMarker(text, "<") {
                    regions.append(region)
                    region = Region(start: i)
                    ignored[i] = true
                }
                open = region
            } else if isMarker(text, "<") {
                open = Region(start: i)
                ignored[i] = true
            }
        }
        if let open { regions.append(open) }
        return regions
    }

    /// The diagnostic for a region.
    static func diagnostic(_ region: Region, lines: LineTexts) -> Diagnostic {
        guard let end = region.end else {
            return Diagnostic(
                .error, line: region.start + 1, column: 1,
                "merge conflict marker `<<<<<<<` without its closing `>>>>>>>`",
                hint: "a merge left this file half-resolved: compare it with the versions in git, "
                    + "keep what is right and remove the marker lines")
        }
        let ours = label(lines[region.start].text, "<")
        let theirs = label(lines[end].text, ">")
        let sides =
            ours.isEmpty && theirs.isEmpty
            ? "" : ": \(ours.isEmpty ? "one version" : ours) or \(theirs.isEmpty ? "the other" : theirs)"
        return Diagnostic(
            .error, line: region.start + 1, column: 1,
            "unresolved merge conflict (lines \(region.start + 1)–\(end + 1))\(sides)",
            hint: "keep the version you want (between <<<<<<< and =======, or between ======= and >>>>>>>), "
                + "delete the other one and the three marker lines, then run `actionplan check` again")
    }

    static func isMarker(_ text: Substring, _ character: Character) -> Bool {
        let run = text.prefix { $0 == character }.count
        guard run >= 7 else { return false }
        let rest = text.dropFirst(run)
        // `=======` stands alone; the others may carry a label after a space.
        return character == "=" ? rest.allSatisfy { $0 == " " || $0 == "\t" } : rest.isEmpty || rest.first == " "
    }

    private static func label(_ text: Substring, _ character: Character) -> String {
        String(text.drop { $0 == character }.trimmingWhitespace())
    }
}
