import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng

@Suite struct DecisionTests {
    @Test func certificateWithoutBasisIsRemovedWithNoBasis() throws {
        let review = try Fixture.review(
            """
            material 收入证明 {
              kind certificate
              proves 收入
              issuer 工作单位
            }
            procedure "P1" 资助 {
              department 教育行政部门
              territory CN-62
              requires 收入证明
            }
            """)
        let decision = try #require(review.decision("P1", "收入证明"))
        #expect(decision.verdict == .remove)
        #expect(decision.reason == .noBasis)
        #expect(decision.rule == "无依据")
        #expect(decision.replacement == .nothing)
    }

    /// Issue 15 (found on a neutral catalogue): a source with 0 % coverage still yielded obtain-by-sharing.
    @Test func aSourceThatCoversNobodyIsNoWayToShare() throws {
        let review = try Fixture.review(
            """
            source 空库 {
              provider 民政部门
              sharing unconditional
              items 婚姻状况
              coverage 0%
            }
            material 婚姻证明 {
              kind certificate
              proves 婚姻状况
              issuer 民政部门
            }
            procedure "P1" 落户 {
              department 公安机关
              territory CN-62
              requires 婚姻证明 { basis 《婚姻登记条例》第五条 }
            }
            """)
        let decision = try #require(review.decision("P1", "婚姻证明"))
        #expect(decision.verdict != .obtainBySharing)
        #expect(decision.sharing.best == nil)
        #expect(decision.sharing.options.first?.refusal == .noCoverage)
    }

    @Test func sharingBeatsCommitmentAndValidBasisIsStillShared() throws {
        let review = try Fixture.review(
            """
            source 婚姻库 {
              provider 民政部门
              sharing conditional
              items 婚姻状况
              approved 公安机关
              coverage 90%
            }
            material 婚姻证明 {
              kind certificate
              proves 婚姻状况
              issuer 民政部门
              commitment {
                text "承诺"
                method 网络核验
              }
            }
            procedure "P1" 落户 {
              department 公安机关
              territory CN-62
              requires 婚姻证明 { basis 《婚姻登记条例》第五条 }
            }
            procedure "P2" 其他 {
              department 教育行政部门
              territory CN-62
              requires 婚姻证明 { basis 《婚姻登记条例》第五条 }
            }
            """)
        let shared = try #require(review.decision("P1", "婚姻证明"))
        #expect(shared.verdict == .obtainBySharing)
        #expect(shared.sharing.best?.mode == .conditionalApproved)
        #expect(shared.flags.contains(.partialCoverage))
        #expect(shared.alsoMatched == ["承诺"])
        let notApproved = try #require(review.decision("P2", "婚姻证明"))
        #expect(notApproved.verdict == .commitment)
        #expect(notApproved.sharing.options.first?.refusal == .notApproved(department: notApproved.department))
        let plan = try #require(notApproved.commitment.plan)
        #expect(plan.method == .网络核验)
        #expect(plan.auditor == notApproved.department)
        #expect(plan.liability == nil)
        #expect(notApproved.flags.contains(.commitmentExcludedApplicant))
    }

    /// Items are matched as Unicode text, not as bytes: a source writing an item with a CJK compatibility ideograph
    /// (U+F91D, canonically U+6B04) holds the item a material writes with the unified one.
    @Test func itemsWrittenInOtherCharactersStillMatch() throws {
        let review = try Fixture.review(
            """
            source 登记库 {
              provider 公安机关
              sharing none
              items 户籍\u{F91D}目
            }
            material 户籍证明 {
              kind certificate
              proves 户籍\u{6B04}目
              issuer 公安机关
            }
            material 其他证明 {
              kind certificate
              proves 户籍栏
              issuer 公安机关
            }
            procedure "P1" 登记 {
              department 公安机关
              territory CN-62
              requires 户籍证明 { basis 《保安服务管理条例》第十六条 }
              requires 其他证明 { basis 《保安服务管理条例》第十六条 }
            }
            """)
        #expect(review.decision("P1", "户籍证明")?.sharing.best?.source == "登记库")
        #expect(review.decision("P1", "户籍证明")?.verdict == .obtainBySharing)
        #expect(review.decision("P1", "其他证明")?.sharing.best == nil)
    }

