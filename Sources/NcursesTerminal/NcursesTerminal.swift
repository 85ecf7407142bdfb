import CNcursesw
import Glibc
import PlanTUI

/// The real terminal: copies `Grid` frames to the screen with ncursesw and turns
/// keyboard, mouse and resize input into `Key`s. This target is the only code that
/// imports CNcursesw; everything above it is pure and tested with a fake terminal.
///
/// Modes: `raw` (Ctrl-C, Ctrl-Z, Ctrl-\ and flow-control keys arrive as keys, not
/// signals; Ctrl-C is `.control("c")`), `noecho`, `keypad`, `nonl` (Enter is 13),
/// a 25 ms escape delay, and the cursor hidden unless the frame asks for it.
public final class NcursesTerminal: PlanTUI.Terminal {
    /// Whether frames are drawn with colour. Without colour, styles keep
    /// bold/reverse/underline/dim and drop foreground/background.
    public private(set) var colorsEnabled: Bool
    /// Colours the terminal has (8, 16, 256…), or 0 without colour.
    public var colorCount: Int { colorsEnabled ? Int(shim_COLORS()) : 0 }
    /// Whether mouse presses and wheel events are reported.
    public let mouseEnabled: Bool

    /// Milliseconds ncurses waits after Esc for the rest of an escape sequence.
    public static let escapeDelayMilliseconds: Int32 = 25

    var pairs: [PairKey: Int16] = [:]
    var nextPair: Int16 = 1
    var hasDefaultColors = false
    var lastScreenSize: (width: Int, height: Int)?
    var cursorVisible: Bool?
    var pending: [Key] = []
    var restored = false
    /// Whether the terminal draws a ZWJ emoji sequence as one glyph (asked at start).
    var joinsGraphemes = false

    struct PairKey: Hashable {
        var foreground: Color?
        var background: Color?
    }

    /// Sets up the locale and the screen. `colors`: nil decides from the terminal
    /// and `NO_COLOR` (set and non-empty turns colour off); true/false forces it
    /// (true still needs a terminal that has colours).
    public init(colors: Bool? = nil, mouse: Bool = true) {
        NcursesTerminal.setUpLocale()
        // Before initscr: ncurses then leaves SIGINT/SIGTERM to us (it only installs
        // its own handlers where the disposition is still the default).
        NcursesTerminal.installSignalHandlers()

        initscr()
        TerminalSafety.markActive()
        raw()
        noecho()
        nonl()
        let screen = shim_stdscr()
        keypad(screen, true)
        intrflush(screen, false)
        meta(screen, true)
        set_escdelay(NcursesTerminal.escapeDelayMilliseconds)
        curs_set(0)
        cursorVisible = false

        let environmentAllowsColor: Bool = {
            guard let value = getenv("NO_COLOR") else { return true }
            return value.pointee == 0  // set but empty still allows colour
        }()
        let wantColors = colors ?? environmentAllowsColor
        if wantColors && has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == OK
            colorsEnabled = true
        } else {
            colorsEnabled = false
        }

        mouseEnabled = mouse
        if mouse {
            let mask =
                shim_BUTTON1_PRESSED() | shim_BUTTON1_CLICKED()
                | shim_BUTTON4_PRESSED() | shim_BUTTON5_PRESSED()
            mousemask(mmask_t(mask), nil)
            mouseinterval(0)
        }
        joinsGraphemes = NcursesTerminal.probeJoinsGraphemes()
    }

    deinit { restore() }

    /// Columns and rows of the screen now.
    public var size: (width: Int, height: Int) {
        let screen = shim_stdscr()
        return (Int(shim_getmaxx(screen)), Int(shim_getmaxy(screen)))
    }

    /// Leaves curses mode (e.g. for `$EDITOR`), runs `body`, and comes back; the next
    /// refresh repaints the whole screen because the other program drew over it.
    public func suspend(while body: () -> Void) {
        guard !restored else {
            body()
            return
        }
        def_prog_mode()
        endwin()
        body()
        reset_prog_mode()
        clearok(shim_curscr(), true)
        touchwin(shim_stdscr())
        lastScreenSize = nil
        cursorVisible = nil
        refresh()
    }

    /// Ends curses mode for good. Safe to call more than once (and from `deinit`).
    public func restore() {
        guard !restored else { return }
        restored = true
        TerminalSafety.restoreTerminal()
    }

    /// `setlocale(LC_ALL, "")`, and when that does not give UTF-8 (LANG unset gives
    /// "C"), `C.UTF-8` for LC_CTYPE so that wide characters still draw and read.
    static func setUpLocale() {
        setlocale(LC_ALL, "")
        if !codesetIsUTF8() {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil {
                setlocale(LC_CTYPE, "en_US.UTF-8")
            }
        }
    }

    static func codesetIsUTF8() -> Bool {
        guard let raw = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: raw).lowercased().filter { $0 != "-" }
        return name == "utf8"
    }
}
