/// What the app needs from a terminal. The ncurses adapter implements it; tests use
/// a fake that records frames and replays keys.
public protocol Terminal: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Copies a frame to the screen, including the cursor position (hidden when nil).
    func draw(_ grid: Grid)
    /// The next input event, or `.tick` when `timeoutMilliseconds` pass with none.
    func readKey(timeoutMilliseconds: Int) -> Key
    /// Every input event already waiting, without waiting for more: the runtime applies
    /// them all before it draws again, so that typing never queues behind drawing.
    func readPendingKeys() -> [Key]
    /// Leaves the screen to run another program (e.g. `$EDITOR`), then comes back.
    func suspend(while body: () -> Void)
    /// Restores the terminal for good. Safe to call more than once.
    func restore()
}

extension Terminal {
    /// A terminal that cannot tell what is waiting reports nothing; each key is then drawn.
    public func readPendingKeys() -> [Key] { [] }
}