    @Test func internalDataCountsEvenWhenNotShared() throws {
        let review = try Fixture.review(
            """
            source 犯罪记录库 {
              provider 公安机关
              sharing none
              items 无犯罪记录
            }
            material 无犯罪记录证明 {
              kind certificate
              proves 无犯罪记录
              issuer 公安机关
            }
            procedure "P1" 保安员证 {
              department 公安机关
              territory CN-62
              requires 无犯罪记录证明 { basis 《保安服务管理条例》第十六条 }
            }
            procedure "P2" 其他 {
              department 教育行政部门
              territory CN-62
              requires 无犯罪记录证明 { basis 《保安服务管理条例》第十六条 }
            }
            """)
        #expect(review.decision("P1", "无犯罪记录证明")?.sharing.best?.mode == .internal)
        #expect(review.decision("P1", "无犯罪记录证明")?.verdict == .obtainBySharing)
        #expect(review.decision("P2", "无犯罪记录证明")?.verdict == .keep)
        #expect(review.decision("P2", "无犯罪记录证明")?.flags.contains(.conditionOnlyBasis) == true)
    }

    @Test func commitmentIsExcludedByTheFactProvedNotTheDepartment() throws {
        let review = try Fixture.review(
            """
            material 安全条件证明 {
              kind certificate
              proves 安全条件
              issuer 工作单位
              concerns public-safety
              commitment {
                text "承诺"
                method 实地调查
              }
            }
            procedure "P1" 许可 {
              department 公安机关
              territory CN-62
              requires 安全条件证明 { basis 《烟花爆竹安全管理条例》第十九条 }
            }
            """)
        let decision = try #require(review.decision("P1", "安全条件证明"))
        #expect(decision.verdict == .keep)
        #expect(decision.reason == .basisSufficient)
        #expect(decision.commitment.excludedBy == [.publicSafety])
        #expect(decision.flags.contains(.catalogueConflict))
        #expect(decision.flags.contains(.commitmentExcludedDomain))
    }

    @Test func lowerRankBasisIsRankInsufficientAndPointsUpstream() throws {
        // Named apart from the 2014 text's "到位资金证明", which the 2018 version dropped (AmendedProvisionTests).
        let review = try Fixture.review(
            """
            material 资金落实证明 {
              kind certificate
              proves 资金
              issuer 工作单位
            }
            procedure "P1" 施工许可 {
              department 公安机关
              territory CN-62
              requires 资金落实证明 { basis 《建筑工程施工许可管理办法》第四条第一款第（二）项 }
            }
            """)
        let decision = try #require(review.decision("P1", "资金落实证明"))
        #expect(decision.reason == .basisRankInsufficient)
        #expect(decision.flags.contains(.delegatedBasis))
        guard case .madeUnder(_, let parent) = decision.basis.delegation else {
            Issue.record("no delegation to a parent act: \(String(describing: decision.basis.delegation))")
            return
        }
        #expect(parent.contains("建筑法"))
        #expect(decision.basis.articles.first?.text.contains("承诺书") == true)
    }

    @Test func issuerProhibitionAppliesByNameAndIssuerKind() throws {
        let review = try Fixture.review(
            """
            material 供养亲属关系证明 {
              kind certificate
              proves 亲属关系
              issuer 居民委员会
            }
            material 单位亲属关系证明 {
              kind certificate
              proves 亲属关系
              issuer 工作单位
            }
            procedure "P1" 抚恤 {
              department 民政部门
              territory CN-62
              requires 供养亲属关系证明
              requires 单位亲属关系证明
            }
            """)
        #expect(review.decision("P1", "供养亲属关系证明")?.reason == .issuerProhibited)
        #expect(review.decision("P1", "单位亲属关系证明")?.reason == .noBasis)
    }

    @Test func provableByLicenceIsAbsurd() throws {
        let review = try Fixture.review(
            """
            material 户口簿 {
              kind licence-or-id
              proves 姓名, 同户亲属关系
              issuer 公安机关
            }
            material 同户关系证明 {
              kind certificate
              proves 同户亲属关系
              issuer 公安机关
            }
            procedure "P1" 入学 {
              department 教育行政部门
              territory CN-62
              requires 户口簿
              requires 同户关系证明
            }
            """)
        let decision = try #require(review.decision("P1", "同户关系证明"))
        #expect(decision.reason == .absurdProvableByLicence)
        #expect(decision.replacement == .provedByLicence("户口簿"))
        #expect(review.decision("P1", "户口簿")?.reason == .notACertificate)
    }
}

