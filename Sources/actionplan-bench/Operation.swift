/// A row of the results table: what is measured, in the order it is printed.
enum Operation: String, CaseIterable {
    case fileSize = "file size"
    case cliStart = "CLI start-up (`--version`)"
    case cliCheckSmall = "CLI `check` of a 3 KB plan"
    case parse = "parse + validate"
    case parseRate = "  parse throughput"
    case readFile = "read file (cat)"
    case copyFile = "copy file (read + write)"
    case copyFileSync = "copy file + fsync"
    case summary = "summary"
    case filteredList = "list red + overdue"
    case firstFrame = "TUI first frame 120×40"
    case open = "open: load + parse + first frame"
    case keyDown = "key ↓ + frame (top of list)"
    case keyUpAtEnd = "key ↑ + frame (end of list)"
    case keyGreen = "key g + frame (edit in memory)"
    case keyUndo = "key u + frame (undo of g)"
    case keySearch = "key e + frame (typing a search)"
    case keySearch2 = "key a + frame (second letter: /ea)"
    case searchIndex = "search index (built while idle)"
    case setStatusSave = "set status + atomic save"
    case asOfSummary = "summary --as-of (mid-history)"
    case cliSummary = "CLI `actionplan summary`"
    case peakMemory = "  peak RSS (× file size)"
    case exportHTML = "export HTML (board pack)"
    case exportCSV = "export CSV (board pack)"
    case exportJSON = "export JSON (board pack)"
    case merge = "merge: two edits, three-way"

    /// Whether the row is a duration, so that it has a growth ratio.
    var isTime: Bool { ![.fileSize, .parseRate, .peakMemory].contains(self) }

    /// The `--profile`/`--only` name of the operation, for those that have one.
    var profiled: ProfiledOperation? {
        switch self {
        case .parse: .parse
        case .open: .open
        case .firstFrame: .frame
        case .keyDown: .down
        case .keyUpAtEnd: .up
        case .keyGreen: .green
        case .keyUndo: .undo
        case .keySearch: .search
        case .keySearch2: .search2
        case .searchIndex: .index
        case .setStatusSave: .save
        case .summary: .summary
        case .asOfSummary: .asof
        case .filteredList: .list
        case .exportHTML: .html
        case .exportCSV: .csv
        case .exportJSON: .json
        case .merge: .merge
        default: nil
        }
    }

    /// The file-system floors, shown for comparison: not actionplan's own work.
    var isFloor: Bool { [.readFile, .copyFile, .copyFileSync].contains(self) }

    /// Whether the row does not depend on the plan's size (it is measured on a small plan
    /// at every size, and left out of the growth table).
    var isSizeFree: Bool { [.cliStart, .cliCheckSmall].contains(self) }

    /// What `--peers` prints besides the peers' table: what has no peer row (the TUI
    /// keys, start-up and a small plan's check, peak memory) and the parse against its floor.
    static let beside: Set<Operation> = [
        .fileSize, .cliStart, .cliCheckSmall, .parse, .parseRate, .readFile, .firstFrame, .open, .keyDown,
        .keyUpAtEnd, .keyGreen, .keyUndo, .keySearch, .keySearch2, .searchIndex, .exportHTML, .cliSummary, .peakMemory,
    ]
}

/// What `--profile` can run on its own under a profiler.
enum ProfiledOperation: String, CaseIterable {
    case parse, open, frame, down, up, green, undo, search, search2, index, save, summary, asof, list, html, csv, json,
        merge
}
