import Foundation
import Testing

/// `diff --with ACT.xml`: a proposal that adds law is loaded with the corpus and both sides reviewed in full
/// (`ProposalReview`); a broken one stops at its line and column.
@Suite struct LawProposalCLITests {
    @Test func aNewActVersionIsDiffedAndABrokenOneIsLocated() throws {
        let shipped = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("legal-basis/national/regulation/优化营商环境条例.xml"), encoding: .utf8)
        let version = shipped.replacingOccurrences(of: "zho@2020-01-01", with: "zho@2026-01-01")
            .replacingOccurrences(of: "date=\"2020-01-01\" name=\"version\"", with: "date=\"2026-01-01\" name=\"version\"")
        let proposal = try CLI.scratch("优化营商环境条例@2026-01-01.xml", version)
        let diff = try CLI.run("diff", "--as-of", "2026-11-29", "--with", proposal)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("with \(proposal)"))
        #expect(diff.stdout.contains("发现 findings (0)"))
        let broken = try CLI.scratch("坏.xml", "<akomaNtoso><act>\n")
        let refused = try CLI.run("diff", "--as-of", "2026-11-29", "--with", broken)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(broken):2:1: error:") && refused.stderr.contains("[JZ4001]"), "\(refused.stderr)")
    }
}
