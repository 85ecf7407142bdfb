/// A line-level three-way merge (diff3) over sequences of tokens, used for the parts
/// of a plan outside its actions. Tokens are compared by value; the matching between
/// two sequences is a longest common subsequence found with Myers' algorithm.
enum Diff3 {
    /// A run of the base and the two sides: unchanged on both (`stable`), or changed on
    /// at least one side.
    struct Hunk: Equatable {
        var base: Range<Int>
        var ours: Range<Int>
        var theirs: Range<Int>
        var stable: Bool
    }

    /// The hunks that make up base, ours and theirs, in order. Nil when the sequences
    /// are too different to match in reasonable time (more than `maxEdits` changes).
    static func hunks<T: Hashable>(base: [T], ours: [T], theirs: [T], maxEdits: Int = 2000) -> [Hunk]? {
        var work = 0
        return hunks(base: base, ours: ours, theirs: theirs, maxEdits: maxEdits, work: &work)
    }

    /// ``hunks(base:ours:theirs:maxEdits:)``, adding to `work` the number of token
    /// comparisons made: what a test counts to see that a merge stays linear.
    static func hunks<T: Hashable>(base: [T], ours: [T], theirs: [T], maxEdits: Int = 2000, work: inout Int)
        -> [Hunk]?
    {
        guard let toOurs = matches(base, ours, maxEdits: maxEdits, work: &work),
            let toTheirs = matches(base, theirs, maxEdits: maxEdits, work: &work)
        else { return nil }
        var inOurs = [Int?](repeating: nil, count: base.count)
        var inTheirs = [Int?](repeating: nil, count: base.count)
        for (o, a) in toOurs { inOurs[o] = a }
        for (o, b) in toTheirs { inTheirs[o] = b }

        var hunks: [Hunk] = []
        var (o, a, b) = (0, 0, 0)
        while true {
            let start = (o, a, b)
            while o < base.count, inOurs[o] == a, inTheirs[o] == b {
                o += 1
                a += 1
                b += 1
            }
            if o > start.0 {
                hunks.append(Hunk(base: start.0..<o, ours: start.1..<a, theirs: start.2..<b, stable: true))
            }
            var next = o
            while next < base.count, inOurs[next] == nil || inTheirs[next] == nil { next += 1 }
            let (nextA, nextB) =
                next < base.count
                ? (inOurs[next] ?? ours.count, inTheirs[next] ?? theirs.count) : (ours.count, theirs.count)
            if next == o && nextA == a && nextB == b { break }
            hunks.append(Hunk(base: o..<next, ours: a..<nextA, theirs: b..<nextB, stable: false))
            (o, a, b) = (next, nextA, nextB)
        }
        return hunks
    }

    /// Index pairs `(i, j)` with `a[i] == b[j]` forming a longest common subsequence, in
    /// order; nil when more than `maxEdits` insertions and deletions separate them.
    static func matches<T: Hashable>(_ a: [T], _ b: [T], maxEdits: Int) -> [(Int, Int)]? {
        var work = 0
        return matches(a, b, maxEdits: maxEdits, work: &work)
    }

    /// Only the region between the common prefix and suffix goes to Myers' algorithm.
    static func matches<T: Hashable>(_ a: [T], _ b: [T], maxEdits: Int, work: inout Int) -> [(Int, Int)]? {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        work += prefix + suffix
        let x = Array(a[prefix..<a.count - suffix])
        let y = Array(b[prefix..<b.count - suffix])
        guard let middle = myers(x, y, maxEdits: maxEdits, work: &work) else { return nil }
        var out = (0..<prefix).map { ($0, $0) }
        out += middle.map { ($0.0 + prefix, $0.1 + prefix) }
        out += (0..<suffix).map { (a.count - suffix + $0, b.count - suffix + $0) }
        return out
    }

    /// Myers' greedy shortest edit script, keeping each round's frontier to walk back.
    private static func myers<T: Hashable>(_ a: [T], _ b: [T], maxEdits: Int, work: inout Int) -> [(Int, Int)]? {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return [] }
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d] holds v[k] for k in -d...d as it was before round d.
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                work += 1
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                    work += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { return walkBack(trace, rounds: d, n: n, m: m) }
            }
        }
        return nil
    }

    private static func walkBack(_ trace: [[Int]], rounds: Int, n: Int, m: Int) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var (x, y) = (n, m)
        for d in stride(from: rounds, to: 0, by: -1) {
            let previous = trace[d]
            let k = x - y
            let value = { (k: Int) in previous[k + d] }
            let previousK = k == -d || (k != d && value(k - 1) < value(k + 1)) ? k + 1 : k - 1
            let previousX = value(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                pairs.append((x, y))
            }
            (x, y) = (previousX, previousY)
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            pairs.append((x, y))
        }
        return pairs.reversed()
    }
}
