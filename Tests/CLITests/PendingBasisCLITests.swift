import Foundation
import Testing

/// Issue 15: a department citing an act the corpus lacks is not blocked; the requirement is kept, listed with
/// the bases to verify, and a proposal adding one passes the gate with a warning.
@Suite struct PendingBasisCLITests {
    static let catalogue = """
        procedure "620000-MZ-9001" 城乡居民丧葬补贴申领（试点） {
          department 民政部门
          territory  CN-62
          volume     1000
          requires 继承权公证书 {
            basis 《殡葬管理条例》第十条
          }
        }

        """

    @Test func reviewReportAndDiffGoOnAndSayWhatToVerify() throws {
        let file = try CLI.scratch("待核实.jz", Self.catalogue)
        let review = try CLI.run("review", "--as-of", "2026-11-29", "--format", "json", file)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("\"reason\" : \"BASIS_PENDING_VERIFICATION\""))
        let report = try CLI.run("report", "--as-of", "2026-11-29", "--format", "md", "--out", "-", file)
        #expect(report.status == 0)
        #expect(report.stdout.contains("待核实依据清单"))
        #expect(report.stdout.contains("《殡葬管理条例》第十条"))
        let proposal = try CLI.scratch("新增待核实.jz", Self.catalogue)
        let diff = try CLI.run("diff", "--as-of", "2026-11-29", "--with", proposal)
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.contains("basis-to-verify"))
    }
}
