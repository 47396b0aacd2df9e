/// A file's statement keywords, each kept once and numbered in order of first use. A catalogue file has a few
/// dozen distinct keywords and hundreds of thousands of statements: a keyword of up to 16 bytes is found again by
/// its bytes read as two words (a multiply and two comparisons), so no string is made for it after the first time.
struct KeywordTable {
    /// The keywords, by number.
    private(set) var keywords: [String] = []
    /// A keyword's bytes as two little-endian words (zero-padded) and its length.
    private struct Key: Equatable {
        let low: UInt64
        let high: UInt64
        let length: Int

        /// The key of `start..<end`, nil when longer than 16 bytes.
        init?(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            let length = end - start
            guard length <= 16, let base = bytes.baseAddress else { return nil }
            var words: (UInt64, UInt64) = (0, 0)
            if start + 16 <= bytes.count {
                // Two loads, the bytes past the keyword masked off.
                let raw = UnsafeRawPointer(base + start)
                let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                words = length >= 8 ? (first, second & Self.mask(length - 8)) : (first & Self.mask(length), 0)
            } else {
                for offset in 0..<length {
                    let byte = UInt64(bytes[start + offset]) << UInt64(offset % 8 * 8)
                    if offset < 8 { words.0 |= byte } else { words.1 |= byte }
                }
            }
            (low, high, self.length) = (words.0, words.1, length)
        }

        /// The low `count` bytes of a word (0…8).
        private static func mask(_ count: Int) -> UInt64 { count >= 8 ? ~0 : (1 << UInt64(count * 8)) &- 1 }

        /// One of 64 slots (the top six bits of a multiplicative hash).
        var slot: Int { Int(truncatingIfNeeded: (((low ^ (high &* 31)) &+ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 58) }
    }
    /// Open addressing over 64 slots: the key and number of each short keyword (never more than half full;
    /// keywords beyond that, and longer ones, are found in `others`).
    private var slots = [(key: Key, number: Int32)?](repeating: nil, count: 64)
    private var others: [String: Int32] = [:]

    /// The number of the keyword written at `start..<end` of `bytes`; `text` makes its string the first time.
    mutating func number(of start: Int, _ end: Int, in bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Int32 {
        guard let key = Key(bytes, start, end) else { return other(text()) }
        var slot = key.slot
        while let entry = slots[slot] {
            if entry.key == key { return entry.number }
            slot = (slot + 1) & (slots.count - 1)
        }
        // The slots hold every keyword not kept by text.
        guard (keywords.count - others.count) * 2 < slots.count else { return other(text()) }
        let number = Int32(keywords.count)
        keywords.append(text())
        slots[slot] = (key, number)
        return number
    }

    /// The number of a keyword kept by its text.
    private mutating func other(_ text: String) -> Int32 {
        if let known = others[text] { return known }
        let number = Int32(keywords.count)
        keywords.append(text)
        others[text] = number
        return number
    }
}
