import FoundationEssentials

/// The read limits applied to what is about to be written: a plan that ``PlanFile/load(_:)``
/// would refuse is never written (a note of millions of lines, an import of a huge
/// sheet, a merge of two large plans), so every file saved can be read back.
extension PlanFile {
    /// Why a file of `bytes` bytes and `lines` lines could not be read back; nil when
    /// it is within ``maximumSize`` and ``maximumLines``.
    static func limitProblem(bytes: Int, lines: Int) -> String? {
        if lines > maximumLines {
            return "the plan would have \(lines.grouped) lines, more than the \(maximumLines / 1_000_000) million "
                + "a plan may have, so it could not be read back"
        }
        if bytes > maximumSize {
            return "the plan would be \(megabytes(bytes)), more than the \(megabytes(maximumSize)) a plan may be, "
                + "so it could not be read back"
        }
        return nil
    }

    /// Refuses, with ``PlanFileError/wouldBeTooLarge(path:reason:)``, a plan that
    /// could not be read back once written to `path`.
    public static func checkLimits(_ document: PlanDocument, path: String) throws(PlanFileError) {
        if let reason = document.limitProblem { throw .wouldBeTooLarge(path: path, reason: reason) }
    }

    /// ``checkLimits(_:path:)`` for a file's bytes (a merge with conflict markers, which is no plan yet).
    public static func checkLimits(_ data: Data, path: String) throws(PlanFileError) {
        let lines = data.count >= maximumLines ? lineCount(data) : 0
        if let reason = limitProblem(bytes: data.count, lines: lines) {
            throw .wouldBeTooLarge(path: path, reason: reason)
        }
    }
}

extension PlanDocument {
    /// Why this plan, written, could not be read back (over ``PlanFile/maximumSize``
    /// or ``PlanFile/maximumLines``); nil when it can be.
    public var limitProblem: String? {
        Self.limitProblem(lines, byteOrderMark: hasByteOrderMark)
    }

    /// ``limitProblem`` for lines about to become a document: the line count first, which costs nothing.
    static func limitProblem(_ lines: LineTable, byteOrderMark: Bool) -> String? {
        if lines.count > PlanFile.maximumLines { return PlanFile.limitProblem(bytes: 0, lines: lines.count) }
        let bytes = (byteOrderMark ? 3 : 0) + lines.byteCount
        return PlanFile.limitProblem(bytes: bytes, lines: lines.count)
    }
}

extension Int {
    /// `4,100,000`.
    fileprivate var grouped: String {
        let digits = String(self)
        return digits.enumerated().map { i, c in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(c) }
            .joined()
    }
}
