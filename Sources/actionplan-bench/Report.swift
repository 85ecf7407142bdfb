import Foundation

/// The printed results: the table, the growth ratios, and the issue's targets.
struct Report {
    var sizes: [Int]
    var runs: Int
    var clock: Clock
    var figures: [Operation: [Int: Figure]] = [:]

    subscript(operation: Operation, size: Int) -> Figure? {
        get { figures[operation]?[size] }
        set { figures[operation, default: [:]][size] = newValue }
    }

    var text: String {
        [resultsTable, ratiosTable, targets].joined(separator: "\n")
    }

    // MARK: - Tables

    private var resultsTable: String {
        let header = ["operation"] + sizes.map { "\($0.grouped) actions" }
        let rows = measured.map { operation in
            [operation.rawValue] + sizes.map { self[operation, $0]?.formatted ?? "not measured" }
        }
        let clock = self.clock == .wall ? "elapsed (wall-clock) time" : "CPU time (user + system)"
        return "Median of \(runs) runs (min–max) of \(clock), after one untimed warm-up run.\n\n"
            + Self.table(header, rows)
    }

    /// The rows with a figure at some size (`--only` measures one).
    private var measured: [Operation] {
        Operation.allCases.filter { operation in sizes.contains { self[operation, $0] != nil } }
    }

    private var steps: [(from: Int, to: Int)] { zip(sizes, sizes.dropFirst()).map { ($0, $1) } }

    /// How much slower each step in size made an operation; linear is the size ratio.
    private var ratiosTable: String {
        guard !steps.isEmpty else { return "" }
        let header =
            ["operation"]
            + steps.map { "\($0.to.short)/\($0.from.short) (size ×\(Self.ratio(Double($0.to) / Double($0.from))))" }
        let rows = measured.filter { ($0.isTime && !$0.isSizeFree) || $0 == .peakMemory }.map { operation in
            [operation.rawValue]
                + steps.map { step -> String in
                    guard let growth = growth(operation, step) else { return "–" }
                    return "×" + Self.ratio(growth) + (isWorseThanLinear(growth, step) ? " worse than linear" : "")
                }
        }
        return "Growth (ratio of medians; linear is the size ratio; \"worse than linear\" is over 1.5× that):\n\n"
            + Self.table(header, rows)
    }

    private func growth(_ operation: Operation, _ step: (from: Int, to: Int)) -> Double? {
        guard let small = self[operation, step.from], let large = self[operation, step.to], small.median > 0 else {
            return nil
        }
        return large.median / small.median
    }

    private func isWorseThanLinear(_ growth: Double, _ step: (from: Int, to: Int)) -> Bool {
        growth > 1.5 * Double(step.to) / Double(step.from)
    }

    // MARK: - Targets

    private var targets: String {
        var lines = ["Targets (issue 7):", ""]
        func add(_ met: Bool?, _ what: String, _ figures: String) {
            let mark = met.map { $0 ? "met   " : "MISSED" } ?? "n/a   "
            lines.append("- \(mark)  \(what): \(figures)")
        }
        func perSize(_ operation: Operation, _ show: (Figure) -> String = { $0.formatted }) -> String {
            sizes.map { size in "\(size.short) " + (self[operation, size].map(show) ?? "not measured") }.joined(
                separator: ", ")
        }
        func all(_ operation: Operation, _ test: (Figure) -> Bool) -> Bool? {
            let measured = sizes.compactMap { self[operation, $0] }
            return measured.isEmpty ? nil : measured.allSatisfy(test)
        }

        add(
            all(.parseRate) { $0.median >= 50e6 }, "parse ≥ 50 MB/s",
            perSize(.parseRate) { Figure.significant($0.median / 1e6) + " MB/s" })

        if let open = self[.open, 100_000] {
            add(open.median < 1, "a 100k plan opens (load + parse + first frame) in < 1 s", open.formatted)
        } else {
            add(nil, "a 100k plan opens in < 1 s", "not measured (add 100000 to --sizes)")
        }

        for key in [Operation.keyDown, .keyUpAtEnd, .keyGreen] {
            guard let verdict = keyVerdict(key) else { continue }
            add(
                verdict.met, "\(key.rawValue.trimmingCharacters(in: .whitespaces)) < 5 ms at every size, not growing",
                verdict.figures)
        }

        let saveRatios = sizes.compactMap { size -> (Int, Double)? in
            guard let save = self[.setStatusSave, size], let copy = self[.copyFileSync, size] else { return nil }
            return (size, save.median / copy.median)
        }
        add(
            saveRatios.isEmpty ? nil : saveRatios.allSatisfy { $0.1 < 3 }, "set status + save < 3× file copy (+ fsync)",
            saveRatios.isEmpty
                ? "not measured" : saveRatios.map { "\($0.0.short) ×\(Self.ratio($0.1))" }.joined(separator: ", "))

        let memoryRatios = sizes.compactMap { size -> (Int, Double)? in
            guard let peak = self[.peakMemory, size], let file = self[.fileSize, size] else { return nil }
            return (size, peak.median / file.median)
        }
        add(
            memoryRatios.isEmpty ? nil : memoryRatios.allSatisfy { $0.1 < 3 },
            "peak memory of `summary` < 3× file size",
            memoryRatios.map { "\($0.0.short) ×\(Self.ratio($0.1))" }.joined(separator: ", "))

        let superlinear = Operation.allCases.filter {
            ($0.isTime && !$0.isFloor && !$0.isSizeFree) || $0 == .peakMemory
        }.flatMap {
            operation in
            steps.compactMap { step -> String? in
                guard let growth = growth(operation, step), isWorseThanLinear(growth, step) else { return nil }
                return
                    "\(operation.rawValue.trimmingCharacters(in: .whitespaces)) ×\(Self.ratio(growth)) (\(step.to.short)/\(step.from.short))"
            }
        }
        add(
            steps.isEmpty ? nil : superlinear.isEmpty, "nothing worse than linear (file-system floors aside)",
            superlinear.isEmpty ? "every ratio ≤ 1.5× the size ratio" : superlinear.joined(separator: "; "))
        return lines.joined(separator: "\n") + "\n\n" + issue12Targets
    }