/// Issue 15: issuer prohibitions matched the end of a name, so "…与死者的关系证明" escaped the 亲属关系证明 ban.
@Suite struct ListedAsTests {
    static func catalogue(_ listed: String) -> String {
        """
        material 供养直系亲属与死者的关系证明 {
          kind certificate
          proves 亲属关系
          issuer 居民委员会
          \(listed)
        }
        procedure "P1" 丧葬补助 {
          department 民政部门
          territory CN-62
          requires 供养直系亲属与死者的关系证明
        }
        """
    }

    @Test func aDeclaredCertificateTypeIsWhatTheProhibitionMatches() throws {
        let listed = try #require(try Fixture.review(Self.catalogue("listed-as 亲属关系证明")).decision("P1", "供养直系亲属与死者的关系证明"))
        #expect(listed.reason == .issuerProhibited)
        #expect(listed.flags.contains(.issuerProhibited))
        let unlisted = try #require(try Fixture.review(Self.catalogue("")).decision("P1", "供养直系亲属与死者的关系证明"))
        #expect(unlisted.reason == .noBasis)
        #expect(!unlisted.flags.contains(.issuerProhibited))
    }
}

/// Issue 15: a material had only one issuer; real certificates come from 村委会 or 社区 or 单位.
@Suite struct SeveralIssuersTests {
    static func catalogue(_ issuers: String) -> String {
        """
        department 社区居委会 { kind residents-committee }
        material 亲属关系证明 {
          kind certificate
          proves 亲属关系
          issuer \(issuers)
        }
        procedure "P1" 丧葬补助 {
          department 民政部门
          territory CN-62
          requires 亲属关系证明
        }
        """
    }

    @Test func aProhibitionHoldsWhenEveryIssuerIsBarred() throws {
        let barred = try #require(try Fixture.review(Self.catalogue("居民委员会, 社区居委会")).decision("P1", "亲属关系证明"))
        #expect(barred.reason == .issuerProhibited)
        let employer = try #require(try Fixture.review(Self.catalogue("居民委员会, 工作单位")).decision("P1", "亲属关系证明"))
        #expect(employer.reason == .noBasis)
        #expect(!employer.flags.contains(.issuerProhibited))
    }
}

/// Issue 15: conditional sharing approvals had no dates and no applicant authorisation.
@Suite struct SharingApprovalTests {
    static let catalogue = """
        source 户籍库 {
          provider 公安机关
          sharing conditional
          items 户籍
          approval 民政部门 {
            from 2024-01-01
            until 2027-01-01
            authorisation applicant
          }
        }
        material 户籍证明 {
          kind certificate
          proves 户籍
          issuer 公安机关
          basis 《中华人民共和国公证法》第十一条
        }
        procedure "P1" 事项 {
          department 民政部门
          territory CN-62
          requires 户籍证明
        }
        """

    @Test func anApprovalHoldsOnlyInItsDatesAndMayNeedTheApplicant() throws {
        let during = try #require(try Fixture.review(Self.catalogue, asOf: "2026-01-01").decision("P1", "户籍证明"))
        #expect(during.verdict == .obtainBySharing)
        #expect(during.sharing.best?.needsAuthorisation == true)
        #expect(during.flags.contains(.applicantAuthorisation))
        let before = try #require(try Fixture.review(Self.catalogue, asOf: "2023-06-01").decision("P1", "户籍证明"))
        #expect(before.verdict == .keep)
        #expect(before.sharing.options.first?.refusal == .approvalNotInForce(grantee: "民政部门", on: CalendarDate("2023-06-01")!))
    }
}

/// Issue 15: a certificate whose content a document the law itself requires already proves was only caught when
/// the catalogue listed that document.
@Suite struct LawRequiredLicenceTests {
    @Test func aLicenceTheBasisNamesProvesWhatTheCertificateWould() throws {
        let review = try Fixture.review(
            """
            material 户口簿 {
              kind licence-or-id
              proves 户籍, 家庭关系
            }
            material 家庭关系证明 {
              kind certificate
              proves 家庭关系
              issuer 工作单位
            }
            procedure "P1" 结婚登记 {
              department 民政部门
              territory CN-62
              basis 《婚姻登记条例》第五条
              requires 家庭关系证明
            }
            """)
        let decision = try #require(review.decision("P1", "家庭关系证明"))
        #expect(decision.reason == .absurdProvableByLicence)
        #expect(decision.replacement == .provedByLicence("户口簿"))
    }
}
