import Foundation
import JianzhengBase
import JianzhengWorkspace
import Testing

@testable import Jianzheng

/// A workspace loaded for one review (`review`, `explain`) keeps neither its files' text nor the index of referenced
/// names that overlays are checked against, finds every error but skips the checks that can only warn, and
/// reviews exactly as one loaded in full.
@Suite struct OneReviewLoadTests {
    static let root = Fixture.repositoryRoot.path

    static func load(forOneReview: Bool) -> Workspace {
        Workspace.load(
            paths: [root + "/rules", root + "/examples/gansu"], corpusDirectory: root + "/legal-basis", forOneReview: forOneReview)
    }

    @Test func keepsNeitherTheTextNorTheOverlayIndexAndReviewsAlike() throws {
        let full = Self.load(forOneReview: false), once = Self.load(forOneReview: true)
        #expect(!full.files.isEmpty && once.files.isEmpty)
        #expect(full.catalogue.referencedNames?["material"]?.id(of: "居民身份证") != nil)
        #expect(once.catalogue.referencedNames == nil)
        #expect(once.diagnostics.map(\.message) == full.diagnostics.filter { !Self.onlyWarned.contains($0.code) }.map(\.message))
        let date = try #require(CalendarDate("2026-11-29"))
        let fullReview = try ReviewEngine(catalogue: full.catalogue, corpus: full.corpus).review(asOf: date)
        let onceReview = try ReviewEngine(catalogue: once.catalogue, corpus: once.corpus).review(asOf: date)
        #expect(fullReview.decisions.count == onceReview.decisions.count && fullReview.decisions.count > 0)
        #expect(zip(fullReview.decisions, onceReview.decisions).allSatisfy { $0.verdict == $1.verdict && $0.reason == $1.reason })
    }

    /// What the checks a one-review build skips report.
    static let skippedChecks: Set<DiagnosticCode> = [.unusedDeclaration, .lookalikeName, .sharedCommitmentTerms]
    /// Those, and the citation warnings it does not look for (AmbiguousTitleTests).
    static let onlyWarned = skippedChecks.union([.unknownAct, .unknownProvision, .malformedCitation, .renumberedProvision])

    /// What a review does not look for must never be an error: a code made an error later would go unseen by `review`.
    @Test func whatAReviewDoesNotLookForIsOnlyEverAWarning() {
        for code in Self.onlyWarned { #expect(code.defaultSeverity == .warning, "\(code.rawValue) is not a warning") }
    }

    @Test func findsEveryErrorButNotTheWarningsOfTheSkippedChecks() throws {
        let text = Fixture.base + """
            material 甲 {
              kind certificate
              commitment {
                text "承诺"
                method 书面核查
              }
            }
            material 从未使用 { kind certificate }
            material 乙\u{0410} { kind certificate }
            material 乙A { kind certificate }
            procedure "P1" 一 {
              department 民政部门
              territory CN-62
              requires 甲
              requires 乙\u{0410}
              requires 乙A
            }
            procedure "P2" 二 {
              department 公安机关
              territory CN-62
              requires 甲
              requires 未声明的材料
              requires 又一个未声明的材料
            }

            """
        func build(forOneReview: Bool) -> [Diagnostic] {
            CatalogueBuilder.build(
                files: [SourceFile(path: "one-review.jz", text: text)], corpusWhenNeeded: { Fixture.corpus }, forOneReview: forOneReview
            ).1
        }
        let full = build(forOneReview: false), once = build(forOneReview: true)
        // The full build warns of each skipped kind (so the comparison below can fail) and has errors.
        for code in Self.skippedChecks { #expect(full.contains { $0.code == code }, "no \(code.rawValue) in \(full.map(\.message))") }
        #expect(full.filter { $0.severity == .error }.count >= 2)
        #expect(once.map(\.message) == full.filter { !Self.onlyWarned.contains($0.code) }.map(\.message))
        #expect(once.filter { $0.severity == .error }.map(\.message) == full.filter { $0.severity == .error }.map(\.message))
    }
}
