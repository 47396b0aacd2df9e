import Foundation
import Jianzheng
import JianzhengBase
import JianzhengSyntax
import JianzhengWorkspace
import LegalCorpus
import Testing

@testable import JianzhengReports

/// Issue 15: the published lists are consistent by construction, checked over random catalogues built on the
/// bundled rules: every certificate is in exactly one of the retained, cancelled and commitment lists (or the
/// sharing list), and every commitment — the verdict, or what replaces a cancelled certificate — is in the
/// commitment catalogue with its terms.
@Suite struct ListConsistencyTests {
    /// A small deterministic generator (the same catalogues on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let rules = Workspace.load(
        paths: [ReportTests.root.appendingPathComponent("rules").path], corpusDirectory: ReportTests.root.appendingPathComponent("legal-basis").path)

    static func catalogue(seed: UInt64) -> String {
        var random = Generator(state: seed)
        let materials = rules.catalogue.materials.keys.sorted()
        let departments = rules.catalogue.departments.keys.sorted()
        let bases = ["", "《中华人民共和国公证法》第十一条", "《婚姻登记条例》第五条", "《殡葬管理条例》第十条", "《婚姻登记条例》第九十九条", "《危险化学品经营许可证管理办法》第八条"]
        var text = ""
        for index in 0..<60 {
            text += "procedure \"T-\(index)\" 事项\(index) {\n  department \(departments[random.next(departments.count)])\n  territory CN-62\n  volume \(1 + random.next(1000))\n"
            var used = Set<String>()
            for _ in 0..<(1 + random.next(4)) {
                let material = materials[random.next(materials.count)]
                guard used.insert(material).inserted else { continue }
                let basis = bases[random.next(bases.count)]
                var body = basis.isEmpty ? "" : "    basis \(basis)\n"
                if random.next(5) == 0 { body += "    absurd unrelated-to-purpose\n" }
                if random.next(4) == 0 { body += "    commitment {\n      text \"本人承诺属实。\"\n      method 书面核查\n      sample 10%\n    }\n" }
                text += body.isEmpty ? "  requires \(material)\n" : "  requires \(material) {\n\(body)  }\n"
            }
            text += "}\n"
        }
        return text
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func everyRequirementIsInOneListAndEveryCommitmentHasItsTerms(seed: UInt64) throws {
        let tree = Parser.parse(SourceFile(path: "random\(seed).jz", text: Self.catalogue(seed: seed))).tree
        let (catalogue, _, diagnostics) = CatalogueBuilder.apply([tree], to: Self.rules.catalogue, corpus: Self.rules.corpus)
        #expect(!diagnostics.hasErrors, "\(diagnostics.filter { $0.severity == .error }.map(\.message).prefix(3))")
        for policy in ["全国现行", "甘肃2016"] {
            for date in ["2016-06-30", "2026-11-29"] {
                let review = try ReviewEngine(catalogue: catalogue, corpus: Self.rules.corpus).review(asOf: CalendarDate(date)!, policy: policy)
                let decisions = review.decisions.filter { $0.procedureID.hasPrefix("T-") }
                let lists = PublishedLists(decisions: decisions, catalogue: catalogue)
                let rows = { (kind: PublishedLists.Kind) in lists.table(kind).rows.map { [$0[1], $0[2]] } }
                let retained = rows(.retained), cancelled = rows(.cancelled), sharing = lists.table(.sharing).rows.map { [$0[1], $0[2]] }
                let commitments = lists.table(.commitment).rows
                for decision in decisions where decision.kind == .certificate {
                    let procedure = "\(decision.procedureID) \(decision.procedureName)"
                    let byVerdict = [
                        retained.contains { $0[0] == decision.material && $0[1] == decision.purposeCell },
                        cancelled.contains { $0[0] == decision.material && $0[1] == "\(decision.department)（\(decision.procedureName)）" },
                        decision.verdict == .commitment && commitments.contains { $0[1] == decision.material && $0[2] == procedure },
                        sharing.contains { $0[0] == decision.material && $0[1] == procedure },
                    ].filter { $0 }.count
                    #expect(byVerdict == 1, "\(policy) \(date) \(procedure) \(decision.material): \(decision.verdict) in \(byVerdict) lists")
                    var replacedByCommitment = false
                    if case .commitment = decision.replacement { replacedByCommitment = true }
                    if decision.verdict == .commitment || replacedByCommitment {
                        let plan = try #require(decision.commitment.plan, "\(procedure) \(decision.material): a commitment without terms")
                        let row = try #require(commitments.first { $0[1] == decision.material && $0[2] == procedure }, "\(procedure) \(decision.material) not in the commitment list")
                        let header = lists.table(.commitment).header
                        let method = try #require(header.firstIndex(of: "核查方式")), auditor = try #require(header.firstIndex(of: "核查部门"))
                        let sample = try #require(header.firstIndex(of: "抽查比例"))
                        #expect(row[method] == plan.method.rawValue && row[auditor] == plan.auditor && !row[sample].isEmpty)
                    }
                    if decision.reason == .absurdUnrelated { #expect(decision.replacement == .nothing) }
                    // A basis waiting for verification is never the ground of a removal (other grounds may be).
                    if decision.basis.status == .pending, decision.verdict == .remove {
                        let basisReasons: [ReasonCode] = [.noBasis, .basisRankInsufficient, .basisRepealed, .basisNotYetInForce, .basisOutsideTerritory]
                        #expect(!basisReasons.contains(decision.reason), "\(procedure) \(decision.material): removed as \(decision.reason.rawValue)")
                    }
                }
            }
        }
    }
}

extension Decision {
    /// The retained list's purpose cell: the requirement's purpose, else the procedure's name.
    fileprivate var purposeCell: String { requirement.purpose ?? procedureName }
}
