import Foundation
import JianzhengSyntax
import JianzhengXML

/// Reads `.xlsx` workbooks: shared and inline strings, numbers, booleans, dates (serial numbers with a date
/// format become `YYYY-MM-DD`), and merged ranges (the top-left value fills the range). The XML parts go
/// through the hostile-input-safe XML loader; the archive through a bounds-checked ZIP reader; archives whose
/// entries would expand past a limit are refused.
public enum XLSXReader {
    static let spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Refuse archives whose parts would expand beyond this (zip bombs).
    public static let maximumUncompressedBytes = 256 * 1024 * 1024

    public static func read(path: String, data: Data) throws(SpreadsheetError) -> Workbook {
        let archive: ZIPReader
        do {
            archive = try ZIPReader([UInt8](data))
        } catch {
            throw SpreadsheetError(path, "not an XLSX file: \(error.message)")
        }
        guard archive.declaredSize <= maximumUncompressedBytes else {
            throw SpreadsheetError(path, "the archive expands to \(archive.declaredSize) bytes, over the limit of \(maximumUncompressedBytes)")
        }
        let part = { (name: String) throws(SpreadsheetError) -> XMLTree? in try Self.part(archive, name, path: path) }
        guard let workbook = try part("xl/workbook.xml") else {
            throw SpreadsheetError(path, "the archive has no xl/workbook.xml")
        }
        let relationships = try part("xl/_rels/workbook.xml.rels")
        var targets: [String: String] = [:]
        for relationship in relationships?.root?.children ?? [] {
            if let id = relationship.attribute("Id"), let target = relationship.attribute("Target") {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        let strings = try sharedStrings(try part("xl/sharedStrings.xml"))
        let dateStyles = try self.dateStyles(try part("xl/styles.xml"))
        var sheets: [Sheet] = []
        for sheet in workbook.root?.child("sheets")?.children ?? [] {
            let name = sheet.attribute("name") ?? "Sheet\(sheets.count + 1)"
            guard let id = sheet.attributeNS("id", namespace: relationshipNamespace), let target = targets[id],
                let tree = try part(target)
            else {
                throw SpreadsheetError(path, "sheet '\(name)' has no worksheet part")
            }
            sheets.append(Sheet(name: name, rows: cells(tree, strings: strings, dateStyles: dateStyles)))
        }
        return Workbook(path: path, sheets: sheets)
    }

    private static func part(_ archive: ZIPReader, _ name: String, path: String) throws(SpreadsheetError) -> XMLTree? {
        let bytes: [UInt8]?
        do {
            bytes = try archive.data(name)
        } catch {
            throw SpreadsheetError(path, "cannot read \(name): \(error.message)")
        }
        guard let bytes else { return nil }
        let (tree, diagnostics) = XMLLoader.parse(bytes, path: "\(path)/\(name)")
        guard let tree else { throw SpreadsheetError(diagnostics: diagnostics) }
        return tree
    }

    private static func sharedStrings(_ tree: XMLTree?) throws(SpreadsheetError) -> [String] {
        (tree?.root?.children ?? []).filter { $0.name == "si" }.map(richText)
    }

    /// The text of an `si` or `is` element: its `t`, or the concatenated `r/t` runs (phonetic runs skipped).
    private static func richText(_ element: XMLElementRef) -> String {
        if let plain = element.child("t") { return plain.text }
        return element.children.filter { $0.name == "r" }.compactMap { $0.child("t")?.text }.joined()
    }

    /// Indexes of cell formats (`s` attribute) that display dates.
    private static func dateStyles(_ tree: XMLTree?) throws(SpreadsheetError) -> Set<Int> {
        guard let root = tree?.root else { return [] }
        var customDates = Set<Int>()
        for format in root.child("numFmts")?.children ?? [] {
            guard let id = format.attribute("numFmtId").flatMap(Int.init), let code = format.attribute("formatCode") else { continue }
            let bare = code.replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression).lowercased()
            if bare.contains("y") || (bare.contains("d") && bare.contains("m")) { customDates.insert(id) }
        }
        var result = Set<Int>()
        for (index, format) in (root.child("cellXfs")?.children ?? []).enumerated() {
            guard let id = format.attribute("numFmtId").flatMap(Int.init) else { continue }
            if (14...22).contains(id) || (27...36).contains(id) || (50...58).contains(id) || customDates.contains(id) { result.insert(index) }
        }
        return result
    }

    private static func cells(_ tree: XMLTree, strings: [String], dateStyles: Set<Int>) -> [[String]] {
        var rows: [[String]] = []
        func set(_ row: Int, _ column: Int, _ value: String) {
            guard row <= 1_048_576, column <= 16_384 else { return }
            while rows.count < row { rows.append([]) }
            while rows[row - 1].count < column { rows[row - 1].append("") }
            rows[row - 1][column - 1] = value
        }
        guard let root = tree.root else { return [] }
        var nextRow = 1
        for row in root.child("sheetData")?.children ?? [] where row.name == "row" {
            let rowNumber = row.attribute("r").flatMap(Int.init) ?? nextRow
            nextRow = rowNumber + 1
            var nextColumn = 1
            for cell in row.children where cell.name == "c" {
                let (_, column) = cell.attribute("r").flatMap(ColumnName.parse) ?? (rowNumber, nextColumn)
                nextColumn = column + 1
                let raw = cell.child("v")?.text ?? ""
                let value: String
                switch cell.attribute("t") {
                case "s": value = Int(raw).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
                case "inlineStr": value = cell.child("is").map(richText) ?? ""
                case "b": value = raw == "1" ? "TRUE" : "FALSE"
                case "str", "e": value = raw
                default:
                    if let style = cell.attribute("s").flatMap(Int.init), dateStyles.contains(style), let serial = Double(raw) {
                        value = Self.date(serial)
                    } else {
                        value = Self.number(raw)
                    }
                }
                set(rowNumber, column, value)
            }
        }
        for merged in root.child("mergeCells")?.children ?? [] {
            let bounds = (merged.attribute("ref") ?? "").split(separator: ":").compactMap { ColumnName.parse(String($0)) }
            guard bounds.count == 2, bounds[0].row <= bounds[1].row, bounds[0].column <= bounds[1].column,
                (bounds[1].row - bounds[0].row + 1) * (bounds[1].column - bounds[0].column + 1) <= 100_000
            else { continue }
            let value = rows.indices.contains(bounds[0].row - 1) && rows[bounds[0].row - 1].indices.contains(bounds[0].column - 1)
                ? rows[bounds[0].row - 1][bounds[0].column - 1] : ""
            for row in bounds[0].row...bounds[1].row {
                for column in bounds[0].column...bounds[1].column where (row, column) != (bounds[0].row, bounds[0].column) {
                    set(row, column, value)
                }
            }
        }
        return rows
    }

    /// `12000.0` → `12000`; other numbers as written.
    static func number(_ raw: String) -> String {
        if let value = Double(raw), value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return raw
    }

    /// Excel's 1900 date system (serial 1 = 1900-01-01, with the 1900-02-29 bug).
    static func date(_ serial: Double) -> String {
        let days = Int(serial.rounded(.down))
        let date = CalendarDate(daysSinceEpoch: days - 25_569)
        return date.description
    }
}
