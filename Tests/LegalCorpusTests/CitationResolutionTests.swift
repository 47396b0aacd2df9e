import JianzhengBase
import JianzhengSyntax
import Testing

@testable import LegalCorpus

@Suite struct CitationResolutionTests {
    static let corpus = CorpusLoader.load(directory: Fixtures.corpusDirectory).0

    private func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func marriageRegulationArticleFiveResolvesAfterTwoThousandThree() throws {
        let resolved = Self.corpus.resolve("《婚姻登记条例》第五条", on: date("2004-01-01"))
        #expect(resolved.isValid)
        #expect(resolved.act?.rank == .administrativeRegulation)
        #expect(try #require(resolved.provision).text.contains("签字声明"))
    }

    @Test func repealedActSaysWhenAndByWhat() {
        let resolved = Self.corpus.resolve("《婚姻登记管理条例》第九条", on: date("2004-01-01"))
        #expect(resolved.problem == .repealed(on: date("2003-10-01"), by: "婚姻登记条例"))
        #expect(resolved.provision?.text.contains("婚姻状况证明") == true)
        #expect(Self.corpus.resolve("《婚姻登记管理条例》第九条", on: date("2000-01-01")).isValid)
    }

    @Test func actNotYetInForce() {
        let resolved = Self.corpus.resolve("《婚姻登记条例》第五条", on: date("2003-09-30"))
        #expect(resolved.problem == .notYetInForce(effective: date("2003-10-01")))
    }

    @Test func unknownActSuggestsTheClosestName() {
        let resolved = Self.corpus.resolve("《婚姻登记条列》第五条", on: nil)
        #expect(resolved.problem == .unknownAct(suggestions: ["婚姻登记条例"]))
    }

    @Test func unknownProvisionAndAmendedArticle() {
        #expect(
            Self.corpus.resolve("《婚姻登记条例》第九十九条", on: nil).problem
                == .unknownProvision(eId: "art_99"))
        let amended = Self.corpus.resolve("《建筑法》第八条第一款第（七）项", on: date("2020-01-01"))
        #expect(amended.problem == .provisionRemoved(on: date("2019-04-23")))
        #expect(amended.provision?.text == "建设资金已经落实；")
        let future = Self.corpus.resolve("《甘肃省人口与计划生育条例》第二十一条", on: date("2026-11-29"))
        #expect(future.problem == .notYetInForce(effective: date("2027-01-01")))
        let before = Self.corpus.resolve("《建筑法》第八条第一款第（七）项", on: date("2015-01-01"))
        #expect(before.provision?.text == "建设资金已经落实；")
    }

    @Test func localActsApplyOnlyInTheirTerritory() {
        let gansu = Self.corpus.resolve("《甘肃省人口与计划生育条例》第二十条", on: date("2020-01-01"), in: "CN-62-01")
        #expect(gansu.isValid)
        let shaanxi = Self.corpus.resolve("《陕西省人口与计划生育条例》第十八条", on: date("2020-01-01"), in: "CN-62")
        #expect(shaanxi.problem == .outsideTerritory(actTerritory: "CN-61", actTerritoryName: "陕西省", requested: "CN-62"))
        #expect(Self.corpus.resolve("《婚姻登记条例》第五条", on: date("2020-01-01"), in: "CN-62").isValid)
    }

    @Test func documentNumberAndShortTitleFindTheSameAct() {
        let byNumber = Self.corpus.resolve("国务院令第387号第五条", on: nil)
        let byTitle = Self.corpus.resolve("《中华人民共和国婚姻登记条例》第五条", on: nil)
        #expect(byNumber.act?.workURI == byTitle.act?.workURI)
        #expect(Self.corpus.resolve("国办发[2020]42号", on: nil).act?.rank == .normativeDocument)
    }
}
