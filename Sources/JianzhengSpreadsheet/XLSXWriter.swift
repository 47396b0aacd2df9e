import Foundation
import JianzhengXML

/// Writes `.xlsx` workbooks: one sheet per table, text as inline strings (so no text is re-interpreted as a number
/// or formula) and the declared numeric columns as numbers (a percentage as a fraction shown as one), a bold frozen
/// header row repeated on every printed page, column widths that fit CJK text, and A4 landscape printing fitted to
/// the page's width. Deterministic bytes.
public enum XLSXWriter {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = OOXMLPackage.officeRelationships

    /// A sheet to write: its name (at most 31 characters, no `[]:*?/\`) and rows, the first being the header.
    public struct SheetData {
        public var name: String
        public var rows: [[String]]
        /// Columns (from 0) whose cells below the header are numbers: `12`, `3.5`, `30%`.
        public var numeric: Set<Int>

        public init(name: String, rows: [[String]], numeric: Set<Int> = []) {
            self.name = name
            self.rows = rows
            self.numeric = numeric
        }
    }

    public static func write(_ sheets: [SheetData]) throws -> Data {
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", packageRelationships()),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles()),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))) }
        return try ZIPWriter.archive(parts)
    }

    /// A valid, unique sheet name.
    static func sheetName(_ name: String, index: Int) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet\(index + 1)" : cleaned
    }

    private static func contentTypes(_ count: Int) -> Data {
        let sheets = (1...max(count, 1)).map {
            (part: "/xl/worksheets/sheet\($0).xml", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
        }
        return OOXMLPackage.contentTypes(
            [
                (part: "/xl/workbook.xml", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                (part: "/xl/styles.xml", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
            ] + sheets)
    }

    private static func packageRelationships() -> Data {
        OOXMLPackage.relationships([(type: "\(relationships)/officeDocument", target: "xl/workbook.xml")])
    }

    private static func workbook(_ sheets: [SheetData]) -> Data {
        let writer = XMLWriter()
        writer.start("workbook", ["xmlns": main, "xmlns:r": relationships])
        writer.start("sheets")
        var used = Set<String>()
        var names: [String] = []
        for (index, sheet) in sheets.enumerated() {
            var name = sheetName(sheet.name, index: index)
            if !used.insert(name).inserted { name = String(name.prefix(28)) + "(\(index + 1))" }
            writer.element("sheet", ["name": name, "sheetId": "\(index + 1)", "r:id": "rId\(index + 1)"])
            names.append(name)
        }
        writer.end()
        // The header row is printed at the top of every page.
        writer.start("definedNames")
        for (index, name) in names.enumerated() {
            writer.element("definedName", ["name": "_xlnm.Print_Titles", "localSheetId": "\(index)"], text: "'\(name.replacingOccurrences(of: "'", with: "''"))'!$1:$1")
        }
        writer.end()
        writer.end()
        return writer.finish()
    }

    private static func workbookRelationships(_ count: Int) -> Data {
        OOXMLPackage.relationships(
            (1...max(count, 1)).map { (type: "\(relationships)/worksheet", target: "worksheets/sheet\($0).xml") }
                + [(type: "\(relationships)/styles", target: "styles.xml")])
    }

    private static func styles() -> Data {
        let writer = XMLWriter()
        writer.start("styleSheet", ["xmlns": main])
        writer.start("numFmts", ["count": "1"])
        writer.element("numFmt", ["numFmtId": "164", "formatCode": "0.0%"])
        writer.end()
        writer.start("fonts", ["count": "2"])
        writer.start("font")
        writer.element("sz", ["val": "11"])
        writer.element("name", ["val": "宋体"])
        writer.end()
        writer.start("font")
        writer.element("b")
        writer.element("sz", ["val": "11"])
        writer.element("name", ["val": "宋体"])
        writer.end()
        writer.end()
        writer.start("fills", ["count": "2"])
        writer.start("fill")
        writer.element("patternFill", ["patternType": "none"])
        writer.end()
        writer.start("fill")
        writer.element("patternFill", ["patternType": "gray125"])
        writer.end()
        writer.end()
        writer.start("borders", ["count": "1"])
        writer.start("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] { writer.element(side) }
        writer.end()
        writer.end()
        writer.start("cellStyleXfs", ["count": "1"])
        writer.element("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
        writer.end()
        writer.start("cellXfs", ["count": "6"])
        writer.element("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"])
        writer.element("xf", ["numFmtId": "0", "fontId": "1", "fillId": "0", "borderId": "0", "xfId": "0", "applyFont": "1"])
        writer.start("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0", "applyAlignment": "1"])
        writer.element("alignment", ["wrapText": "1", "vertical": "top"])
        writer.end()
        // 3: a number as written; 4 and 5: a fraction shown as a whole or a one-decimal percentage.
        for format in ["0", "9", "164"] {
            writer.start("xf", ["numFmtId": format, "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0", "applyNumberFormat": "1", "applyAlignment": "1"])
            writer.element("alignment", ["vertical": "top"])
            writer.end()
        }
        writer.end()
        writer.start("cellStyles", ["count": "1"])
        writer.element("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
        writer.end()
        writer.end()
        return writer.finish()
    }

    private static func worksheet(_ sheet: SheetData) -> Data {
        let rows = sheet.rows
        let writer = XMLWriter()
        writer.start("worksheet", ["xmlns": main])
        writer.start("sheetPr")
        writer.element("pageSetUpPr", ["fitToPage": "1"])
        writer.end()
        writer.start("sheetViews")
        writer.start("sheetView", ["workbookViewId": "0"])
        writer.element("pane", ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
        writer.end()
        writer.end()
        let columns = rows.map(\.count).max() ?? 0
        if columns > 0 {
            writer.start("cols")
            for column in 1...columns {
                let widest = rows.map { $0.count >= column ? width($0[column - 1]) : 0 }.max() ?? 8
                writer.element("col", ["min": "\(column)", "max": "\(column)", "width": "\(min(max(widest + 2, 6), 60))", "customWidth": "1"])
            }
            writer.end()
        }
        writer.start("sheetData")
        for (rowIndex, row) in rows.enumerated() {
            writer.start("row", ["r": "\(rowIndex + 1)"])
            for (columnIndex, value) in row.enumerated() where !value.isEmpty {
                let reference = "\(ColumnName.letters(columnIndex + 1))\(rowIndex + 1)"
                if rowIndex > 0, sheet.numeric.contains(columnIndex), let (number, style) = Self.number(value) {
                    writer.start("c", ["r": reference, "s": style])
                    writer.element("v", text: number)
                    writer.end()
                    continue
                }
                writer.start("c", ["r": reference, "t": "inlineStr", "s": rowIndex == 0 ? "1" : "2"])
                writer.start("is")
                writer.element("t", ["xml:space": "preserve"], text: fitted(value))
                writer.end()
                writer.end()
            }
            writer.end()
        }
        writer.end()
        writer.element("pageMargins", ["left": "0.5", "right": "0.5", "top": "0.6", "bottom": "0.6", "header": "0.3", "footer": "0.3"])
        writer.element("pageSetup", ["paperSize": "9", "orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"])
        writer.end()
        return writer.finish()
    }

    /// A numeric cell's value and style: `12` and `3.5` as numbers, `30%` as 0.3 shown as a percentage; nil for
    /// anything else (which stays text).
    static func number(_ text: String) -> (String, String)? {
        let isPercent = text.hasSuffix("%")
        let digits = isPercent ? String(text.dropLast()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(digits), value.isFinite else { return nil }
        if isPercent { return ("\(value / 100)", value == value.rounded() ? "4" : "5") }
        return (digits, "3")
    }

    /// Excel and LibreOffice hold at most this many UTF-16 units in a cell; a longer one makes them repair the file.
    public static let maximumCellLength = 32_767

    /// How many cells of `sheets` are too long for a cell and are written cut (see `fitted`).
    public static func oversizedCells(in sheets: [SheetData]) -> Int {
        sheets.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count { $0.utf16.count > maximumCellLength } } }
    }

    /// The text as written: whole when it fits, else cut on a character boundary and ended by a note saying
    /// how long the full text is, so the cut is never silent.
    static func fitted(_ value: String) -> String {
        guard value.utf16.count > maximumCellLength else { return value }
        let note = "…［单元格上限，全文共 \(value.count) 字，见审查报告］"
        var kept = ""
        var length = 0
        for character in value {
            let size = character.utf16.count
            guard length + size + note.utf16.count <= maximumCellLength else { break }
            kept.append(character)
            length += size
        }
        return kept + note
    }

    /// Approximate display width: CJK characters count double.
    private static func width(_ text: String) -> Int {
        text.split(separator: "\n").map { line in line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }.max() ?? 0
    }
}
