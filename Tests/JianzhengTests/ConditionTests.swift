import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng

/// Issue 15: a procedure's conditions (办理条件), the evidence that proves them, and its situations (办理情形).
/// The cases follow 失业保险条例 §20: 失业人员在领取失业保险金期间死亡的 … 发给丧葬补助金和抚恤金 — the condition
/// (death during the benefit period) is statutory; the death certificate the window asks for is named only in
/// its service guide.
@Suite struct ConditionTests {
    static func catalogue(condition: String = "  condition 失业人员已死亡 {\n    basis 《失业保险条例》第二十条\n    items 死亡\n  }\n",
                          evidenceOf: String = "    evidence-of 失业人员已死亡\n", extra: String = "", requirementExtra: String = "") -> String {
        """
        material 死亡证明 {
          kind certificate
          proves 死亡证明文书
          issuer 民政部门
        }
        procedure "RS-0002" 失业人员丧葬补助金申领 {
          department 教育行政部门
          territory CN-62
          volume 1000
        \(condition)  requires 死亡证明 {
            basis "甘肃省人社厅办事指南（2023版）"
        \(evidenceOf)\(requirementExtra)  }
        }
        \(extra)
        """
    }

    static let deathRegister = """
        source 死亡人口信息库 {
          provider 公安机关
          sharing unconditional
          items 死亡
        }
        """

    /// Before: removed as NO_BASIS ("没有法律依据") although §20 makes the death a condition of the benefit.
    @Test func aCertificateProvingAStatutoryConditionIsNeverRemovedForWantOfItsOwnBasis() throws {
        let decision = try #require(try Fixture.review(Self.catalogue()).decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .keep)
        #expect(decision.reason == .statutoryCondition)
        #expect(decision.basis.status == .none)
        let condition = try #require(decision.conditions.first)
        #expect(condition.condition.name == "失业人员已死亡")
        #expect(condition.basis.status == .sufficient)
        #expect(condition.basis.articles.first?.text.contains("失业人员在领取失业保险金期间死亡的") == true)
        #expect(decision.trace.first { $0.rule == "无依据" }?.outcome == .heldBackStatutoryCondition)
    }

    @Test func withoutTheConditionTheSameCertificateIsRemoved() throws {
        let decision = try #require(try Fixture.review(Self.catalogue(condition: "", evidenceOf: "")).decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .remove && decision.reason == .noBasis)
        #expect(decision.conditions.isEmpty)
    }

    /// A source holding the condition's items verifies it, though it holds nothing the certificate "proves".
    @Test func aSourceHoldingTheConditionsItemsVerifiesIt() throws {
        let decision = try #require(try Fixture.review(Self.catalogue(extra: Self.deathRegister)).decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .obtainBySharing)
        #expect(decision.sharing.best?.source == "死亡人口信息库")
        #expect(decision.trace.first { $0.rule == "无依据" }?.outcome == .heldBackStatutoryCondition)
    }

    /// The commitment is the condition's, audited by the deciding department unless stated.
    @Test func aConditionsCommitmentPromisesTheConditionAndIsAuditedByTheDecidingDepartment() throws {
        let condition = """
              condition 失业人员已死亡 {
                basis 《失业保险条例》第二十条
                items 死亡
                commitment {
                  text   "本人承诺失业人员已于领取失业保险金期间死亡"
                  method 网络核验
                }
              }

            """
        let decision = try #require(try Fixture.review(Self.catalogue(condition: condition)).decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .commitment)
        let plan = try #require(decision.commitment.plan)
        #expect(plan.proves == ["失业人员已死亡"])
        #expect(plan.auditor == "教育行政部门")
        #expect(plan.promise.contains("领取失业保险金期间死亡"))
    }

    /// A condition set only by a rule that may not set it gives no protection: the certificate goes.
    @Test func aConditionWithoutSufficientBasisDoesNotHoldTheCertificate() throws {
        let condition = "  condition 失业人员已死亡 {\n    basis 《机动车驾驶证申领和使用规定》第二十三条\n  }\n"
        let decision = try #require(try Fixture.review(Self.catalogue(condition: condition)).decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .remove)
        #expect(decision.conditions.first?.basis.status == .rankInsufficient)
    }

