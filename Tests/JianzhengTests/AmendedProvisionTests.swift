import JianzhengBase
import Testing

@testable import Jianzheng

/// Issue 15: an amendment that keeps a provision but drops the material from it (建筑工程施工许可管理办法 §4(1)(2):
/// "……以及银行出具的到位资金证明" in 2014, "建设单位应当提供建设资金已经落实承诺书" from 2018) takes the basis away,
/// and both versions are quoted. Before, only a provision that disappeared was seen.
@Suite struct AmendedProvisionTests {
    static func catalogue(material: String, listedAs: String = "") -> String {
        """
        department 商业银行 { kind bank }
        material \(material) {
          kind certificate
          issuer 商业银行
          \(listedAs)
        }
        procedure "ZJ-0001" 建筑工程施工许可证核发 {
          department 民政部门
          territory CN-62
          requires \(material) {
            basis 《建筑工程施工许可管理办法》第四条第一款第（二）项
          }
        }
        """
    }

    @Test func aProvisionThatNoLongerNamesTheMaterialNoLongerRequiresIt() throws {
        let review = try Fixture.review(Self.catalogue(material: "银行到位资金证明", listedAs: "listed-as 到位资金证明"), asOf: "2026-11-29")
        let decision = try #require(review.decision("ZJ-0001", "银行到位资金证明"))
        #expect(decision.basis.status == .repealed)
        #expect(decision.verdict == .remove && decision.reason == .basisRepealed)
        let article = try #require(decision.basis.articles.first)
        let dropped = try #require(article.droppedRequirement)
        #expect(dropped.named == "到位资金证明")
        #expect(dropped.earlierText.contains("银行出具的到位资金证明"))
        #expect(dropped.earlierVersionFrom == CalendarDate("2014-10-25"))
        // The new text is quoted beside the old.
        #expect(article.text.contains("建设资金已经落实承诺书"))
    }

    @Test func underTheEarlierVersionTheProvisionStillRequiresIt() throws {
        let review = try Fixture.review(Self.catalogue(material: "银行到位资金证明", listedAs: "listed-as 到位资金证明"), asOf: "2016-06-30")
        let decision = try #require(review.decision("ZJ-0001", "银行到位资金证明"))
        #expect(decision.basis.status == .rankInsufficient)
        #expect(decision.basis.articles.first?.droppedRequirement == nil)
    }

    /// An amendment that changed other words of the provision takes nothing from a material it never named.
    @Test func aMaterialTheEarlierTextNeverNamedKeepsItsStatus() throws {
        let review = try Fixture.review(Self.catalogue(material: "施工合同"), asOf: "2026-11-29")
        let decision = try #require(review.decision("ZJ-0001", "施工合同"))
        #expect(decision.basis.status == .rankInsufficient)
        #expect(decision.basis.articles.first?.droppedRequirement == nil)
    }
}
