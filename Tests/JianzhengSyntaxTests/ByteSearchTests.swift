import JianzhengBase
import Testing

/// The byte searches `JianzhengBase` does with the C library agree with the obvious definitions.
@Suite struct ByteSearchTests {
    @Test func containsBytesAgreesWithASearchOverTheBytes() {
        // A small alphabet with a repeated lead byte (甲 and 由 share E7 94), so first-byte matches often fail later.
        let alphabet = ["a", "甲", "由", "乙", "b"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let pattern = (0..<Int.random(in: 0..<4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8), needle = Array(pattern.utf8)
            let expected = needle.isEmpty
                || (needle.count <= bytes.count && (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<$0 + needle.count]) == needle })
            #expect(text.containsBytes(pattern) == expected, "\(text) / \(pattern)")
        }
        #expect("居民户口簿".containsBytes("户口簿") && "居民户口簿".containsBytes("居民户口簿") && !"居民户口".containsBytes("户口簿"))
    }

    @Test func sameBytesIsNotCanonicalEquivalence() {
        #expect("caf\u{E9}" == "cafe\u{301}" && !"caf\u{E9}".hasSameBytes(as: "cafe\u{301}"))
        #expect("材料".hasSameBytes(as: String("材料".reversed().reversed())) && "".hasSameBytes(as: ""))
        #expect(!"材料1".hasSameBytes(as: "材料"))
    }

    @Test func lineStartsFollowEveryNewline() {
        let file = SourceFile(path: "lines.jz", text: "甲\n\nab\r\n乙")
        #expect(file.lineStarts == [0, 4, 5, 9])
        #expect(file.location(at: 9).line == 4 && file.location(at: 9).column == 1)
        #expect(SourceFile(path: "empty.jz", text: "").lineStarts == [0])
        #expect(SourceFile(path: "end.jz", text: "a\n").lineStarts == [0, 2])
    }

    @Test func lineStartsCountedWhenFirstAskedForFromAnyThread() {
        let file = SourceFile(path: "many.jz", text: String(repeating: "材料\n", count: 1000))
        let copy = file
        let counted = ConcurrentSlots<[UInt32]>.map(Array(0..<8)) { index in index.isMultiple(of: 2) ? file.lineStarts : copy.lineStarts }
        #expect(counted.count == 8 && counted.allSatisfy { $0 == counted[0] })
        #expect(counted[0].count == 1001 && counted[0][1] == 7)
        #expect(copy.location(at: 7).line == 2 && file.location(at: 13).column == 3)
    }
}
