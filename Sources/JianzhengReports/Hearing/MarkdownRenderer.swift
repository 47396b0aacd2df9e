/// Markdown for code review: headings, pipe tables, quotes, fenced notices, cycles as arrow chains.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        document.blocks.map(render).joined(separator: "\n")
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(max(level, 1), 6)) + " " + inline(text) + "\n"
        case .paragraph(let text):
            return inline(text) + "\n"
        case .facts(let pairs):
            return pairs.map { "- **\(inline($0.0))**: \(inline($0.1))" }.joined(separator: "\n") + "\n"
        case .table(let table):
            var text = table.caption.map { "**\(inline($0))**\n\n" } ?? ""
            text += "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: "---|", count: table.header.count) + "\n"
            for row in table.rows { text += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            if table.rows.isEmpty { text += "| " + Array(repeating: "", count: table.header.count).joined(separator: " | ") + " |\n" }
            return text
        case .quote(let text, let source):
            return text.split(separator: "\n").map { "> " + inline(String($0)) }.joined(separator: "\n") + "\n>\n> — " + inline(source) + "\n"
        case .notice(let text):
            let fence = text.contains("```") ? "~~~~" : "```"
            return fence + "\n" + text + "\n" + fence + "\n"
        case .cycle(let diagram):
            let chain = (diagram.nodes.map(\.id) + [diagram.nodes.first?.id ?? ""]).joined(separator: " → ")
            let cut = diagram.edges.filter(\.cut).map { "`\(diagram.nodes[$0.from].id)` 索要 \(inline($0.label))" }
            return "**\(inline(diagram.title))**\n\n" + chain + (cut.isEmpty ? "" : "（建议切断 cut: " + cut.joined(separator: ", ") + "）") + "\n"
        }
    }

    /// Escapes characters Markdown would read as markup, and HTML.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "*", "_", "`", "[", "]", "\\", "#", "|": result += "\\" + String(character)
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    private static func cell(_ text: String) -> String { inline(text) }
}
