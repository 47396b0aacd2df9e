import Foundation
import Jianzheng
import JianzhengBase
import JianzhengSpreadsheet
import JianzhengWorkspace
import JianzhengXML
import LegalCorpus
import Testing
import ZIPFoundation

@testable import JianzhengReports

/// Issue 17: the report is a paper an office can sign — cover, contents, numbering without gaps, 落款, appendices,
/// the lists on landscape pages with their own column widths, each article quoted once, no code in the Chinese text.
@Suite struct ReportLayoutTests {
    static let workspace = Workspace.load(
        paths: [ReportTests.root.appendingPathComponent("rules").path, ReportTests.root.appendingPathComponent("examples").path],
        corpusDirectory: ReportTests.root.appendingPathComponent("legal-basis").path)

    static func document(procedure: String? = nil, unit: String? = "甘肃省审改办") throws -> ReportDocument {
        let receipt = try ReproducibilityReceipt(workspace: workspace, review: ReportTests.review)
        return ReportBuilder(review: ReportTests.review, catalogue: workspace.catalogue, receipt: receipt, unit: unit, date: CalendarDate("2026-12-02"))
            .build(procedure: procedure)
    }

    /// Every piece of text a block shows, for searching.
    static func words(_ block: ReportBlock) -> [String] {
        switch block {
        case .cover(let cover): [cover.title, cover.unit ?? "", cover.date] + cover.lines.flatMap { [$0.0, $0.1] }
        case .contents(let title, let entries): [title] + entries
        case .heading(_, let text), .appendix(let text), .paragraph(let text), .notice(let text): [text]
        case .signature(let unit, let date): [unit, date]
        case .landscape: []
        case .links(let links): links.map(\.label)
        case .facts(let pairs): pairs.flatMap { [$0.0, $0.1] }
        case .table(let table): [table.caption ?? ""] + table.header + table.rows.flatMap { $0 }
        case .quote(let text, let source): [text, source]
        case .cycle(let diagram): [diagram.title, diagram.cutNote] + diagram.legend + diagram.nodes.map(\.label) + diagram.edges.map(\.label)
        }
    }

