/// What `actionplan --version` prints about the build.
///
/// `make` writes the commit it builds from into ``commit`` for the length of the build
/// and puts the placeholder back afterwards, so `swift build` alone still works and
/// the committed file never changes.
enum BuildInfo {
    static let version = "0.1.0"
    static let commit = "unknown"

    /// "0.1.0 (commit 1a2b3c4d5e6f)", or "0.1.0 (commit unknown)" from `swift build`.
    static var versionLine: String { "\(version) (commit \(commit))" }
}
