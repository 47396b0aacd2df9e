import Foundation
import JianzhengBase
import JianzhengXML
import Testing

@testable import LegalCorpus

/// Issue 16: a Chinese legal text becomes a valid Akoma Ntoso document that the corpus loads and cites.
@Suite struct LegalTextImporterTests {
    static let regulation = """
        婚姻登记条例

        （2003年7月30日国务院第16次常务会议通过　2003年8月8日中华人民共和国国务院令第387号公布　自2003年10月1日起施行）

        目　　录

        第一章　总　　则
        第二章　结婚登记

        第一章　总　　则

        　　第一条　为了规范婚姻登记工作，制定本条例。
        　　第二条　内地居民办理婚姻登记的机关是县级人民政府民政部门。
        　　中国公民同外国人办理婚姻登记的机关是省级人民政府民政部门。

        第二章　结婚登记

        　　第五条　办理结婚登记的内地居民应当出具下列证件和证明材料：
        　　（一）本人的户口簿、身份证；
        　　（二）本人无配偶的签字声明。
        　　第五条之一　插入的条文。
        """

    static let notice = """
        国务院办公厅关于全面推行证明事项告知承诺制的指导意见
        国办发〔2020〕42号
        一、总体要求
        以习近平新时代中国特色社会主义思想为指导。
        二、主要任务
        （一）确定告知承诺的事项范围。
        （二）规范告知承诺的工作流程。
        """

    static func article(_ result: LegalTextImporter.Result, _ eId: String) -> LegalTextImporter.Unit? {
        func find(_ units: [LegalTextImporter.Unit]) -> LegalTextImporter.Unit? {
            for unit in units {
                if unit.eId == eId { return unit }
                if let found = find(unit.children) { return found }
            }
            return nil
        }
        return find(result.body)
    }

