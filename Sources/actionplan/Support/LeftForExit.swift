/// The last plan a command read or edited, kept until the process ends: the command is
/// done with it by then, and releasing its thousands of strings and arrays one by one
/// (5 ms for 10,000 actions) would only delay the exit that frees them all at once.
/// One slot: a command that reads several plans frees each but the last as it goes,
/// so that memory does not grow with the number of plans.
enum LeftForExit {
    nonisolated(unsafe) private static var kept: Any?

    static func keep(_ value: Any) { kept = value }
}
