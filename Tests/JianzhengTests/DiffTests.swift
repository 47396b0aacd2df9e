import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng

@Suite struct DiffTests {
    static let catalogue = """
        material 身份证 {
          kind licence-or-id
          proves 姓名
          issuer 公安机关
        }
        material 甲证明 {
          kind certificate
          proves 甲
          issuer 工作单位
          issued-by "B"
        }
        material 乙证明 {
          kind certificate
          proves 乙
          issuer 工作单位
          issued-by "A"
        }
        procedure "A" 甲事项 {
          department 民政部门
          territory CN-62
          volume 100
          requires 身份证
          issues 乙证明
        }
        procedure "B" 乙事项 {
          department 公安机关
          territory CN-62
          volume 100
          requires 身份证
          issues 甲证明
        }
        """

    static func diff(_ proposal: String) throws -> ReviewDiff {
        let (base, baseDiagnostics) = Fixture.build([catalogue])
        let (trees, overlayDiagnostics) = parse(proposal)
        let (after, afterDiagnostics) = CatalogueBuilder.build(
            [Fixture.base, catalogue].map { Parser.parse(SourceFile(path: "base.jz", text: $0)).tree }, overlays: trees,
            corpus: Fixture.corpus)
        let errors = (baseDiagnostics + overlayDiagnostics + afterDiagnostics).filter { $0.severity == .error }
        guard errors.isEmpty else { throw Fixture.FixtureError(description: errors.map(\.message).joined(separator: "\n")) }
        let date = CalendarDate("2026-01-01")!
        let before = try ReviewEngine(catalogue: base, corpus: Fixture.corpus).review(asOf: date, policy: "测试政策")
        let proposed = try ReviewEngine(catalogue: after, corpus: Fixture.corpus).review(asOf: date, policy: "测试政策")
        return ReviewDiff.compare(before: before, beforeCatalogue: base, after: proposed, afterCatalogue: after)
    }

    static func parse(_ text: String) -> ([SyntaxTree], [Diagnostic]) {
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "proposal.jz", text: text))
        return ([tree], diagnostics)
    }

    @Test func addingACertificateWithoutBasisIsAnErrorFinding() throws {
        let diff = try Self.diff(
            """
            procedure "A" 甲事项 {
              department 民政部门
              territory CN-62
              volume 100
              requires 身份证
              requires 甲证明 { basis "甘政办发〔2016〕20号 二（二）" }
              issues 乙证明
            }
            """)
        #expect(diff.changes.map(\.kind) == [.added])
        let finding = try #require(diff.findings.first { $0.kind == .newRequirementWithoutBasis })
        #expect(finding.severity == .error)
        #expect(finding.location?.start.path == "proposal.jz")
        #expect(FailurePolicy.default.fails(finding))
    }

    @Test func mutualRequirementsCreateACircularProof() throws {
        let diff = try Self.diff(
            """
            procedure "A" 甲事项 {
              department 民政部门
              territory CN-62
              volume 100
              requires 甲证明 { basis 《中华人民共和国公证法》第十一条 }
              issues 乙证明
            }
            procedure "B" 乙事项 {
              department 公安机关
              territory CN-62
              volume 100
              requires 乙证明 { basis 《中华人民共和国公证法》第十一条 }
              issues 甲证明
            }
            """)
        #expect(diff.cyclesCreated.map { Set($0.procedures) } == [["A", "B"]])
        #expect(diff.cyclesCreated.first?.status == .unresolved)
        #expect(diff.findings.contains { $0.kind == .newCircularProof })
        #expect(!diff.findings.contains { $0.kind == .newRequirementWithoutBasis })
        let burden = try #require(diff.burdenChanges.first { $0.after?.procedureID == "A" })
        #expect((burden.after?.after.trips ?? 0) > (burden.before?.after.trips ?? 0))
        #expect(diff.findings.contains { $0.kind == .burdenIncreased })
    }

    /// Issue 17: a proposal that redeclared a procedure without its `volume` passed and claimed the procedure's
    /// whole annual cost as saved; a changed procedure attribute is a finding with both values.
    @Test func aChangedProcedureAttributeIsAFinding() throws {
        let diff = try Self.diff("""
            procedure "A" 甲事项 {
              department 公安机关
              territory CN-62
              requires 身份证
              issues 乙证明
            }
            """)
        let finding = try #require(diff.findings.first { $0.kind == .procedureChanged })
        #expect(finding.severity == .warning)
        #expect(finding.procedureID == "A")
        guard case .procedure(let changes) = finding.evidence else {
            Issue.record("no attribute changes: \(finding.evidence)")
            return
        }
        #expect(changes.contains(ProcedureAttributeChange(attribute: .volume, before: "100", after: "0")))
        #expect(changes.contains(ProcedureAttributeChange(attribute: .department, before: "民政部门", after: "公安机关")))
        #expect(!changes.contains { $0.attribute == .territory })
    }

    @Test func failOnParsesSeveritiesAndKinds() throws {
        let warning = DiffFinding(kind: .burdenIncreased, evidence: .decisions(before: nil, after: nil), procedureID: nil, material: nil, location: nil)
        #expect(!FailurePolicy.default.fails(warning))
        #expect(try FailurePolicy.parse("warning").get().fails(warning))
        #expect(try FailurePolicy.parse("burden-increased").get().fails(warning))
        #expect(!(try FailurePolicy.parse("none").get().fails(warning)))
        #expect(throws: ReviewError.self) { try FailurePolicy.parse("sometimes").get() }
    }
}
