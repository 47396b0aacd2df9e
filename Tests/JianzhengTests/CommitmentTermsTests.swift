import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng

/// Issue 15: commitment terms belong to a procedure's requirement; an unrelated demand is not replaced by a
/// commitment; a commitment that replaces a removed certificate carries its terms.
@Suite struct CommitmentTermsTests {
    static let terms = """
        commitment {
              text    "本人承诺参保人已死亡。"
              method  网络核验
              within  20 工作日
              sample  100%
            }
        """

    /// 继承公证 got "本人承诺参保人已死亡", audited by 人社, because the terms hung on the material.
    @Test func termsOnOneProceduresRequirementAreNotReusedByAnother() throws {
        let review = try Fixture.review(
            """
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
                \(Self.terms)
              }
            }
            procedure "P2" 继承公证 {
              department 公安机关
              territory CN-62
              requires 死亡证明 {
                basis 《中华人民共和国公证法》第十一条
              }
            }
            """)
        let social = try #require(review.decision("P1", "死亡证明"))
        #expect(social.verdict == .commitment)
        #expect(social.commitment.plan?.promise == "本人承诺参保人已死亡。")
        #expect(social.commitment.plan?.auditor == "民政部门")
        let notary = try #require(review.decision("P2", "死亡证明"))
        #expect(notary.verdict == .keep)
        #expect(notary.commitment.plan == nil && !notary.commitment.available)
    }

    @Test func anUnrelatedDemandIsNotReplacedByACommitment() throws {
        let review = try Fixture.review(
            """
            material 无犯罪记录证明 {
              kind certificate
              proves 无犯罪记录
              issuer 公安机关
              \(Self.terms)
            }
            procedure "P1" 社会保障卡申领 {
              department 民政部门
              territory CN-62
              requires 无犯罪记录证明 {
                absurd unrelated-to-purpose
              }
            }
            """)
        let decision = try #require(review.decision("P1", "无犯罪记录证明"))
        #expect(decision.verdict == .remove && decision.reason == .absurdUnrelated)
        #expect(decision.replacement == .nothing)
        #expect(decision.commitment.plan == nil)
    }

    @Test func aCommitmentReplacingARemovedCertificateCarriesItsTerms() throws {
        let review = try Fixture.review(
            """
            material 收入证明 {
              kind certificate
              proves 收入
              issuer 工作单位
              \(Self.terms)
            }
            procedure "P1" 资助 {
              department 教育行政部门
              territory CN-62
              requires 收入证明
            }
            """)
        let decision = try #require(review.decision("P1", "收入证明"))
        #expect(decision.verdict == .remove)
        #expect(decision.replacement == .commitment(.网络核验))
        #expect(decision.commitment.plan?.auditor == "教育行政部门")
    }
}
