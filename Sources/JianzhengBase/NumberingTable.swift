/// Numbers distinct 64-bit keys: an open-addressing table with a multiplicative hash, for numbering in order of first
/// sight. Numbering half a million object identities or packed (territory, citation) keys through `Dictionary`
/// hashes each with SipHash; here a probe is a multiplication and a comparison.
public struct NumberingTable: Sendable {
    /// Each slot holds a key and its number (-1: empty); the count is a power of two, at most three quarters full
    /// (a table of millions of materials is then no larger than `Dictionary`'s).
    private var slots: [Slot]
    private var shift: UInt64
    private var count = 0

    private struct Slot {
        var key: UInt64
        var number: Int32
    }

    /// A table with room for `capacity` keys before it grows.
    public init(capacity: Int = 8) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        slots = [Slot](repeating: Slot(key: 0, number: -1), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The number of `key`; a key not seen before is given `new` (non-negative), which is returned.
    public mutating func number(of key: UInt64, orAssign new: Int32) -> Int32 {
        precondition(new >= 0, "numbers are non-negative")
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot].number >= 0 {
            if slots[slot].key == key { return slots[slot].number }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Slot(key: key, number: new)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return new
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, number: -1), count: old.count * 2)
        shift -= 1
        for entry in old where entry.number >= 0 {
            var slot = Int(truncatingIfNeeded: (entry.key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot].number >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }
}
