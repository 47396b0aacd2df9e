import Foundation
import JianzhengBase

/// RFC 4180 CSV: quoted fields, doubled quotes, embedded newlines, CRLF or LF line ends.
public enum CSV {
    /// Reads a CSV file (UTF-8 or GB18030) as a one-sheet workbook named after the file.
    public static func read(path: String, bytes: [UInt8]) throws(SpreadsheetError) -> Workbook {
        guard let (text, _) = TextEncoding.decode(bytes) else {
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            let valid = body.prefix(while: { $0 < 0x80 }).count
            let line = 1 + body.prefix(valid).filter { $0 == UInt8(ascii: "\n") }.count
            throw SpreadsheetError(
                path, "the file is not text in UTF-8, GB18030 (GBK, GB2312) or UTF-16: the bytes from line \(line) fit none of them; save it as UTF-8 CSV")
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        switch parse(text) {
        case .success(let rows): return Workbook(path: path, sheets: [Sheet(name: name, rows: rows)])
        case .failure(let quote):
            throw SpreadsheetError(diagnostics: [Diagnostic(
                .unterminatedString,
                "the quoted field opened here is never closed: every later row would be swallowed into it",
                at: SourceRange(at: SourceLocation(path: "\(path)[\(name)]", line: quote.row, column: quote.column)))])
        }
    }

    /// Where a quoted field that never closes was opened (1-based row and field).
    public struct UnclosedQuote: Error, Equatable {
        public let row: Int
        public let column: Int
    }

    /// Parses CSV text into rows of fields, in time linear in its length.
    public static func parse(_ text: String) -> Result<[[String]], UnclosedQuote> {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var quoteOpened = (row: 0, column: 0)
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteOpened = (rows.count + 1, row.count + 1)
            case ",":
                row.append(String(field))
                field = String.UnicodeScalarView()
            case "\r", "\n":
                if scalar == "\r", pending == "\n" { pending = iterator.next() }
                row.append(String(field))
                rows.append(row)
                row = []
                field = String.UnicodeScalarView()
            default: field.append(scalar)
            }
        }
        if inQuotes { return .failure(UnclosedQuote(row: quoteOpened.row, column: quoteOpened.column)) }
        if !field.isEmpty || !row.isEmpty {
            row.append(String(field))
            rows.append(row)
        }
        return .success(rows)
    }

    /// Writes rows as CSV; fields that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, return)
    /// are prefixed with an apostrophe so they stay text.
    public static func write(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
