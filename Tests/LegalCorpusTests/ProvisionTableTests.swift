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
}
