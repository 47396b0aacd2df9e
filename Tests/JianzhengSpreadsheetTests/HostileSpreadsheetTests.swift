import Foundation
import Jianzheng
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import JianzhengImport
@testable import JianzhengSpreadsheet

/// Every number in a worksheet is untrusted. Each of these crashed `import` (exit 132) or cost minutes before.
@Suite struct HostileSpreadsheetTests {
    static func read(_ content: String, strings: [String] = ["甲"]) throws -> Workbook {
        try XLSXReader.read(path: "敌意.xlsx", data: MinimalWorkbook.archive(sheetContent: content, sharedStrings: strings))
    }

    /// `code@row:column message` of each diagnostic.
    static func located(_ workbook: Workbook) -> [String] {
        workbook.diagnostics.map { "\($0.code.rawValue)@\($0.range.start.line):\($0.range.start.column)" }
    }

    @Test(arguments: ["0", "-1", "9223372036854775807", "1048577", "99999999999999999999", "1e3", " 2"])
    func aRowNumberOutsideTheSheetIsALocatedDiagnostic(row: String) throws {
        let workbook = try Self.read("<sheetData><row r=\"\(row)\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row><c t=\"s\"><v>0</v></c></row></sheetData>")
        #expect(Self.located(workbook) == ["JZ2008@1:1"])
        #expect(workbook.diagnostics[0].range.start.path == "敌意.xlsx[表1]")
        // The next row still reads.
        #expect(workbook.sheets[0].rows == [["甲"]])
    }

    @Test(arguments: ["-1", "1", "9223372036854775807", "x", ""])
    func aSharedStringThatDoesNotExistIsALocatedDiagnosticNotAnEmptyCell(index: String) throws {
        let workbook = try Self.read("<sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>\(index)</v></c></row></sheetData>")
        #expect(Self.located(workbook) == ["JZ2008@3:2"])
        #expect(workbook.diagnostics[0].message.contains("does not exist"))
    }

    @Test(arguments: ["NaN", "1e300", "-5", "inf", "2958466"])
    func aDateCellThatIsNotADateKeepsItsTextWithADiagnostic(value: String) throws {
        let workbook = try Self.read("<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>\(value)</v></c></row></sheetData>")
        #expect(Self.located(workbook) == ["JZ2008@1:1"])
        #expect(workbook.sheets[0].rows == [[value]])
    }

    @Test func aRealDateStillReads() throws {
        let workbook = try Self.read("<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>42430</v></c></row></sheetData>")
        #expect(workbook.diagnostics.isEmpty)
        #expect(workbook.sheets[0].rows == [["2016-03-01"]])
    }

    @Test(arguments: ["AAAAAAAAAAAAAAAA1", "XFE1", "A0", "1A", "B2"])
    func aCellReferenceOutsideItsRowIsALocatedDiagnostic(reference: String) throws {
        let workbook = try Self.read("<sheetData><row r=\"1\"><c r=\"\(reference)\" t=\"s\"><v>0</v></c></row></sheetData>")
        #expect(Self.located(workbook) == ["JZ2008@1:1"])
    }

    @Test func mergedRangesCannotAskForMoreCellsThanTheSheetHas() throws {
        // 6.7 kB of merges over the whole sheet once took 24 s and 289 MB; ranges are cut to the data now.
        let merges = (0..<200).map { _ in "<mergeCell ref=\"A1:XFD1048576\"/>" }.joined()
        let clock = ContinuousClock()
        var workbook: Workbook?
        let elapsed = try clock.measure {
            workbook = try Self.read("<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row></sheetData><mergeCells>\(merges)</mergeCells>")
        }
        #expect(workbook?.sheets[0].rows == [["甲", "甲", "甲"], ["甲", "甲", "甲"]])
        #expect(elapsed < .seconds(5))
    }

    @Test func aSheetAskingForMillionsOfPaddingCellsIsRefused() throws {
        let rows = (0..<400).map { "<row r=\"\($0 + 1)\"><c r=\"XFD\($0 + 1)\" t=\"s\"><v>0</v></c></row>" }.joined()
        let error = try #require(throws: SpreadsheetError.self) { try Self.read("<sheetData>\(rows)</sheetData>") }
        #expect(error.diagnostics.first?.message.contains("more than") == true)
    }

    @Test func anUnclosedQuoteInACSVIsAnErrorAtTheQuote() throws {
        let error = try #require(throws: SpreadsheetError.self) {
            try CSV.read(path: "目录.csv", bytes: Array("事项编码,事项名称\n1,\"未闭合\n2,乙\n3,丙\n".utf8))
        }
        #expect(error.diagnostics.map { "\($0.range.start.path):\($0.range.start.line):\($0.range.start.column)" } == ["目录.csv[目录]:2:2"])
    }

    @Test func csvFieldsWithSemicolonsAreQuoted() {
        #expect(CSV.write([["甲;乙", "丙"]]) == "\"甲;乙\",丙\r\n")
    }
}

