import JianzhengBase

/// The cells of one worksheet as they are read, within the limits of the format and a budget of cells.
///
/// Every number in a worksheet is untrusted: row and column references are checked against the format's
/// limits (1…1,048,576 rows, 1…16,384 columns), and every cell the grid would hold, padding included, counts
/// against a budget proportional to the worksheet's size, so a few bytes cannot ask for gigabytes.
struct SheetGrid {
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384

    private(set) var rows: [[String]] = []
    private var remaining: Int

    /// A grid that may hold `budget` cells in all.
    init(budget: Int) { remaining = budget }

    /// Sets a 1-based cell; false when the budget does not allow it (the grid is unchanged).
    mutating func set(row: Int, column: Int, _ value: String) -> Bool {
        precondition(row >= 1 && row <= Self.maximumRow && column >= 1 && column <= Self.maximumColumn)
        let newRows = max(0, row - rows.count)
        let rowLength = row <= rows.count ? rows[row - 1].count : 0
        let cost = newRows + max(0, column - rowLength)
        guard cost <= remaining else { return false }
        remaining -= cost
        if newRows > 0 { rows.append(contentsOf: repeatElement([], count: newRows)) }
        if rows[row - 1].count < column {
            rows[row - 1].append(contentsOf: repeatElement("", count: column - rows[row - 1].count))
        }
        rows[row - 1][column - 1] = value
        return true
    }

    /// The value at a 1-based cell, "" outside the data.
    func value(row: Int, column: Int) -> String {
        guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return "" }
        return rows[row - 1][column - 1]
    }

    /// The widest row.
    var columnCount: Int { rows.reduce(0) { max($0, $1.count) } }
}

/// `C12` → (row 12, column 3) within the format's limits; nil for anything else (no overflow on long input).
enum CellReference {
    static func parse(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                letters += 1
                guard letters <= 3 else { return nil }
                column = column * 26 + Int(byte - 64)
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                digits += 1
                guard digits <= 7 else { return nil }
                row = row * 10 + Int(byte - 48)
            default:
                return nil
            }
        }
        guard column >= 1, column <= SheetGrid.maximumColumn, row >= 1, row <= SheetGrid.maximumRow else { return nil }
        return (row, column)
    }

    /// A row number attribute (`r="12"`) within the format's limits.
    static func row(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 7, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let row = Int(text),
            row >= 1, row <= SheetGrid.maximumRow
        else { return nil }
        return row
    }
}
