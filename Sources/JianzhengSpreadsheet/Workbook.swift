import JianzhengBase

/// A spreadsheet read from XLSX or CSV: sheets of text cells, with merged ranges already filled in.
public struct Workbook: Sendable {
    public var path: String
    public var sheets: [Sheet]
    /// Cells that could not be read as what they claim to be (a row number out of range, a missing shared
    /// string), each located by sheet, row and column; the cell is left empty or as written.
    public var diagnostics: [Diagnostic]

    public init(path: String, sheets: [Sheet], diagnostics: [Diagnostic] = []) {
        self.path = path
        self.sheets = sheets
        self.diagnostics = diagnostics
    }
}

/// One sheet: rows of cells, 1-based as users see them.
public struct Sheet: Sendable {
    public var name: String
    /// `rows[r][c]` is row r+1, column c+1; rows may differ in length.
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
        self.name = name
        self.rows = rows
    }

    /// The text at a 1-based row and column, or "" outside the data.
    public func cell(row: Int, column: Int) -> String {
        guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return "" }
        return rows[row - 1][column - 1]
    }
}

/// Column letters: 1 → A, 27 → AA.
public enum ColumnName {
    public static func letters(_ column: Int) -> String {
        var value = column
        var result = ""
        while value > 0 {
            let remainder = (value - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            value = (value - 1) / 26
        }
        return result
    }
}

/// Where a cell is, for diagnostics: `path[sheet]:row:column`.
public enum CellLocation {
    public static func range(_ workbook: Workbook, sheet: String, row: Int, column: Int) -> SourceRange {
        SourceRange(at: SourceLocation(path: "\(workbook.path)[\(sheet)]", line: row, column: max(1, column)))
    }
}

/// Why a spreadsheet could not be read at all.
public struct SpreadsheetError: Error, Sendable {
    public let diagnostics: [Diagnostic]

    init(_ path: String, _ message: String, code: DiagnosticCode = .unreadableFile) {
        diagnostics = [Diagnostic(code, message, at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1)))]
    }

    init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
