import Foundation
import Jianzheng

/// The 监督考核 view (甘政办发〔2016〕20号, task 九): per department, how many certificates the review of each revision
/// of a catalogue cancels, shares, replaces by commitment and keeps — the same date and policy for every
/// revision, so the columns differ only by what the departments changed.
public struct ReformProgress: Sendable {
    /// One revision's counts.
    public struct Column: Sendable {
        public let label: String
        /// Certificates by department, then by verdict.
        public let counts: [String: [Verdict: Int]]
    }

    public let columns: [Column]
    public let asOf: String
    public let policy: String

    /// The counts of each labelled review.
    public init(_ reviews: [(label: String, review: Review)]) {
        columns = reviews.map { label, review in
            var counts: [String: [Verdict: Int]] = [:]
            for decision in review.decisions where decision.kind == .certificate { counts[decision.department, default: [:]][decision.verdict, default: 0] += 1 }
            return Column(label: label, counts: counts)
        }
        asOf = reviews.first?.review.asOf.description ?? ""
        policy = reviews.first?.review.policy.name ?? ""
    }

    /// Every department of any revision, in order.
    public var departments: [String] { Set(columns.flatMap(\.counts.keys)).sorted() }

    /// The verdicts in the order the table gives them: what was cut first.
    static let verdicts: [Verdict] = [.remove, .obtainBySharing, .commitment, .keep]

    /// A table for people: a row per department, per revision the four counts, and the change from the first
    /// revision to the last.
    public func text() -> String {
        let names = Self.verdicts.map(\.chinese).joined(separator: "/")
        var lines = ["减证进度 progress（证明 certificates：\(names)；评估日期 as of \(asOf)，政策 policy \(policy)）"]
        let header = ["部门 department"] + columns.map(\.label) + (columns.count > 1 ? ["变化 change"] : [])
        var rows = [header]
        for department in departments + ["合计 total"] {
            var row = [department]
            for column in columns { row.append(Self.verdicts.map { "\(count(column, department, $0))" }.joined(separator: "/")) }
            if let first = columns.first, let last = columns.last, columns.count > 1 {
                row.append(Self.verdicts.map { verdict in
                    let change = count(last, department, verdict) - count(first, department, verdict)
                    return change > 0 ? "+\(change)" : "\(change)"
                }.joined(separator: "/"))
            }
            rows.append(row)
        }
        let widths = (0..<header.count).map { index in rows.map { TerminalReport.width($0[index]) }.max() ?? 0 }
        for row in rows { lines.append(zip(row, widths).map { TerminalReport.pad($0, $1 + 1) }.joined().trimmingCharacters(in: .whitespaces)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The certificates of a department (or of all, for the total row) with a verdict in a column.
    func count(_ column: Column, _ department: String, _ verdict: Verdict) -> Int {
        if let counts = column.counts[department] { return counts[verdict] ?? 0 }
        guard department == "合计 total" else { return 0 }
        return column.counts.values.reduce(0) { $0 + ($1[verdict] ?? 0) }
    }

    private struct Document: Encodable {
        struct Revision: Encodable {
            let revision: String
            let departments: [String: [String: Int]]
        }

        let asOf, policy: String
        let revisions: [Revision]
    }

    /// The counts as JSON: per revision, per department, per verdict.
    public func json() throws -> String {
        let document = Document(asOf: asOf, policy: policy, revisions: columns.map { column in
            Document.Revision(
                revision: column.label,
                departments: column.counts.mapValues { counts in Dictionary(uniqueKeysWithValues: Self.verdicts.map { ($0.rawValue, counts[$0] ?? 0) }) })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// An HTML page: the table, and per department a bar per revision, its certificates stacked by verdict.
    public func html() -> String {
        let colours: [Verdict: Markup<HTML>] = [.remove: "#2e7d32", .obtainBySharing: "#1565c0", .commitment: "#f9a825", .keep: "#9e9e9e"]
        let departments = self.departments
        let most = max(1, columns.flatMap { column in departments.map { department in Self.verdicts.reduce(0) { $0 + count(column, department, $1) } } }.max() ?? 1)
        let barHeight = 14.0, rowHeight = Double(columns.count) * (barHeight + 3) + 10, labelWidth = 170.0, scale = 420.0 / Double(most)
        let height = Double(departments.count) * rowHeight + 40
        var svg: Markup<HTML> = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"\(Int(height))\" role=\"img\">"
        for (row, department) in departments.enumerated() {
            let top = Double(row) * rowHeight
            svg += "<text x=\"0\" y=\"\(top + barHeight)\" font-size=\"12\">\(department)</text>"
            for (index, column) in columns.enumerated() {
                let y = top + Double(index) * (barHeight + 3)
                var x = labelWidth
                for verdict in Self.verdicts {
                    let width = Double(count(column, department, verdict)) * scale
                    if width > 0 { svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(barHeight)\" fill=\"\(colours[verdict] ?? "#999")\"/>" }
                    x += width
                }
                svg += "<text x=\"\(x + 4)\" y=\"\(y + barHeight - 3)\" font-size=\"10\" fill=\"#555\">\(column.label)</text>"
            }
        }
        var x = 0.0
        for verdict in Self.verdicts {
            svg += "<rect x=\"\(x)\" y=\"\(height - 22)\" width=\"12\" height=\"12\" fill=\"\(colours[verdict] ?? "#999")\"/><text x=\"\(x + 16)\" y=\"\(height - 12)\" font-size=\"12\">\(verdict.chinese)</text>"
            x += 90
        }
        svg += "</svg>"
        let table = text().split(separator: "\n").dropFirst().map { "\(String($0))" }.joined(separator: "\n")
        let page: Markup<HTML> = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>减证进度</title>
            <style>body { font-family: "FangSong", "Noto Serif CJK SC", serif; margin: 2em; } pre { font-family: "Noto Sans Mono CJK SC", monospace; }</style>
            </head><body><h1>减证进度（证明事项，按部门）</h1><p>评估日期 \(asOf)，政策 \(policy)。每个部门一组横条，每条一个版本，按审查结论分段。</p>
            \(svg)<pre>\(table)</pre></body></html>

            """
        return page.text
    }
}
