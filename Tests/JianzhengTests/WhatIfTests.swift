import Foundation
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng
import JianzhengWorkspace

/// The incremental what-if must give exactly what a full review of the proposed catalogue gives.
@Suite struct WhatIfTests {
    static let root = Fixture.repositoryRoot.path
    static let date = CalendarDate("2026-06-01")!
    static let workspace = Workspace.load(paths: [root + "/rules", root + "/examples/gansu"], corpusDirectory: root + "/legal-basis")

    /// Every decision, cycle and burden of a review, as comparable text.
    static func fingerprint(_ review: Review) -> [String] {
        review.decisions.map { decision in
            [decision.procedureID, decision.material, decision.verdict.rawValue, decision.reason.rawValue, decision.rule ?? "-",
             decision.flags.map(\.rawValue).joined(separator: ","), decision.basis.status.rawValue,
             decision.sharing.best?.source ?? "-", String(describing: decision.replacement), String(describing: decision.commitment.plan),
             decision.trace.map { "\($0.rule):\($0.outcome.rawValue):\($0.facts.sorted { $0.key < $1.key })" }.joined(separator: ";")]
                .joined(separator: "|")
        }
            + review.cycles.map { "cycle " + $0.procedures.joined(separator: ",") + " " + $0.status.rawValue + " " + ($0.cheapestCut?.material ?? "-") }
            + review.burdens.map { "burden \($0.procedureID) \($0.before) \($0.after) \($0.inCycle)" }
            + review.stepFindings.map { finding in
                "step \(finding.kind.rawValue) \(finding.procedureID) \(finding.steps) \(String(describing: finding.days)) "
                    + "\(String(describing: finding.limit)) \(finding.citations.map(\.text))"
            }
    }

    static func diffFingerprint(_ diff: ReviewDiff) -> [String] {
        diff.changes.map { "\($0.procedureID) \($0.material) \($0.kind.rawValue) \($0.details)" }
            + diff.findings.map { "\($0.kind.rawValue) \($0.procedureID ?? "-") \($0.material ?? "-")" }
            + diff.burdenChanges.map { "\($0.before?.procedureID ?? "-") \(String(describing: $0.before?.after)) \(String(describing: $0.after?.after))" }
            + diff.cyclesCreated.map { "created \($0.procedures)" } + diff.cyclesBroken.map { "broken \($0.procedures)" }
    }

