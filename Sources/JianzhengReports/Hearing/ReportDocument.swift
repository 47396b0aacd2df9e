/// A hearing report independent of its output format; the HTML, DOCX and Markdown renderers walk it.
public struct ReportDocument: Sendable {
    public var title: String
    public var language: ReportLanguage
    public var blocks: [ReportBlock]
}

/// One block of a report.
public enum ReportBlock: Sendable {
    /// The cover: title, 编制单位 and date (GB/T 9704's 发文机关 and 成文日期 where a report has them).
    case cover(ReportCover)
    /// The table of contents: the sections' headings, in order (a renderer links or numbers pages).
    case contents(title: String, entries: [String])
    case heading(level: Int, text: String)
    /// An appendix's heading (附录一　法律依据原文): after the 落款, outside the sections' numbering.
    case appendix(String)
    /// The 落款: who issues the report and when, at the end of its body.
    case signature(unit: String, date: String)
    /// Pages turned landscape from here (`true`) or back to portrait (`false`): the published lists.
    case landscape(Bool)
    /// Links to other documents (the parts of a split report), by file name relative to this one.
    case links([(label: String, href: String)])
    case paragraph(String)
    /// Label–value pairs (a summary, a receipt).
    case facts([(String, String)])
    case table(ReportTable)
    /// Quoted legal text, with its source line.
    case quote(text: String, source: String)
    /// Preformatted text such as a 告知承诺书.
    case notice(String)
    case cycle(CycleDiagram)
}

public struct ReportTable: Sendable {
    public var caption: String?
    public var header: [String]
    public var rows: [[String]]
    /// Relative column widths (in characters); nil: from the cells' lengths.
    public var widths: [Double]?
    /// Columns that hold numbers (序号, 时限, a percentage): a workbook stores them as numbers.
    public var numeric: Set<Int>

    public init(caption: String?, header: [String], rows: [[String]], widths: [Double]? = nil, numeric: Set<Int> = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.widths = widths
        self.numeric = numeric
    }

    /// The share of the text width each column takes, summing to 1: the declared widths, else each column's
    /// typical cell length or its header's, whichever is longer, plus room for the cell's padding (CJK characters
    /// count double; at least 5, at most 42).
    public var columnShares: [Double] {
        let count = max(header.count, rows.map(\.count).max() ?? 0, 1)
        let weights = widths.map { $0 + Array(repeating: 4, count: max(count - $0.count, 0)) } ?? (0..<count).map { column in
            let sample = rows.prefix(200).compactMap { column < $0.count ? $0[column] : nil }
            let typical = sample.isEmpty ? 0 : sample.map(Self.displayWidth).reduce(0, +) / Double(sample.count)
            let heading = column < header.count ? Self.displayWidth(header[column]) : 0
            return min(max(max(typical, heading) + 2, 5), 42)
        }
        let total = weights.prefix(count).reduce(0, +)
        return weights.prefix(count).map { $0 / total }
    }

    /// Approximate display width of the longest line: a character of three or four UTF-8 bytes (CJK, full-width
    /// punctuation) counts double, one of one or two bytes single; counted on the bytes, as tables have many cells.
    static func displayWidth(_ text: String) -> Double {
        var widest = 0, line = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                widest = max(widest, line)
                line = 0
            } else if byte < 0x80 || (0xC0..<0xE0).contains(byte) {
                line += 1
            } else if byte >= 0xE0 {
                line += 2
            }
        }
        return Double(max(widest, line))
    }
}

/// A report's cover.
public struct ReportCover: Sendable {
    public var title: String
    /// 编制单位; nil leaves a line to fill in.
    public var unit: String?
    /// The words for "编制单位" in the report's language.
    public var unitLabel: String
    public var date: String
    /// Label–value lines under the title (as of, policy, scope).
    public var lines: [(String, String)]
}

/// A circular proof to draw: procedures around a circle, an arrow per edge, the edge to cut marked.
public struct CycleDiagram: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var label: String
    }

    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        public var label: String
        /// The edge the engine proposes to cut first.
        public var cut: Bool
        /// Whether the requirement survives the verdicts.
        public var kept: Bool
    }

    public var title: String
    public var nodes: [Node]
    public var edges: [Edge]
    /// The edges to cut first, in the report's language, for renderers that draw no picture; empty when none.
    public var cutNote: String = ""
    /// What a kept, a cut-first and a removed edge mean, in the report's language (the picture's legend).
    public var legend: [String] = []
}

/// The language of a report.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// The HTML `lang` attribute.
    public var tag: String { self == .zh ? "zh-CN" : "en" }
}
