import Foundation
import JianzhengSpreadsheet
import JianzhengXML

/// A Word document (Office Open XML) laid out after GB/T 9704 where it fits a report: 仿宋 三号 body on a fixed
/// 28.95 pt line, 小标宋 title, 黑体 / 楷体 headings (real heading styles, so Word's navigation pane works), A4 margins
/// 37/26/35/28 mm, page numbers "— 1 —"; a cover, a table of contents (a TOC field Word updates on opening, its
/// entries already filled in), the 落款; the published lists on landscape pages; tables with repeating header rows,
/// rows that do not split and column widths set per column; the 告知承诺书 boxed. Fonts are named as on Windows/WPS
/// (`w:eastAsia` with `zh-CN`, so other systems substitute Simplified Chinese faces). Parts are written with
/// libxml2's writer and zipped; output is deterministic for the same report.
public enum DocxRenderer {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = OOXMLPackage.officeRelationships

    public static func render(_ document: ReportDocument, date: String) throws -> Data {
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", packageRelationships()),
            ("docProps/core.xml", coreProperties(document.title, date: date)),
            ("docProps/app.xml", appProperties()),
            ("word/_rels/document.xml.rels", documentRelationships()),
            ("word/settings.xml", settings()),
            ("word/fontTable.xml", fontTable()),
            ("word/styles.xml", styles()),
            ("word/footer1.xml", footer()),
            ("word/document.xml", body(document)),
        ]
        return try ZIPWriter.archive(parts)
    }

    // MARK: - Package parts

    private static func contentTypes() -> Data {
        OOXMLPackage.contentTypes([
            (part: "/word/document.xml", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            (part: "/word/styles.xml", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
            (part: "/word/settings.xml", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"),
            (part: "/word/fontTable.xml", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"),
            (part: "/word/footer1.xml", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"),
            (part: "/docProps/core.xml", type: "application/vnd.openxmlformats-package.core-properties+xml"),
            (part: "/docProps/app.xml", type: "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ])
    }

    private static func packageRelationships() -> Data {
        OOXMLPackage.relationships([
            (type: "\(relationships)/officeDocument", target: "word/document.xml"),
            (type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml"),
            (type: "\(relationships)/extended-properties", target: "docProps/app.xml"),
        ])
    }

    private static func documentRelationships() -> Data {
        OOXMLPackage.relationships([
            (type: "\(relationships)/styles", target: "styles.xml"), (type: "\(relationships)/footer", target: "footer1.xml"),
            (type: "\(relationships)/settings", target: "settings.xml"), (type: "\(relationships)/fontTable", target: "fontTable.xml"),
        ])
    }

    /// The faces the document names, as on Windows and WPS, each with the Linux face to use where it is missing
    /// (`altName`) and the GB2312 character set, so that a substitute with Simplified Chinese glyphs is chosen.
    static let fonts: [(name: String, alternative: String, family: String)] = [
        ("FangSong", "Noto Serif CJK SC", "modern"), ("SimSun", "Noto Serif CJK SC", "roman"), ("KaiTi", "Noto Serif CJK SC", "modern"),
        ("SimHei", "Noto Sans CJK SC", "modern"), ("方正小标宋简体", "Noto Serif CJK SC", "roman"),
    ]

    private static func fontTable() -> Data {
        let writer = XMLWriter()
        writer.start("w:fonts", ["xmlns:w": main])
        for font in fonts {
            writer.start("w:font", ["w:name": font.name])
            writer.element("w:altName", ["w:val": font.alternative])
            writer.element("w:charset", ["w:val": "86"])
            writer.element("w:family", ["w:val": font.family])
            writer.element("w:pitch", ["w:val": "variable"])
            writer.end()
        }
        writer.end()
        return writer.finish()
    }

    /// Word updates the fields (the table of contents' page numbers) when the document is opened.
    private static func settings() -> Data {
        let writer = XMLWriter()
        writer.start("w:settings", ["xmlns:w": main])
        writer.element("w:updateFields", ["w:val": "true"])
        writer.end()
        return writer.finish()
    }

    private static func coreProperties(_ title: String, date: String) -> Data {
        let writer = XMLWriter()
        writer.start("cp:coreProperties", [
            "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/", "xmlns:dcterms": "http://purl.org/dc/terms/",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        ])
        writer.element("dc:title", text: title)
        writer.element("dc:creator", text: "jianzheng")
        writer.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: "\(date)T00:00:00Z")
        writer.end()
        return writer.finish()
    }

    private static func appProperties() -> Data {
        let writer = XMLWriter()
        writer.start("Properties", ["xmlns": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"])
        writer.element("Application", text: "Jianzheng")
        writer.end()
        return writer.finish()
    }

    private static func styles() -> Data {
        let writer = XMLWriter()
        writer.start("w:styles", ["xmlns:w": main])
        writer.start("w:docDefaults")
        writer.start("w:rPrDefault")
        writer.start("w:rPr")
        writer.element("w:rFonts", ["w:ascii": "Times New Roman", "w:hAnsi": "Times New Roman", "w:eastAsia": "FangSong", "w:cs": "Times New Roman"])
        writer.element("w:sz", ["w:val": "32"])
        writer.element("w:lang", ["w:val": "en-US", "w:eastAsia": "zh-CN"])
        writer.end()
        writer.end()
        writer.start("w:pPrDefault")
        writer.start("w:pPr")
        writer.element("w:spacing", ["w:after": "0", "w:line": "579", "w:lineRule": "exact"])
        writer.end()
        writer.end()
        writer.end()
        paragraphStyle(writer, id: "Normal", name: "Normal", isDefault: true)
        // GB/T 9704: title 二号 小标宋, 一级 黑体, 二级 楷体, 三级 仿宋 bold, all 三号 below the title.
        let headings: [(id: String, size: String, font: String, bold: Bool)] = [
            ("Heading1", "32", "SimHei", false), ("Heading2", "32", "KaiTi", false), ("Heading3", "32", "FangSong", true),
            ("Heading4", "32", "FangSong", false), ("Title", "44", "方正小标宋简体", true),
        ]
        for heading in headings {
            let level = heading.id == "Title" ? nil : Int(heading.id.dropFirst("Heading".count)).map { $0 - 1 }
            paragraphStyle(
                writer, id: heading.id, name: heading.id == "Title" ? "Title" : "heading \(heading.id.dropFirst("Heading".count))", outline: level,
                size: heading.size, bold: heading.bold, eastAsiaFont: heading.font)
        }
        paragraphStyle(writer, id: "Quote", name: "Quote", indent: "480", size: "28", eastAsiaFont: "KaiTi", line: "276")
        paragraphStyle(writer, id: "Notice", name: "Notice", indent: "240", size: "28", border: true, line: "276")
        paragraphStyle(writer, id: "TableText", name: "Table Text", size: "21", eastAsiaFont: "SimSun", line: "240")
        paragraphStyle(writer, id: "TOC1", name: "toc 1", size: "32", line: "579")
        writer.start("w:style", ["w:type": "table", "w:styleId": "TableGrid"])
        writer.element("w:name", ["w:val": "Table Grid"])
        writer.start("w:tblPr")
        writer.start("w:tblBorders")
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            writer.element("w:\(side)", ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "808080"])
        }
        writer.end()
        writer.end()
        writer.end()
        writer.end()
        return writer.finish()
    }

    private static func paragraphStyle(
        _ writer: XMLWriter, id: String, name: String, isDefault: Bool = false, outline: Int? = nil, indent: String? = nil,
        size: String? = nil, bold: Bool = false, eastAsiaFont: String? = nil, border: Bool = false, line: String? = nil
    ) {
        if isDefault {
            writer.start("w:style", ["w:type": "paragraph", "w:styleId": id, "w:default": "1"])
        } else {
            writer.start("w:style", ["w:type": "paragraph", "w:styleId": id])
        }
        writer.element("w:name", ["w:val": name])
        if !isDefault { writer.element("w:basedOn", ["w:val": "Normal"]) }
        writer.element("w:qFormat")
        writer.start("w:pPr")
        // Headings stay with what follows them: none is stranded at the foot of a page.
        if outline != nil || id == "Title" || border { writer.element("w:keepNext") }
        // A notice is one paragraph (its lines broken): it stays on one page.
        if border { writer.element("w:keepLines") }
        if outline != nil || id == "Title" {
            writer.element("w:spacing", ["w:before": "240", "w:after": "120"])
        } else if let line {
            writer.element("w:spacing", ["w:after": "60", "w:line": line, "w:lineRule": line == "579" ? "exact" : "auto"])
        }
        if let indent { writer.element("w:ind", ["w:left": indent]) }
        if border {
            writer.start("w:pBdr")
            for side in ["top", "left", "bottom", "right"] { writer.element("w:\(side)", ["w:val": "single", "w:sz": "6", "w:space": "4", "w:color": "333333"]) }
            writer.end()
        }
        if id == "Title" { writer.element("w:jc", ["w:val": "center"]) }
        if let outline { writer.element("w:outlineLvl", ["w:val": "\(outline)"]) }
        writer.end()
        writer.start("w:rPr")
        if let eastAsiaFont { writer.element("w:rFonts", ["w:eastAsia": eastAsiaFont]) }
        if bold { writer.element("w:b") }
        if let size { writer.element("w:sz", ["w:val": size]) }
        writer.end()
        writer.end()
    }

    private static func footer() -> Data {
        let writer = XMLWriter()
        writer.start("w:ftr", ["xmlns:w": main])
        writer.start("w:p")
        writer.start("w:pPr")
        writer.element("w:jc", ["w:val": "center"])
        writer.end()
        run(writer, "— ")
        writer.start("w:fldSimple", ["w:instr": " PAGE "])
        run(writer, "1")
        writer.end()
        run(writer, " —")
        writer.end()
        writer.end()
        return writer.finish()
    }

    // MARK: - Body

    private static func body(_ document: ReportDocument) -> Data {
        let writer = XMLWriter()
        writer.start("w:document", ["xmlns:w": main, "xmlns:r": relationships])
        writer.start("w:body")
        var page = Page.portrait
        for block in document.blocks {
            if case .landscape(let turns) = block {
                // A section break ends the pages before it, with their orientation.
                writer.start("w:p")
                writer.start("w:pPr")
                sectionProperties(writer, page)
                writer.end()
                writer.end()
                page = turns ? .landscape : .portrait
                continue
            }
            write(block, to: writer, page: page)
        }
        sectionProperties(writer, page)
        writer.end()
        writer.end()
        return writer.finish()
    }

    /// A4 portrait or landscape, with GB/T 9704's margins (37 mm top, 35 bottom, 28 inside, 26 outside; turned
    /// with the page), and the width of the text between the margins, in twentieths of a point.
    enum Page {
        case portrait, landscape

        var textWidth: Int { self == .portrait ? 11906 - 1588 - 1474 : 16838 - 2098 - 1984 }
    }

    private static func sectionProperties(_ writer: XMLWriter, _ page: Page) {
        writer.start("w:sectPr")
        writer.element("w:footerReference", ["w:type": "default", "r:id": "rId2"])
        if page == .portrait {
            writer.element("w:pgSz", ["w:w": "11906", "w:h": "16838"])
            writer.element("w:pgMar", ["w:top": "2098", "w:right": "1474", "w:bottom": "1984", "w:left": "1588", "w:header": "851", "w:footer": "992", "w:gutter": "0"])
        } else {
            writer.element("w:pgSz", ["w:w": "16838", "w:h": "11906", "w:orient": "landscape"])
            writer.element("w:pgMar", ["w:top": "1588", "w:right": "1984", "w:bottom": "1474", "w:left": "2098", "w:header": "851", "w:footer": "851", "w:gutter": "0"])
        }
        writer.end()
    }

    private static func write(_ block: ReportBlock, to writer: XMLWriter, page: Page) {
        switch block {
        case .cover(let cover):
            writer.start("w:p")
            writer.start("w:pPr")
            writer.element("w:pStyle", ["w:val": "Title"])
            writer.element("w:spacing", ["w:before": "3600", "w:after": "1200"])
            writer.end()
            run(writer, cover.title)
            writer.end()
            for (label, value) in cover.lines { centred(writer, "\(label)：\(value)") }
            centred(writer, "")
            centred(writer, cover.unit.map { "\(cover.unitLabel)：\($0)" } ?? "\(cover.unitLabel)：＿＿＿＿＿＿＿＿＿＿")
            centred(writer, cover.date)
            pageBreak(writer)
        case .contents(let title, let entries):
            centred(writer, title, bold: true)
            // A TOC field over the headings of levels 1–2, its result filled in with the entries (no page numbers
            // until Word updates it, which `updateFields` asks for on opening).
            writer.start("w:p")
            writer.start("w:pPr")
            writer.element("w:pStyle", ["w:val": "TOC1"])
            writer.end()
            field(writer, "fldChar", ["w:fldCharType": "begin"])
            writer.start("w:r")
            writer.element("w:instrText", ["xml:space": "preserve"], text: #" TOC \o "1-2" \h \z \u "#)
            writer.end()
            field(writer, "fldChar", ["w:fldCharType": "separate"])
            run(writer, entries.first ?? "")
            writer.end()
            for entry in entries.dropFirst() { paragraph(writer, entry, style: "TOC1") }
            writer.start("w:p")
            field(writer, "fldChar", ["w:fldCharType": "end"])
            writer.end()
            pageBreak(writer)
        case .appendix(let text):
            paragraph(writer, text, style: "Heading1", pageBreakBefore: true)
        case .signature(let unit, let date):
            paragraph(writer, "")
            for line in [unit.isEmpty ? "＿＿＿＿＿＿＿＿＿＿" : unit, date] { paragraph(writer, line, alignment: "right") }
        case .landscape, .links:
            // The parts' files are in the table before the links; a DOCX links nothing outside itself.
            break
        case .heading(let level, let text):
            paragraph(writer, text, style: level == 1 ? "Title" : "Heading\(min(level - 1, 4))")
        case .paragraph(let text):
            paragraph(writer, text)
        case .facts(let pairs):
            table(writer, ReportTable(caption: nil, header: [], rows: pairs.map { [$0.0, $0.1] }), boldFirstColumn: true, width: page.textWidth)
        case .table(let table):
            if let caption = table.caption { centred(writer, caption, bold: true) }
            self.table(writer, table, boldFirstColumn: false, width: page.textWidth)
        case .quote(let text, let source):
            paragraph(writer, text, style: "Quote")
            paragraph(writer, "—— " + source, style: "Quote")
        case .notice(let text):
            // The notice's first line is its title, centred, as a paper the applicant signs has it.
            let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            writer.start("w:p")
            writer.start("w:pPr")
            writer.element("w:pStyle", ["w:val": "Notice"])
            writer.element("w:jc", ["w:val": "center"])
            writer.end()
            run(writer, String(lines.first ?? ""), bold: true)
            writer.end()
            if lines.count > 1 { paragraph(writer, String(lines[1]), style: "Notice") }
        case .cycle(let diagram):
            paragraph(writer, diagram.title, bold: true)
            let chain = (diagram.nodes + diagram.nodes.prefix(1)).map { "\($0.id) \($0.label)" }.joined(separator: " → ")
            paragraph(writer, chain)
            for edge in diagram.edges where edge.cut {
                paragraph(writer, "✂ \(diagram.nodes[edge.from].id) → \(edge.label)", bold: true)
            }
        }
    }

    private static func paragraph(
        _ writer: XMLWriter, _ text: String, style: String? = nil, bold: Bool = false, alignment: String? = nil, pageBreakBefore: Bool = false
    ) {
        writer.start("w:p")
        if style != nil || alignment != nil || pageBreakBefore {
            writer.start("w:pPr")
            if let style { writer.element("w:pStyle", ["w:val": style]) }
            if pageBreakBefore { writer.element("w:pageBreakBefore") }
            if let alignment { writer.element("w:jc", ["w:val": alignment]) }
            writer.end()
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 {
                writer.start("w:r")
                writer.element("w:br")
                writer.end()
            }
            run(writer, String(line), bold: bold)
        }
        writer.end()
    }

    private static func centred(_ writer: XMLWriter, _ text: String, bold: Bool = false) {
        paragraph(writer, text, bold: bold, alignment: "center")
    }

    private static func pageBreak(_ writer: XMLWriter) {
        writer.start("w:p")
        writer.start("w:r")
        writer.element("w:br", ["w:type": "page"])
        writer.end()
        writer.end()
    }

    /// A run holding one field character (`fldChar`) with its attributes.
    private static func field(_ writer: XMLWriter, _ name: String, _ attributes: KeyValuePairs<String, String>) {
        writer.start("w:r")
        writer.element("w:\(name)", attributes)
        writer.end()
    }

    private static func run(_ writer: XMLWriter, _ text: String, bold: Bool = false) {
        writer.start("w:r")
        if bold {
            writer.start("w:rPr")
            writer.element("w:b")
            writer.end()
        }
        writer.element("w:t", ["xml:space": "preserve"], text: text)
        writer.end()
    }

    /// A table as wide as the text, each column as wide as its share (`ReportTable.columnShares`); the widths sum
    /// to the text width exactly. Header rows repeat on every page; no row splits across pages.
    private static func table(_ writer: XMLWriter, _ table: ReportTable, boldFirstColumn: Bool, width: Int) {
        let shares = table.columnShares
        var widths = shares.map { Int((Double(width) * $0).rounded(.down)) }
        widths[widths.count - 1] += width - widths.reduce(0, +)
        writer.start("w:tbl")
        writer.start("w:tblPr")
        writer.element("w:tblStyle", ["w:val": "TableGrid"])
        writer.element("w:tblW", ["w:w": "\(width)", "w:type": "dxa"])
        writer.element("w:tblLayout", ["w:type": "fixed"])
        writer.end()
        writer.start("w:tblGrid")
        for column in widths { writer.element("w:gridCol", ["w:w": "\(column)"]) }
        writer.end()
        if !table.header.isEmpty { row(writer, table.header, header: true, widths: widths, boldFirst: false) }
        for cells in table.rows { row(writer, cells + Array(repeating: "", count: max(widths.count - cells.count, 0)), header: false, widths: widths, boldFirst: boldFirstColumn) }
        writer.end()
        // Word merges two tables with nothing between them; a small empty paragraph keeps them apart.
        paragraph(writer, "", style: "TableText")
    }

    private static func row(_ writer: XMLWriter, _ cells: [String], header: Bool, widths: [Int], boldFirst: Bool) {
        writer.start("w:tr")
        writer.start("w:trPr")
        writer.element("w:cantSplit")
        if header { writer.element("w:tblHeader") }
        writer.end()
        for (index, cell) in cells.enumerated() {
            writer.start("w:tc")
            writer.start("w:tcPr")
            writer.element("w:tcW", ["w:w": "\(index < widths.count ? widths[index] : 0)", "w:type": "dxa"])
            writer.end()
            paragraph(writer, cell, style: "TableText", bold: header || (boldFirst && index == 0), alignment: header ? "center" : nil)
            writer.end()
        }
        writer.end()
    }
}
