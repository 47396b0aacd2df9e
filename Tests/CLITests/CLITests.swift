import Foundation
import Testing

@Suite(.serialized) struct CLITests {
    @Test func shippedRulesAndExamplesCheckCleanly() throws {
        let result = try CLI.run("check")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("42 procedures"))
    }

    @Test func threeIndependentErrorsAreAllReportedWithCarets() throws {
        let path = try CLI.scratch(
            "三个错误.jz",
            """
            procedure "620000-MZ-0099" 结婚登记 {
              department 民政部门
              territory  CN-62
              requires   户口本
            }

            source 婚姻库 {
              provider 民政部门
              sharing  none
              from     2016-13-45
            }

            material 未闭合 {
              kind certificate

            """)
        let result = try CLI.run("check", "rules", path)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(path):4:14: error: unknown material '户口本' [JZ2010]"))
        #expect(lines.contains("\(path):10:12: error: '2016-13-45' is not a valid date [JZ2007]"))
        #expect(lines.contains("\(path):14:19: error: expected '}' to close the block opened at line 13 [JZ1011]"))
        // The caret sits under 户口本 although Chinese text precedes it on the line.
        let sourceLine = try #require(lines.firstIndex(of: "4 |   requires   户口本"))
        #expect(lines[sourceLine + 1] == "  |              ^~~~~~")
        #expect(lines.contains { $0.contains("did you mean '居民户口簿'?") })
    }

    @Test func jsonDiagnosticsCarryCodeAndPosition() throws {
        let path = try CLI.scratch("坏.jz", "material 甲 {\n  kind certficate\n}\n")
        let result = try CLI.run("check", "--format", "json", path)
        #expect(result.status == 1)
        let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let unknown = try #require(diagnostics.first { $0["code"] as? String == "JZ2006" })
        let range = try #require(unknown["range"] as? [String: Any])
        let start = try #require(range["start"] as? [String: Any])
        #expect(start["line"] as? Int == 2)
        #expect(start["column"] as? Int == 8)
    }

    @Test func formatterRewritesOnceKeepsCommentsAndCheckFailsBefore() throws {
        let path = try CLI.scratch("未格式化.jz", "// 头注释\nmaterial   甲{ // 行尾\nkind certificate\n  proves 甲,乙\n}\n")
        #expect(try CLI.run("fmt", "--check", path).status == 1)
        #expect(try CLI.run("fmt", path).status == 0)
        let formatted = try String(contentsOfFile: path, encoding: .utf8)
        #expect(formatted == "// 头注释\nmaterial 甲 { // 行尾\n  kind   certificate\n  proves 甲, 乙\n}\n")
        #expect(try CLI.run("fmt", "--check", path).status == 0)
    }

    @Test func shippedFilesAreFormatted() throws {
        let result = try CLI.run("fmt", "--check")
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func citeQuotesTheArticleOrSaysWhyNot() throws {
        let valid = try CLI.run("cite", "《婚姻登记条例》第五条", "--as-of", "2004-01-01")
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明"))
        let repealed = try CLI.run("cite", "《婚姻登记管理条例》第九条", "--as-of", "2004-01-01")
        #expect(repealed.status == 1)
        #expect(repealed.stdout.contains("已于2003年10月1日废止，由《婚姻登记条例》取代"))
        #expect(repealed.stdout.contains("repealed on 2003-10-01"))
    }

    @Test func corpusCheckPassesOnTheShippedCorpus() throws {
        let result = try CLI.run("corpus", "check")
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func reviewJSONHasEveryVerdictReasonAndALongCycleAndIsDeterministic() throws {
        let first = try CLI.run("review", "examples/gansu", "--format", "json", "--as-of", "2026-11-29")
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run("review", "examples/gansu", "--format", "json", "--as-of", "2026-11-29")
        #expect(first.stdout == second.stdout)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let decisions = try #require(document["decisions"] as? [[String: Any]])
        let verdicts = Set(decisions.compactMap { $0["verdict"] as? String })
        #expect(verdicts == ["remove", "obtain-by-sharing", "commitment", "keep"])
        let reasons = Set(decisions.compactMap { $0["reason"] as? String })
        for reason in [
            "NO_BASIS", "BASIS_RANK_INSUFFICIENT", "BASIS_REPEALED", "BASIS_NOT_YET_IN_FORCE", "BASIS_OUTSIDE_TERRITORY",
            "ISSUER_PROHIBITED", "ABSURD_PROVABLE_BY_LICENCE", "ABSURD_SELF_EVIDENT", "ABSURD_ISSUER_CANNOT_VERIFY",
            "ABSURD_UNRELATED_TO_PURPOSE", "DUTY_SHIFTED", "SHAREABLE", "COMMITMENT_ELIGIBLE", "BASIS_SUFFICIENT",
            "NOT_A_CERTIFICATE",
        ] {
            #expect(reasons.contains(reason), "missing \(reason)")
        }
        let flags = Set(decisions.flatMap { $0["flags"] as? [String] ?? [] })
        #expect(flags == [
            "DELEGATED_BASIS", "CONDITION_ONLY_BASIS", "DUTY_SHIFTED", "PARTIAL_COVERAGE", "COMMITMENT_EXCLUDED_DOMAIN",
            "COMMITMENT_EXCLUDED_APPLICANT", "CATALOGUE_CONFLICT", "ISSUER_PROHIBITED", "ABSURD_CERTIFICATE", "CIRCULAR_PROOF",
            "UNVERIFIED_LEGAL_TEXT",
        ])
        let cycles = try #require(document["cycles"] as? [[String: Any]])
        #expect(cycles.contains { ($0["procedures"] as? [String])?.count ?? 0 >= 3 })
    }

    @Test func explainNamesTheDecidingRuleAndQuotesTheLaw() throws {
        let result = try CLI.run("explain", "620000-MZ-0001", "婚姻状况证明", "--as-of", "2026-11-29", "--policy", "全国现行")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("决定规则：“无依据取消”"))
        #expect(result.stdout.contains("所引文件已于2003年10月1日废止"))
        let unknown = try CLI.run("explain", "620000-MZ-0001", "户口本")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("requires: 居民户口簿"))
    }

    @Test func ruleTestsPassAndUsageErrorsExitTwo() throws {
        let tests = try CLI.run("test")
        #expect(tests.status == 0, "\(tests.stdout)")
        #expect(tests.stdout.contains(" passed, 0 failed"))
        #expect(try CLI.run("review", "--as-of", "2016-13-01").status == 2)
        #expect(try CLI.run("check", "/nonexistent").status == 2)
    }

    @Test(arguments: [
        ("新增规范性文件设定的证明.jz", Int32(1)), ("婚姻信息无条件共享.jz", Int32(0)), ("居住证与公租房循环证明.jz", Int32(1)),
        ("采用现行国家规则.jz", Int32(0)),
    ])
    func diffOfEachProposalGivesTheExpectedExitCode(_ proposal: String, _ status: Int32) throws {
        let result = try CLI.run("diff", "--with", "examples/proposals/\(proposal)", "--as-of", "2018-06-30")
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("结果 result: " + (status == 0 ? "pass" : "fail")))
        let permissive = try CLI.run("diff", "--with", "examples/proposals/\(proposal)", "--as-of", "2018-06-30", "--fail-on", "none")
        #expect(permissive.status == 0)
    }

    @Test func sarifFromDiffIsWellFormed() throws {
        let result = try CLI.run("diff", "--with", "examples/proposals/居住证与公租房循环证明.jz", "--format", "sarif")
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "new-circular-proof" && $0["level"] as? String == "error" })
    }

    @Test func aWrongExpectationFailsWithExpectedAndActual() throws {
        let path = try CLI.scratch(
            "错误的测试.jz",
            """
            test "故意写错的期望" {
              as-of  2026-11-29
              policy 全国现行
              expect "620000-MZ-0001" 婚姻状况证明 {
                reason NO_BASIS
              }
            }
            """)
        let directory = (path as NSString).deletingLastPathComponent
        let result = try CLI.run("test", "examples/gansu", directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL 故意写错的期望"))
        #expect(result.stdout.contains("expected: reason NO_BASIS"))
        #expect(result.stdout.contains("actual:   remove because BASIS_REPEALED"))
        #expect(result.stdout.contains("trace: 无依据取消 fired basis.sufficient=false"))
    }

    @Test func reviewWithAProposalShowsTheProposedState() throws {
        let result = try CLI.run(
            "explain", "620000-RS-0004", "收入证明", "--with", "examples/proposals/新增规范性文件设定的证明.jz", "--as-of", "2026-11-29")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("理由代码 BASIS_RANK_INSUFFICIENT"))
    }

    @Test func reportForAProposalShowsBeforeAndAfter() throws {
        let directory = (try CLI.scratch("x", "")).replacingOccurrences(of: "/x", with: "")
        let out = directory + "/提案.md"
        let result = try CLI.run(
            "report", "--format", "md", "--out", out, "--with", "examples/proposals/新增规范性文件设定的证明.jz", "--as-of", "2026-11-29")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("# 拟议变更论证报告"))
        // Chinese throughout: the codes are in the appendix 代码对照 only (issue 17).
        #expect(text.contains("| 620000-RS-0004 就业困难人员认定 | 收入证明 | 新增 | — | 取消（设定依据位阶不足（规章或规范性文件不得设定证明事项）） |"))
        #expect(text.contains("错误：新增无依据的证明"))
        #expect(text.contains("## 二、拟议变更"))
        let body = try #require(text.components(separatedBy: "代码对照").first)
        #expect(body.range(of: "[A-Z][A-Z_]{3,}", options: .regularExpression) == nil)
        let unknown = try CLI.run("report", "--out", directory + "/x.html", "--procedure", "620000-XX-9999")
        #expect(unknown.status == 2)
    }

    @Test func importRefusesToOverwriteAndReportsCellErrors() throws {
        let directory = (try CLI.scratch("x", "")).replacingOccurrences(of: "/x", with: "") + "/导入"
        let fixture = "Tests/JianzhengSpreadsheetTests/Fixtures/民政目录.xlsx"
        let first = try CLI.run("import", fixture, "--out", directory)
        #expect(first.status == 1)
        #expect(first.stderr.contains("民政目录.xlsx[事项清单]:5:7: warning: unparseable citation"))
        #expect(first.stderr.contains("民政目录.xlsx[事项清单]:8:9: error: 年办件量 '约一万' is not a whole number"))
        #expect(first.stdout.contains("imported 3 procedures, 7 requirements"))
        let again = try CLI.run("import", fixture, "--out", directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("refusing to overwrite"))
        #expect(try CLI.run("import", fixture, "--out", directory, "--force").status == 1)
        let check = try CLI.run("check", "rules", "examples", directory)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func exportWritesListsAndRefusesCSVForAll() throws {
        let directory = (try CLI.scratch("x", "")).replacingOccurrences(of: "/x", with: "")
        let result = try CLI.run("export", "--list", "cancelled", "--format", "csv", "--out", directory + "/取消.csv")
        #expect(result.status == 0)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/取消.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("序号,证明名称".utf8)))
        #expect(try CLI.run("export", "--format", "csv", "--out", directory + "/all.csv").status == 2)
        #expect(try CLI.run("export", "--out", directory + "/lists.xlsx").status == 0)
    }

    @Test func aDirectoryWhereAFileIsExpectedAndAnEmptyFile() throws {
        let empty = try CLI.scratch("空.jz", "")
        let directory = (empty as NSString).deletingLastPathComponent
        #expect(try CLI.run("check", "rules", empty).status == 0)
        let imported = try CLI.run("import", directory, "--out", directory + "/out")
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("cannot read") || imported.stderr.contains("not an XLSX"))
        #expect(try CLI.run("fmt", "--check", empty).status == 0)
        #expect(try CLI.run("corpus", "check", "--corpus", empty).status == 2)
    }
}
