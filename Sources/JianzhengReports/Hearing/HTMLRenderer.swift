import Foundation
import JianzhengBase

/// One self-contained HTML file: inline CSS (with an A4 print stylesheet and a CJK font stack) and inline
/// SVG diagrams, no network. Every piece of text is escaped.
public enum HTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        let html: Markup<HTML> = """
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
        // Sections and appendices are anchored s1, s2, … in order: the contents link to them.
        var anchor = 0
        let anchored = document.blocks.map { block in
            switch block {
            case .heading(2, _), .appendix: anchor += 1
            default: break
            }
            return (block, anchor)
        }
        // Rendered in chunks on every core (a catalogue's report has hundreds of thousands of blocks), joined in order.
        let chunks = stride(from: 0, to: anchored.count, by: 2_000).map { Array(anchored[$0..<min($0 + 2_000, anchored.count)]) }
        let rendered = ConcurrentSlots<String>.map(chunks) { chunk in
            var text = ""
            for (block, anchor) in chunk { text += render(block, anchor: anchor).text }
            return text
        }
        var text = html.text
        text.reserveCapacity(text.utf8.count + rendered.reduce(0) { $0 + $1.utf8.count } + 32)
        for piece in rendered { text += piece }
        return text + "</body>\n</html>\n"
    }

    /// Blocks as HTML without the document around them (the workbench embeds a procedure's report in its page);
    /// a cover, contents or landscape switch renders as in a document. Every piece of text is escaped.
    public static func fragment(_ blocks: [ReportBlock]) -> Markup<HTML> {
        Markup.joined(blocks.map { render($0, anchor: 0) })
    }

    /// GB/T 9704 where it fits a report: 仿宋 三号 body, 小标宋 title, 黑体 and 楷体 headings, A4 margins 37/26/35/28 mm,
    /// page numbers "— 1 —"; the published lists on landscape pages. Each face falls back to the Noto CJK SC one
    /// (`lang="zh-CN"` makes browsers pick the Simplified Chinese glyphs).
    static let stylesheet: Markup<HTML> = """
        body { font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif;
               font-size: 12pt; line-height: 1.6; margin: 2em auto; max-width: 60em; color: #111; }
        h1, header.cover p.title { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimHei", "Noto Serif CJK SC", serif; font-weight: bold;
               font-size: 22pt; text-align: center; margin: 0.6em 0; }
        h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 15pt; font-weight: normal; margin-top: 1.6em; }
        h3 { font-family: "KaiTi", "STKaiti", "楷体", "Noto Serif CJK SC", serif; font-size: 13pt; margin-top: 1.4em; }
        h4 { font-size: 12pt; margin-bottom: 0.3em; }
        h2, h3, h4 { break-after: avoid; }
        header.cover { text-align: center; padding-top: 18%; }
        header.cover dl { display: inline-grid; grid-template-columns: max-content auto; gap: 0.3em 1em; text-align: left; margin: 3em 0; }
        header.cover dd { margin: 0; } header.cover p.unit, header.cover p.date { font-size: 16pt; margin: 0.4em 0; }
        nav.toc p.toc-title { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; text-align: center; }
        nav.toc ol { list-style: none; padding: 0; } nav.toc li { margin: 0.3em 0; } nav.toc a { color: inherit; text-decoration: none; }
        div.signature { text-align: right; margin: 3em 2em 1em 0; } div.signature p { margin: 0.2em 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif;
                font-size: 10.5pt; table-layout: fixed; }
        th, td { border: 1px solid #888; padding: 3px 5px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        th { background: #eee; } caption { font-weight: bold; text-align: left; padding: 4px 0; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 1.2em; }
        dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; word-break: break-all; }
        blockquote { font-family: "KaiTi", "STKaiti", "楷体", "Noto Serif CJK SC", serif; border-left: 3px solid #999;
                     margin: 0.4em 0 0.4em 1em; padding: 0 0.8em; color: #222; }
        blockquote cite { display: block; font-size: 9pt; color: #555; font-style: normal; }
        div.notice { border: 1px solid #333; padding: 0.6em 1em; background: #fafafa; }
        div.notice pre { white-space: pre-wrap; font-family: inherit; margin: 0; }
        p.notice-title { text-align: center; font-weight: bold; font-size: 1.2em; margin: 0.2em 0 0.6em; }
        figure { margin: 1em 0; } figcaption { font-weight: bold; }
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; @bottom-center { content: "— " counter(page) " —"; font-size: 14pt; } }
        @page :first { @bottom-center { content: none; } }
        @page wide { size: A4 landscape; margin: 28mm 35mm 26mm 37mm; }
        section.landscape { page: wide; }
        @media print { body { margin: 0; max-width: none; font-size: 16pt; line-height: 1.5; } h2 { font-size: 16pt; break-before: page; }
                       h3, h4 { font-size: 16pt; } header.cover, nav.toc { break-after: page; }
                       tr, blockquote, div.notice, figure { break-inside: avoid; } thead { display: table-header-group; } }
        """

    static func render(_ block: ReportBlock, anchor: Int) -> Markup<HTML> {
        switch block {
        case .cover(let cover):
            let lines = Markup<HTML>.joined(cover.lines.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" })
            let unit: Markup<HTML> = cover.unit.map { "\($0)" } ?? "＿＿＿＿＿＿＿＿＿＿"
            return "<header class=\"cover\"><p class=\"title\">\(cover.title)</p><dl>\(lines)</dl><p class=\"unit\">\(unit)</p><p class=\"date\">\(cover.date)</p></header>\n"
        case .contents(let title, let entries):
            let items = Markup<HTML>.joined(entries.enumerated().map { "<li><a href=\"#s\(Markup<HTML>.number($0.offset + 1))\">\($0.element)</a></li>" })
            return "<nav class=\"toc\"><p class=\"toc-title\">\(title)</p><ol>\(items)</ol></nav>\n"
        case .heading(2, let text), .appendix(let text):
            return "<h2 id=\"s\(Markup<HTML>.number(anchor))\">\(text)</h2>\n"
        case .heading(let level, let text):
            let tag = Markup<HTML>.number(min(max(level, 1), 6))
            return "<h\(tag)>\(text)</h\(tag)>\n"
        case .signature(let unit, let date):
            let name: Markup<HTML> = unit.isEmpty ? "＿＿＿＿＿＿＿＿＿＿" : "\(unit)"
            return "<div class=\"signature\"><p>\(name)</p><p>\(date)</p></div>\n"
        case .landscape(let starts):
            return starts ? "<section class=\"landscape\">\n" : "</section>\n"
        case .links(let links):
            return "<ul class=\"parts\">\(Markup.joined(links.map { "<li><a href=\"\($0.href)\">\($0.label)</a></li>" }))</ul>\n"
        case .paragraph(let text):
            return "<p>\(text)</p>\n"
        case .facts(let pairs):
            return "<dl class=\"facts\">\(Markup.joined(pairs.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }))</dl>\n"
        case .table(let table):
            var html: Markup<HTML> = "<table>"
            if let caption = table.caption { html += "<caption>\(caption)</caption>" }
            let columns = table.columnShares.map { share -> Markup<HTML> in "<col style=\"width:\(Markup<HTML>.number(Int((share * 1000).rounded()) / 10))%\">" }
            html += "<colgroup>\(Markup.joined(columns))</colgroup>"
            html += "<thead><tr>\(Markup.joined(table.header.map { "<th>\($0)</th>" }))</tr></thead><tbody>"
            for row in table.rows {
                html += "<tr>"
                for cell in row {
                    html += "<td>"
                    html.append(escaping: cell)
                    html += "</td>"
                }
                html += "</tr>"
            }
            html += "</tbody></table>\n"
            return html
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

    /// Procedures on a circle, an arrow per edge from the procedure that asks to the one that issues; the edge to
    /// cut first red and dashed, edges removed by the review grey and dashed, each with its arrowhead at the box's
    /// edge and its label beside the curve (on a white halo); a legend below; the picture as tall as its content.
    static func svg(_ diagram: CycleDiagram) -> Markup<HTML> {
        let (boxWidth, boxHeight) = (168.0, 48.0)
        let count = max(diagram.nodes.count, 1)
        let radius = count <= 2 ? 120.0 : max(150.0, Double(count) * 38)
        let width = 2 * radius + boxWidth + 260
        let legendTop = 2 * radius + boxHeight + 70
        let height = legendTop + 28
        let center = (x: width / 2, y: radius + boxHeight / 2 + 30)
        let points = diagram.nodes.indices.map { index -> (x: Double, y: Double) in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            return (center.x + radius * cos(angle), center.y + radius * sin(angle))
        }
        let styles: [(name: Markup<HTML>, colour: Markup<HTML>)] = [("kept", "#333"), ("cut", "#c00"), ("removed", "#999")]
        var svg: Markup<HTML> = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img">
            <defs>
            """
        for style in styles {
            svg += "<marker id=\"arrow-\(style.name)\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">"
            svg += "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(style.colour)\"/></marker>"
        }
        svg += "</defs>\n"
        /// How far from a box's centre the line along (ux, uy) leaves it, plus a gap for the arrowhead.
        func exit(_ ux: Double, _ uy: Double) -> Double {
            min(abs(ux) > 0.001 ? boxWidth / 2 / abs(ux) : .infinity, abs(uy) > 0.001 ? boxHeight / 2 / abs(uy) : .infinity) + 6
        }
        for edge in diagram.edges where edge.from < points.count && edge.to < points.count && edge.from != edge.to {
            let start = points[edge.from], end = points[edge.to]
            let (dx, dy) = (end.x - start.x, end.y - start.y)
            let length = max((dx * dx + dy * dy).squareRoot(), 1)
            let (ux, uy) = (dx / length, dy / length)
            // Bend each edge away from the centre; with two nodes, to the left of its direction, so A→B and B→A
            // take opposite sides.
            let middle = (x: (start.x + end.x) / 2, y: (start.y + end.y) / 2)
            let (ox, oy) = (middle.x - center.x, middle.y - center.y)
            let outward = (ox * ox + oy * oy).squareRoot()
            let normal = outward > 1 ? (x: ox / outward, y: oy / outward) : (x: -uy, y: ux)
            let control = (x: middle.x + normal.x * 60, y: middle.y + normal.y * 60)
            // The ends leave the boxes towards the control point, so the arrowhead sits on the box's edge.
            func leaving(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) {
                let (cx, cy) = (control.x - point.x, control.y - point.y)
                let size = max((cx * cx + cy * cy).squareRoot(), 1)
                let distance = exit(cx / size, cy / size)
                return (point.x + cx / size * distance, point.y + cy / size * distance)
            }
            let (from, to) = (leaving(start), leaving(end))
            let style = edge.cut ? styles[1] : edge.kept ? styles[0] : styles[2]
            let dash: Markup<HTML> = edge.cut || !edge.kept ? " stroke-dasharray=\"6 4\"" : ""
            svg += "<path d=\"M\(from.x),\(from.y) Q\(control.x),\(control.y) \(to.x),\(to.y)\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"2\"\(dash) marker-end=\"url(#arrow-\(style.name))\"/>\n"
            // The label beside the curve's middle, further out, anchored away from the picture's centre.
            let apex = (x: 0.25 * from.x + 0.5 * control.x + 0.25 * to.x, y: 0.25 * from.y + 0.5 * control.y + 0.25 * to.y)
            let label = (x: apex.x + normal.x * 14, y: apex.y + normal.y * 14 + 4)
            let anchor: Markup<HTML> = abs(normal.x) < 0.3 ? "middle" : normal.x > 0 ? "start" : "end"
            svg += "<text x=\"\(label.x)\" y=\"\(label.y)\" font-size=\"12\" text-anchor=\"\(anchor)\" fill=\"\(style.colour)\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">\(edge.label)</text>\n"
        }
        for (index, node) in diagram.nodes.enumerated() {
            let point = points[index]
            svg += "<rect x=\"\(point.x - boxWidth / 2)\" y=\"\(point.y - boxHeight / 2)\" width=\"\(boxWidth)\" height=\"\(boxHeight)\" rx=\"6\" fill=\"#eef3fb\" stroke=\"#335\"/>\n"
            svg += "<text x=\"\(point.x)\" y=\"\(point.y - 5)\" font-size=\"11\" text-anchor=\"middle\">\(node.id)</text>\n"
            svg += "<text x=\"\(point.x)\" y=\"\(point.y + 13)\" font-size=\"12\" text-anchor=\"middle\">\(String(node.label.prefix(13)))</text>\n"
        }
        // The legend: what each line means.
        var x = 20.0
        for (index, (style, words)) in zip(styles, diagram.legend).enumerated() {
            let dash: Markup<HTML> = index == 0 ? "" : " stroke-dasharray=\"6 4\""
            svg += "<line x1=\"\(x)\" y1=\"\(legendTop)\" x2=\"\(x + 36)\" y2=\"\(legendTop)\" stroke=\"\(style.colour)\" stroke-width=\"2\"\(dash) marker-end=\"url(#arrow-\(style.name))\"/>"
            svg += "<text x=\"\(x + 44)\" y=\"\(legendTop + 4)\" font-size=\"12\">\(words)</text>\n"
            x += 60 + Double(ReportTable.displayWidth(words)) * 6.5
        }
        return svg + "</svg>"
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String { HTML.escape(text) }
}
