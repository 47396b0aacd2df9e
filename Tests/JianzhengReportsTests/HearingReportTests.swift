import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengBase
import JianzhengSyntax
import JianzhengXML
import Testing
import ZIPFoundation

@testable import JianzhengReports

@Suite struct HearingReportTests {
    /// A catalogue whose names are hostile markup, reviewed with the shipped rules and corpus.
    static let hostile: (Workspace, Review) = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-hostile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = """
            material "<script>alert(1)</script>&证明" {
              kind   certificate
              proves 恶意
              issuer 工作单位
            }
            procedure "<img src=x onerror=alert(1)>" "甲&乙<b>事项</b>" {
              department 民政部门
              territory  CN-62
              volume     100
              requires   "<script>alert(1)</script>&证明"
            }
            """
        try? text.write(to: directory.appendingPathComponent("hostile.jz"), atomically: true, encoding: .utf8)
        let workspace = Workspace.load(
            paths: [ReportTests.root.appendingPathComponent("rules").path, directory.path],
            corpusDirectory: ReportTests.root.appendingPathComponent("legal-basis").path)
        let review = try! ReviewEngine(catalogue: workspace.catalogue, corpus: workspace.corpus)
            .review(asOf: CalendarDate("2026-11-29")!, policy: "全国现行")
        return (workspace, review)
    }()

    static var document: ReportDocument {
        try! ReportBuilder(review: hostile.1, workspace: hostile.0).build()
    }

    @Test func hostileNamesAreEscapedInHTML() {
        let html = HTMLRenderer.render(Self.document)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>事项"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;证明"))
        #expect(html.contains("甲&amp;乙&lt;b&gt;事项&lt;/b&gt;"))
        #expect(!html.contains("<link") && !html.contains(" src=\""))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("Noto Serif CJK SC"))
    }

    @Test func hostileNamesAreEscapedInMarkdown() {
        let markdown = MarkdownRenderer.render(Self.document)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;证明"))
    }

    @Test func docxIsAValidPackageWithEscapedText() throws {
        let data = try DocxRenderer.render(Self.document, date: "2026-11-29")
        let archive = try Archive(data: data, accessMode: .read)
        let names = Set(archive.map(\.path))
        #expect(names == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/_rels/document.xml.rels",
            "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/document.xml",
        ])
        var documentXML = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { documentXML.append($0) }
        let text = String(decoding: documentXML, as: UTF8.self)
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;证明"))
        #expect(text.contains("w:pStyle w:val=\"Heading1\""))
        let (tree, diagnostics) = XMLLoader.parse([UInt8](documentXML), path: "document.xml")
        #expect(tree != nil)
        #expect(diagnostics.isEmpty)
        var footer = Data()
        _ = try archive.extract(try #require(archive["word/footer1.xml"])) { footer.append($0) }
        #expect(String(decoding: footer, as: UTF8.self).contains("w:instr=\" PAGE \""))
        #expect(try DocxRenderer.render(Self.document, date: "2026-11-29") == data)
    }

    @Test func summaryNumbersComeFromTheReview() throws {
        let review = ReportTests.review
        let workspace = Workspace.load(
            paths: [ReportTests.root.appendingPathComponent("rules").path, ReportTests.root.appendingPathComponent("examples").path],
            corpusDirectory: ReportTests.root.appendingPathComponent("legal-basis").path)
        let document = try ReportBuilder(review: review, workspace: workspace).build()
        guard case .facts(let facts) = try #require(document.blocks.first { if case .facts = $0 { true } else { false } }) else {
            Issue.record("no summary")
            return
        }
        let values = Dictionary(facts.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(values["取消"] == "\(review.verdictCounts[.remove] ?? 0)")
        #expect(values["共享获取"] == "\(review.verdictCounts[.obtainBySharing] ?? 0)")
        #expect(values["每年减少跑动（次）"] == Numbers.grouped(review.annualTripsBefore - review.annualTripsAfter))
        #expect(values["年办事成本（元）审查后"] == Numbers.grouped(review.annualCostAfter))
        let html = HTMLRenderer.render(document)
        #expect(html.contains("<svg"))
        #expect(html.contains("告知承诺书"))
        #expect(html.contains("取消证明事项清单"))
        #expect(html.contains("SHA-256"))
        let english = HTMLRenderer.render(try ReportBuilder(review: review, workspace: workspace, language: .en).build())
        #expect(english.contains("List of cancelled certificates"))
    }
}
