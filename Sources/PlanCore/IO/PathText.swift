import FoundationEssentials
import Glibc

/// The path operations of `NSString` the tool uses (`lastPathComponent`,
/// `deletingLastPathComponent`, `pathExtension`, `standardizingPath`), on plain strings:
/// `NSString` is in the full Foundation, not in FoundationEssentials.
public enum PathText {
    /// `a/b.plan` → `b.plan`; a trailing slash is ignored; `/` stays `/`.
    public static func lastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let last = parts.last else { return path.hasPrefix("/") ? "/" : "" }
        return String(last)
    }

    /// `a/b.plan` → `a`, `/a` → `/`, `b.plan` → ``; a trailing slash is ignored.
    public static func deletingLastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let root = path.hasPrefix("/") ? "/" : ""
        guard parts.count > 1 else { return root }
        return root + parts.dropLast().joined(separator: "/")
    }

    /// `b.PLAN` → `PLAN`; `` when the last component has no dot after its first character.
    public static func pathExtension(_ path: String) -> String {
        let last = lastComponent(path)
        guard let dot = last.lastIndex(of: "."), dot > last.startIndex else { return "" }
        return String(last[last.index(after: dot)...])
    }

    /// One file or folder name per plan path, readable and without folders in it: the
    /// absolute path, symbolic links resolved, with every character but letters, digits,
    /// `.` and `-` made `_`. Where the undo journal and the check record of a plan are kept.
    public static func fileName(forPlan path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return absolute.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? String($0) : "_" }.joined()
    }

    /// A leading `~` expanded, empty and `.` components dropped (a leading `./` is kept, as
    /// Foundation on Linux keeps it), and in an absolute path `..` taken back a component
    /// and symbolic links resolved as far as the path exists: `plans/.//a.plan` →
    /// `plans/a.plan`. (`~user` is not expanded.)
    public static func standardized(_ path: String) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/") {
            path = FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst()
        }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if absolute, part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return resolvingLinks("/" + joined) }
        if joined.isEmpty { return path.isEmpty ? "" : "." }
        return path.hasPrefix("./") ? "./" + joined : joined
    }

    /// The absolute `path` with the symbolic links of its longest existing part resolved
    /// (`realpath`), the rest kept as it is.
    private static func resolvingLinks(_ path: String) -> String {
        var head = path
        var tail: [Substring] = []
        while head != "/" {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                let real = String(cString: resolved)
                return tail.isEmpty ? real : (real == "/" ? "" : real) + "/" + tail.reversed().joined(separator: "/")
            }
            tail.append(Substring(lastComponent(head)))
            head = deletingLastComponent(head)
        }
        return path
    }
}