    @Test func readsTheStructureAndTheTitleBlock() throws {
        let result = LegalTextImporter.read(Self.regulation, path: "婚姻登记条例.txt")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.hasArticles)
        #expect(result.titleBlock.title == "婚姻登记条例")
        #expect(result.titleBlock.documentNumber == "国务院令第387号")
        #expect(result.titleBlock.adopted == CalendarDate("2003-07-30"))
        #expect(result.titleBlock.promulgated == CalendarDate("2003-08-08"))
        #expect(result.titleBlock.effective == CalendarDate("2003-10-01"))
        // The table of contents is not the body: two chapters, not four.
        #expect(result.body.map(\.eId) == ["chp_1", "chp_2"])
        #expect(result.body.first?.heading == "总则")
        let second = try #require(Self.article(result, "art_2"))
        #expect(second.children.map(\.eId) == ["art_2__para_1", "art_2__para_2"])
        let fifth = try #require(Self.article(result, "art_5__para_1"))
        #expect(fifth.text == "办理结婚登记的内地居民应当出具下列证件和证明材料：")
        #expect(fifth.children.map(\.eId) == ["art_5__para_1__point_1", "art_5__para_1__point_2"])
        #expect(Self.article(result, "art_5_1")?.number == "第五条之一")
    }

    @Test func everyLineItCannotPlaceIsALocatedWarning() throws {
        let text = "婚姻登记条例\n一行说明\n第一条　正文。\n第二条　正文。\n第一条　又是第一条。\n"
        let result = LegalTextImporter.read(text, path: "t.txt")
        let stray = try #require(result.diagnostics.first { $0.range.start.line == 2 })
        #expect(stray.code == .importLineNotPlaced && stray.severity == .warning)
        let back = try #require(result.diagnostics.first { $0.range.start.line == 5 })
        #expect(back.message.contains("numbers go back"))
    }

    @Test func theWrittenDocumentLoadsValidatesAndResolves() throws {
        let result = LegalTextImporter.read(Self.regulation, path: "婚姻登记条例.txt")
        let (metadata, missing) = ImportMetadata.resolve(result, flags: .init(), path: "婚姻登记条例.txt")
        #expect(missing.isEmpty)
        let resolved = try #require(metadata)
        #expect(resolved.rank == .administrativeRegulation && resolved.issuer == "国务院")
        #expect(resolved.workURI == "/akn/cn/act/2003/gwyl-387")
        let data = AkomaNtosoWriter.write(result, metadata: resolved, generated: try #require(CalendarDate("2026-12-02")))
        let schema = try CorpusSchema.compiled.get()
        let (act, problems) = CorpusLoader.readDocument(Array(data), path: "imported.xml", schema: schema)
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        let loaded = try #require(act)
        #expect(loaded.textStatus == .unverified)
        let corpus = LegalCorpus(acts: [loaded])
        let point = corpus.resolve("《婚姻登记条例》第五条第一款第（二）项", on: CalendarDate("2026-01-01"))
        #expect(point.isValid && point.provision?.text == "本人无配偶的签字声明。")
        #expect(point.provision?.label == "第五条第一款第（二）项")
        #expect(corpus.resolve("《婚姻登记条例》第五条之一", on: CalendarDate("2026-01-01")).provision?.text == "插入的条文。")
        #expect(corpus.resolve("《婚姻登记条例》第二条第二款", on: CalendarDate("2026-01-01")).isValid)
    }

    @Test func aDocumentWithoutArticlesBecomesSectionsCitedAsWritten() throws {
        let result = LegalTextImporter.read(Self.notice, path: "42号.txt")
        #expect(!result.hasArticles)
        #expect(result.titleBlock.documentNumber == "国办发〔2020〕42号")
        var flags = ImportMetadata.Flags()
        flags.issuer = "国务院办公厅"
        flags.effective = CalendarDate("2020-11-04")
        flags.promulgated = CalendarDate("2020-10-27")
        flags.source = "中国政府网"
        let (metadata, missing) = ImportMetadata.resolve(result, flags: flags, path: "42号.txt")
        #expect(missing.isEmpty)
        let resolved = try #require(metadata)
        #expect(resolved.rank == .normativeDocument)
        let data = AkomaNtosoWriter.write(result, metadata: resolved, generated: try #require(CalendarDate("2026-12-02")))
        #expect(String(decoding: data, as: UTF8.self).contains("<mainBody>"))
        let (act, problems) = CorpusLoader.readDocument(Array(data), path: "42.xml", schema: try CorpusSchema.compiled.get())
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        let loaded = try #require(act)
        #expect(loaded.textStatus == .verified)
        let section = LegalCorpus(acts: [loaded]).resolve("国办发〔2020〕42号 二（二）", on: CalendarDate("2026-01-01"))
        #expect(section.isValid && section.provision?.text == "规范告知承诺的工作流程。")
    }

    @Test func metadataTheTextDoesNotGiveIsAskedForByFlag() {
        let result = LegalTextImporter.read("某某办法\n第一条　正文。\n", path: "t.txt")
        let (metadata, missing) = ImportMetadata.resolve(result, flags: .init(), path: "t.txt")
        #expect(metadata == nil)
        let messages = missing.map(\.message)
        #expect(missing.allSatisfy { $0.code == .importMetadataMissing && $0.severity == .error })
        #expect(messages.contains { $0.contains("--rank") })
        #expect(messages.contains { $0.contains("--issuer") })
        #expect(messages.contains { $0.contains("--effective") })
    }

    // MARK: - Versions

    static func version(_ text: String, previous: LegalAct?, effective: String) throws -> LegalAct {
        var flags = ImportMetadata.Flags()
        flags.rank = .administrativeRegulation
        flags.issuer = "国务院"
        flags.effective = CalendarDate(effective)
        flags.promulgated = CalendarDate("2003-08-08")
        let outcome = CorpusImport.run(text, path: "v.txt", out: "v.xml", flags: flags, previous: previous, generated: try #require(CalendarDate("2026-12-02")))
        #expect(!outcome.diagnostics.contains { $0.severity == .error })
        return try #require(outcome.act)
    }

    /// Issue 16: a second text of an act is a version of the same work, and what changed is said article by article.
    @Test func aSecondTextIsANewVersionComparedArticleByArticle() throws {
        let first = try Self.version(
            "某条例\n第一条　甲乙丙丁戊己庚辛。\n第二条　子丑寅卯辰巳午未申酉。\n第三条　将被删除的条文内容。\n", previous: nil, effective: "2010-01-01")
        let second = try Self.version(
            "某条例\n第一条　甲乙丙丁戊己庚辛。\n第二条　新插入的一条规定。\n第三条　子丑寅卯辰巳午未申酉。\n", previous: first, effective: "2020-01-01")
        #expect(second.workURI == first.workURI)
        #expect(second.versions.first?.validFrom == CalendarDate("2020-01-01"))
        let comparison = VersionComparison(old: try #require(first.versions.first), new: try #require(second.versions.first))
        #expect(comparison.unchanged == 1)
        #expect(comparison.changes.contains(.renumbered(from: "第二条", to: "第三条", changed: false)))
        #expect(comparison.changes.contains(.removed("第三条")))
        #expect(comparison.changes.contains(.added("第二条")))
        #expect(comparison.renumberings == ["art_2": "art_3"])
        // The new version records it, and a citation of 第二条 on its dates says where the former article went.
        #expect(second.versions.first?.renumbered == ["art_2": "art_3"])
        let both = LegalCorpus(acts: [first.with(versions: [try #require(first.versions.first)] + second.versions)])
        let cited = both.resolve("《某条例》第二条", on: CalendarDate("2021-01-01"))
        #expect(cited.renumberedTo == "art_3" && cited.renumberedLabel == "第三条")
        #expect(CitationReport.text(cited, on: try #require(CalendarDate("2021-01-01"))).contains("现为第三条"))
        #expect(both.resolve("《某条例》第二条", on: CalendarDate("2015-01-01")).renumberedTo == nil)
        // Both versions together: a citation picks the text of its date.
        let corpus = LegalCorpus(acts: [first.with(versions: [try #require(first.versions.first)] + second.versions)])
        #expect(corpus.resolve("《某条例》第三条", on: CalendarDate("2015-01-01")).provision?.text == "将被删除的条文内容。")
        #expect(corpus.resolve("《某条例》第三条", on: CalendarDate("2021-01-01")).provision?.text == "子丑寅卯辰巳午未申酉。")
    }

    @Test func aVersionNeedsADateAfterTheLastOne() throws {
        let first = try Self.version("某条例\n第一条　正文。\n", previous: nil, effective: "2010-01-01")
        var flags = ImportMetadata.Flags()
        flags.effective = CalendarDate("2009-01-01")
        let (metadata, diagnostics) = ImportMetadata.resolve(
            LegalTextImporter.read("某条例\n第一条　正文。\n", path: "v.txt"), flags: flags, path: "v.txt", previous: first)
        #expect(metadata == nil)
        #expect(diagnostics.first?.message.contains("after 2010-01-01") == true)
    }

    /// An annex is read as an annex, never into the last article.
    @Test func anAnnexIsNotTheLastArticlesParagraph() throws {
        let result = LegalTextImporter.read("某条例\n第一条　正文。\n附件：\n1.甲证明\n2.乙证明\n", path: "t.txt")
        #expect(result.diagnostics.isEmpty)
        #expect(Self.article(result, "art_1")?.children.count == 1)
        #expect(result.annexes.map(\.eId) == ["att_1"] && result.annexes.first?.items.map(\.eId) == ["att_1__item_1", "att_1__item_2"])
    }

    /// Hostile input: 100,000 articles, and as many lines without any structure, are read in one pass; the
    /// second is one warning (its lines are kept as the text of a document without sections).
    @Test func aHugeTextAndOneWithoutStructureAreReadInOnePass() throws {
        let articles = (1...100_000).map { "第\($0)条　正文\($0)。" }.joined(separator: "\n")
        let result = LegalTextImporter.read("某法\n" + articles, path: "big.txt")
        #expect(result.body.count == 100_000 && result.diagnostics.isEmpty)
        let prose = String(repeating: "没有任何结构的一行文字。\n", count: 100_000)
        let unstructured = LegalTextImporter.read(prose, path: "prose.txt")
        #expect(unstructured.body.isEmpty && unstructured.opening.count == 99_999)
        #expect(unstructured.diagnostics.map(\.code) == [.importNothingToImport])
        #expect(unstructured.diagnostics.first?.severity == .warning && unstructured.diagnostics.first?.range.start.line == 2)
        // Lines an act cannot place still get a warning each, up to 200 and a count.
        let stray = LegalTextImporter.read("某法\n" + prose + "第一条　正文。\n", path: "stray.txt")
        #expect(stray.diagnostics.count == 201)
        #expect(stray.diagnostics.last?.message.contains("more lines") == true)
    }
}
