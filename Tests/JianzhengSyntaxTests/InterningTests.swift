import Testing

import JianzhengBase
@testable import JianzhengSyntax

@Suite struct InterningTests {
    @Test func internerGivesOneIdPerDistinctStringAcrossGrowth() {
        var interner = StringInterner()
        let texts = (0..<5_000).map { "《法规\($0 % 1_700)》第\($0 % 37)条" }
        let ids = texts.map { interner.intern($0) }
        #expect(interner.count == Set(texts).count)
        for (text, id) in zip(texts, ids) {
            #expect(interner.strings[Int(id)] == text)
            #expect(interner.id(of: text) == id)
        }
        #expect(interner.id(of: "《法规9999》第1条") == nil)
        // Ids are given in first-seen order.
        #expect(ids[0] == 0 && interner.intern("新的") == Int32(interner.count - 1))
    }

    @Test func numberingTableKeepsTheFirstNumberOfEachKeyAcrossGrowth() {
        var table = NumberingTable()
        var numbers: [UInt64: Int32] = [:]
        // Keys alike in their low bits (object addresses, packed keys) and one that is zero.
        let keys: [UInt64] = (0..<20_000).map { UInt64($0 % 7_919) << 34 | 16 * UInt64($0 % 13) } + [0]
        for key in keys {
            let next = Int32(numbers.count)
            let number = table.number(of: key, orAssign: next)
            if let known = numbers[key] { #expect(number == known) } else {
                #expect(number == next)
                numbers[key] = number
            }
        }
        #expect(numbers.count == Set(keys).count)
        for (key, number) in numbers { #expect(table.number(of: key, orAssign: Int32(numbers.count)) == number) }
    }

    @Test func bytesNotCanonicalEquivalenceDecideIdentity() {
        // 'é' precomposed and decomposed are equal Strings but different bytes: names are matched as written.
        var interner = StringInterner()
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(interner.intern(composed) != interner.intern(decomposed))
        #expect(Utf8Key(composed) != Utf8Key(decomposed))
        #expect(Utf8Key("材料15") == Utf8Key(String("材料15".reversed().reversed())))
        #expect(Set([Utf8Key("甲"), Utf8Key("甲"), Utf8Key("乙")]).count == 2)
    }

    @Test func concurrentMapKeepsOrderForAnySize() {
        for count in [0, 1, 2, 7, 1_000, 10_007] {
            let input = Array(0..<count)
            #expect(ConcurrentSlots<Int>.map(input) { $0 * 3 } == input.map { $0 * 3 })
        }
        let strings = ConcurrentSlots<String>.map(Array(0..<500)) { "项\($0)" }
        #expect(strings == (0..<500).map { "项\($0)" })
    }
}
