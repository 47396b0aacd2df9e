import Foundation
import JianzhengBase
import JianzhengSyntax
@testable import LegalCorpus
import Testing

@testable import Jianzheng

/// Issue 15, found on a large neutral catalogue: acts that share a title resolved silently to the one whose
/// work URI sorts last, so a citation could land on a low-rank document when a law of that title exists. A
/// shared title is legal (a corpus warning); citing it is a located error listing the candidates, and the 文号
/// picks one.
@Suite struct AmbiguousTitleTests {
    /// The shipped 教师资格条例 and a 部门规章 of the same title with its own work and 文号.
    static func sharedTitleCorpus() -> (LegalCorpus, [Diagnostic]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-shared-title-\(UUID().uuidString)")
        let shipped = Fixture.repositoryRoot.appendingPathComponent("legal-basis/national/regulation/教师资格条例.xml")
        let base = (try? String(contentsOf: shipped, encoding: .utf8)) ?? ""
        let rule = base.replacingOccurrences(of: "gwyl-188", with: "bm-99").replacingOccurrences(of: "国务院令第188号", with: "某部令第99号")
            .replacingOccurrences(of: "administrative-regulation", with: "departmental-rule").replacingOccurrences(of: "1995", with: "2001")
        #expect(rule != base)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? base.write(to: directory.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        try? rule.write(to: directory.appendingPathComponent("b.xml"), atomically: true, encoding: .utf8)
        return CorpusLoader.load(directory: directory.path)
    }

    /// An act in two versions, the second renumbering 第二条 to 第三条 (as `corpus import --version-of` records it).
    static func renumberedCorpus() throws -> LegalCorpus {
        func version(_ text: String, previous: LegalAct?, effective: String) throws -> LegalAct {
            var flags = ImportMetadata.Flags()
            flags.rank = .law
            flags.issuer = "全国人民代表大会常务委员会"
            flags.effective = CalendarDate(effective)
            flags.promulgated = CalendarDate("2009-01-01")
            let generated = try #require(CalendarDate("2026-12-02"))
            return try #require(CorpusImport.run(text, path: "v.txt", out: "v.xml", flags: flags, previous: previous, generated: generated).act)
        }
        // The second text moves 第二条's words to 第三条: the import records the renumbering.
        let first = try version("某某法\n第一条　甲。\n第二条　乙丙丁戊己庚。\n", previous: nil, effective: "2010-01-01")
        let second = try version("某某法\n第一条　甲。\n第二条　新的。\n第三条　乙丙丁戊己庚。\n", previous: first, effective: "2020-01-01")
        return LegalCorpus(acts: [first.with(versions: first.versions + second.versions)])
    }

    static func catalogue(citing citation: String) -> String {
        """
        department 民政部门 { kind government }
        material 甲 {
          kind certificate
          basis \(citation)
        }
        procedure "P" 事项 {
          department 民政部门
          territory CN-62
          requires 甲
        }
        """
    }

    static func resolve(_ citation: String, in corpus: LegalCorpus) -> [Diagnostic] {
        let (tree, parsed) = Parser.parse(SourceFile(path: "t.jz", text: catalogue(citing: citation)))
        return parsed + CatalogueBuilder.build([tree], corpus: corpus).1
    }

    @Test func aSharedTitleIsAWarningInTheCorpus() {
        let (corpus, diagnostics) = Self.sharedTitleCorpus()
        #expect(corpus.acts.count == 2)
        let shared = diagnostics.first { $0.code == .corpusSharedTitle }
        #expect(shared?.severity == .warning)
        // (The two-file corpus lacks the 教师法 both are made under: that reference dangles, as it should.)
        #expect(!diagnostics.contains { $0.severity == .error && $0.code != .corpusDanglingReference }, "\(diagnostics.map(\.message))")
    }

    @Test func citingASharedTitleIsALocatedErrorListingTheCandidates() throws {
        let (corpus, _) = Self.sharedTitleCorpus()
        let diagnostics = Self.resolve("《教师资格条例》第十五条", in: corpus)
        let ambiguous = try #require(diagnostics.first { $0.code == .ambiguousAct })
        #expect(ambiguous.severity == .error)
        #expect(ambiguous.range.start.line == 4)
        #expect(ambiguous.notes.contains { $0.message.contains("国务院令第188号") })
        #expect(ambiguous.notes.contains { $0.message.contains("某部令第99号") })
        // Nothing is picked silently.
        let resolved = corpus.resolve("《教师资格条例》第十五条", on: CalendarDate("2026-01-01"))
        #expect(resolved.act == nil)
        guard case .ambiguousAct(let candidates) = resolved.problem else {
            Issue.record("not ambiguous: \(String(describing: resolved.problem))")
            return
        }
        #expect(candidates.count == 2)
    }

