import Foundation
import Jianzheng
import JianzhengBase
import JianzhengReports
import JianzhengWorkspace

/// The reviewed catalogue the workbench serves: loaded and reviewed once at start, with the catalogue index, the
/// decisions by procedure and a review session that answers proposals incrementally. Immutable once built
/// (hence shareable between the server's tasks: the session only reads its state to answer a proposal).
public final class WorkbenchState: @unchecked Sendable {
    public let workspace: Workspace
    public let session: ReviewSession
    public let index: CatalogueIndex
    public let root: String
    /// Proposals shipped in the workspace (`examples/proposals/*.jz`), by file name.
    public let proposals: [String: String]
    let decisionsByProcedure: [String: [Decision]]
    let receipt: ReproducibilityReceipt
    /// What the overview shows, counted once per review: certificates per verdict by department and by domain,
    /// per reason, and each department's list fingerprint (what a sign-off is given on).
    public let overview: Overview

    public struct Overview: Sendable {
        public var byDepartment: [String: [Int]] = [:]
        public var byDomain: [String: [Int]] = [:]
        public var byReason: [ReasonCode: Int] = [:]
        public var byVerdict: [Int] = Array(repeating: 0, count: Verdict.allCases.count)
        public var certificates = 0
        public var listFingerprints: [String: String] = [:]

        init(_ decisions: DecisionList) {
            var hashers: [String: StableHash] = [:]
            for decision in decisions {
                let record = DecisionRecord(decision)
                hashers[decision.department, default: StableHash()].add(record.id + "=" + record.fingerprint)
                guard decision.kind == .certificate else { continue }
                let verdict = Verdict.allCases.firstIndex(of: decision.verdict) ?? 0
                certificates += 1
                byVerdict[verdict] += 1
                byDepartment[decision.department, default: Array(repeating: 0, count: Verdict.allCases.count)][verdict] += 1
                byDomain[decision.procedure.domain ?? "（未分领域）", default: Array(repeating: 0, count: Verdict.allCases.count)][verdict] += 1
                byReason[decision.reason, default: 0] += 1
            }
            listFingerprints = hashers.mapValues(\.hex)
        }
    }

    public var review: Review { session.review }

    /// Loads `sources` (the rules and the catalogue) and `corpus`, and reviews them on `date` under `policy`.
    public init(root: String, sources: [String], corpus: String, asOf date: CalendarDate, policy: String?) throws(WorkbenchError) {
        self.root = root
        let workspace = Workspace.load(paths: sources, corpusDirectory: corpus)
        guard !workspace.diagnostics.hasErrors else {
            let first = workspace.diagnostics.filter { $0.severity == .error }.prefix(5).map { DiagnosticRenderer().line($0) }
            throw WorkbenchError("the catalogue has errors (jianzheng check):\n" + first.joined(separator: "\n"))
        }
        self.workspace = workspace
        do {
            session = try ReviewSession(catalogue: workspace.catalogue, corpus: workspace.corpus, asOf: date, policy: policy)
            receipt = try ReproducibilityReceipt(workspace: workspace, review: session.review)
        } catch {
            throw WorkbenchError("cannot review the catalogue: \(error)")
        }
        var byProcedure: [String: [Decision]] = [:]
        for group in session.review.decisions.byProcedure {
            if let first = group.first { byProcedure[first.procedureID] = group }
        }
        decisionsByProcedure = byProcedure
        overview = Overview(session.review.decisions)
        index = CatalogueIndex(rows: workspace.catalogue.orderedProcedures.map { procedure in
            CatalogueIndex.Row(
                id: procedure.id, name: procedure.name, department: procedure.department, domain: procedure.domain ?? "",
                decisions: byProcedure[procedure.id] ?? [])
        })
        var proposals: [String: String] = [:]
        var warnings: [String] = []
        let folder = URL(fileURLWithPath: root).appendingPathComponent("examples/proposals")
        if FileManager.default.fileExists(atPath: folder.path) {
            do {
                for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".jz") {
                    do {
                        proposals[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                    } catch {
                        warnings.append("cannot read the proposal \(name): \(error.localizedDescription)")
                    }
                }
            } catch {
                warnings.append("cannot list \(folder.path): \(error.localizedDescription)")
            }
        }
        self.proposals = proposals
        self.warnings = warnings
    }

    /// What could not be loaded but does not stop the workbench (an unreadable shipped proposal).
    public let warnings: [String]

    /// The decisions of one procedure, in its order.
    public func decisions(of procedure: String) -> [Decision] { decisionsByProcedure[procedure] ?? [] }

    /// A decision by its store id (`procedure/material`).
    public func decision(id: String) -> Decision? {
        guard let slash = id.firstIndex(of: "/") else { return nil }
        let procedure = String(id[..<slash]), material = String(id[id.index(after: slash)...])
        return decisions(of: procedure).first { $0.material == material }
    }

    /// The fingerprint of a department's list: what its sign-off was given on.
    public func listFingerprint(department: String) -> String { overview.listFingerprints[department] ?? StableHash().hex }

    /// What a hearing report of `scope` is built from.
    func reportBuilder(language: ReportLanguage = .zh) -> ReportBuilder {
        ReportBuilder(review: review, catalogue: workspace.catalogue, receipt: receipt, language: language)
    }
}

/// FNV-1a over UTF-8, 64 bits: a stable digest across runs (Swift's `Hasher` is seeded per process).
struct StableHash {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        value ^= 0xff
        value = value &* 0x100_0000_01b3
    }

    var hex: String { String(value, radix: 16) }
}

/// Where the workspace is, for the server's start.
public enum WorkspaceLocation {
    /// The absolute path of the nearest workspace root at or above `directory`, nil outside any.
    public static func root(from directory: String) -> String? {
        WorkspaceDiscovery.discover(from: directory).map { $0 == "." ? directory : $0 }
    }
}
