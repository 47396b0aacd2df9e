import Foundation

/// RFC 4180 CSV: quoted fields, doubled quotes, embedded newlines, CRLF or LF line ends.
public enum CSV {
    /// Reads a CSV file (UTF-8 or GB18030) as a one-sheet workbook named after the file.
    public static func read(path: String, bytes: [UInt8]) throws(SpreadsheetError) -> Workbook {
        guard let (text, _) = TextEncoding.decode(bytes) else {
            throw SpreadsheetError(path, "the file is neither UTF-8 nor GB18030 text")
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return Workbook(path: path, sheets: [Sheet(name: name, rows: parse(text))])
    }

    /// Parses CSV text into rows of fields.
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: inQuotes = true
            case ",":
                row.append(field)
                field = ""
            case "\r", "\n":
                if scalar == "\r", pending == "\n" { pending = iterator.next() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Writes rows as CSV; fields that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, return)
    /// are prefixed with an apostrophe so they stay text.
    public static func write(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ")
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