    /// Checks one proposal: the what-if against a full review of the catalogue built with the overlay (after
    /// `earlier`, the overlays the session's catalogue was built with).
    static func check(_ proposal: String, session: ReviewSession, earlier: [SyntaxTree] = []) throws {
        let tree = Parser.parse(SourceFile(path: "proposal.jz", text: proposal)).tree
        let whatIf = try session.whatIf([tree])
        let errors = whatIf.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message)) in\n\(proposal)")
        guard let incremental = whatIf.review, let diff = session.diff(whatIf) else { return }
        let baseTrees = SourceSet.load([root + "/rules", root + "/examples/gansu"]).trees
        let (proposed, _) = CatalogueBuilder.build(baseTrees, overlays: earlier + [tree], corpus: session.corpus)
        let full = try ReviewEngine(catalogue: proposed, corpus: session.corpus).review(asOf: date)
        let expected = fingerprint(full), actual = fingerprint(incremental)
        #expect(expected.count == actual.count, "\(proposal)")
        for (want, got) in zip(expected, actual) where want != got {
            Issue.record("incremental differs for\n\(proposal)\nfull:        \(want)\nincremental: \(got)")
            break
        }
        let fullDiff = ReviewDiff.compare(before: session.review, beforeCatalogue: session.catalogue, after: full, afterCatalogue: proposed)
        #expect(diffFingerprint(fullDiff) == diffFingerprint(diff), "\(proposal)")
    }

    /// A workspace without its sources' text reviews to the same decisions: nothing the review reads is in them.
    @Test func releasingTheSourcesKeepsEverythingTheReviewReads() throws {
        let released = Self.workspace.releasingSources()
        #expect(released.files.isEmpty && !Self.workspace.files.isEmpty)
        #expect(released.diagnostics.count == Self.workspace.diagnostics.count)
        let before = try ReviewEngine(catalogue: Self.workspace.catalogue, corpus: Self.workspace.corpus).review(asOf: Self.date)
        let after = try ReviewEngine(catalogue: released.catalogue, corpus: released.corpus).review(asOf: Self.date)
        #expect(Self.fingerprint(after) == Self.fingerprint(before))
    }

    @Test func shippedProposalsMatchAFullReview() throws {
        let session = try ReviewSession(catalogue: Self.workspace.catalogue, corpus: Self.workspace.corpus, asOf: Self.date)
        let directory = Self.root + "/examples/proposals"
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where name.hasSuffix(".jz") {
            try Self.check(String(contentsOfFile: directory + "/" + name, encoding: .utf8), session: session)
        }
    }

    /// Random proposals that replace and add procedures, materials, sources and departments: new and broken
    /// circular proofs, changed issuers, sharing and prohibitions, burdens that propagate upstream.
    @Test func randomProposalsMatchAFullReview() throws {
        let catalogue = Self.workspace.catalogue
        let session = try ReviewSession(catalogue: catalogue, corpus: Self.workspace.corpus, asOf: Self.date)
        #expect(session.review.cycles.count >= 2)
        var random = SeededRandom(seed: 20_261_129)
        let procedures = catalogue.procedureOrder
        let materials = catalogue.materials.keys.sorted()
        let departments = catalogue.departments.keys.sorted()
        let sources = catalogue.sources.keys.sorted()
        let items = Array(Set(catalogue.materials.values.flatMap(\.proves))).sorted()
        let citations = Array(Set(catalogue.procedures.values.flatMap { $0.requirements.flatMap { $0.basis.map(\.text) } })).sorted()
        func quoted(_ names: [String]) -> String { names.map { "\"\($0)\"" }.joined(separator: ", ") }
        func pick<T>(_ values: [T]) -> T { values[random.next(values.count)] }
        // A guide whose steps and limits give step findings (no basis, several windows, steps above the limit, 并联).
        func guide() -> String {
            guard random.next(2) == 0 else { return "" }
            let windows = (0..<(1 + random.next(2))).map { "    window \"窗口\($0)\"\n" }.joined()
            let steps = (0..<(1 + random.next(3))).map { step in
                "    step 环节\(step) {\n      department \(pick(departments))\n      days \(1 + random.next(10)) 工作日\n"
                    + (random.next(2) == 0 ? "      basis \(pick(citations))\n" : "") + "    }\n"
            }.joined()
            return "  guide {\n    accepted-by \(pick(departments))\n    serves \"自然人\"\n\(windows)\(steps)"
                + "    promised-limit \(1 + random.next(15)) 工作日\n  }\n"
        }
        func requirements() -> String {
            (0..<(1 + random.next(5))).map { _ in
                random.next(3) == 0 ? "  requires \"\(pick(materials))\" {\n    basis \(pick(citations))\n  }\n" : "  requires \"\(pick(materials))\"\n"
            }.joined()
        }
        for trial in 0..<60 {
            var proposal = ""
            var declared = Set<String>()
            for _ in 0..<(1 + random.next(3)) {
                switch random.next(6) {
                case 0, 1:
                    let id = random.next(4) == 0 ? "新事项\(trial)" : pick(procedures)
                    guard declared.insert("procedure " + id).inserted else { continue }
                    let issues = random.next(2) == 0 ? "  issues \"\(pick(materials))\"\n" : ""
                    proposal += "procedure \"\(id)\" 拟议事项\(trial) {\n  department \"\(pick(departments))\"\n  territory CN-62\n"
                        + "  volume \(100 + random.next(10_000))\n\(requirements())\(issues)\(guide())}\n"
                case 2:
                    let name = pick(materials)
                    guard declared.insert("material " + name).inserted, let old = catalogue.materials[name] else { continue }
                    let issuedBy = random.next(2) == 0 ? "  issued-by \"\(pick(procedures))\"\n" : ""
                    let proves = old.proves.isEmpty || random.next(3) == 0 ? [pick(items)] : old.proves
                    proposal += "material \"\(name)\" {\n  kind \(random.next(4) == 0 ? "licence-or-id" : "certificate")\n"
                        + "  proves \(quoted(proves))\n  issuer \"\(pick(departments))\"\n\(issuedBy)  trips \(random.next(4))\n}\n"
                case 3:
                    let name = random.next(2) == 0 ? pick(sources) : "新数据源\(trial)"
                    guard declared.insert("source " + name).inserted else { continue }
                    let sharing = pick(["unconditional", "conditional", "none"])
                    proposal += "source \"\(name)\" {\n  provider \"\(pick(departments))\"\n  sharing \(sharing)\n"
                        + "  items \(quoted([pick(items), pick(items)]))\n  approved \"\(pick(departments))\"\n}\n"
                case 4:
                    let name = pick(departments)
                    guard declared.insert("department " + name).inserted else { continue }
                    proposal += "department \"\(name)\" {\n  kind \(pick(["government", "residents-committee", "employer"]))\n}\n"
                default:
                    // Close a loop: a procedure issues what another requires, and requires what that one issues.
                    let first = pick(procedures), second = pick(procedures)
                    guard first != second, declared.insert("procedure " + first).inserted,
                        let needed = catalogue.procedures[second]?.requirements.first?.material,
                        let issued = catalogue.procedures[second]?.issues.first, let old = catalogue.procedures[first]
                    else { continue }
                    proposal += "procedure \"\(first)\" \(old.name) {\n  department \"\(old.department)\"\n  territory \(old.territory)\n"
                        + "  requires \"\(issued)\"\n  issues \"\(needed)\"\n}\n"
                }
            }
            try Self.check(proposal, session: session)
        }
    }

    @Test func aProposalWithErrorsGivesDiagnosticsAndNoReview() throws {
        let session = try ReviewSession(catalogue: Self.workspace.catalogue, corpus: Self.workspace.corpus, asOf: Self.date)
        let tree = Parser.parse(SourceFile(path: "proposal.jz", text: "procedure \"X\" 新 {\n  department 不存在的部门\n  territory CN-62\n}\n")).tree
        let whatIf = try session.whatIf([tree])
        #expect(whatIf.review == nil)
        #expect(whatIf.diagnostics.contains { $0.code == .unknownReference && $0.message.contains("不存在的部门") })
    }

    @Test func aDeclarationTheProposalAddsButNothingUsesIsReported() throws {
        let session = try ReviewSession(catalogue: Self.workspace.catalogue, corpus: Self.workspace.corpus, asOf: Self.date)
        func diagnostics(_ text: String) throws -> [Diagnostic] {
            try session.whatIf([Parser.parse(SourceFile(path: "p.jz", text: text)).tree]).diagnostics
        }
        let unused = try diagnostics("material 新增未用材料 {\n  kind certificate\n}\n")
        #expect(unused.contains { $0.code == .unusedDeclaration && $0.message.contains("新增未用材料") })
        let used = try diagnostics(
            "material 新增材料 {\n  kind certificate\n}\nprocedure \"新事项\" 新 {\n  department 民政部门\n  territory CN-62\n  requires 新增材料\n}\n")
        #expect(!used.contains { $0.code == .unusedDeclaration })
    }

    /// A circular proof loses members: what is left of it is still one, though no procedure the change touches
    /// reaches it (the what-if searches the old cycle's members again, not only what the change reaches).
    @Test func aCircularProofThatLosesMembersStaysOneWithoutThem() throws {
        func procedure(_ id: String, requires: [String], issues: String) -> String {
            "procedure \"\(id)\" 循环事项\(id) {\n  department 民政部门\n  territory CN-62\n"
                + requires.map { "  requires \($0)\n" }.joined() + "  issues \(issues)\n}\n"
        }
        let materials = ["甲证", "乙证", "丙证", "戊证"].map { "material \($0) {\n  kind certificate\n}\n" }.joined()
        // 甲 ⇄ 乙, and 甲 → 戊 → 丙 → 甲: one circular proof of four procedures.
        let loop = materials + procedure("循环甲", requires: ["乙证", "戊证"], issues: "甲证")
            + procedure("循环乙", requires: ["甲证"], issues: "乙证") + procedure("循环戊", requires: ["丙证"], issues: "戊证")
            + procedure("循环丙", requires: ["甲证"], issues: "丙证")
        let earlier = [Parser.parse(SourceFile(path: "loop.jz", text: loop)).tree]
        let baseTrees = SourceSet.load([Self.root + "/rules", Self.root + "/examples/gansu"]).trees
        let (catalogue, _) = CatalogueBuilder.build(baseTrees, overlays: earlier, corpus: Self.workspace.corpus)
        let session = try ReviewSession(catalogue: catalogue, corpus: Self.workspace.corpus, asOf: Self.date)
        #expect(session.review.cycles.contains { Set($0.procedures) == ["循环甲", "循环乙", "循环丙", "循环戊"] })
        // 丙 stops requiring 甲证: 甲 ⇄ 乙 remains, and neither 丙 nor 戊 (which requires what 丙 issues) reaches it.
        let proposal = "procedure \"循环丙\" 循环事项循环丙 {\n  department 民政部门\n  territory CN-62\n  issues 丙证\n}\n"
        let whatIf = try session.whatIf([Parser.parse(SourceFile(path: "p.jz", text: proposal)).tree])
        #expect(whatIf.review?.cycles.contains { Set($0.procedures) == ["循环甲", "循环乙"] } == true)
        try Self.check(proposal, session: session, earlier: earlier)
    }

    @Test func aOneProcedureChangeDecidesOnlyWhatItReaches() throws {
        let catalogue = Self.workspace.catalogue
        let session = try ReviewSession(catalogue: catalogue, corpus: Self.workspace.corpus, asOf: Self.date)
        // A procedure outside every cycle that issues nothing: only it is decided again, only its burden moves.
        let id = try #require(catalogue.orderedProcedures.first { procedure in
            procedure.issues.isEmpty && !session.review.cycles.contains { $0.procedures.contains(procedure.id) }
                && !catalogue.materials.values.contains { $0.issuedBy == procedure.id }
        }?.id)
        let old = try #require(catalogue.procedures[id])
        let proposal = "procedure \"\(id)\" \(old.name) {\n  department \"\(old.department)\"\n  territory \(old.territory)\n"
            + "  requires \"\(try #require(old.requirements.first?.material))\"\n}\n"
        let whatIf = try session.whatIf([Parser.parse(SourceFile(path: "p.jz", text: proposal)).tree])
        #expect(whatIf.scope?.decided == [id])
        #expect(whatIf.scope?.burdened == [id])
    }
}

