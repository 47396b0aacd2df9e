import Foundation
import Jianzheng

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
            text = ([id, name] + materials).joined(separator: "\u{1F}").lowercased()
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

    public init(rows: [Row]) {
        self.rows = rows
        departments = Array(Set(rows.map(\.department))).sorted()
    }

    /// The rows a query's page selects, in its order, and how many the query matches in all.
    public func select(_ query: Query) -> (rows: ArraySlice<Row>, total: Int) {
        let selected = matching(query)
        let size = max(1, min(query.pageSize, 500))
        let start = min(max(0, (query.page - 1) * size), selected.count)
        return (selected[start..<min(start + size, selected.count)], selected.count)
    }

    /// Every row the query's filters match, in its order (its page ignored).
    public func matching(_ query: Query) -> [Row] {
        let needle = query.text?.trimmingCharacters(in: .whitespaces).lowercased()
        var selected = rows.filter { row in
            (query.department.map { row.department == $0 } ?? true)
                && (query.verdict.map { row.verdicts.contains($0) } ?? true)
                && (query.reason.map { row.reasons.contains($0) } ?? true)
                && (query.flag.map { row.flags.contains($0) } ?? true)
                && (needle.map { $0.isEmpty || row.text.contains($0) } ?? true)
        }
        switch query.sort {
        case .id: break
        case .name: selected.sort { $0.name < $1.name }
        case .department: selected.sort { ($0.department, $0.id) < ($1.department, $1.id) }
        case .removed: selected.sort { ($1.count(.remove), $0.id) < ($0.count(.remove), $1.id) }
        case .kept: selected.sort { ($1.count(.keep), $0.id) < ($0.count(.keep), $1.id) }
        }
        return selected
    }
}
