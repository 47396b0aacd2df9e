import Foundation

/// The smallest XLSX archive around one worksheet's XML: what the structure-aware spreadsheet fuzzer and the
/// hostile-sheet tests mutate (row and cell references, shared-string indexes, styles, merged ranges) without
/// going through ZIP and the other parts each time.
public enum MinimalWorkbook {
    /// An archive whose only sheet, named `表1`, has `sheetData` (and anything after it, such as `mergeCells`)
    /// as given; `sharedStrings` become `xl/sharedStrings.xml`; style 1 displays dates.
    public static func archive(sheetContent: String, sharedStrings: [String] = []) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let strings = sharedStrings.map { "<si><t>\(escape($0))</t></si>" }.joined()
        return try ZIPWriter.archive([
            ("xl/workbook.xml", Data("<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"表1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)),
            ("xl/sharedStrings.xml", Data("<sst xmlns=\"\(main)\">\(strings)</sst>".utf8)),
            ("xl/styles.xml", Data("<styleSheet xmlns=\"\(main)\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>".utf8)),
            ("xl/worksheets/sheet1.xml", Data("<worksheet xmlns=\"\(main)\">\(sheetContent)</worksheet>".utf8)),
        ])
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
