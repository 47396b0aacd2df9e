import Foundation
import JianzhengBase
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
    /// Real workbooks compress 5–15 times; an archive expanding more than this many times its size is a bomb
    /// (a 622 kB file once cost 525 MB), unless it stays under `minimumExpansionAllowance`.
    public static let maximumExpansionRatio = 100
    public static let minimumExpansionAllowance = 16 * 1024 * 1024
    /// A sheet may hold this many cells (padding and merged ranges included) per byte of its XML, and at least
    /// `minimumCellBudget`: real cells take at least ten bytes each, so only a sheet that asks for cells it does
    /// not contain reaches the limit.
    static let cellsPerSheetByte = 4
    static let minimumCellBudget = 1_000_000

    public static func read(path: String, data: Data) throws(SpreadsheetError) -> Workbook {
        let archive: ZIPReader
        do {
            archive = try ZIPReader([UInt8](data))
        } catch {
            throw SpreadsheetError(path, "not an XLSX file: \(error.message)")
        }
        let limit = min(maximumUncompressedBytes, max(minimumExpansionAllowance, maximumExpansionRatio * data.count))
        guard archive.declaredSize <= limit else {
            throw SpreadsheetError(
                path, "the archive expands to \(archive.declaredSize) bytes, over the limit of \(limit) for a file of \(data.count) bytes")
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
        var diagnostics: [Diagnostic] = []
        for sheet in workbook.root?.child("sheets")?.children ?? [] {
            let name = sheet.attribute("name") ?? "Sheet\(sheets.count + 1)"
            guard let id = sheet.attributeNS("id", namespace: relationshipNamespace), let target = targets[id],
                let tree = try part(target)
            else {
                throw SpreadsheetError(path, "sheet '\(name)' has no worksheet part")
            }
            let budget = max(minimumCellBudget, cellsPerSheetByte * (archive.size(target) ?? 0))
            sheets.append(Sheet(
                name: name,
                rows: try cells(
                    tree, sheet: name, budget: budget, strings: strings, dateStyles: dateStyles, path: path, diagnostics: &diagnostics)))
        }
        return Workbook(path: path, sheets: sheets, diagnostics: diagnostics)
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

    /// Reads a worksheet's cells, then fills merged ranges; a cell that cannot be read is left empty with a
    /// located diagnostic. Throws when the sheet would need more cells than its budget.
    private static func cells(
        _ tree: XMLTree, sheet: String, budget: Int, strings: [String], dateStyles: Set<Int>, path: String,
        diagnostics: inout [Diagnostic]
    ) throws(SpreadsheetError) -> [[String]] {
        var grid = SheetGrid(budget: budget)
        func located(_ row: Int, _ column: Int) -> SourceRange {
            SourceRange(at: SourceLocation(path: "\(path)[\(sheet)]", line: max(1, row), column: max(1, column)))
        }
        func overBudget(_ row: Int, _ column: Int) -> SpreadsheetError {
            SpreadsheetError(diagnostics: [Diagnostic(
                .valueOutOfRange, "the sheet needs more than \(budget) cells (its size allows no more); it is refused",
                at: located(row, column))])
        }
        guard let root = tree.root else { return [] }
        var nextRow = 1
        for row in root.child("sheetData")?.children ?? [] where row.name == "row" {
            var rowNumber = nextRow
            if let attribute = row.attribute("r") {
                guard let parsed = CellReference.row(attribute) else {
                    diagnostics.append(Diagnostic(
                        .valueOutOfRange, "row number '\(attribute.prefix(20))' is not a row (1–\(SheetGrid.maximumRow)); the row is skipped",
                        at: located(nextRow, 1)))
                    continue
                }
                rowNumber = parsed
            }
            guard rowNumber <= SheetGrid.maximumRow else { break }
            nextRow = rowNumber + 1
            var nextColumn = 1
            for cell in row.children where cell.name == "c" {
                var column = nextColumn
                if let reference = cell.attribute("r") {
                    guard let parsed = CellReference.parse(reference), parsed.row == rowNumber else {
                        diagnostics.append(Diagnostic(
                            .valueOutOfRange, "cell reference '\(reference.prefix(20))' is not a cell of row \(rowNumber); the cell is skipped",
                            at: located(rowNumber, nextColumn)))
                        continue
                    }
                    column = parsed.column
                }
                guard column <= SheetGrid.maximumColumn else { continue }
                nextColumn = column + 1
                let value = cellValue(cell, strings: strings, dateStyles: dateStyles) { message in
                    diagnostics.append(Diagnostic(.valueOutOfRange, message, at: located(rowNumber, column)))
                }
                guard grid.set(row: rowNumber, column: column, value) else { throw overBudget(rowNumber, column) }
            }
        }
        // Merged ranges fill the data there is: a range reaching past the last row or column is cut there.
        let (usedRows, usedColumns) = (grid.rows.count, grid.columnCount)
        for merged in root.child("mergeCells")?.children ?? [] {
            let reference = merged.attribute("ref") ?? ""
            let bounds = reference.split(separator: ":").compactMap { CellReference.parse(String($0)) }
            guard bounds.count == 2, bounds[0].row <= bounds[1].row, bounds[0].column <= bounds[1].column else {
                diagnostics.append(Diagnostic(
                    .valueOutOfRange, "merged range '\(reference.prefix(30))' is not a range; it is ignored", at: located(1, 1)))
                continue
            }
            let value = grid.value(row: bounds[0].row, column: bounds[0].column)
            guard !value.isEmpty else { continue }
            for row in bounds[0].row...min(bounds[1].row, usedRows) {
                for column in bounds[0].column...min(bounds[1].column, usedColumns)
                where (row, column) != (bounds[0].row, bounds[0].column) {
                    guard grid.set(row: row, column: column, value) else { throw overBudget(row, column) }
                }
            }
        }
        return grid.rows
    }

    /// The text of one cell; `problem` hears of a value that cannot be what its type says.
    private static func cellValue(
        _ cell: XMLElementRef, strings: [String], dateStyles: Set<Int>, problem: (String) -> Void
    ) -> String {
        let raw = cell.child("v")?.text ?? ""
        switch cell.attribute("t") {
        case "s":
            guard let index = Int(raw), index >= 0, index < strings.count else {
                problem("shared string '\(raw.prefix(20))' does not exist (the workbook has \(strings.count)); the cell is left empty")
                return ""
            }
            return strings[index]
        case "inlineStr": return cell.child("is").map(richText) ?? ""
        case "b": return raw == "1" ? "TRUE" : "FALSE"
        case "str", "e": return raw
        default:
            if let style = cell.attribute("s").flatMap(Int.init), dateStyles.contains(style), let serial = Double(raw) {
                guard let date = Self.date(serial) else {
                    problem("'\(raw.prefix(20))' is not a date serial number (1–2958465); the value is kept as written")
                    return raw
                }
                return date
            }
            return Self.number(raw)
        }
    }

    /// `12000.0` → `12000`; other numbers as written.
    static func number(_ raw: String) -> String {
        if let value = Double(raw), value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return raw
    }

    /// Excel's 1900 date system (serial 1 = 1900-01-01, with the 1900-02-29 bug); nil outside 1900-01-01…9999-12-31.
    static func date(_ serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        return CalendarDate(daysSinceEpoch: days - 25_569).description
    }
}
