import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengReports
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import JianzhengImport
@testable import JianzhengSpreadsheet

@Suite struct ImportTests {
    static let rules = Workspace.load(
        paths: [Fixture.root.appendingPathComponent("rules").path], corpusDirectory: Fixture.root.appendingPathComponent("legal-basis").path)

    static func importing(_ name: String, mapping: [ImportColumn: String] = [:]) throws -> ImportResult {
        let data = try Fixture.data(name)
        let workbook = name.hasSuffix(".csv")
            ? try CSV.read(path: name, bytes: [UInt8](data)) : try XLSXReader.read(path: name, data: data)
        return CatalogueImporter(catalogue: rules.catalogue, corpus: rules.corpus, mapping: mapping).run(workbook)
    }

    /// `code@row:column` of every diagnostic.
    static func located(_ result: ImportResult) -> [String] {
        result.diagnostics.map { "\($0.code.rawValue)@\($0.range.start.line):\($0.range.start.column)" }
    }

    @Test func everyDeliberateErrorIsOneLocatedDiagnostic() throws {
        let result = try Self.importing("民政目录.xlsx")
        #expect(Self.located(result).sorted() == [
            "JZ2002@2:10",  // 更新日期 column: kept as notes
            "JZ2003@1:1",  // the 填表说明 sheet has no header
            "JZ2003@9:5",  // empty 申请材料
            "JZ2005@8:9",  // 年办件量 约一万
            "JZ2006@11:6",  // 材料类型 证明文件x
            "JZ2010@12:5",  // new material 老年人照片
            "JZ3001@5:7",  // 《婚姻登记条例》第五
            "JZ3002@8:7",  // unknown act
        ].sorted())
        #expect(result.diagnostics.allSatisfy { $0.range.start.path == "民政目录.xlsx[事项清单]" || $0.range.start.path == "民政目录.xlsx[填表说明]" })
        #expect(result.procedures == 3)
        #expect(result.requirements == 7)
    }

    @Test func nothingIsLostAndTheOutputChecksCleanly() throws {
        let result = try Self.importing("民政目录.xlsx")
        let text = result.files.map(\.text).joined()
        for kept in ["basis 《婚姻登记条例》第五\n", "basis 《甘肃省不存在条例》第三条", "年办件量原文：约一万", "材料类型原文：证明文件x",
            "更新日期：2024-03-01", "引用不完整", "新材料：规则库中没有"]
        {
            #expect(text.contains(kept), "lost: \(kept)")
        }
        let trees = result.files.map { Parser.parse(SourceFile(path: $0.name, text: $0.text)).tree }
        let rulesTrees = SourceSet.load([Fixture.root.appendingPathComponent("rules").path]).trees
        let (catalogue, diagnostics) = CatalogueBuilder.build(rulesTrees + trees, corpus: Self.rules.corpus)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.filter { $0.severity == .error }.map(\.message))")
        #expect(catalogue.procedures["620000-MZ-0101"]?.requirements.map(\.material) == ["居民户口簿", "居民身份证", "婚姻状况证明", "无配偶签字声明"])
        #expect(catalogue.materials["老年人照片"]?.kind == .selfProduced)
        for file in result.files {
            #expect(Formatter().format(Parser.parse(SourceFile(path: file.name, text: file.text)).tree) == file.text)
        }
    }

    @Test func gbkCSVWithQuotedFieldsImports() throws {
        let result = try Self.importing("教育目录-gbk.csv")
        #expect(Self.located(result) == ["JZ3003@5:6"])
        #expect(result.procedures == 2)
        #expect(result.files.map(\.text).joined().contains("note  \"第一行\\n第二行\""))
    }

    @Test func mappingFileReadsAnUnusualLayout() throws {
        let mappingFile = Fixture.directory.appendingPathComponent("人社目录-映射.jz")
        let (mapping, diagnostics) = ColumnMapping.parse(SourceFile(path: "m.jz", bytes: [UInt8](try Data(contentsOf: mappingFile))))
        #expect(diagnostics.isEmpty)
        let without = try Self.importing("人社目录-异常布局.xlsx")
        #expect(without.procedures == 0)
        #expect(without.diagnostics.map(\.severity) == [.warning])
        let with = try Self.importing("人社目录-异常布局.xlsx", mapping: mapping)
        #expect(with.procedures == 1)
        #expect(with.diagnostics.isEmpty)
        let (_, bad) = ColumnMapping.parse(SourceFile(path: "m.jz", text: "columns {\n  materail \"x\"\n}\n"))
        #expect(bad.first?.notes.first?.message == "did you mean 'material'?")
    }

    @Test func importReviewExportImportLosesNothing() throws {
        let first = try Self.importing("民政目录.xlsx")
        let firstTrees = first.files.map { Parser.parse(SourceFile(path: $0.name, text: $0.text)).tree }
        let rulesTrees = SourceSet.load([Fixture.root.appendingPathComponent("rules").path]).trees
        let (catalogue, _) = CatalogueBuilder.build(rulesTrees + firstTrees, corpus: Self.rules.corpus)
        let review = try ReviewEngine(catalogue: catalogue, corpus: Self.rules.corpus).review(asOf: CalendarDate("2026-11-29")!, policy: "全国现行")
        let table = PublishedLists(decisions: review.decisions, catalogue: catalogue).table(.catalogue)
        let data = try XLSXWriter.write([XLSXWriter.SheetData(name: "事项材料目录", rows: [table.header] + table.rows)])
        let workbook = try XLSXReader.read(path: "export.xlsx", data: data)
        let second = CatalogueImporter(catalogue: Self.rules.catalogue, corpus: Self.rules.corpus).run(workbook)
        #expect(second.diagnostics.filter { $0.severity == .error }.isEmpty, "\(second.diagnostics.map(\.message))")
        let secondTrees = second.files.map { Parser.parse(SourceFile(path: $0.name, text: $0.text)).tree }
        let (again, _) = CatalogueBuilder.build(rulesTrees + secondTrees, corpus: Self.rules.corpus)
        for (id, procedure) in catalogue.procedures {
            let copy = try #require(again.procedures[id])
            #expect(copy.name == procedure.name)
            #expect(copy.department == procedure.department)
            #expect(copy.territory == procedure.territory)
            #expect(copy.requirements.map(\.material) == procedure.requirements.map(\.material))
            #expect(copy.requirements.map { $0.basis.map(\.text) } == procedure.requirements.map { $0.basis.map(\.text) })
            #expect(copy.requirements.map(\.note) == procedure.requirements.map(\.note))
        }
    }
}
