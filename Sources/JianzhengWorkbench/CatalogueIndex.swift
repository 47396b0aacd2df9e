import Foundation
import Jianzheng
import JianzhengBase

/// One row per procedure, built once per review, that the catalogue page filters, sorts and pages on the server:
/// at 50,000 procedures a page is a scan of flat rows, never a page holding them all.
public struct CatalogueIndex: Sendable {
    public struct Row: Sendable {
        public let id, name, department, domain: String
        /// Certificates per verdict, in `Verdict.allCases` order.
        public let counts: [Int]
        public let reasons: Set<ReasonCode>
        public let flags: Set<Flag>
        public let verdicts: Set<Verdict>
        /// The same as bit sets, for the filters (one word test per row).
        let reasonBits: UInt64, flagBits: UInt64, verdictBits: UInt64
        /// The id, name and materials in lower case, for text search.
        let text: String

        public init(id: String, name: String, department: String, domain: String, decisions: [Decision]) {
            let certificates = decisions.filter { $0.kind == .certificate }
            self.init(
                id: id, name: name, department: department, domain: domain,
                counts: Verdict.allCases.map { verdict in certificates.count { $0.verdict == verdict } },
                reasons: Set(certificates.map(\.reason)), flags: Set(certificates.flatMap(\.flags)), materials: decisions.map(\.material))
        }

        /// A row from its counts (per verdict, in `Verdict.allCases` order).
        public init(
            id: String, name: String, department: String, domain: String, counts: [Int], reasons: Set<ReasonCode>, flags: Set<Flag>, materials: [String]
        ) {
            self.id = id
            self.name = name
            self.department = department
            self.domain = domain
            self.counts = counts
            self.reasons = reasons
            self.flags = flags
            verdicts = Set(zip(Verdict.allCases, counts).filter { $0.1 > 0 }.map(\.0))
            reasonBits = Self.bits(reasons, in: ReasonCode.allCases)
            flagBits = Self.bits(flags, in: Flag.allCases)
            verdictBits = Self.bits(verdicts, in: Verdict.allCases)
            text = ([id, name] + materials).joined(separator: "\u{1F}").lowercased()
        }

        static func bits<Value: Hashable>(_ values: Set<Value>, in all: some Collection<Value>) -> UInt64 {
            var bits: UInt64 = 0
            for (position, value) in all.enumerated() where values.contains(value) { bits |= 1 << UInt64(position % 64) }
            return bits
        }

        public func count(_ verdict: Verdict) -> Int { counts[Verdict.allCases.firstIndex(of: verdict) ?? 0] }
    }

    /// What the catalogue page asks for.
    public struct Query: Sendable, Equatable {
        public var department: String?
        public var verdict: Verdict?
        public var reason: ReasonCode?
        public var flag: Flag?
        public var text: String?
        public var sort: Sort = .id
        public var page = 1
        public var pageSize = 50

        public enum Sort: String, Sendable, CaseIterable {
            case id, name, department, removed, kept
        }

        public init() {}

        /// Whether a filter narrows the catalogue (sorting and paging do not).
        public var filters: Bool { department != nil || verdict != nil || reason != nil || flag != nil || text != nil }
    }

    public let rows: [Row]
    public let departments: [String]
    /// Columns the filters read, one entry per row (a filter scans words, not rows of strings and sets).
    private let departmentNumbers: [Int32]
    private let verdictBits, reasonBits, flagBits: [UInt64]
    private let removedCounts, keptCounts: [Int32]

    public init(rows: [Row]) {
        self.rows = rows
        departments = Array(Set(rows.map(\.department))).sorted()
        let numbers = Dictionary(uniqueKeysWithValues: departments.enumerated().map { ($0.element, Int32($0.offset)) })
        departmentNumbers = rows.map { numbers[$0.department] ?? -1 }
        verdictBits = rows.map(\.verdictBits)
        reasonBits = rows.map(\.reasonBits)
        flagBits = rows.map(\.flagBits)
        removedCounts = rows.map { Int32($0.count(.remove)) }
        keptCounts = rows.map { Int32($0.count(.keep)) }
    }

    /// The rows a query's page selects, in its order, and how many the query matches in all.
    public func select(_ query: Query) -> (rows: [Row], total: Int) {
        let selected = matchingPositions(query)
        let size = max(1, min(query.pageSize, 500))
        let start = min(max(0, (query.page - 1) * size), selected.count)
        return (selected[start..<min(start + size, selected.count)].map { rows[$0] }, selected.count)
    }

    /// Every row the query's filters match, in its order (its page ignored).
    public func matching(_ query: Query) -> [Row] { matchingPositions(query).map { rows[$0] } }

    private func matchingPositions(_ query: Query) -> [Int] {
        let needle = query.text?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let department: Int32? = query.department.map { name in departments.firstIndex(of: name).map(Int32.init) ?? -2 }
        let verdict = query.verdict.map { Row.bits([$0], in: Verdict.allCases) } ?? 0
        let reason = query.reason.map { Row.bits([$0], in: ReasonCode.allCases) } ?? 0
        let flag = query.flag.map { Row.bits([$0], in: Flag.allCases) } ?? 0
        var selected: [Int] = []
        selected.reserveCapacity(query.filters ? 1_024 : rows.count)
        for position in rows.indices {
            if let department, departmentNumbers[position] != department { continue }
            if verdict != 0, verdictBits[position] & verdict == 0 { continue }
            if reason != 0, reasonBits[position] & reason == 0 { continue }
            if flag != 0, flagBits[position] & flag == 0 { continue }
            if !needle.isEmpty, !rows[position].text.containsBytes(needle) { continue }
            selected.append(position)
        }
        switch query.sort {
        case .id: break
        case .name: selected.sort { rows[$0].name < rows[$1].name }
        case .department: selected.sort { (departmentNumbers[$0], $0) < (departmentNumbers[$1], $1) }
        case .removed: selected.sort { (removedCounts[$0], $1) > (removedCounts[$1], $0) }
        case .kept: selected.sort { (keptCounts[$0], $1) > (keptCounts[$1], $0) }
        }
        return selected
    }
}
