import Testing

extension Tag {
    /// Runs the built `actionplan` binary (and tmux or git) as a child process: seconds
    /// per test, where the unit tests take milliseconds. Every suite of this target has it,
    /// so `swift test --skip ActionplanCLITests` runs the fast set alone.
    @Tag static var endToEnd: Self
}
