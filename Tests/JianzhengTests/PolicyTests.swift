import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng
import JianzhengWorkspace

@Suite struct PolicyTests {
    static let catalogue = """
        material 证明甲 {
          kind certificate
          proves 甲
          issuer 工作单位
        }
        procedure "P1" 事项 {
          department 民政部门
          territory CN-62
          domain 社会救助
          requires 证明甲
        }
        """

    @Test func exceptionIsTriedBeforeTheRuleItExcepts() throws {
        let policy = """
            policy 例外 {
              effective 2000-01-01
              sufficient-ranks law
              rule 一律取消 {
                verdict remove
                when kind = certificate
                because "一般规则"
              }
              rule 救助保留 {
                verdict keep
                when domain = 社会救助
                exception-to 一律取消
                because "例外"
              }
              otherwise keep
            }
            """
        let review = try Fixture.review(Self.catalogue, policy, policy: "例外")
        let decision = try #require(review.decision("P1", "证明甲"))
        #expect(decision.rule == "救助保留")
        #expect(decision.trace.map(\.rule) == ["救助保留", "一律取消"])
        #expect(decision.alsoMatched == ["一律取消"])
    }

    @Test func ruleEffectiveDateSkipsTheRuleBeforeIt() throws {
        let policy = """
            policy 分期 {
              effective 2000-01-01
              sufficient-ranks law
              rule 新规 {
                verdict remove
                when kind = certificate
                effective 2020-01-01
                because "新规"
              }
              otherwise keep
            }
            """
        let early = try Fixture.review(Self.catalogue, policy, asOf: "2019-12-31", policy: "分期")
        #expect(early.decision("P1", "证明甲")?.verdict == .keep)
        #expect(early.decision("P1", "证明甲")?.trace.first?.outcome == .notYetEffective)
        let late = try Fixture.review(Self.catalogue, policy, asOf: "2020-01-01", policy: "分期")
        #expect(late.decision("P1", "证明甲")?.verdict == .remove)
    }

    @Test func swappingThePolicyChangesTheVerdictWithoutCode() throws {
        let lenient = """
            policy 宽松 {
              effective 2000-01-01
              sufficient-ranks law, departmental-rule
              rule 无依据 {
                verdict remove
                when not basis.sufficient
                because "无依据"
              }
              otherwise keep
            }
            """
        let catalogue = """
            material 资金落实证明 {
              kind certificate
              issuer 工作单位
            }
            procedure "P2" 施工 {
              department 民政部门
              territory CN-62
              requires 资金落实证明 { basis 《建筑工程施工许可管理办法》第四条 }
            }
            """
        #expect(try Fixture.review(catalogue, lenient, policy: "宽松").decision("P2", "资金落实证明")?.verdict == .keep)
        #expect(try Fixture.review(catalogue, lenient, policy: "测试政策").decision("P2", "资金落实证明")?.verdict == .remove)
    }

    @Test func policyInForceIsChosenByDate() throws {
        let later = """
            policy 后来 {
              effective 2030-01-01
              sufficient-ranks law
              otherwise remove
            }
            """
        let (catalogue, _) = Fixture.build([Self.catalogue, later])
        let engine = ReviewEngine(catalogue: catalogue, corpus: Fixture.corpus)
        #expect(try engine.selectPolicy(named: nil, on: CalendarDate("2026-01-01")!).0.name == "测试政策")
        #expect(try engine.selectPolicy(named: nil, on: CalendarDate("2031-01-01")!).0.name == "后来")
        let (fallback, note) = try engine.selectPolicy(named: nil, on: CalendarDate("1990-01-01")!)
        #expect(fallback.name == "测试政策")
        #expect(note != nil)
        #expect(throws: ReviewError.self) { try engine.selectPolicy(named: "测式政策", on: CalendarDate("2026-01-01")!) }
    }

    @Test func staticChecksFindUnreachableConflictingAndUnknownRules() {
        let policy = """
            policy 有问题 {
              effective 2000-01-01
              sufficient-ranks law
              rule 全部 {
                verdict remove
                because "无条件"
              }
              rule 永不 {
                verdict keep
                when basis.sufficient
                because "被遮蔽"
              }
            }
            policy 冲突 {
              effective 2000-01-01
              sufficient-ranks law
              rule 甲 {
                verdict keep
                when sharing.available
                exception-to 不存在
                because "x"
              }
              rule 乙 {
                verdict remove
                when sharing.available
                because "y"
              }
              otherwise keep
            }
            """
        let (_, diagnostics) = Fixture.build([policy])
        let codes = diagnostics.map(\.code)
        #expect(codes.contains(.policyRuleUnreachable))
        #expect(codes.contains(.policyRuleConflict))
        #expect(codes.contains(.policyNoDefault))
        #expect(diagnostics.contains { $0.code == .unknownReference && $0.message.contains("不存在") })
    }