@Suite struct HostileImportTests {
    static let rules = ImportTests.rules

    static func importing(_ csv: String) throws -> ImportResult {
        let workbook = try CSV.read(path: "目录.csv", bytes: Array(csv.utf8))
        return CatalogueImporter(catalogue: rules.catalogue, corpus: rules.corpus).run(workbook)
    }

    static let header = "事项编码,事项名称,实施部门,申请材料,材料类型,开具单位,备注\n"

    @Test func departmentsWhoseFileNamesClashAreKeptApart() throws {
        let result = try Self.importing(Self.header + """
            P1,甲事项,民政/局,新材料一,证明,,
            P2,乙事项,民政局,新材料二,证明,,
            P3,丙事项,materials,新材料三,证明,,
            P4,丁事项,MATERIALS,新材料四,证明,,

            """)
        let names = result.files.map(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "\(names)")
        #expect(names.contains("materials.jz"))
        let procedures = result.files.map(\.text).joined().components(separatedBy: "procedure ").count - 1
        #expect(procedures == 4)
    }

    @Test func importingTheSameSheetTwiceGivesTheSameFiles() throws {
        let rows = (1...40).map { "P\($0),事项\($0),部门\($0 % 5),材料\($0 % 13),证明,开具单位\($0 % 3)," }.joined(separator: "\n")
        let first = try Self.importing(Self.header + rows + "\n")
        for _ in 0..<5 {
            let again = try Self.importing(Self.header + rows + "\n")
            #expect(again.files.map(\.name) == first.files.map(\.name))
            #expect(again.files.map(\.text) == first.files.map(\.text))
        }
    }

    @Test func lineBreaksInsideCellsGiveFilesThatParse() throws {
        let result = try Self.importing(Self.header + "P1,甲事项,民政局,居民户口簿,法定证照,,\"第一行\r\n第二行\rX\"\n")
        #expect(!result.files.isEmpty)
        for file in result.files {
            let (_, diagnostics) = Parser.parse(SourceFile(path: file.name, text: file.text))
            #expect(!diagnostics.contains { $0.severity == .error }, "\(file.text)")
        }
        #expect(result.files.map(\.text).joined().contains("第一行\\r\\n第二行\\rX"))
    }

    @Test(arguments: ["\u{1B}]52;c;ZXZpbA==\u{07}", "\u{202E}gpj.exe", "甲\u{9B}乙", "甲\n乙"])
    func namesWithControlCharactersAreRefusedAtTheirCell(name: String) throws {
        let result = try Self.importing(Self.header + "P1,\"\(name)\",民政局,居民户口簿,法定证照,,\nP2,乙事项,民政局,居民户口簿,法定证照,,\n")
        let refused = result.diagnostics.filter { $0.code == .controlCharacter }
        #expect(refused.map { "\($0.range.start.line):\($0.range.start.column)" } == ["2:2"])
        #expect(result.procedures == 1)
        #expect(!result.files.map(\.text).joined().unicodeScalars.contains(where: UnsafeCharacters.isUnsafe))
    }
}

@Suite struct CSVEncodingTests {
    @Test func gbkTextBehindAUTF8ByteOrderMarkIsRead() throws {
        let gbk = TextEncoding.gb18030.encode("事项编码,事项名称\n1,结婚登记\n")
        let workbook = try CSV.read(path: "gbk-bom.csv", bytes: [0xEF, 0xBB, 0xBF] + gbk)
        #expect(workbook.sheets[0].rows == [["事项编码", "事项名称"], ["1", "结婚登记"]])
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let workbook = try CSV.read(path: "u16.csv", bytes: TextEncoding.utf16.encode("甲,乙\n😀,丙\n"))
        #expect(workbook.sheets[0].rows == [["甲", "乙"], ["😀", "丙"]])
    }

    @Test func bytesThatAreNoTextSayWhereAndWhat() {
        let error = #expect(throws: SpreadsheetError.self) { try CSV.read(path: "bin.csv", bytes: Array("a,b\nc,d\n".utf8) + [0xFF, 0xFF, 0x81]) }
        #expect(error?.diagnostics.first?.message.contains("from line 3") == true)
    }
}

@Suite struct ExportLimitTests {
    @Test func aCellOverTheSpreadsheetLimitIsCutWithANoteAndReadsBack() throws {
        let long = String(repeating: "长", count: 40_000)
        let data = try XLSXWriter.write([.init(name: "清单", rows: [["标题"], [long]])])
        #expect(XLSXWriter.oversizedCells(in: [.init(name: "清单", rows: [["标题"], [long]])]) == 1)
        let cell = try XLSXReader.read(path: "x.xlsx", data: data).sheets[0].rows[1][0]
        #expect(cell.utf16.count <= XLSXWriter.maximumCellLength)
        #expect(cell.hasSuffix("全文共 40000 字，见审查报告］"))
    }
}
