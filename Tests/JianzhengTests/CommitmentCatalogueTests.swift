import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng
@testable import JianzhengReports

/// Issue 15: commitment catalogues (告知承诺事项目录) are published by an issuer on a date and cited to the document
/// that publishes them; each entry is one procedure's requirement of one material, so its 告知承诺书 is never
/// reused for another procedure, and the published commitment list names the catalogue each term comes from.
@Suite struct CommitmentCatalogueTests {
    static let procedures = """
        material 死亡证明 {
          kind certificate
          proves 死亡
          issuer 民政部门
        }
        procedure "P1" 丧葬补助 {
          department 民政部门
          territory CN-62
          requires 死亡证明 {
            basis 《中华人民共和国公证法》第十一条
          }
        }
        procedure "P2" 继承公证 {
          department 公安机关
          territory CN-62
          requires 死亡证明 {
            basis 《中华人民共和国公证法》第十一条
          }
        }
        """

    static func list(effective: String = "2021-07-01", cites: String = "\"国办发〔2020〕42号\"", entries: String? = nil) -> String {
        """
        commitment-catalogue 某省告知承诺事项目录 {
          issuer    民政部门
          published 2021-06-01
          effective \(effective)
          cites     \(cites)
        \(entries ?? """
          entry "P1" 死亡证明 {
            text   "本人承诺参保人已死亡。"
            method 网络核验
            within 20 工作日
            sample 100%
          }
        """)
        }
        """
    }

    @Test func anEntryGivesItsProcedureTheTermsAndNoOtherProcedure() throws {
        let review = try Fixture.review(Self.procedures, Self.list())
        let listed = try #require(review.decision("P1", "死亡证明"))
        #expect(listed.verdict == .commitment)
        #expect(listed.commitment.plan?.promise == "本人承诺参保人已死亡。")
        #expect(listed.commitment.plan?.auditor == "民政部门", "the deciding department audits unless the entry names another")
        #expect(listed.commitment.terms?.catalogue?.name == "某省告知承诺事项目录")
        #expect(listed.commitment.terms?.cites.map(\.text) == ["国办发〔2020〕42号"])
        let other = try #require(review.decision("P2", "死亡证明"))
        #expect(other.verdict == .keep)
        #expect(!other.commitment.available)
    }

    @Test func nothingIsOfferedBeforeTheCatalogueTakesEffect() throws {
        let review = try Fixture.review(Self.procedures, Self.list(effective: "2027-01-01"))
        let decision = try #require(review.decision("P1", "死亡证明"))
        #expect(decision.verdict == .keep)
        guard case .notYetOffered(let from) = decision.commitment.withheld else {
            Issue.record("not withheld: \(String(describing: decision.commitment.withheld))")
            return
        }
        #expect(from == CalendarDate("2027-01-01"))
    }

    @Test func aCatalogueCitingARepealedDocumentOffersNothing() throws {
        let review = try Fixture.review(Self.procedures, Self.list(cites: "《婚姻登记管理条例》"))
        let decision = try #require(review.decision("P1", "死亡证明"))
        #expect(decision.verdict == .keep)
        guard case .sourceNotInForce(let citation) = decision.commitment.withheld else {
            Issue.record("not withheld: \(String(describing: decision.commitment.withheld))")
            return
        }
        #expect(citation == "《婚姻登记管理条例》")
    }

    @Test func anEntryForAMaterialTheProcedureDoesNotRequireIsLocated() throws {
        let entry = "  entry \"P1\" 死亡证名 {\n    text \"x\"\n    method 书面核查\n  }\n  entry \"P9\" 死亡证明 {\n    text \"x\"\n    method 书面核查\n  }"
        let (_, diagnostics) = Fixture.build([Self.procedures, Self.list(entries: entry)])
        let notRequired = try #require(diagnostics.first { $0.code == .commitmentEntryNotRequired })
        #expect(notRequired.severity == .warning)
        #expect(notRequired.range.start.line == 6 && notRequired.range.start.column == 14, "the material of the entry")
        #expect(notRequired.notes.first?.message == "did you mean '死亡证明'?")
        // An unknown material and an unknown procedure are unknown references.
        #expect(diagnostics.contains { $0.code == .unknownReference && $0.message == "unknown material '死亡证名'" })
        #expect(diagnostics.contains { $0.code == .unknownReference && $0.message == "unknown procedure 'P9'" })
    }

    @Test func termsGivenTwiceAreAWarningAndTheRequirementsOwnApply() throws {
        let own = Self.procedures.replacingOccurrences(
            of: "  requires 死亡证明 {\n    basis 《中华人民共和国公证法》第十一条\n  }\n}\nprocedure \"P2\"",
            with: "  requires 死亡证明 {\n    basis 《中华人民共和国公证法》第十一条\n    commitment {\n      text \"自己的条款。\"\n      method 书面核查\n    }\n  }\n}\nprocedure \"P2\"")
        #expect(own != Self.procedures)
        let (_, diagnostics) = Fixture.build([own, Self.list()])
        #expect(diagnostics.contains { $0.code == .commitmentTermsTwice && $0.severity == .warning })
        let review = try Fixture.review(own, Self.list())
        #expect(try #require(review.decision("P1", "死亡证明")).commitment.plan?.promise == "自己的条款。")
    }

    @Test func theCommitmentListNamesTheCatalogue() throws {
        let (catalogue, _) = Fixture.build([Self.procedures, Self.list()])
        let review = try Fixture.review(Self.procedures, Self.list())
        let decision = try #require(review.decision("P1", "死亡证明"))
        #expect(OutcomeWording.chinese.commitmentSource(decision.commitment.terms) == "《某省告知承诺事项目录》（民政部门，2021年6月1日公布）")
        let table = PublishedLists(decisions: review.decisions, catalogue: catalogue, language: .zh).table(.commitment)
        let column = try #require(table.header.firstIndex(of: "承诺依据"))
        #expect(table.rows.count == 1)
        #expect(table.rows.first?[column] == "《某省告知承诺事项目录》（民政部门，2021年6月1日公布）")
    }
}
