/// A unified diff between two versions of a plan, as `diff -u` prints it: what a
/// command's `--dry-run` shows instead of writing.
public enum LineDiff {
    /// `--- a/PATH` / `+++ b/PATH` and hunks with `context` lines around each change;
    /// "" when the texts are the same. Line endings are not shown.
    public static func unified(from old: PlanDocument, to new: PlanDocument, path: String, context: Int = 3)
        -> String
    {
        let a = old.lines.map { String($0.text) }
        let b = new.lines.map { String($0.text) }
        guard a != b || old.text != new.text else { return "" }
        // A plan is edited in a few places: the prefix and suffix trim makes this fast.
        let pairs = Diff3.matches(a, b, maxEdits: max(a.count, b.count) + 1) ?? []
        // Each line of the script: " " kept, "-" removed, "+" added, with its positions.
        var script: [(kind: Character, text: String, oldLine: Int, newLine: Int)] = []
        var i = 0
        var j = 0
        for (mi, mj) in pairs + [(a.count, b.count)] {
            while i < mi {
                script.append(("-", a[i], i, j))
                i += 1
            }
            while j < mj {
                script.append(("+", b[j], i, j))
                j += 1
            }
            if mi < a.count {
                script.append((" ", a[mi], i, j))
                i += 1
                j += 1
            }
        }
        let changed = script.indices.filter { script[$0].kind != " " }
        guard !changed.isEmpty else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var start = 0
        while start < changed.count {
            var end = start
            while end + 1 < changed.count, changed[end + 1] - changed[end] <= 2 * context + 1 { end += 1 }
            let low = max(0, changed[start] - context)
            let high = min(script.count, changed[end] + context + 1)
            let hunk = script[low..<high]
            let oldCount = hunk.filter { $0.kind != "+" }.count
            let newCount = hunk.filter { $0.kind != "-" }.count
            let first = script[low]
            let oldStart = oldCount == 0 ? first.oldLine : first.oldLine + 1
            let newStart = newCount == 0 ? first.newLine : first.newLine + 1
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for line in hunk { out += String(line.kind) + TerminalText.escaped(line.text) + "\n" }
            start = end + 1
        }
        return out
    }
}
