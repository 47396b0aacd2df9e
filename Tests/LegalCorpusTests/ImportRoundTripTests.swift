import Foundation
import JianzhengBase
import Testing

@testable import LegalCorpus

/// Issue 16: a text of every rank, imported, written as Akoma Ntoso and read back as text, is the text it was
/// imported from (modulo whitespace); the document loads and its provisions, annex items included, are cited.
/// The texts (Tests/LegalCorpusTests/Texts) are realistic in structure, not real wording.
@Suite struct ImportRoundTripTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Texts")

    /// What each text needs beyond what it says about itself.
    static let flags: [String: ImportMetadata.Flags] = {
        func flags(_ rank: LegalRank?, issuer: String?, promulgated: String? = nil, territory: String? = nil) -> ImportMetadata.Flags {
            var flags = ImportMetadata.Flags()
            flags.rank = rank
            flags.issuer = issuer
            flags.promulgated = promulgated.flatMap { CalendarDate($0) }
            flags.territory = territory
            flags.territoryName = territory == nil ? nil : "某省"
            flags.source = "测试用文本"
            return flags
        }
        return [
            "法律-某某服务法.txt": flags(nil, issuer: "全国人民代表大会常务委员会"),
            "行政法规-某某管理条例.txt": flags(nil, issuer: nil),
            "地方性法规-某省某某条例.txt": flags(.localRegulation, issuer: "某省人民代表大会常务委员会", promulgated: "2016-09-29", territory: "CN-99"),
            "部门规章-某某办法.txt": flags(.departmentalRule, issuer: "某部"),
            "规范性文件-某省证明事项通知.txt": {
                var flags = flags(.normativeDocument, issuer: "某省人民政府办公厅", promulgated: "2021-03-01", territory: "CN-99")
                flags.effective = CalendarDate("2021-03-01")
                return flags
            }(),
            "国务院决定-取消证明事项.txt": {
                var flags = flags(.stateCouncilDecision, issuer: "国务院", promulgated: "2019-01-20")
                flags.effective = CalendarDate("2019-01-20")
                return flags
            }(),
        ]
    }()

    static func imported(_ name: String) throws -> (text: String, outcome: CorpusImport.Outcome) {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let outcome = CorpusImport.run(
            text, path: name, out: name + ".xml", flags: try #require(flags[name]), previous: nil, generated: try #require(CalendarDate("2026-12-02")))
        return (text, outcome)
    }

    static func withoutWhitespace(_ text: String) -> String { String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    @Test(arguments: flags.keys.sorted())
    func importThenTextIsTheInput(_ name: String) throws {
        let (text, outcome) = try Self.imported(name)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map { "\($0.range.start.line): \($0.message)" })")
        let data = try #require(outcome.data)
        let (back, problems) = CorpusText.read(Array(data), path: name + ".xml")
        #expect(problems.isEmpty)
        #expect(Self.withoutWhitespace(try #require(back)) == Self.withoutWhitespace(text))
        #expect(outcome.act?.textStatus == .verified)
    }

    @Test func theLawsStructureIsCitedToTheItem() throws {
        let act = try #require(try Self.imported("法律-某某服务法.txt").outcome.act)
        #expect(act.rank == .law && act.documentNumber == "主席令第二十九号")
        let corpus = LegalCorpus(acts: [act])
        let day = CalendarDate("2020-01-01")
        let item = corpus.resolve("《中华人民共和国某某服务法》第三条第一款第（二）项", on: day)
        #expect(item.provision?.text.hasPrefix("与申请事项有关的下列材料：") == true)
        #expect(corpus.resolve("《中华人民共和国某某服务法》第三条之一", on: day).provision?.text == "申请人可以通过互联网提交申请材料。")
        #expect(corpus.resolve("《中华人民共和国某某服务法》第四条第二款", on: day).provision?.text.hasPrefix("二十日内不能作出决定的") == true)
        // Sections (节) inside chapters, numbered through the act.
        #expect(act.versions.first?.provisions["chp_2__sec_2"]?.label == "第二章第二节")
    }

    /// Annex items are provisions: 附件1第二项 and 附件第三项 are cited, quoted with their annex's heading.
    @Test func annexItemsAreCitedWithTheirAnnexsHeading() throws {
        let notice = try #require(try Self.imported("规范性文件-某省证明事项通知.txt").outcome.act)
        let decision = try #require(try Self.imported("国务院决定-取消证明事项.txt").outcome.act)
        let corpus = LegalCorpus(acts: [notice, decision])
        let day = CalendarDate("2022-01-01")
        let row = corpus.resolve("某政办发〔2021〕12号附件1第二项", on: day)
        #expect(row.isValid && row.provision?.text == "死亡医学证明　《中华人民共和国民法典》第一千一百二十一条")
        #expect(row.provision?.label == "附件1第二项")
        let version = try #require(notice.versions.first)
        #expect(row.provision?.chapeau(in: version) == "保留的证明事项清单")
        // A line after an item, not numbered, stays with it.
        #expect(version.provisions["att_2__item_3"]?.text == "居住证明\n居住证明取消后，改由部门间信息共享核查。")
        let item = corpus.resolve("《国务院关于取消一批证明事项的决定》附件第三项", on: day)
        #expect(item.provision?.text == "申请人居住证明")
        // The sections and the opening of the notice are there too.
        #expect(corpus.resolve("某政办发〔2021〕12号 二（二）", on: day).provision?.text == "申请人作出虚假承诺的，依法承担责任。")
    }

    @Test func annexesOutOfOrderAreLocatedWarnings() {
        let text = "某决定\n国发〔2019〕9号\n附件1\n目录\n1．甲\n1．又是甲\n附件1\n2．乙\n"
        let result = LegalTextImporter.read(text, path: "t.txt")
        let lines = result.diagnostics.map(\.range.start.line)
        #expect(lines == [6, 7, 8])
        #expect(result.diagnostics.allSatisfy { $0.code == .importLineNotPlaced })
        #expect(result.annexes.count == 1 && result.annexes.first?.items.count == 1)
    }

    @Test func aTextWithNothingToCiteIsRefused() throws {
        let outcome = CorpusImport.run(
            "只是一行文字\n", path: "t.txt", out: "t.xml", flags: .init(), previous: nil, generated: try #require(CalendarDate("2026-12-02")))
        #expect(outcome.data == nil)
        #expect(outcome.diagnostics.map(\.code) == [.importNothingToImport])
    }
}

/// Issue 16: an amended act's second text round-trips too, and is a version of the first with its renumbering.
@Suite struct AmendedActImportTests {
    @Test func theAmendedTextIsANewVersionWithItsRenumbering() throws {
        let (_, first) = try ImportRoundTripTests.imported("行政法规-某某管理条例.txt")
        let previous = try #require(first.act)
        let name = "行政法规-某某管理条例-修订.txt"
        let text = try String(contentsOf: ImportRoundTripTests.directory.appendingPathComponent(name), encoding: .utf8)
        var flags = ImportMetadata.Flags()
        flags.effective = CalendarDate("2019-03-02")
        flags.source = "测试用文本"
        let outcome = CorpusImport.run(text, path: name, out: "v2.xml", flags: flags, previous: previous, generated: try #require(CalendarDate("2026-12-02")))
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.message))")
        let (back, _) = CorpusText.read(Array(try #require(outcome.data)), path: "v2.xml")
        #expect(ImportRoundTripTests.withoutWhitespace(try #require(back)) == ImportRoundTripTests.withoutWhitespace(text))
        let act = try #require(outcome.act)
        #expect(act.workURI == previous.workURI)
        #expect(act.versions.first?.renumbered == ["art_2": "art_3", "art_3": "art_4", "art_4": "art_5"])
        let comparison = try #require(outcome.comparison)
        #expect(comparison.changes.contains(.added("第二条")))
        #expect(comparison.changes.contains(.renumbered(from: "第二条", to: "第三条", changed: true)))
        #expect(comparison.changes.contains(.renumbered(from: "第三条", to: "第四条", changed: false)))
    }
}
