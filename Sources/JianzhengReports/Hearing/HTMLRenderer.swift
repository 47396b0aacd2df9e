import Foundation

/// One self-contained HTML file: inline CSS (with an A4 print stylesheet and a CJK font stack) and inline
/// SVG diagrams, no network. Every piece of text is escaped.
public enum HTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var html: Markup<HTML> = """
            <!DOCTYPE html>
            <html lang="\(document.language.tag)">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="jianzheng">
            <title>\(document.title)</title>
            <style>\(stylesheet)</style>
            </head>
            <body>

            """
        for block in document.blocks { html += render(block) }
        return (html + "</body>\n</html>\n").text
    }

    static let stylesheet: Markup<HTML> = """
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "Noto Sans CJK SC", "Microsoft YaHei", serif;
               line-height: 1.6; margin: 2em auto; max-width: 60em; color: #111; }
        h1 { font-size: 20pt; text-align: center; } h2 { font-size: 15pt; border-bottom: 1px solid #444; margin-top: 1.6em; }
        h3 { font-size: 13pt; margin-top: 1.4em; } h4 { font-size: 11pt; margin-bottom: 0.3em; }
        table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 9.5pt; }
        th, td { border: 1px solid #888; padding: 3px 5px; vertical-align: top; text-align: left; }
        th { background: #eee; } caption { font-weight: bold; text-align: left; padding: 4px 0; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 1.2em; }
        dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; word-break: break-all; }
        blockquote { border-left: 3px solid #999; margin: 0.4em 0 0.4em 1em; padding: 0 0.8em; color: #222; }
        blockquote cite { display: block; font-size: 9pt; color: #555; font-style: normal; }
        div.notice { border: 1px solid #333; padding: 0.6em 1em; background: #fafafa; }
        div.notice pre { white-space: pre-wrap; font-family: inherit; margin: 0; }
        p.notice-title { text-align: center; font-weight: bold; font-size: 1.2em; margin: 0.2em 0 0.6em; }
        figure { margin: 1em 0; } figcaption { font-weight: bold; }
        @page { size: A4; margin: 18mm 16mm; }
        @media print { body { margin: 0; max-width: none; } h2 { break-before: page; } tr, blockquote, div.notice, figure { break-inside: avoid; }
                       thead { display: table-header-group; } }
        """

    static func render(_ block: ReportBlock) -> Markup<HTML> {
        switch block {
        case .heading(let level, let text):
            let tag = Markup<HTML>.number(min(max(level, 1), 6))
            return "<h\(tag)>\(text)</h\(tag)>\n"
        case .paragraph(let text):
            return "<p>\(text)</p>\n"
        case .facts(let pairs):
            return "<dl class=\"facts\">\(Markup.joined(pairs.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }))</dl>\n"
        case .table(let table):
            var html: Markup<HTML> = "<table>"
            if let caption = table.caption { html += "<caption>\(caption)</caption>" }
            html += "<thead><tr>\(Markup.joined(table.header.map { "<th>\($0)</th>" }))</tr></thead><tbody>"
            for row in table.rows { html += "<tr>\(Markup.joined(row.map { "<td>\($0)</td>" }))</tr>" }
            return html + "</tbody></table>\n"
        case .quote(let text, let source):
            let paragraphs = Markup<HTML>.joined(text.split(separator: "\n").map { "<p>\(String($0))</p>" })
            return "<blockquote>\(paragraphs)<cite>\(source)</cite></blockquote>\n"
        case .notice(let text):
            // The first line is the notice's title, centred.
            let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let body = lines.count > 1 ? String(lines[1]) : ""
            let title = lines.first.map(String.init) ?? ""
            return "<div class=\"notice\"><p class=\"notice-title\">\(title)</p><pre>\(body)</pre></div>\n"
        case .cycle(let diagram):
            return "<figure><figcaption>\(diagram.title)</figcaption>\(svg(diagram))</figure>\n"
        }
    }

    /// Procedures on a circle, an arrow per edge; the edge to cut first is red and dashed, removed edges grey.
    static func svg(_ diagram: CycleDiagram) -> Markup<HTML> {
        let width = 720.0, height = 440.0, radius = 150.0
        let center = (x: width / 2, y: height / 2)
        let count = max(diagram.nodes.count, 1)
        let points = diagram.nodes.indices.map { index -> (x: Double, y: Double) in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            return (center.x + radius * cos(angle), center.y + radius * sin(angle))
        }
        var svg: Markup<HTML> = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img">
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>

            """
        for edge in diagram.edges where edge.from < points.count && edge.to < points.count {
            let start = points[edge.from], end = points[edge.to]
            let (dx, dy) = (end.x - start.x, end.y - start.y)
            let length = max((dx * dx + dy * dy).squareRoot(), 1)
            let shrink = 58.0 / length
            let (x1, y1) = (start.x + dx * shrink, start.y + dy * shrink)
            let (x2, y2) = (end.x - dx * shrink, end.y - dy * shrink)
            // Bend each edge away from the centre so labels do not collide; with two nodes the midpoint is the
            // centre, so bend to the left of the direction and A→B, B→A take opposite sides.
            let middle = (x: (x1 + x2) / 2, y: (y1 + y2) / 2)
            let (ox, oy) = (middle.x - center.x, middle.y - center.y)
            let outward = (ox * ox + oy * oy).squareRoot()
            let control = outward > 1
                ? (x: middle.x + ox / outward * 55, y: middle.y + oy / outward * 55)
                : (x: middle.x - dy / length * 55, y: middle.y + dx / length * 55)
            let colour: Markup<HTML> = edge.cut ? "#c00" : edge.kept ? "#333" : "#999"
            let dash: Markup<HTML> = edge.cut || !edge.kept ? " stroke-dasharray=\"6 4\"" : ""
            svg += "<path d=\"M\(x1),\(y1) Q\(control.x),\(control.y) \(x2),\(y2)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash) marker-end=\"url(#arrow)\"/>\n"
            svg += "<text x=\"\(control.x)\" y=\"\(control.y)\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(colour)\">\(edge.label)</text>\n"
        }
        for (index, node) in diagram.nodes.enumerated() {
            let point = points[index]
            svg += "<rect x=\"\(point.x - 80)\" y=\"\(point.y - 24)\" width=\"160\" height=\"48\" rx=\"6\" fill=\"#eef3fb\" stroke=\"#335\"/>\n"
            svg += "<text x=\"\(point.x)\" y=\"\(point.y - 5)\" font-size=\"11\" text-anchor=\"middle\">\(node.id)</text>\n"
            svg += "<text x=\"\(point.x)\" y=\"\(point.y + 13)\" font-size=\"12\" text-anchor=\"middle\">\(String(node.label.prefix(12)))</text>\n"
        }
        return svg + "</svg>"
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String { HTML.escape(text) }
}
