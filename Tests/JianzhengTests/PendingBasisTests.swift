import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng

/// Issue 15: a basis that is cited but not in the corpus never leads to removal, and a removal on a sufficient
/// basis never says NO_BASIS.
@Suite struct PendingBasisTests {
    static func catalogue(basis: String, source: Bool = false) -> String {
        """
        material 火化证明 {
          kind certificate
          proves 火化
          issuer 民政部门
          basis \(basis)
        }
        procedure "P1" 丧葬补助 {
          department 教育行政部门
          territory CN-62
          requires 火化证明
        }
        """ + (source ? "\nsource 殡葬信息库 {\n  provider 民政部门\n  sharing unconditional\n  items 火化\n  coverage 100%\n}\n" : "")
    }

    /// 《殡葬管理条例》 is a real 行政法规 the corpus lacks: before, the citation was an error that blocked the review,
    /// and from a spreadsheet it was dropped and the certificate removed as NO_BASIS.
    @Test func aCitedActTheCorpusLacksIsKeptPendingVerification() throws {
        let (_, diagnostics) = Fixture.build([Self.catalogue(basis: "《殡葬管理条例》第十条")])
        let unknown = try #require(diagnostics.first { $0.code == .unknownAct })
        #expect(unknown.severity == .warning)
        #expect(unknown.notes.contains { $0.message.contains("bases to verify") })
        let review = try Fixture.review(Self.catalogue(basis: "《殡葬管理条例》第十条"))
        let decision = try #require(review.decision("P1", "火化证明"))
        #expect(decision.verdict == .keep)
        #expect(decision.reason == .basisPendingVerification)
        #expect(decision.basis.status == .pending)
        #expect(decision.flags.contains(.basisPending))
        #expect(decision.trace.first { $0.rule == "无依据" }?.outcome == .heldBack)
    }

    @Test func aPendingBasisStillLetsSharingReplaceTheCertificate() throws {
        let review = try Fixture.review(Self.catalogue(basis: "《殡葬管理条例》第十条", source: true))
        let decision = try #require(review.decision("P1", "火化证明"))
        #expect(decision.verdict == .obtainBySharing)
        #expect(decision.rule == "共享")
        #expect(decision.alsoMatched.isEmpty)
    }

    @Test func anUnknownProvisionOfAKnownActIsPendingToo() throws {
        let review = try Fixture.review(Self.catalogue(basis: "《婚姻登记条例》第九十九条"))
        let decision = try #require(review.decision("P1", "火化证明"))
        #expect(decision.verdict == .keep && decision.reason == .basisPendingVerification)
    }

    /// A citation the parser cannot read blocked the whole review.
    @Test func aCitationThatCannotBeReadIsPendingAndBlocksNothing() throws {
        let (_, diagnostics) = Fixture.build([Self.catalogue(basis: "《婚姻登记条例》第十五条之")])
        let malformed = try #require(diagnostics.first { $0.code == .malformedCitation })
        #expect(malformed.severity == .warning)
        let decision = try #require(try Fixture.review(Self.catalogue(basis: "《婚姻登记条例》第十五条之")).decision("P1", "火化证明"))
        #expect(decision.verdict == .keep && decision.reason == .basisPendingVerification)
    }

    /// A service guide or an internal rule is no law: citing only it is citing nothing — not a basis to verify.
    @Test func aNonLawSourceIsNoBasisAtAll() throws {
        let review = try Fixture.review(Self.catalogue(basis: "\"甘肃省民政厅办事指南（2023版）\""))
        let decision = try #require(review.decision("P1", "火化证明"))
        #expect(decision.verdict == .remove && decision.reason == .noBasis)
        #expect(decision.basis.status == .none)
        #expect(decision.basis.articles.first?.nonLawSource == "办事指南")
    }

    /// Found on a neutral catalogue: the cycle-breaking rule's removal was labelled NO_BASIS above "依据充分".
    @Test func aRemovalToBreakACycleSaysSoNotNoBasis() throws {
        let policy = """
            policy 破环 {
              effective 2000-01-01
              sufficient-ranks law, administrative-regulation
              rule 破除循环 {
                verdict remove
                when kind = certificate and in-cycle
                because "循环证明应当破除"
              }
              rule 其他 {
                verdict remove
                when kind = certificate and basis.sufficient
                because "按政策另行处理"
              }
              otherwise keep
            }
            """
        let review = try Fixture.review(GraphAndBurdenTests.ring(3, basis: "《中华人民共和国公证法》第十一条") + policy, policy: "破环")
        let decisions = review.decisions.filter { $0.kind == .certificate }
        #expect(decisions.count == 3)
        for decision in decisions {
            #expect(decision.basis.status == .sufficient)
            #expect(decision.reason == .circularProof, "\(decision.procedureID): \(decision.reason.rawValue)")
        }
        let alone = try Fixture.review(
            "material 甲 {\n  kind certificate\n  basis 《中华人民共和国公证法》第十一条\n}\nprocedure \"P\" 事项 {\n  department 民政部门\n  territory CN-62\n  requires 甲\n}\n" + policy,
            policy: "破环")
        #expect(alone.decision("P", "甲")?.reason == .policyRule)
    }
}
