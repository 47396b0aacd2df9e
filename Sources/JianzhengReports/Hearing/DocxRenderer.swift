import Foundation
import JianzhengSpreadsheet
import JianzhengXML

/// A Word document (Office Open XML): real heading styles, tables with repeating header rows, quotes, the
/// 告知承诺书 boxed, cycles as an arrow chain (their edges follow as a table), A4 pages numbered in the footer.
/// Parts are written with libxml2's writer and zipped; output is deterministic for the same report.
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
        OOXMLPackage.relationships([(type: "\(relationships)/styles", target: "styles.xml"), (type: "\(relationships)/footer", target: "footer1.xml")])
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
        writer.element("w:rFonts", ["w:ascii": "Times New Roman", "w:hAnsi": "Times New Roman", "w:eastAsia": "SimSun", "w:cs": "Times New Roman"])
        writer.element("w:sz", ["w:val": "21"])
        writer.element("w:lang", ["w:val": "en-US", "w:eastAsia": "zh-CN"])
        writer.end()
        writer.end()
        writer.start("w:pPrDefault")
        writer.start("w:pPr")
        writer.element("w:spacing", ["w:after": "80", "w:line": "300", "w:lineRule": "auto"])
        writer.end()
        writer.end()
        writer.end()
        paragraphStyle(writer, id: "Normal", name: "Normal", isDefault: true)
        let headingSizes = ["Title": "36", "Heading1": "32", "Heading2": "28", "Heading3": "24", "Heading4": "22"]
        for (id, size) in headingSizes.sorted(by: { $0.key < $1.key }) {
            let level = id == "Title" ? nil : Int(id.dropFirst("Heading".count)).map { $0 - 1 }
            paragraphStyle(writer, id: id, name: id == "Title" ? "Title" : "heading \(id.dropFirst("Heading".count))", outline: level, size: size, bold: true, eastAsiaFont: "SimHei")
        }
        paragraphStyle(writer, id: "Quote", name: "Quote", indent: "480", size: "20")
        paragraphStyle(writer, id: "Notice", name: "Notice", indent: "240", size: "20", border: true)
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
        size: String? = nil, bold: Bool = false, eastAsiaFont: String? = nil, border: Bool = false
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
        if outline != nil || id == "Title" { writer.element("w:keepNext") }
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
        writer.start("w:fldSimple", ["w:instr": " PAGE "])
        run(writer, "1")
        writer.end()
        writer.end()
        writer.end()
        return writer.finish()
    }

    // MARK: - Body

    private static func body(_ document: ReportDocument) -> Data {
        let writer = XMLWriter()
        writer.start("w:document", ["xmlns:w": main, "xmlns:r": relationships])
        writer.start("w:body")
        for block in document.blocks { write(block, to: writer) }
        writer.start("w:sectPr")
        writer.element("w:footerReference", ["w:type": "default", "r:id": "rId2"])
        writer.element("w:pgSz", ["w:w": "11906", "w:h": "16838"])
        writer.element("w:pgMar", ["w:top": "1134", "w:right": "1020", "w:bottom": "1134", "w:left": "1020", "w:header": "567", "w:footer": "567", "w:gutter": "0"])
        writer.end()
        writer.end()
        writer.end()
        return writer.finish()
    }

    private static func write(_ block: ReportBlock, to writer: XMLWriter) {
        switch block {
        case .heading(let level, let text):
            paragraph(writer, text, style: level == 1 ? "Title" : "Heading\(min(level - 1, 4))")
        case .paragraph(let text):
            paragraph(writer, text)
        case .facts(let pairs):
            table(writer, ReportTable(caption: nil, header: [], rows: pairs.map { [$0.0, $0.1] }), boldFirstColumn: true)
        case .table(let table):
            if let caption = table.caption { paragraph(writer, caption, bold: true) }
            self.table(writer, table, boldFirstColumn: false)
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

    private static func paragraph(_ writer: XMLWriter, _ text: String, style: String? = nil, bold: Bool = false) {
        writer.start("w:p")
        if let style {
            writer.start("w:pPr")
            writer.element("w:pStyle", ["w:val": style])
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

    private static func table(_ writer: XMLWriter, _ table: ReportTable, boldFirstColumn: Bool) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0, 1)
        let width = 9866 / columns
        writer.start("w:tbl")
        writer.start("w:tblPr")
        writer.element("w:tblStyle", ["w:val": "TableGrid"])
        writer.element("w:tblW", ["w:w": "5000", "w:type": "pct"])
        writer.end()
        writer.start("w:tblGrid")
        for _ in 0..<columns { writer.element("w:gridCol", ["w:w": "\(width)"]) }
        writer.end()
        if !table.header.isEmpty { row(writer, table.header, header: true, width: width, boldFirst: false) }
        for cells in table.rows { row(writer, cells + Array(repeating: "", count: columns - cells.count), header: false, width: width, boldFirst: boldFirstColumn) }
        if table.header.isEmpty && table.rows.isEmpty { row(writer, [""], header: false, width: width, boldFirst: false) }
        writer.end()
        writer.element("w:p")
    }

    private static func row(_ writer: XMLWriter, _ cells: [String], header: Bool, width: Int, boldFirst: Bool) {
        writer.start("w:tr")
        if header {
            writer.start("w:trPr")
            writer.element("w:tblHeader")
            writer.end()
        }
        for (index, cell) in cells.enumerated() {
            writer.start("w:tc")
            writer.start("w:tcPr")
            writer.element("w:tcW", ["w:w": "\(width)", "w:type": "dxa"])
            writer.end()
            paragraph(writer, cell, bold: header || (boldFirst && index == 0))
            writer.end()
        }
        writer.end()
    }
}
