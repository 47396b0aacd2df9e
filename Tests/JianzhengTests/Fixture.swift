import Foundation
import JianzhengBase
import JianzhengSyntax
import LegalCorpus

@testable import Jianzheng

/// Inline catalogues for engine tests, resolved against the shipped legal corpus.
enum Fixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = CorpusLoader.load(directory: repositoryRoot.appendingPathComponent("legal-basis").path).0

    /// Departments, a cost model and a policy shaped like the shipped national one.
    static let base = """
        department 民政部门 { kind government }
        department 公安机关 { kind government }
        department 教育行政部门 { kind government }
        department 居民委员会 { kind residents-committee }
        department 工作单位 { kind employer }
        cost-model 测试成本 {
          hourly-tariff 20
          hours-per-trip 2
          hours-per-day-of-delay 1
        }
        policy 测试政策 {
          effective 2000-01-01
          cost-model 测试成本
          sufficient-ranks law, administrative-regulation, state-council-decision, local-regulation
          commitment-excludes public-safety, life-health
          delegation-phrases    国家有关规定, 公安部门规定, 卫生行政部门规定, 监督管理部门规定
          document-words        证明, 材料, 证件, 证书, 户口簿, 身份证, 结婚证, 声明, 申请书, 申请表, 文件, 照片
          investigation-phrases 调查核实, 入户调查, 信息核查
          non-law-sources       办事指南, 服务指南, 内部规程, 工作规程, 操作规程
          issuer-prohibited {
            issuer-kinds residents-committee
            certificates 亲属关系证明
          }
          rule 奇葩 {
            verdict remove
            when kind = certificate and absurd
            because "奇葩"
          }
          rule 禁止 {
            verdict remove
            when kind = certificate and issuer.prohibited
            reason ISSUER_PROHIBITED
            because "禁止"
          }
          rule 另证 {
            verdict remove
            when kind = certificate and condition.proven-otherwise
            because "已由其他证据证明"
          }
          rule 无依据 {
            verdict remove
            when kind = certificate and not basis.sufficient
            because "无依据"
          }
          rule 共享 {
            verdict obtain-by-sharing
            when sharing.available
            because "共享"
          }
          rule 承诺 {
            verdict commitment
            when kind = certificate and commitment.available
            unless commitment.excluded
            because "承诺"
          }
          otherwise keep
        }

        """

    /// Parses and resolves sources (the base first), returning the catalogue and all diagnostics.
    static func build(_ texts: [String], includeBase: Bool = true) -> (Catalogue, [Diagnostic]) {
        var trees: [SyntaxTree] = []
        var diagnostics: [Diagnostic] = []
        for (index, text) in ((includeBase ? [base] : []) + texts).enumerated() {
            let (tree, parseDiagnostics) = Parser.parse(SourceFile(path: "fixture\(index).jz", text: text))
            trees.append(tree)
            diagnostics += parseDiagnostics
        }
        let (catalogue, resolveDiagnostics) = CatalogueBuilder.build(trees, corpus: corpus)
        return (catalogue, diagnostics + resolveDiagnostics)
    }

    /// Reviews sources that must resolve without errors.
    static func review(_ texts: String..., asOf: String = "2026-01-01", policy: String? = "测试政策") throws -> Review {
        let (catalogue, diagnostics) = build(texts)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw FixtureError(description: errors.map { DiagnosticRenderer().line($0) }.joined(separator: "\n"))
        }
        return try ReviewEngine(catalogue: catalogue, corpus: corpus).review(asOf: CalendarDate(asOf)!, policy: policy)
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }
}
