import Foundation
import JianzhengBase
import JianzhengWorkspace
import Testing

@testable import Jianzheng

/// A workspace loaded for one review (`review`, `explain`) keeps neither its files' text nor the index of referenced
/// names that overlays are checked against, and reviews exactly as one loaded in full.
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
        #expect(once.diagnostics.map(\.message) == full.diagnostics.map(\.message))
        let date = try #require(CalendarDate("2026-11-29"))
        let fullReview = try ReviewEngine(catalogue: full.catalogue, corpus: full.corpus).review(asOf: date)
        let onceReview = try ReviewEngine(catalogue: once.catalogue, corpus: once.corpus).review(asOf: date)
        #expect(fullReview.decisions.count == onceReview.decisions.count && fullReview.decisions.count > 0)
        #expect(zip(fullReview.decisions, onceReview.decisions).allSatisfy { $0.verdict == $1.verdict && $0.reason == $1.reason })
    }
}
