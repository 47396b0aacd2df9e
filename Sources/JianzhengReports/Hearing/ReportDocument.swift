/// A hearing report independent of its output format; the HTML, DOCX and Markdown renderers walk it.
public struct ReportDocument: Sendable {
    public var title: String
    public var language: ReportLanguage
    public var blocks: [ReportBlock]
}

/// One block of a report.
public enum ReportBlock: Sendable {
    case heading(level: Int, text: String)
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
}

/// The language of a report.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// The HTML `lang` attribute.
    public var tag: String { self == .zh ? "zh-CN" : "en" }
}
