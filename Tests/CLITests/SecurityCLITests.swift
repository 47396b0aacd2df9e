import Foundation
import Testing

/// What a hostile or careless input does at the command line: exit codes, nothing written where it should not
/// be, nothing raw on the terminal.
@Suite(.serialized) struct SecurityCLITests {
    @Test func reportAndExportGoToStandardOutputWithADash() throws {
        let report = try CLI.run("report", "--format", "md", "--out", "-", "examples/gansu")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("# 证明事项审查论证报告"))
        #expect(!report.stdout.contains("wrote "))
        let export = try CLI.run("export", "--list", "retained", "--format", "csv", "--out", "-", "examples/gansu")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("事项"))
    }

    @Test func aMissingOutputDirectoryIsOneLineAndExitTwo() throws {
        let result = try CLI.run("report", "--format", "md", "--out", "/nonexistent-jz/报告.md", "examples/gansu")
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot write '/nonexistent-jz/报告.md': the directory '/nonexistent-jz' does not exist\n")
    }

    @Test func escapeSequencesInAFileNameNeverReachTheTerminal() throws {
        let path = try CLI.scratch("恶意\u{1B}]52;c;ZXZpbA==\u{07}.jz", "material 甲 {\n  kind certfiicate\n}\n")
        let result = try CLI.run("check", "rules", path)
        #expect(result.status == 1)
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
        #expect(result.stderr.contains("恶意\\u{1B}]52;c;ZXZpbA==\\u{7}.jz"))
    }

    @Test func numbersAtTheAcceptedLimitsDoNotOverflowTheReports() throws {
        let path = try CLI.scratch(
            "大数.jz",
            """
            procedure "620000-XX-9999" 极大事项 {
              department 民政部门
              territory  CN-62
              volume     999999999999
              trips      999999999999
              days       999999999999
              requires   居民户口簿
            }

            """)
        for arguments in [["review", "rules", path], ["report", "--format", "md", "--out", "-", "rules", path]] {
            let result = try CLI.run(arguments, in: CLI.repositoryRoot)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test func aConditionOfThirtyThousandTermsIsAnErrorNotAStackOverflow() throws {
        let terms = (0..<30_000).map { _ in "absurd" }.joined(separator: " and ")
        let path = try CLI.scratch(
            "长条件.jz", "policy 长 {\n  effective 2020-01-01\n  sufficient-ranks law\n  rule 甲 {\n    verdict remove\n    when \(terms)\n    because \"x\"\n  }\n  otherwise keep\n}\n")
        let result = try CLI.run("check", "rules", path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("[JZ1013]"))
    }
}
