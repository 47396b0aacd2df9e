import JianzhengBase
import Testing

@testable import Jianzheng

/// `ReviewEngine.streamOutcomes` (what `review --format jsonl` writes) hands over, window by window, the verdicts,
/// reasons and deciding rules of the very decisions a full review makes, in catalogue order — circular proofs included.
@Suite struct StreamedDecisionTests {
    static let date = CalendarDate("2026-01-01")!

    /// Five procedures in a ring of certificates (a circular proof) and two more outside it, one citing a basis.
    static let catalogue = GraphAndBurdenTests.ring(5) + """
        material 出生医学证明 {
          kind certificate
          issuer 工作单位
        }
        procedure "S1" 单列事项 {
          department 民政部门
          territory CN-62
          requires 出生医学证明
        }
        procedure "S2" 有依据事项 {
          department 民政部门
          territory CN-62
          requires 出生医学证明 { basis 《婚姻登记条例》第五条 }
        }

        """

    static func summary(_ groups: [[DecisionOutcome]]) -> [String] {
        groups.joined().map { "\($0.procedureID) \($0.material) \($0.verdict.rawValue) \($0.reason.rawValue) \($0.rule ?? "-")" }
    }

    @Test(arguments: [1, 3, 4096]) func theStreamedDecisionsAreTheReviewsInOrder(window: Int) throws {
        let (catalogue, diagnostics) = Fixture.build([Self.catalogue])
        #expect(!diagnostics.contains { $0.severity == .error })
        let engine = ReviewEngine(catalogue: catalogue, corpus: Fixture.corpus)
        let review = try engine.review(asOf: Self.date, policy: "测试政策")
        #expect(review.cycles.count == 1)
        var streamed: [[DecisionOutcome]] = []
        var windows = 0
        try engine.streamOutcomes(asOf: Self.date, policy: "测试政策", window: window) { decisions in
            streamed += decisions
            windows += 1
        }
        #expect(Self.summary(streamed) == Self.summary(review.decisions.byProcedure.map { $0.map(\.outcome) }))
        // The circular proof decides its certificates in the stream as in the review.
        #expect(review.decisions.contains { $0.flags.contains(.circularProof) })
        #expect(Self.summary(streamed).contains { $0.contains(ReasonCode.circularProof.rawValue) } == review.decisions.contains { $0.reason == .circularProof })
        #expect(streamed.count == catalogue.procedureOrder.count)
        #expect(windows == (catalogue.procedureOrder.count + window - 1) / window)
    }

    @Test func anUnknownPolicyIsRefusedBeforeAnythingIsDecided() {
        let (catalogue, _) = Fixture.build([Self.catalogue])
        var windows = 0
        #expect(throws: ReviewError.self) {
            try ReviewEngine(catalogue: catalogue, corpus: Fixture.corpus).streamOutcomes(asOf: Self.date, policy: "没有的政策") { _ in windows += 1 }
        }
        #expect(windows == 0)
    }
}