    @Test func aCatalogueReviewedOnceStillRefusesASharedTitleButLooksForNoCitationWarning() {
        let (corpus, _) = Self.sharedTitleCorpus()
        let text = Self.catalogue(citing: "《教师资格条例》第十五条") + """
            material 乙 {
              kind certificate
              basis 《教师资格条列》第十五条
            }
            material 丙 {
              kind certificate
              basis 《教师资格条例》（国务院令第188号）第九十九条
            }

            """
        func build(forOneReview: Bool) -> [Diagnostic] {
            CatalogueBuilder.build(files: [SourceFile(path: "t.jz", text: text)], corpusWhenNeeded: { corpus }, forOneReview: forOneReview).1
        }
        let full = build(forOneReview: false), once = build(forOneReview: true)
        let warnings: Set<DiagnosticCode> = [.unknownAct, .unknownProvision]
        for code in warnings { #expect(full.contains { $0.code == code }, "no \(code.rawValue) in \(full.map(\.message))") }
        #expect(!once.contains { warnings.contains($0.code) })
        let errors = { (diagnostics: [Diagnostic]) in diagnostics.filter { $0.code == .ambiguousAct }.map { "\($0.range.start.line) \($0.message) \($0.notes.map(\.message))" } }
        #expect(errors(full).count == 1)
        #expect(errors(once) == errors(full))
    }

    @Test func theDocumentNumberPicksOne() {
        let (corpus, _) = Self.sharedTitleCorpus()
        #expect(!Self.resolve("\"国务院令第188号 第十五条\"", in: corpus).contains { $0.severity == .error })
        let resolved = corpus.resolve("国务院令第188号 第十五条", on: CalendarDate("2026-01-01"))
        #expect(resolved.act?.rank == .administrativeRegulation)
        #expect(resolved.isValid)
    }
}

/// Issue 15: a shared title told apart by the bracket after it, as official texts write it — its 文号
/// (`《…》（国务院令第188号）`) or its year (`《…》（2001年）`, `（2001年修订）`).
@Suite struct EditionQualifierTests {
    @Test func theDocumentNumberAfterTheTitlePicksOne() {
        let (corpus, _) = AmbiguousTitleTests.sharedTitleCorpus()
        let resolved = corpus.resolve("《教师资格条例》（某部令第99号）第十五条", on: CalendarDate("2026-01-01"))
        #expect(resolved.act?.rank == .departmentalRule)
        #expect(resolved.citation.article == 15)
        #expect(resolved.isValid)
        #expect(!AmbiguousTitleTests.resolve("《教师资格条例》（国务院令第188号）第十五条", in: corpus).contains { $0.severity == .error })
    }

    @Test func theYearAfterTheTitlePicksOne() {
        let (corpus, _) = AmbiguousTitleTests.sharedTitleCorpus()
        #expect(corpus.resolve("《教师资格条例》（1995年）第十五条", on: CalendarDate("2026-01-01")).act?.rank == .administrativeRegulation)
        #expect(corpus.resolve("《教师资格条例》（2001年修订）第十五条", on: CalendarDate("2026-01-01")).act?.rank == .departmentalRule)
        // A year neither has leaves the citation ambiguous, with the candidates named.
        let neither = corpus.resolve("《教师资格条例》（2010年）第十五条", on: CalendarDate("2026-01-01"))
        guard case .ambiguousAct(let candidates) = neither.problem else {
            Issue.record("not ambiguous: \(String(describing: neither.problem))")
            return
        }
        #expect(candidates.count == 2)
    }

    @Test func aBracketThatIsNeitherIsALocatedSyntaxError() {
        guard case .failure(let error) = CitationParser.parse("《教师资格条例》（试行）第十五条") else {
            Issue.record("accepted")
            return
        }
        #expect(error.message.contains("试行"))
        guard case .success(let citation) = CitationParser.parse("《婚姻登记条例》（国务院令第387号）第五条第一款") else {
            Issue.record("refused")
            return
        }
        #expect(citation.edition == .documentNumber("国务院令第387号"))
        #expect(citation.paragraph == 1)
    }
}

/// Issue 15: an inserted article (第十五条之一) is read and resolved, no longer refused.
@Suite struct InsertedArticleTests {
    @Test func anInsertedArticleResolvesToItsProvision() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-inserted-\(UUID().uuidString)")
        let shipped = Fixture.repositoryRoot.appendingPathComponent("legal-basis/national/regulation/教师资格条例.xml")
        let base = try String(contentsOf: shipped, encoding: .utf8)
        let inserted = """
                  <article eId="art_15_1"><num>第十五条之一</num>
                    <paragraph eId="art_15_1__para_1"><num>第一款</num><content><p>插入条款的条文。</p></content></paragraph>
                  </article>
                </body>
            """
        let text = base.replacingOccurrences(of: "</body>", with: inserted.trimmingCharacters(in: .whitespaces))
        #expect(text != base)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(to: directory.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        let (corpus, diagnostics) = CorpusLoader.load(directory: directory.path)
        #expect(!diagnostics.contains { $0.severity == .error && $0.code != .corpusDanglingReference }, "\(diagnostics.map(\.message))")
        let resolved = corpus.resolve("《教师资格条例》第十五条之一第一款", on: CalendarDate("2026-01-01"))
        #expect(resolved.isValid)
        #expect(resolved.provision?.text == "插入条款的条文。")
    }
}
