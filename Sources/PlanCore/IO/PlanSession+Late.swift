import Glibc

/// Opening a plan file that did not read as a plan, once it does: a portfolio's member
/// that had errors when the folder was opened is watched this way until it is mended.
extension PlanSession {
    /// Opens the plan at `path` when its file changed since `lastLooked` and reads as a
    /// plan; nil when the file is as it was last looked at. Never waits: a file that is
    /// still being written (held open for writing, or changed by another program less
    /// than `settleTime` seconds ago) throws ``PlanFileError/unsettled(path:seconds:)``,
    /// to be asked about again. Any other error (the file has errors, or is gone) is
    /// thrown once per change: `lastLooked` is moved to the file as it was looked at.
    public convenience init?(
        opening path: String, ifChangedSince lastLooked: inout FileStamp?,
        settleTime: Double = PlanSession.defaultSettleTime, lockTimeout: Double = 10
    ) throws(PlanFileError) {
        let now = FileStamp(path: path)
        guard now != lastLooked else { return nil }
        var read: PlanDocument?
        do {
            // A named pipe or a device is refused before it is read: reading one could wait for ever.
            try PlanLock.requireRegularPlan(path)
            lastLooked = try Self.settledRead(path, settleTime: settleTime, timeout: 0) {
                () throws(PlanFileError) in read = try PlanFile.load(path)
            }
        } catch {
            if case .unsettled = error {} else { lastLooked = now }
            throw error
        }
        guard let read else { throw .system(path: path, errno: EIO, doing: "read") }
        self.init(path: path, document: read, settleTime: settleTime, lockTimeout: lockTimeout)
    }
}
