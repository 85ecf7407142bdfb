import Glibc

/// `value` with `decimals` digits after the point, rounded as `printf("%.Nf")` rounds:
/// what `String(format:)` gives, without the full Foundation.
func fixedPoint(_ value: Double, decimals: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 352)
    let count = withVaList([value]) { arguments in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%.\(decimals)f", arguments) }
    }
    precondition(count >= 0 && count < buffer.count, "a double in fixed point fits 352 bytes")
    return String(decoding: buffer[..<Int(count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