    /// Once one of two overlapping policies was picked silently; now the choice is reported, or refused.
    @Test func overlappingPoliciesAreAReportedChoiceOrARefusal() throws {
        let later = "policy 后来 {\n  effective 2010-01-01\n  sufficient-ranks law\n  otherwise keep\n}\n"
        let review = try Fixture.review(Self.catalogue, later, asOf: "2026-01-01", policy: nil)
        #expect(review.policy.name == "后来")
        guard case .latestOfSeveral(let chosen, let others, _) = review.policyNote else {
            Issue.record("no note on the choice: \(String(describing: review.policyNote))")
            return
        }
        #expect(chosen == "后来" && others.contains("测试政策"))
        let sameDay = "policy 同日 {\n  effective 2000-01-01\n  sufficient-ranks law\n  otherwise keep\n}\n"
        #expect(throws: ReviewError.self) { try Fixture.review(Self.catalogue, sameDay, asOf: "2026-01-01", policy: nil) }
        #expect(try Fixture.review(Self.catalogue, sameDay, asOf: "2026-01-01", policy: "同日").policy.name == "同日")
    }
}

/// The fact bits are kept by hand for speed: each fact has its own bit, and all fit the set's word.
@Suite struct FactBitTests {
    @Test func everyFactHasItsOwnBit() {
        let bits = Fact.allCases.map(\.bit)
        #expect(Set(bits).count == Fact.allCases.count)
        #expect(bits.allSatisfy { $0 != 0 && $0 & ($0 - 1) == 0 })
        #expect(Fact.allCases.count <= UInt32.bitWidth)
    }
}

/// The phrases the engine reads article texts by are the policy's, in rules/*.jz.
@Suite struct TextPhraseTests {
    @Test func withoutInvestigationPhrasesTheDutyIsNotShifted() throws {
        let policy = { (phrases: String) in
            "policy 测试 {\n  effective 2000-01-01\n  sufficient-ranks law\n\(phrases)  rule 转移 {\n    verdict remove\n    when duty-shifted\n    because \"x\"\n  }\n  otherwise keep\n}\n"
        }
        let (catalogue, diagnostics) = Fixture.build([policy("")])
        #expect(diagnostics.contains { $0.code == .policyPhrasesMissing })
        #expect(catalogue.policies["测试"]?.phrases.investigation.isEmpty == true)
        let (declared, _) = Fixture.build([policy("  investigation-phrases 调查核实, 入户调查\n")])
        #expect(declared.policies["测试"]?.phrases.investigation == ["调查核实", "入户调查"])
    }

    @Test func theBundledPoliciesDeclareTheirPhrases() throws {
        let root = Fixture.repositoryRoot
        let workspace = Workspace.load(paths: [root.appendingPathComponent("rules").path], corpusDirectory: root.appendingPathComponent("legal-basis").path)
        #expect(workspace.catalogue.policies.count == 2)
        for policy in workspace.catalogue.policies.values {
            #expect(!policy.phrases.delegation.isEmpty && !policy.phrases.documentWords.isEmpty && !policy.phrases.investigation.isEmpty, "\(policy.name)")
        }
    }
}

/// Issue 15 (neutral catalogue): `domain in [a, b]` was refused in policy conditions.
@Suite struct ConditionListTests {
    @Test func domainAndDepartmentTakeAList() throws {
        let policy = """
            policy 列表 {
              effective 2000-01-01
              sufficient-ranks law
              rule 救助 {
                verdict keep
                when domain in [社会救助, 婚姻登记] and department in [民政部门, 公安机关]
                because "x"
              }
              otherwise remove
            }
            """
        let catalogue = { (domain: String) in
            "material 甲 {\n  kind certificate\n}\nprocedure \"P\" 事项 {\n  department 民政部门\n  domain \(domain)\n  territory CN-62\n  requires 甲\n}\n"
        }
        let (_, diagnostics) = Fixture.build([policy])
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
        #expect(try Fixture.review(catalogue("婚姻登记") + policy, policy: "列表").decision("P", "甲")?.verdict == .keep)
        #expect(try Fixture.review(catalogue("公证") + policy, policy: "列表").decision("P", "甲")?.verdict == .remove)
    }
}
