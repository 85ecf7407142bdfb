/// The order of refs as a reader expects it: `1.2a` before `1.10a`. Runs of digits are
/// compared as numbers, letters without regard to case (the first difference of case or
/// of leading zeros decides when all else is equal: lower case, fewer zeros first), and punctuation before digits before letters: Foundation's
/// `localizedStandardCompare` on refs (ASCII letters, digits and `. _ / -`), without ICU.
/// Other scalars sort after `z` by their value, where ICU would put `é` with `e`.
enum RefOrder {
    /// -1, 0 or 1 as `a` comes before, with or after `b`.
    static func compare(_ a: String, _ b: String) -> Int {
        let (x, y) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
        var (i, j) = (0, 0)
        // The first difference of case or of leading zeros decides when nothing else does.
        var tieBreak = 0
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                let (m, nextI, zerosM) = number(x, from: i)
                let (n, nextJ, zerosN) = number(y, from: j)
                if m.count != n.count { return m.count < n.count ? -1 : 1 }
                if m != n { return m.lexicographicallyPrecedes(n) ? -1 : 1 }
                if tieBreak == 0, zerosM != zerosN { tieBreak = zerosM < zerosN ? -1 : 1 }
                (i, j) = (nextI, nextJ)
                continue
            }
            let (p, q) = (weight(x[i]), weight(y[j]))
            if p != q { return p < q ? -1 : 1 }
            if tieBreak == 0, x[i] != y[j] { tieBreak = x[i].properties.isLowercase ? -1 : 1 }
            (i, j) = (i + 1, j + 1)
        }
        if i < x.count || j < y.count { return i < x.count ? 1 : -1 }
        return tieBreak
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// The digits from `start` without their leading zeros, where they end, and how many zeros led.
    private static func number(_ s: [Unicode.Scalar], from start: Int) -> ([Unicode.Scalar], Int, Int) {
        var end = start
        while end < s.count, isDigit(s[end]) { end += 1 }
        var first = start
        while first < end - 1, s[first] == "0" { first += 1 }
        return (Array(s[first..<end]), end, first - start)
    }

    /// Punctuation first (in the order of Unicode's collation), then digits, then letters by
    /// their lower case, then anything else by its scalar.
    private static func weight(_ s: Unicode.Scalar) -> (Int, UInt32) {
        switch s {
        case "_": (0, 0)
        case "-": (0, 1)
        case ".": (0, 2)
        case "/": (0, 3)
        case "0"..."9": (1, s.value)
        case "a"..."z": (2, s.value)
        case "A"..."Z": (2, s.value + 32)
        default: (3, s.value)
        }
    }
}