    /// Any-of evidence: the 户口簿 the applicant holds proves the kinship, so the certificate is not needed.
    @Test func anyOfEvidenceAlreadyProvenByALicenceRemovesTheCertificate() throws {
        let text = """
            material 居民户口簿 {
              kind licence-or-id
            }
            material 亲属关系证明 {
              kind certificate
              issuer 工作单位
            }
            procedure "SF-0002" 亲属关系公证 {
              department 民政部门
              territory CN-62
              condition 亲属关系 {
                basis 《中华人民共和国公证法》第十一条第一款第（六）项
                proof any-of
              }
              requires 居民户口簿 {
                evidence-of 亲属关系
              }
              requires 亲属关系证明 {
                evidence-of 亲属关系
              }
            }
            """
        let review = try Fixture.review(text)
        let decision = try #require(review.decision("SF-0002", "亲属关系证明"))
        #expect(decision.verdict == .remove)
        #expect(decision.reason == .provenByOtherEvidence)
        #expect(decision.replacement == .alternative("居民户口簿"))
        #expect(decision.conditions.first?.provenBy == "居民户口簿")
        #expect(review.decision("SF-0002", "居民户口簿")?.verdict == .keep)
    }

    /// Local (80 %) and non-local (20 %) applicants, and the death condition with an optional commitment.
    static func situated(commitment: Bool) -> String {
        let terms = commitment ? "    commitment {\n      text   \"本人承诺失业人员已死亡\"\n      method 书面核查\n    }\n" : ""
        return "  situation 本地户籍 {\n    share 80%\n  }\n  situation 外地户籍 {\n    share 20%\n  }\n"
            + "  condition 失业人员已死亡 {\n    basis 《失业保险条例》第二十条\n    items 死亡\n\(terms)  }\n"
    }

    /// The death register, holding local residents only.
    static let localRegister = deathRegister.replacingOccurrences(of: "items 死亡", with: "items 死亡\n  covers 本地户籍")

    /// Situations: the register holds local residents only; the others sign the commitment — named, not generic.
    @Test func aSourceCoveringOneSituationSharesForItAndNamesTheFallbackForTheOthers() throws {
        let review = try Fixture.review(Self.catalogue(condition: Self.situated(commitment: true), extra: Self.localRegister))
        let decision = try #require(review.decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .obtainBySharing)
        #expect(abs((decision.sharing.best?.coverage ?? 0) - 0.8) < 1e-9)
        #expect(decision.sharing.best?.coveredSituations == ["本地户籍"])
        #expect(decision.flags.contains(.partialCoverage))
        #expect(decision.uncovered == .commitment(.书面核查))
        let bySituation = Dictionary(uniqueKeysWithValues: decision.situations.map { ($0.situation.name, $0) })
        #expect(bySituation["本地户籍"]?.verdict == .obtainBySharing)
        #expect(bySituation["本地户籍"]?.source == "死亡人口信息库")
        #expect(bySituation["外地户籍"]?.verdict == .commitment)
        #expect(bySituation["外地户籍"]?.source == nil)
        // The office audits commitments of the uncovered fifth only.
        #expect(abs(decision.auditedShare - 0.2) < 1e-9)
    }

    @Test func aSourceCoveringNoneOfTheRequirementsSituationsIsRefused() throws {
        let review = try Fixture.review(
            Self.catalogue(condition: Self.situated(commitment: false), extra: Self.localRegister, requirementExtra: "    situation 外地户籍\n"))
        let decision = try #require(review.decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .keep && decision.reason == .statutoryCondition)
        #expect(decision.sharing.options.first?.refusal == .coversNoSituation(covers: ["本地户籍"]))
        #expect(abs(decision.share - 0.2) < 1e-9)
    }

