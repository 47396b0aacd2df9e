import Testing

@testable import LegalCorpus

/// A version's provisions are found by eId in a sorted array as they were in a hash table.
@Suite struct ProvisionTableTests {
    @Test func everyEIdIsFoundAndNoOther() {
        var byEId: [String: Provision] = [:]
        for article in 1...120 {
            for eId in ["art_\(article)", "art_\(article)__para_1", "art_\(article)__para_1__point_\(article % 7)"] {
                byEId[eId] = Provision(eId: eId, label: "第\(article)条", text: "文本 \(eId)", line: article)
            }
        }
        let table = ProvisionTable(byEId)
        #expect(table.count == byEId.count)
        #expect(table.map(\.eId) == byEId.keys.sorted())
        for (eId, provision) in byEId { #expect(table[eId]?.text == provision.text) }
        for missing in ["", "art_0", "art_121", "art_1__para_2", "zzz", "art_1_", "Art_1"] { #expect(table[missing] == nil) }
        #expect(ProvisionTable([:])["art_1"] == nil)
    }

    @Test func anEIdIsFoundByAnyStringEqualToIt() {
        // Not ASCII: 第一条 as an eId, and the Kelvin sign, which Swift's `String` equality takes for a "K".
        var byEId: [String: Provision] = [:]
        for eId in ["art_1", "第一条", "art_\u{212A}", "art_2__para_1"] {
            byEId[eId] = Provision(eId: eId, label: eId, text: "文本 \(eId)", line: 1)
        }
        let table = ProvisionTable(byEId)
        #expect(table["第一条"]?.text == "文本 第一条")
        #expect(table["art_K"]?.text == "文本 art_\u{212A}")
        #expect(table["art_\u{212A}"]?.text == "文本 art_\u{212A}")
        #expect(table["art_2__para_1"]?.line == 1)
        #expect(table["第二条"] == nil && table["art_k"] == nil)
    }
}
