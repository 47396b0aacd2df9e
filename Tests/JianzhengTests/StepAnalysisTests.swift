import JianzhengBase
import Testing

@testable import Jianzheng

/// Issue 18: a procedure's steps and time limits are checked like its materials (task 五 of the 2016 plan).
@Suite struct StepAnalysisTests {
    /// Two departments' checks that need nothing from each other, a promise shorter than the steps, a step without
    /// basis, two windows.
    static let procedure = """
        procedure "T-1" 低保审批 {
          department 民政部门
          territory  CN-62
          requires 居民户口簿
          guide {
            accepted-by 民政部门
            window "民政窗口"
            window "公安窗口"
            step 受理 {
              department 民政部门
              days 1 工作日
              basis 《社会救助暂行办法》第十一条
            }
            step 户籍核查 {
              department 公安机关
              days 5 工作日
            }
            step 经济状况核对 {
              department 民政部门
              days 10 工作日
              basis 《社会救助暂行办法》第十一条
            }
            step 决定 {
              department 民政部门
              days 4 工作日
              basis 《社会救助暂行办法》第十一条
              after 户籍核查, 经济状况核对
            }
            legal-limit 15 工作日 {
              basis 《社会救助暂行办法》第十一条
            }
            promised-limit 18 工作日
          }
        }
        material 居民户口簿 {
          kind   licence-or-id
          issuer 公安机关
        }
        """

    static let policyCites = """
        policy 环节政策 {
          effective 2000-01-01
          sufficient-ranks law, administrative-regulation
          parallel-cites   《中华人民共和国行政许可法》第二十六条第二款
          one-window-cites 《中华人民共和国行政许可法》第二十六条第一款
          otherwise keep
        }
        """

    @Test func stepsAndTimeLimitsGiveFindingsWithTheirArticles() throws {
        let review = try Fixture.review(Self.procedure, Self.policyCites, policy: "环节政策")
        let kinds = review.stepFindings.map(\.kind)
        #expect(kinds.filter { $0 == .stepWithoutBasis }.count == 1)
        #expect(review.stepFindings.first { $0.kind == .stepWithoutBasis }?.steps == ["户籍核查"])
        let promised = try #require(review.stepFindings.first { $0.kind == .promisedAboveLegal })
        #expect(promised.days == 18 && promised.limit == 15 && promised.citations.map(\.text) == ["《社会救助暂行办法》第十一条"])
        // One after another the steps take 20 days, more than the promised 18.
        let total = try #require(review.stepFindings.first { $0.kind == .stepsAboveLimit })
        #expect(total.days == 20 && total.limit == 18)
        // 户籍核查 runs beside 经济状况核对: 1 + max(5, 10) + 4 = 15 days, 5 saved.
        let parallel = try #require(review.stepFindings.first { $0.kind == .parallelPossible })
        #expect(parallel.days == 20 && parallel.limit == 15 && parallel.saved == 5)
        #expect(parallel.citations.map(\.text) == ["《中华人民共和国行政许可法》第二十六条第二款"])
        let windows = try #require(review.stepFindings.first { $0.kind == .severalWindows })
        #expect(windows.steps == ["民政窗口", "公安窗口"] && windows.citations.map(\.text) == ["《中华人民共和国行政许可法》第二十六条第一款"])
    }

    @Test func stepsOfOneDepartmentFollowEachOtherAndSuggestNothing() throws {
        let sequential = Self.procedure.replacingOccurrences(of: "department 公安机关", with: "department 民政部门")
            .replacingOccurrences(of: "window \"公安窗口\"", with: "").replacingOccurrences(of: "promised-limit 18", with: "promised-limit 20")
        let review = try Fixture.review(sequential, Self.policyCites, policy: "环节政策")
        #expect(!review.stepFindings.contains { $0.kind == .parallelPossible || $0.kind == .severalWindows || $0.kind == .stepsAboveLimit })
    }

    @Test func aStepMayOnlyWaitForAStepListedBeforeIt() {
        let (_, diagnostics) = Fixture.build([Self.procedure.replacingOccurrences(of: "after 户籍核查, 经济状况核对", with: "after 送达")])
        let problem = diagnostics.first { $0.code == .unknownReference && $0.message.contains("'送达'") }
        #expect(problem != nil && problem?.severity == .error)
    }

