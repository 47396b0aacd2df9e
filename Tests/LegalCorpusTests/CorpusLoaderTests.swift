import Foundation
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import LegalCorpus

@Suite struct CorpusLoaderTests {
    @Test func shippedCorpusLoadsCleanlyWithEveryRank() {
        let (corpus, diagnostics) = CorpusLoader.load(directory: Fixtures.corpusDirectory)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { DiagnosticRenderer().line($0) })")
        #expect(corpus.acts.count >= 25)
        #expect(Set(corpus.acts.map(\.rank)) == Set(LegalRank.allCases))
    }

    @Test func schemaViolationIsReportedWithFileAndLine() throws {
        let original = try Fixtures.shipped("national/regulation/教师资格条例.xml")
        let broken = original.replacingOccurrences(of: "rank=\"administrative-regulation\"", with: "rank=\"imperial-edict\"")
        let directory = try Fixtures.corpus(["broken.xml": broken])
        let (corpus, diagnostics) = CorpusLoader.load(directory: directory)
        #expect(corpus.acts.isEmpty)
        let problem = try #require(diagnostics.first)
        #expect(problem.code == .xmlSchemaInvalid)
        #expect(problem.range.start.path.hasSuffix("broken.xml"))
        let expectedLine = broken.components(separatedBy: "\n").firstIndex { $0.contains("imperial-edict") }! + 1
        #expect(problem.range.start.line == expectedLine)
    }

    /// Issue 16: every shipped document failed the OASIS Akoma Ntoso 3.0 schema (no FRBRManifestation; `body` in
    /// a `doc`). Such a document still loads — an office's older corpus must not stop working — with a warning at
    /// its line that other Akoma Ntoso tools will refuse it.
    @Test func aDocumentWithoutItsManifestationOrWithABodyInADocLoadsWithAWarning() throws {
        let act = try Fixtures.shipped("national/regulation/教师资格条例.xml")
        let start = try #require(act.range(of: "<FRBRManifestation>")), end = try #require(act.range(of: "</FRBRManifestation>"))
        let withoutManifestation = act.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
        let policy = try Fixtures.shipped("policy/国办发〔2020〕42号.xml")
        #expect(policy.contains("<mainBody>"))
        let bodyInDoc = policy.replacingOccurrences(of: "mainBody>", with: "body>")
        for older in [withoutManifestation, bodyInDoc] {
            let (corpus, diagnostics) = CorpusLoader.load(directory: try Fixtures.corpus(["older.xml": older]))
            #expect(corpus.acts.count == 1)
            let warning = diagnostics.first { $0.code == .corpusNotAkomaNtoso }
            #expect(warning?.severity == .warning)
            #expect((warning?.range.start.line ?? 0) > 1)
        }
    }

    @Test func duplicateEIdDanglingReferenceAndOverlapAreReported() throws {
        let base = try Fixtures.shipped("national/regulation/教师资格条例.xml")
        let duplicated = base.replacingOccurrences(
            of: "</article>", with: "</article>\n<article eId=\"art_15\"><num>第十五条</num><paragraph eId=\"art_15__para_9\"><num>第九款</num><content><p>重复</p></content></paragraph></article>")
        let dangling = base.replacingOccurrences(of: "/akn/cn/act/1993/zxfl-15", with: "/akn/cn/act/1900/none")
        let directory = try Fixtures.corpus(["a.xml": duplicated, "b.xml": dangling])
        let (_, diagnostics) = CorpusLoader.load(directory: directory)
        let codes = Set(diagnostics.map(\.code))
        #expect(codes.contains(.corpusDuplicateEId))
        #expect(codes.contains(.corpusDanglingReference))
        #expect(codes.contains(.corpusDuplicateExpression))
    }

    @Test func versionsAreOrderedAndClosedByTheNextVersion() throws {
        let (corpus, _) = CorpusLoader.load(directory: Fixtures.corpusDirectory)
        let act = try #require(corpus.act(named: "建筑法"))
        #expect(act.versions.map(\.validFrom.description) == ["2011-07-01", "2019-04-23"])
        #expect(act.versions[0].validUntil?.description == "2019-04-23")
        #expect(act.version(on: CalendarDate("2015-01-01")!)?.validFrom.description == "2011-07-01")
        #expect(act.version(on: CalendarDate("2019-04-23")!)?.validFrom.description == "2019-04-23")
    }
}
