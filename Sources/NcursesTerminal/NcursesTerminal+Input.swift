import CNcursesw
import Glibc
import PlanTUI

extension NcursesTerminal {
    /// The next event: keys via `get_wch` (so non-ASCII input arrives whole),
    /// `.resize` on KEY_RESIZE, `.mouse` for presses and the wheel, and `.tick` when
    /// `timeoutMilliseconds` pass with nothing (a negative timeout waits for ever).
    public func readKey(timeoutMilliseconds: Int) -> Key {
        if !pending.isEmpty { return pending.removeFirst() }
        guard !restored else { return .tick }
        var code: wint_t = 0
        let status = read(&code, timeout: timeoutMilliseconds)
        if status == ERR { return terminalIsGone ? .hangup : .tick }
        if status == KEY_CODE_YES { return functionKey(Int32(bitPattern: code)) }
        return character(code)
    }

    /// The keys already typed, read with a zero timeout until none is left (at most
    /// `limit`, so that a stuck key cannot keep the screen from being drawn).
    public func readPendingKeys() -> [Key] {
        let limit = 1024
        var keys: [Key] = []
        while keys.count < limit, !restored {
            if !pending.isEmpty {
                keys.append(pending.removeFirst())
                continue
            }
            var code: wint_t = 0
            let status = read(&code, timeout: 0)
            if status == ERR { break }
            let key = status == KEY_CODE_YES ? functionKey(Int32(bitPattern: code)) : character(code)
            if key != .tick { keys.append(key) }
        }
        return keys
    }

    /// True when the terminal has closed (its window or ssh session went away):
    /// input then fails at once, and waiting for keys would spin.
    var terminalIsGone: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return true }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    func read(_ code: inout wint_t, timeout milliseconds: Int) -> Int32 {
        timeout(Int32(clamping: milliseconds))
        return get_wch(&code)
    }

    /// A key ncurses decoded itself (`keypad` is on).
    func functionKey(_ code: Int32) -> Key {
        switch code {
        // Shifted variants (KEY_SR is Shift+Up, KEY_SF Shift+Down, ...) count as plain.
        case KEY_UP, KEY_SR: return .up
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_PPAGE, KEY_SPREVIOUS: return .pageUp
        case KEY_NPAGE, KEY_SNEXT: return .pageDown
        case KEY_HOME, KEY_SHOME, KEY_A1: return .home
        case KEY_END, KEY_SEND, KEY_C1, KEY_LL: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC, KEY_SDC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE:
            lastScreenSize = nil  // the next draw clears the screen once
            let now = size
            return .resize(width: now.width, height: now.height)
        case KEY_MOUSE: return mouseEvent()
        default: return modifiedKey(code)
        }
    }

    /// ncurses reports Shift/Alt/Ctrl+arrow and friends as extended keys named after
    /// their terminfo capability ("kUP5" is Ctrl+Up, "kHOM3" Alt+Home). The app has
    /// no use for the modifier, so they count as the plain key. Anything else
    /// (function keys, ...) is `.tick`.
    func modifiedKey(_ code: Int32) -> Key {
        guard let raw = keyname(code) else { return .tick }
        let name = String(cString: raw).filter { !$0.isNumber }
        switch name {
        case "kUP": return .up
        case "kDN": return .down
        case "kLFT": return .left
        case "kRIT": return .right
        case "kHOM": return .home
        case "kEND": return .end
        case "kPRV": return .pageUp
        case "kNXT": return .pageDown
        case "kDC": return .delete
        default: return .tick
        }
    }

    /// A character code: control codes, Esc (and escape sequences ncurses left
    /// undecoded), or text.
    func character(_ code: wint_t) -> Key {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return escapeSequence()
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))  // 3 → "c"
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        case 0: return .control(" ")  // Ctrl-Space / Ctrl-@
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)), !(0x80..<0xA0).contains(code) else { return .tick }
            return .character(Character(scalar))
        }
    }

    /// After Esc: if nothing follows it was the Esc key.
    /// ncurses decodes the sequences terminfo lists; some terminals send others for
    /// Home/End (ESC [ H, ESC [ F, ESC [ 1 ~, ESC [ 4 ~, ESC O H ...), decoded here.
    /// Esc followed at once by an ordinary key (Alt+key) is ignored.
    /// Sequences nobody knows are swallowed whole (`.tick`).
    ///
    /// The first look-ahead does not wait: ncurses returns a lone ESC only after it
    /// has already waited the escape delay, and anything that followed within it is
    /// in ncurses' buffer. Waiting again doubled Esc's latency (about 50 ms measured).
    func escapeSequence() -> Key {
        let delay = Int(NcursesTerminal.escapeDelayMilliseconds)
        var code: wint_t = 0
        let status = read(&code, timeout: 0)
        if status == ERR { return .escape }
        if status == KEY_CODE_YES { return functionKey(Int32(bitPattern: code)) }
        switch code {
        case 0x5B:  // "["
            return controlSequence(delay: delay)
        case 0x4F:  // "O"
            guard read(&code, timeout: delay) == OK else { return .escape }
            if code == 0x4D { return .enter }  // keypad Enter in application mode
            return Self.cursorKeys[UInt32(code)] ?? .tick
        default:
            // Alt plus a key: no command uses Alt, and acting on the bare letter
            // (Alt-a setting Amber) would surprise.
            return .tick
        }
    }

    /// Final bytes of cursor-key sequences, the same after `ESC [` and `ESC O`.
    static let cursorKeys: [UInt32: Key] = [0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end]

    /// ESC [ params final: reads to the final byte (0x40...0x7E) and maps it.
    func controlSequence(delay: Int) -> Key {
        var parameters = ""
        var code: wint_t = 0
        for _ in 0..<16 {
            guard read(&code, timeout: delay) == OK else { return .tick }
            if (0x40...0x7E).contains(code) {
                let first = Int(parameters.split(separator: ";").first ?? "") ?? 0
                if let key = Self.cursorKeys[UInt32(code)] { return key }
                switch code {
                case 0x5A: return .backTab
                case 0x7E:
                    switch first {
                    case 1, 7: return .home
                    case 4, 8: return .end
                    case 3: return .delete
                    case 5: return .pageUp
                    case 6: return .pageDown
                    default: return .tick
                    }
                default: return .tick
                }
            }
            parameters.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: code)))
        }
        return .tick
    }

    /// KEY_MOUSE: button-1 press (or click) and the wheel; anything else is `.tick`.
    func mouseEvent() -> Key {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .tick }
        let state = mmask_t(event.bstate)
        let x = Int(event.x)
        let y = Int(event.y)
        if state & shim_BUTTON4_PRESSED() != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if state & shim_BUTTON5_PRESSED() != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if state & (shim_BUTTON1_PRESSED() | shim_BUTTON1_CLICKED()) != 0 {
            return .mouse(MouseEvent(kind: .press, x: x, y: y))
        }
        return .tick
    }
}
