import Foundation
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import JianzhengSpreadsheet

enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }
}

@Suite struct CSVTests {
    @Test func quotedFieldsEmbeddedNewlinesAndDoubledQuotes() throws {
        let rows = try CSV.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",x\n\n中文,").get()
        #expect(rows == [["a", "b,c", "say \"hi\""], ["line1\nline2", "x"], [""], ["中文", ""]])
    }

    @Test func gb18030IsDetectedAndDecoded() throws {
        let workbook = try CSV.read(path: "教育目录-gbk.csv", bytes: [UInt8](try Fixture.data("教育目录-gbk.csv")))
        #expect(workbook.sheets[0].rows[0][0] == "事项编码")
        #expect(workbook.sheets[0].rows[2][8] == "第一行\n第二行")
        #expect(TextEncoding.decode(Array("\u{FEFF}甲".utf8))?.1 == .utf8)
        #expect(TextEncoding.decode([0xD6, 0xD0])?.0 == "中")
    }

    @Test func writerQuotesAndDefusesFormulas() throws {
        let text = CSV.write([["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "普通,文本", " 空格"]])
        #expect(text == "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),\"普通,文本\",\" 空格\"\r\n")
        #expect(try CSV.parse(text).get()[0][0] == "'=HYPERLINK(\"x\")")
        #expect(TextEncoding.gb18030.encode("中") == [0xD6, 0xD0])
    }
}

@Suite struct XLSXTests {
    @Test func readsMergedCellsNumbersDatesAndSheets() throws {
        let workbook = try XLSXReader.read(path: "民政目录.xlsx", data: try Fixture.data("民政目录.xlsx"))
        #expect(workbook.sheets.map(\.name) == ["事项清单", "填表说明"])
        let sheet = workbook.sheets[0]
        #expect(sheet.cell(row: 1, column: 11) == sheet.cell(row: 1, column: 1))
        #expect(sheet.cell(row: 6, column: 2) == "内地居民结婚登记")
        #expect(sheet.cell(row: 3, column: 9) == "18000")
        #expect(sheet.cell(row: 6, column: 9) == "18000")
        #expect(sheet.cell(row: 3, column: 10) == "2024-03-01")
        #expect(sheet.cell(row: 7, column: 1) == "")
    }

    @Test func writtenWorkbooksReadBackIncludingHostileText() throws {
        let rows = [["名称", "说明"], ["<script>&\"", "=1+1"], ["多行\n文本", ""], ["", "只在第二列"]]
        let data = try XLSXWriter.write([XLSXWriter.SheetData(name: "清单/测试?", rows: rows), XLSXWriter.SheetData(name: "第二", rows: [["a"]])])
        let workbook = try XLSXReader.read(path: "w.xlsx", data: data)
        #expect(workbook.sheets.map(\.name) == ["清单测试", "第二"])
        #expect(workbook.sheets[0].rows == [["名称", "说明"], ["<script>&\"", "=1+1"], ["多行\n文本"], ["", "只在第二列"]])
        #expect(try XLSXWriter.write([XLSXWriter.SheetData(name: "x", rows: rows)]) == (try XLSXWriter.write([XLSXWriter.SheetData(name: "x", rows: rows)])))
    }

    /// Found by the spreadsheet fuzzer: mutated workbooks that made ZIPFoundation's reader trap (a directory
    /// pointing past the end of the data) or loop forever (a deflate stream that never ends).
    @Test(arguments: ["regressions/zip-seek-past-end.xlsx", "regressions/deflate-never-ends.xlsx"])
    func aMalformedArchiveIsAnErrorNotACrashOrAHang(_ name: String) throws {
        let data = try Fixture.data(name)
        do {
            let workbook = try XLSXReader.read(path: "bad.xlsx", data: data)
            #expect(workbook.sheets.count <= 1)
        } catch {
            #expect(!error.diagnostics.isEmpty)
        }
    }

    @Test func aNonZipFileIsRefusedWithADiagnostic() {
        #expect(throws: SpreadsheetError.self) { try XLSXReader.read(path: "bad.xlsx", data: Data("not a zip".utf8)) }
    }

    @Test func columnLetters() {
        #expect(ColumnName.letters(1) == "A")
        #expect(ColumnName.letters(27) == "AA")
        #expect(CellReference.parse("AB12")?.column == 28)
        #expect(CellReference.parse("12AB") == nil)
        #expect(CellReference.parse("XFD1048576")! == (1_048_576, 16_384))
        for outside in ["XFE1", "A0", "A1048577", String(repeating: "Z", count: 16) + "1", "A" + String(repeating: "9", count: 30), "a1", ""] {
            #expect(CellReference.parse(outside) == nil, "\(outside)")
        }
    }
}

/// `corpus import` of a Word document (issue 16): its paragraphs, in order, as lines.
@Suite struct DocxTextTests {
    @Test func paragraphsRunsAndBreaksBecomeLines() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>婚姻登记</w:t></w:r><w:r><w:t>条例</w:t></w:r></w:p>
            <w:p><w:r><w:t>第五条　甲：</w:t><w:br/><w:t>（一）乙；</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>表中</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>
            """
        let archive = try ZIPWriter.archive([(path: "word/document.xml", data: Data(body.utf8))])
        let lines = try DocxText.lines(Array(archive), path: "t.docx")
        #expect(lines == ["婚姻登记条例", "第五条　甲：", "（一）乙；", "表中"])
    }

    @Test func aFileThatIsNoWordDocumentIsAClearError() {
        #expect(throws: SpreadsheetError.self) { try DocxText.lines(Array("not a zip".utf8), path: "t.docx") }
    }
}