    @Test(arguments: [nil, "620000-GA-0030"])
    func sectionsAreNumberedWithoutAGapAndListedInTheContents(_ procedure: String?) throws {
        let blocks = try Self.document(procedure: procedure).blocks
        guard case .cover(let cover) = blocks.first, case .contents(_, let entries) = blocks.dropFirst().first else {
            Issue.record("the report does not open with its cover and contents")
            return
        }
        #expect(cover.unit == "甘肃省审改办" && cover.date == "2026年12月2日")
        var sections: [String] = [], appendices: [String] = []
        var subsections: [[String]] = []
        for block in blocks {
            if case .heading(2, let text) = block {
                sections.append(text)
                subsections.append([])
            }
            if case .heading(3, let text) = block { subsections[subsections.count - 1].append(text) }
            if case .appendix(let text) = block { appendices.append(text) }
        }
        for (index, heading) in sections.enumerated() { #expect(heading.hasPrefix("\(ChineseNumeral.format(index + 1))、"), "\(heading)") }
        for (section, headings) in subsections.enumerated() {
            for (index, heading) in headings.enumerated() {
                #expect(heading.hasPrefix("（\(ChineseNumeral.format(index + 1))）"), "section \(section + 1): \(heading)")
            }
        }
        #expect(appendices.first?.hasPrefix("附录一") == true && appendices.last?.hasPrefix("附录\(ChineseNumeral.format(appendices.count))") == true)
        #expect(entries == sections + appendices)
        // The 落款 ends the body, before the appendices.
        let signature = try #require(blocks.firstIndex { if case .signature = $0 { true } else { false } })
        let firstAppendix = try #require(blocks.firstIndex { if case .appendix = $0 { true } else { false } })
        #expect(signature < firstAppendix)
    }

    @Test func aChineseReportHasNoCodeOutsideItsCodeAppendix() throws {
        let blocks = try Self.document().blocks
        let codes = try #require(blocks.firstIndex { if case .appendix(let text) = $0 { text.contains("代码对照") } else { false } })
        let body = blocks[..<codes].flatMap(Self.words)
        let tokens = body.flatMap { text in text.matches(of: /[A-Z_]{4,}/).map { String($0.output) } }
        #expect(tokens.isEmpty, "\(Set(tokens))")
    }

    /// The published lists sit between the landscape marks, with the columns' own widths.
    @Test func theListsAreOnLandscapePagesWithTheirOwnColumnWidths() throws {
        let blocks = try Self.document().blocks
        let start = try #require(blocks.firstIndex { if case .landscape(true) = $0 { true } else { false } })
        let end = try #require(blocks.firstIndex { if case .landscape(false) = $0 { true } else { false } })
        let captions = blocks[start..<end].compactMap { block -> String? in if case .table(let table) = block { table.caption } else { nil } }
        #expect(captions.contains("保留证明事项清单") && captions.contains("取消证明事项清单") && captions.contains("告知承诺事项目录"))
        for case .table(let table) in blocks[start..<end] {
            let shares = table.columnShares
            #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
            #expect(Set(shares).count > 1, "\(table.caption ?? "")")
        }
    }

    /// A DOCX table is as wide as the text of its page, portrait or landscape, and its columns are not all equal.
    @Test func everyDocxTableFillsTheTextWidthWithUnequalColumns() throws {
        let data = try DocxRenderer.render(try Self.document(), date: "2026-12-02")
        let archive = try Archive(data: data, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        // Each section's properties follow its content: split the body at them.
        let sections = text.components(separatedBy: "</w:sectPr>")
        var checked = 0, landscapeTables = 0
        for section in sections.dropLast() {
            let isLandscape = section.contains("w:orient=\"landscape\"")
            let width = isLandscape ? DocxRenderer.Page.landscape.textWidth : DocxRenderer.Page.portrait.textWidth
            for grid in section.matches(of: /<w:tblGrid>(.*?)<\/w:tblGrid>/) {
                let columns = String(grid.output.1).matches(of: /w:w="([0-9]+)"/).compactMap { Int($0.output.1) }
                #expect(columns.reduce(0, +) == width)
                if columns.count > 1 { #expect(Set(columns).count > 1) }
                checked += 1
                if isLandscape { landscapeTables += 1 }
            }
        }
        #expect(checked > 10 && landscapeTables >= 3)
        #expect(text.contains("w:cantSplit") && text.contains("w:tblHeader"))
        #expect(text.contains(#"TOC \o"#))
    }

    /// Each article is quoted in full once; where it comes again the report refers to its number in the appendix,
    /// which quotes every article in that order.
    @Test func eachArticleIsQuotedOnceAndReferredToByNumber() throws {
        let blocks = try Self.document().blocks
        let appendix = try #require(blocks.firstIndex { if case .appendix(let text) = $0 { text.contains("法律依据原文") } else { false } })
        let bodyQuotes = blocks[..<appendix].compactMap { block -> String? in if case .quote(let text, _) = block { text } else { nil } }
        let appendixQuotes = blocks[appendix...].compactMap { block -> String? in if case .quote(let text, _) = block { text } else { nil } }
        #expect(!appendixQuotes.isEmpty)
        #expect(Set(bodyQuotes).count == bodyQuotes.count)
        #expect(appendixQuotes.count == Set(bodyQuotes).count)
        let references = blocks[..<appendix].flatMap(Self.words).flatMap { $0.matches(of: /原文见附录一第([0-9]+)条/).compactMap { Int($0.output.1) } }
        #expect(!references.isEmpty)
        #expect(references.allSatisfy { (1...appendixQuotes.count).contains($0) })
    }

    /// The published workbook stores its numbers as numbers and prints landscape, fitted to the page's width.
    @Test func theWorkbooksNumbersAreNumbers() throws {
        let lists = PublishedLists(decisions: ReportTests.review.decisions, catalogue: Self.workspace.catalogue)
        let sheets = [PublishedLists.Kind.commitment, .sharing, .retained].map { kind in
            let table = lists.table(kind)
            return XLSXWriter.SheetData(name: lists.title(kind), rows: [table.header] + table.rows, numeric: table.numeric)
        }
        let archive = try Archive(data: try XLSXWriter.write(sheets), accessMode: .read)
        var numbers = 0
        for index in 1...sheets.count {
            var xml = Data()
            _ = try archive.extract(try #require(archive["xl/worksheets/sheet\(index).xml"])) { xml.append($0) }
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.contains(#"orientation="landscape""#) && text.contains(#"fitToWidth="1""#))
            for cell in text.matches(of: /<c r="[A-Z]+[0-9]+"([^>]*)>(.*?)<\/c>/) {
                let body = String(cell.output.2)
                if cell.output.1.contains("inlineStr") {
                    let value = body.replacing(/<[^>]+>/, with: "")
                    #expect(value.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?%?/) == nil, "a number stored as text: \(value)")
                } else {
                    numbers += 1
                }
            }
        }
        #expect(numbers > 20)
    }
}