    @Test func misusedConditionsAndSituationsAreLocatedErrors() {
        let text = """
            material 死亡证明 { kind certificate }
            procedure "P" 事项 {
              department 民政部门
              territory CN-62
              situation 本地户籍 {
                share 70%
              }
              situation 外地户籍 {
                share 50%
              }
              condition 已死亡 {
                proof some-of
              }
              condition 已死亡 {
              }
              requires 死亡证明 {
                evidence-of 己死亡
                situation 本地戶籍
              }
            }
            """
        let (_, diagnostics) = Fixture.build([text])
        #expect(diagnostics.contains { $0.code == .valueOutOfRange && $0.message.contains("120 %") })
        #expect(diagnostics.contains { $0.code == .unknownValue && $0.message.contains("some-of") })
        #expect(diagnostics.contains { $0.code == .duplicateDeclaration && $0.message.contains("已死亡") })
        let condition = diagnostics.first { $0.code == .unknownReference && $0.message.contains("condition '己死亡'") }
        #expect(condition?.fixIts.first?.replacement == "已死亡")
        #expect(condition?.range.start.line == 17)
        #expect(diagnostics.contains { $0.code == .unknownReference && $0.message.contains("situation '本地戶籍'") })
    }

    // MARK: - Express delegation (道路交通安全法 §19(2): "应当符合国务院公安部门规定的驾驶许可条件")

    static func driving(delegation: String) -> String {
        """
        material 身体条件证明 {
          kind certificate
          proves 体检结论
          issuer 民政部门
        }
        procedure "GA-0040" 机动车驾驶证申领 {
          department 公安机关
          territory CN-62
          condition 身体条件符合驾驶许可条件 {
            basis 《机动车驾驶证申领和使用规定》第二十三条
          }
          requires 身体条件证明 {
            basis 《机动车驾驶证申领和使用规定》第二十三条
            evidence-of 身体条件符合驾驶许可条件
          }
        }
        \(delegation)
        """
    }

    /// Before: the ministry rule's condition counted for nothing (rank) and the certificate was removed.
    @Test func anExpressDelegationOfTheConditionsMakesTheRulesConditionLawfulButNotItsOwnProof() throws {
        let delegation = "delegation 《中华人民共和国道路交通安全法》第十九条第二款 {\n  to 《机动车驾驶证申领和使用规定》\n  matter conditions\n}"
        let decision = try #require(try Fixture.review(Self.driving(delegation: delegation)).decision("GA-0040", "身体条件证明"))
        let condition = try #require(decision.conditions.first)
        #expect(condition.basis.status == .sufficient)
        #expect(condition.basis.delegation == .express(article: "《中华人民共和国道路交通安全法》第十九条第二款", matter: .conditions))
        #expect(condition.basis.articles.contains { $0.text.contains("国务院公安部门规定的驾驶许可条件") })
        // The certificate is the rule's own addition: its basis stays insufficient, but the fact must be verified.
        #expect(decision.basis.status == .rankInsufficient)
        #expect(decision.verdict == .keep && decision.reason == .statutoryCondition)
    }

    @Test func withoutTheDelegationTheRulesConditionGivesNoBasis() throws {
        let decision = try #require(try Fixture.review(Self.driving(delegation: "")).decision("GA-0040", "身体条件证明"))
        #expect(decision.conditions.first?.basis.status == .rankInsufficient)
        #expect(decision.verdict == .remove && decision.reason == .basisRankInsufficient)
    }

    @Test func aDelegationOfTheMaterialsMakesTheCertificateItselfLawful() throws {
        let delegation = "delegation 《中华人民共和国道路交通安全法》第十九条第二款 {\n  to 《机动车驾驶证申领和使用规定》\n  matter conditions, materials\n}"
        let decision = try #require(try Fixture.review(Self.driving(delegation: delegation)).decision("GA-0040", "身体条件证明"))
        #expect(decision.basis.status == .sufficient)
        #expect(decision.verdict == .keep && decision.reason == .basisSufficient)
    }

    /// Only a sufficient article can delegate: a ministry rule cannot hand its own powers down.
    @Test func aDelegationByAnInsufficientArticleCountsForNothing() throws {
        let delegation = "delegation 《危险化学品经营许可证管理办法》第八条 {\n  to 《机动车驾驶证申领和使用规定》\n}"
        let decision = try #require(try Fixture.review(Self.driving(delegation: delegation)).decision("GA-0040", "身体条件证明"))
        #expect(decision.conditions.first?.basis.status == .rankInsufficient)
        #expect(decision.verdict == .remove)
    }

    @Test func aDelegationNeedsTheArticleAndTheActItDelegatesTo() {
        let (_, diagnostics) = Fixture.build(["delegation 交通 {\n  matter everything\n}"])
        #expect(diagnostics.contains { $0.code == .wrongValueType && $0.message.contains("delegating article") })
        let (_, more) = Fixture.build(["delegation 《中华人民共和国道路交通安全法》第十九条第二款 {\n  matter everything\n}"])
        #expect(more.contains { $0.code == .missingAttribute && $0.message.contains("'to'") })
        #expect(more.contains { $0.code == .unknownValue && $0.message.contains("everything") })
    }

