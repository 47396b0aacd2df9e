/// SipHash-2-4 (Aumasson and Bernstein), a keyed pseudorandom function used as a message authentication code:
/// without the 128-bit key, nobody can compute the tag of a forged or altered cache file.
struct SipHash {
    private var v0: UInt64 = 0x736f_6d65_7073_6575
    private var v1: UInt64 = 0x646f_7261_6e64_6f6d
    private var v2: UInt64 = 0x6c79_6765_6e65_7261
    private var v3: UInt64 = 0x7465_6462_7974_6573

    /// The 64-bit tag of `message` under a 16-byte key.
    static func tag(key: [UInt8], _ message: [UInt8]) -> UInt64 {
        precondition(key.count == 16, "SipHash takes a 16-byte key")
        var state = SipHash()
        let k0 = word(key, 0), k1 = word(key, 8)
        state.v0 ^= k0
        state.v1 ^= k1
        state.v2 ^= k0
        state.v3 ^= k1
        let blocks = message.count / 8
        message.withUnsafeBytes { raw in
            for block in 0..<blocks { state.compress(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: block * 8, as: UInt64.self))) }
        }
        var last = UInt64(truncatingIfNeeded: message.count) << 56
        for index in 0..<(message.count % 8) { last |= UInt64(message[blocks * 8 + index]) << UInt64(8 * index) }
        state.compress(last)
        state.v2 ^= 0xff
        for _ in 0..<4 { state.round() }
        return state.v0 ^ state.v1 ^ state.v2 ^ state.v3
    }

    private static func word(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        return value
    }

    private mutating func compress(_ message: UInt64) {
        v3 ^= message
        round()
        round()
        v0 ^= message
    }

    private mutating func round() {
        v0 = v0 &+ v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
        v2 = v2 &+ v3; v3 = rotate(v3, 16); v3 ^= v2
        v0 = v0 &+ v3; v3 = rotate(v3, 21); v3 ^= v0
        v2 = v2 &+ v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
    }

    private func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { value << bits | value >> (64 - bits) }
}
