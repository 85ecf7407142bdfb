extension PlanDocument {
    /// Lends the file's bytes to `body` in one piece: the text the document was read from
    /// when its lines are still that text in order (a plan as opened), else a copy built
    /// once (an edited plan, whose new lines live in a text of their own). The bytes are
    /// valid only while `body` runs.
    public func withContiguousBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        var runs = 0
        lines.withBytes { _ in runs += 1 }
        if runs == 1, !hasByteOrderMark {
            var result: R?
            lines.withBytes { result = body($0) }
            if let result { return result }
        }
        return withCopiedBytes(body)
    }

    /// Lends `body` a copy of the file's bytes in one piece, built in one pass over the
    /// lines: for a document known to be edited, where ``withContiguousBytes(_:)``'s look
    /// for a single run would be a pass of its own. Valid only while `body` runs.
    public func withCopiedBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        let bytes = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, count in
            let target = UnsafeMutableRawBufferPointer(buffer)
            withRuns { (run: UnsafeRawBufferPointer) in
                // Invariant: the pieces add up to `byteCount`, the capacity, so each fits after the
                // last; checked, since `byteCount` is kept as lines change rather than summed here.
                precondition(count + run.count <= target.count, "the document's runs outgrew its byte count")
                UnsafeMutableRawBufferPointer(rebasing: target[count..<count + run.count]).copyMemory(from: run)
                count += run.count
            }
        }
        return bytes.withUnsafeBytes(body)
    }

    /// Hands the file's bytes to `write` in order, as the runs of lines that stand one
    /// after another in the texts they live in, without copying them: an opened plan is
    /// one run, an edited one a few (the lines before the edit, its new lines, the rest).
    func withRuns<E: Error>(_ write: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        if hasByteOrderMark {
            var failure: E?
            Array("\u{FEFF}".utf8).withUnsafeBytes { bom in
                do throws(E) { try write(bom) } catch { failure = error }
            }
            if let failure { throw failure }
        }
        try lines.withBytes(write)
    }

    /// Whether `other` holds exactly this document's bytes (at most one of the two is copied).
    public func hasSameBytes(as other: PlanDocument) -> Bool {
        byteCount == other.byteCount && other.withContiguousBytes { hasBytes($0) }
    }
}