@Suite struct DecisionListTests {
    @Test func walksForwardBackwardAndByOffsetAcrossProceduresWithoutRequirements() throws {
        let review = try ReviewSession(
            catalogue: WhatIfTests.workspace.catalogue, corpus: WhatIfTests.workspace.corpus, asOf: WhatIfTests.date).review
        let sample = Array(review.decisions.prefix(3))
        // Procedures 0 and 2 have none; the flat order must skip them in every direction.
        let list = DecisionList(byProcedure: [[], [sample[0], sample[1]], [], [], [sample[2]], []])
        #expect(list.count == 3)
        #expect(list.map(\.material) == sample.map(\.material))
        #expect(list.reversed().map(\.material) == sample.reversed().map(\.material))
        let last = list.index(list.startIndex, offsetBy: 2)
        #expect(last.procedure == 4 && last.requirement == 0)
        #expect(list.index(before: last).procedure == 1)
        #expect(list.index(after: last) == list.endIndex)
        #expect(list.distance(from: list.startIndex, to: list.endIndex) == 3)
        #expect(DecisionList(byProcedure: [[], []]).isEmpty)
        #expect(Array(review.decisions).count == review.decisions.count)
    }
}

/// A small deterministic generator (SplitMix64) so random proposals are the same on every run.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
