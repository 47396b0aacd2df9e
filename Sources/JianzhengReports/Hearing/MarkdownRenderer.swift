/// Markdown for code review: headings, pipe tables, quotes, fenced notices, cycles as arrow chains. Every piece
/// of text goes through `Markup<Markdown>` interpolation, which escapes it.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        Markup.joined(document.blocks.compactMap(render), separator: "\n").text
    }

    /// A block's Markdown; nil for page layout (landscape pages), which Markdown does not have.
    static func render(_ block: ReportBlock) -> Markup<Markdown>? {
        switch block {
        case .cover(let cover):
            let lines = cover.lines + [(cover.unitLabel, cover.unit ?? "")]
            return "# \(cover.title)\n\n" + Markup.joined(lines.map { "- **\($0.0)**: \($0.1)" }, separator: "\n") + "\n\n\(cover.date)\n"
        case .contents(let title, let entries):
            return "**\(title)**\n\n" + Markup.joined(entries.map { "- \($0)" }, separator: "\n") + "\n"
        case .appendix(let text):
            return "## \(text)\n"
        case .signature(let unit, let date):
            return "\(unit)\n\n\(date)\n"
        case .landscape:
            return nil
        case .links(let links):
            return Markup.joined(links.map { "- [\($0.label)](<\($0.href)>)" }, separator: "\n") + "\n"
        case .heading(let level, let text):
            let hashes: [Markup<Markdown>] = ["#", "##", "###", "####", "#####", "######"]
            return "\(hashes[min(max(level, 1), 6) - 1]) \(text)\n"
        case .paragraph(let text):
            return "\(text)\n"
        case .facts(let pairs):
            return Markup.joined(pairs.map { "- **\($0.0)**: \($0.1)" }, separator: "\n") + "\n"
        case .table(let table):
            var text: Markup<Markdown> = table.caption.map { "**\($0)**\n\n" } ?? ""
            text += "| \(Markup.joined(table.header.map { "\($0)" }, separator: " | ")) |\n"
            text += "|\(Markup.joined(table.header.map { _ in "---|" }))\n"
            for row in table.rows { text += "| \(Markup.joined(row.map { "\($0)" }, separator: " | ")) |\n" }
            if table.rows.isEmpty { text += "| \(Markup.joined(table.header.map { _ in "" }, separator: " | ")) |\n" }
            return text
        case .quote(let text, let source):
            let lines = Markup<Markdown>.joined(text.split(separator: "\n").map { "> \(String($0))" }, separator: "\n")
            return "\(lines)\n>\n> — \(source)\n"
        case .notice(let text):
            return Markdown.fenced(text)
        case .cycle(let diagram):
            let ids = diagram.nodes.map(\.id) + [diagram.nodes.first?.id ?? ""]
            let chain = Markup<Markdown>.joined(ids.map { "\($0)" }, separator: " → ")
            return "**\(diagram.title)**\n\n\(chain)\(diagram.cutNote)\n"
        }
    }
}