    // MARK: - Dated commitments

    /// The death condition with a commitment, offered as `offered` says (`effective …`, `cites …`).
    static func deathCondition(offered: String) -> String {
        "  condition 失业人员已死亡 {\n    basis 《失业保险条例》第二十条\n    commitment {\n      text \"本人承诺失业人员已死亡\"\n"
            + "      method 书面核查\n      \(offered)\n    }\n  }\n"
    }

    /// A commitment offered from a date (施工许可管理办法 2018) is no commitment before it.
    @Test func aCommitmentIsOfferedOnlyFromItsEffectiveDate() throws {
        let condition = Self.deathCondition(offered: "effective 2030-01-01\n      cites \"甘政办发〔2016〕20号 二（二）\"")
        let later = try #require(try Fixture.review(Self.catalogue(condition: condition), asOf: "2031-01-01").decision("RS-0002", "死亡证明"))
        #expect(later.verdict == .commitment)
        let now = try #require(try Fixture.review(Self.catalogue(condition: condition), asOf: "2026-12-01").decision("RS-0002", "死亡证明"))
        #expect(now.verdict == .keep && now.reason == .statutoryCondition)
        #expect(!now.commitment.available)
        #expect(now.commitment.withheld == .notYetOffered(from: try #require(CalendarDate("2030-01-01"))))
    }

    /// A commitment rests on the catalogue or rule that offers it: one repealed offers nothing.
    @Test func aCommitmentWhoseCatalogueIsNotInForceIsNotOffered() throws {
        let condition = Self.deathCondition(offered: "cites 《婚姻登记管理条例》第九条")
        let decision = try #require(try Fixture.review(Self.catalogue(condition: condition), asOf: "2026-12-01").decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .keep)
        #expect(decision.commitment.withheld == .sourceNotInForce(citation: "《婚姻登记管理条例》第九条"))
        let earlier = try #require(try Fixture.review(Self.catalogue(condition: condition), asOf: "2000-01-01").decision("RS-0002", "死亡证明"))
        #expect(earlier.verdict == .commitment)
    }

    // MARK: - Applicants a commitment is not for

    /// 国办发〔2020〕42号: applicants with serious bad credit may not commit. Before, only a generic flag said so.
    @Test func applicantsACommitmentIsNotForProveTheFactAndAreCountedSo() throws {
        let condition = """
              situation 信用良好 {
                share 95%
              }
              situation 严重失信主体 {
                share 5%
              }
              condition 失业人员已死亡 {
                basis 《失业保险条例》第二十条
                commitment {
                  text    "本人承诺失业人员已死亡"
                  method  书面核查
                  sample  50%
                  not-for 严重失信主体
                }
              }

            """
        let review = try Fixture.review(Self.catalogue(condition: condition))
        let decision = try #require(review.decision("RS-0002", "死亡证明"))
        #expect(decision.verdict == .commitment)
        let bySituation = Dictionary(uniqueKeysWithValues: decision.situations.map { ($0.situation.name, $0) })
        #expect(bySituation["信用良好"]?.verdict == .commitment)
        #expect(bySituation["严重失信主体"]?.verdict == .keep)
        #expect(bySituation["严重失信主体"]?.reason == .statutoryCondition)
        // Half the committing 95 % are audited; the 5 % still bring the certificate.
        #expect(abs(decision.auditedShare - 0.475) < 1e-9)
        #expect(abs(ReviewEngine.stillObtained(decision) - 0.05) < 1e-9)
    }

    @Test func aCommitmentNotForAnUndeclaredSituationIsALocatedError() {
        let condition = "  condition 失业人员已死亡 {\n    basis 《失业保险条例》第二十条\n    commitment {\n      text \"承诺\"\n      method 书面核查\n      not-for 失信\n    }\n  }\n"
        let (_, diagnostics) = Fixture.build([Self.catalogue(condition: condition)])
        #expect(diagnostics.contains { $0.code == .unknownReference && $0.message.contains("situation '失信'") })
    }
}