    /// The bundled example has the findings the issue asks for: a 并联办理 suggestion and a time-limit finding.
    @Test func theBundledExampleHasAParallelAndATimeLimitFinding() throws {
        let workspace = WhatIfTests.workspace
        let workspaceReview = try ReviewEngine(catalogue: workspace.catalogue, corpus: workspace.corpus).review(asOf: WhatIfTests.date)
        #expect(workspaceReview.stepFindings.contains { $0.kind == .parallelPossible })
        #expect(workspaceReview.stepFindings.contains { $0.kind == .stepsAboveLimit || $0.kind == .promisedAboveLegal })
    }
}

/// Issue 18: a 行政许可 is decided within 行政许可法 §42's twenty working days (ten more with the head's approval)
/// unless a law or regulation sets another limit; a hearing, inspection or expert review is not counted (§45).
@Suite struct LicensingLimitTests {
    static let policy = """
        policy 许可政策 {
          effective 2000-01-01
          sufficient-ranks law, administrative-regulation
          licensing-limit 20 工作日 {
            extension 10 工作日
            basis     《中华人民共和国行政许可法》第四十二条第一款, 《中华人民共和国行政许可法》第四十五条
          }
          otherwise keep
        }
        """

    static func licence(category: String = "administrative-licence", steps: String, limit: String = "") -> String {
        """
        procedure "L-1" 某许可 {
          department 民政部门
          category   \(category)
          territory  CN-62
          guide {
            accepted-by 民政部门
            window "窗口"
        \(steps)\(limit)  }
        }
        """
    }

    static func step(_ name: String, days: Int, kind: String? = nil) -> String {
        "    step \(name) {\n      days \(days) 工作日\n" + (kind.map { "      kind \($0)\n" } ?? "") + "    }\n"
    }

    static func findings(_ text: String) throws -> [StepFinding] {
        try Fixture.review(text, Self.policy, policy: "许可政策").stepFindings.filter { $0.kind == .aboveLicensingLimit }
    }

    @Test func aLicenceWhoseStepsTakeLongerThanTheStatuteIsFound() throws {
        let found = try Self.findings(Self.licence(steps: Self.step("受理", days: 5) + Self.step("审查", days: 20)))
        let finding = try #require(found.first)
        #expect(finding.days == 25 && finding.limit == 20 && finding.extensionDays == 10)
        #expect(finding.citations.map(\.text) == ["《中华人民共和国行政许可法》第四十二条第一款", "《中华人民共和国行政许可法》第四十五条"])
    }

    @Test func anExpertReviewIsNotCounted() throws {
        let text = Self.licence(steps: Self.step("受理", days: 5) + Self.step("专家评审", days: 30, kind: "expert-review") + Self.step("决定", days: 10))
        #expect(try Self.findings(text).isEmpty)
        // Its guide says so beside the step.
        let guide = try #require(Fixture.build([text]).0.procedures["L-1"]?.guide)
        #expect(guide.countedDays == 15 && guide.durations?.sequential == 45)
    }

    @Test func aPromiseLongerThanTheStatuteIsFound() throws {
        let found = try Self.findings(Self.licence(steps: Self.step("受理", days: 5), limit: "    promised-limit 25 工作日\n"))
        #expect(found.first?.days == 25)
    }

    @Test func anotherLawsTimeLimitOrAnotherKindOfProcedureIsNotHeldToIt() throws {
        let steps = Self.step("受理", days: 5) + Self.step("审查", days: 40)
        let ownLaw = "    legal-limit 60 工作日 {\n      basis 《中华人民共和国公证法》第十一条\n    }\n"
        #expect(try Self.findings(Self.licence(steps: steps, limit: ownLaw)).isEmpty, "a law sets its own limit")
        #expect(try Self.findings(Self.licence(category: "public-service", steps: steps)).isEmpty, "not a 行政许可")
        // The ceiling's own article as the basis does not make a limit of its own.
        let ceiling = "    legal-limit 20 工作日 {\n      basis 《中华人民共和国行政许可法》第四十二条第一款\n    }\n"
        #expect(try Self.findings(Self.licence(steps: steps, limit: ceiling)).count == 1)
    }

    @Test func legalLimitNoneIsSaidNotMissing() throws {
        let text = Self.licence(category: "public-service", steps: Self.step("受理", days: 1), limit: "    legal-limit none\n")
        let procedure = try #require(Fixture.build([text]).0.procedures["L-1"])
        #expect(procedure.guide?.noLegalLimit == true && procedure.guide?.legalLimit == nil)
        #expect(!GuideField.missing(in: procedure).contains(.legalLimit))
        #expect(procedure.category == .publicService)
    }
}