    /// Issue 12's targets that the in-process rows and the CLI's start show; the peers'
    /// ratios are in the `--peers` table.
    private var issue12Targets: String {
        var lines = ["Targets (issue 12):", ""]
        func add(_ met: Bool, _ what: String, _ figures: String) {
            lines.append("- \(met ? "met   " : "MISSED")  \(what): \(figures)")
        }
        for row in [Operation.cliStart, .cliCheckSmall] {
            let figures = sizes.compactMap { self[row, $0] }
            guard let median = figures.map(\.median).sorted().first else { continue }
            add(median < 8e-3, "\(row.rawValue) < 8 ms", Figure.duration(median))
        }
        for key in [Operation.keyDown, .keyUpAtEnd, .keyGreen, .keySearch, .keySearch2] {
            guard let verdict = keyVerdict(key) else { continue }
            add(
                verdict.met, "\(key.rawValue.trimmingCharacters(in: .whitespaces)) < 5 ms and flat in N",
                verdict.figures)
        }
        if let html = self[.exportHTML, 10_000] {
            add(html.median < 0.15, "HTML board pack of 10k < 150 ms", html.formatted)
        }
        if let open = self[.open, 100_000] {
            add(open.median < 0.5, "100k: open to first frame < 0.5 s", open.formatted)
        }
        if let peak = self[.peakMemory, 100_000], let file = self[.fileSize, 100_000] {
            add(
                peak.median < 1.5 * file.median + 30e6, "100k: peak memory < 1.5× the file + the runtime (30 MB)",
                peak.formatted)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A key's row against "under 5 ms at every size, and not growing" (the largest size
    /// under twice the smallest): whether it holds, and the medians per size.
    private func keyVerdict(_ key: Operation) -> (met: Bool, figures: String)? {
        let measured = sizes.compactMap { size in self[key, size].map { (size, $0.median) } }
        guard let first = measured.first?.1, let last = measured.last?.1 else { return nil }
        let growing = measured.count > 1 && last > 2 * first
        let figures = measured.map { "\($0.0.short) " + Figure.duration($0.1) }.joined(separator: ", ")
        return (
            measured.allSatisfy { $0.1 < 5e-3 } && !growing,
            figures + (growing ? "; grows ×\(Self.ratio(last / first))" : "")
        )
    }

    // MARK: - Formatting

    static func ratio(_ x: Double) -> String { x >= 10 ? String(format: "%.0f", x) : String(format: "%.1f", x) }

    /// A Markdown table, padded so that it also reads as plain text.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: " | ")
                + " |"
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n") + "\n"
    }
}

extension Int {
    /// `100,000`.
    var grouped: String {
        let digits = String(self)
        return digits.enumerated().map { i, c in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(c) }
            .joined()
    }

    /// `100k`.
    var short: String { self >= 1000 && self % 1000 == 0 ? "\(self / 1000)k" : "\(self)" }
}
