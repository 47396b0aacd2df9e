import Foundation
import Testing

/// Exit codes as the README documents them, per subcommand: 0 clean, 1 errors in the input or failing
/// findings, 2 usage or an input or output that cannot be read or written.
@Suite(.serialized) struct ExitCodeTests {
    static let broken = "material 甲 {\n  kind certfiicate\n}\n"

    @Test func everySubcommandExitsAsDocumented() throws {
        let brokenFile = try CLI.scratch("坏.jz", Self.broken)
        let unclosed = try CLI.scratch("未闭合.jz", "material 甲 {\n")
        let cycle = "examples/proposals/居住证与公租房循环证明.jz"
        let cases: [(arguments: [String], status: Int32)] = [
            (["review"], 0), (["review", "rules", brokenFile], 1), (["review", "nonexistent"], 2), (["review", "--format", "xml"], 2),
            (["explain", "620000-ZJ-0001", "银行到位资金证明"], 0), (["explain", "NOPE", "甲"], 2),
            (["check"], 0), (["check", "rules", brokenFile], 1), (["check", "nonexistent"], 2),
            (["diff", "--with", cycle, "--fail-on", "none"], 0), (["diff", "--with", cycle], 1), (["diff", "--in", "nonexistent", "--with", cycle], 2),
            (["report", "--format", "md", "--out", "-"], 0), (["report", "--format", "md", "--out", "-", "rules", brokenFile], 1),
            (["report", "--format", "md", "--out", "/nonexistent-jz/r.md"], 2),
            (["export", "--list", "retained", "--format", "csv", "--out", "-"], 0), (["export", "--list", "nope", "--out", "-"], 2),
            (["fmt", "--check"], 0), (["fmt", "--check", unclosed], 1), (["fmt", "--check", "nonexistent.jz"], 2),
            (["test"], 0), (["test", "nonexistent"], 2),
            (["cite", "《婚姻登记条例》第五条"], 0), (["cite", "《婚姻登记条例》第九十九条"], 1),
            (["corpus", "check"], 0), (["corpus", "check", "--corpus", "nonexistent"], 2),
            (["import", "nonexistent.xlsx", "--out", "/tmp/jz-never"], 2),
            (["no-such-subcommand"], 2),
        ]
        for (arguments, status) in cases {
            let result = try CLI.run(arguments, in: CLI.repositoryRoot)
            #expect(result.status == status, "jianzheng \(arguments.joined(separator: " ")): \(result.stderr.prefix(300))")
        }
    }

    /// `review` lets each file's text go once it is read; on errors it reads them again, so that what it prints
    /// still quotes the line and points at the mistake, in every output format.
    @Test func reviewRefusingOnErrorsStillQuotesTheLine() throws {
        let brokenFile = try CLI.scratch("坏.jz", Self.broken)
        for format in ["text", "jsonl"] {
            let result = try CLI.run(["review", "--format", format, "rules", brokenFile], in: CLI.repositoryRoot)
            #expect(result.status == 1)
            #expect(result.stderr.contains("坏.jz:2:"), "\(format): \(result.stderr.prefix(500))")
            #expect(result.stderr.contains("  kind certfiicate"), "\(format): \(result.stderr.prefix(500))")
            #expect(result.stderr.contains("^"), "\(format): \(result.stderr.prefix(500))")
        }
    }

    /// A missing corpus used to bury its cause under one "no such act" error per citation.
    @Test func aMissingInputIsTheOnlyErrorPrinted() throws {
        for arguments in [["check", "--corpus", "nonexistent"], ["review", "--corpus", "nonexistent"], ["review", "nonexistent"]] {
            let result = try CLI.run(arguments, in: CLI.repositoryRoot)
            #expect(result.status == 2)
            let errors = result.stderr.components(separatedBy: "\n").filter { $0.contains(": error: ") }
            #expect(errors.count == 1, "\(arguments): \(result.stderr.prefix(500))")
            #expect(errors.first?.contains("[JZ0001]") == true)
        }
    }
}
