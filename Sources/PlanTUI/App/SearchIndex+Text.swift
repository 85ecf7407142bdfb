import Glibc
import PlanCore

/// The text `/` searches in, as the index holds it, and the byte search in it.
extension SearchIndex {
    /// What `/` searches in an action: ref, text, owners and notes, lower-cased, as UTF-8.
    ///
    /// As `String.lowercased()` would make it, which maps each scalar on its own: ASCII
    /// bytes are lower-cased in place and only other scalars are looked up.
    static func searchText(_ action: Action) -> [UInt8] {
        var out: [UInt8] = []
        for (index, part) in ([action.ref, action.text] + action.owners + action.notes.map(\.text)).enumerated() {
            if index > 0 { out.append(UInt8(ascii: "\n")) }
            appendLowercased(part, to: &out)
        }
        return out
    }

    private static func appendLowercased(_ text: String, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + text.utf8.count)
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    // A run of ASCII: copied whole, then lower-cased where it now is.
                    var end = i + 1
                    while end < bytes.count, bytes[end] < 0x80 { end += 1 }
                    let start = out.count
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    out.withUnsafeMutableBufferPointer { copied in
                        for k in start..<copied.count where copied[k] &- UInt8(ascii: "A") < 26 { copied[k] += 32 }
                    }
                    i = end
                    continue
                }
                // A String's bytes are valid UTF-8: the lead byte gives the scalar's length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for next in bytes[(i + 1)..<(i + length)] { value = value << 6 | UInt32(next & 0x3F) }
                if let scalar = Unicode.Scalar(value) { out += scalar.properties.lowercaseMapping.utf8 }
                i += length
            }
        }
        if done != nil { return }
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            } else {
                out += scalar.properties.lowercaseMapping.utf8
            }
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte.
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let hayStart = hay.baseAddress, let pinStart = pin.baseAddress else { return false }
                // Candidates by memchr (the C library's vectorised scan), each checked with memcmp;
                // a start is a candidate only while the whole needle still fits after it.
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    guard let found = memchr(hayStart + start, Int32(first), last - start + 1) else { return false }
                    let at = hayStart.distance(to: UnsafeRawPointer(found))
                    if memcmp(hayStart + at, pinStart, pin.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }
}
