import Foundation
import Jianzheng
import JianzhengBase
@testable import JianzhengReports
import Testing

/// The 告知承诺书 is a template: the shipped files are the built-in text, fields are checked, every field filled.
@Suite struct CommitmentNoticeTests {
    static let templates = ReportTests.root.appendingPathComponent("templates")

    @Test(arguments: ReportLanguage.allCases)
    func theShippedTemplateIsTheBuiltInOne(_ language: ReportLanguage) throws {
        let file = try String(contentsOf: Self.templates.appendingPathComponent(CommitmentNotice.fileName(language)), encoding: .utf8)
        #expect(file == CommitmentNotice.standardText(language))
    }

    /// Issue 17: the notice had no line to sign, and its title was not centred.
    @Test func theNoticeHasASignatureLineAndACentredTitle() throws {
        #expect(CommitmentNotice.standardText(.zh).contains("承诺人（签字）："))
        #expect(CommitmentNotice.standardText(.zh).contains("日期："))
        let review = ReportTests.review
        let decision = try #require(review.decisions.first { $0.commitment.plan != nil })
        let document = ReportDocument(title: "t", language: .zh, blocks: [.notice(CommitmentNotice.standard(.zh).fill(decision, plan: try #require(decision.commitment.plan)))])
        let html = HTMLRenderer.render(document)
        #expect(html.contains("<p class=\"notice-title\">告知承诺书</p>"))
    }

    @Test func anUnknownFieldIsRefusedWhereItIs() throws {
        let result = CommitmentNotice.parse("告知承诺书\n事项：{{procedure}}\n期限：{{deadline}}\n", path: "t.txt", language: .zh)
        guard case .failure(let diagnostic) = result else { return #expect(Bool(false), "an unknown field was accepted") }
        #expect(diagnostic.code == .unknownTemplateField)
        #expect(diagnostic.range.start.line == 3 && diagnostic.range.start.column == 4)
        #expect(diagnostic.message.contains("deadline") && diagnostic.message.contains("procedure-id"))
        guard case .failure(let unclosed) = CommitmentNotice.parse("事项：{{procedure\n", path: "t.txt", language: .zh) else {
            return #expect(Bool(false), "an unclosed field was accepted")
        }
        #expect(unclosed.range.start.column == 4)
    }

    @Test func everyCommitmentGetsItsOwnFilledNotice() throws {
        let commitments = ReportTests.review.decisions.filter { $0.commitment.plan != nil }
        try #require(commitments.count >= 2)
        for decision in commitments {
            let plan = try #require(decision.commitment.plan)
            let chinese = CommitmentNotice.standard(.zh).fill(decision, plan: plan)
            #expect(chinese.contains("事项名称：\(decision.procedureName)（\(decision.procedureID)）"))
            #expect(chinese.contains("证明名称：\(decision.material)"))
            #expect(chinese.contains(plan.promise))
            #expect(!chinese.contains("{{"))
            let english = CommitmentNotice.standard(.en).fill(decision, plan: plan)
            #expect(english.contains("Procedure: \(decision.procedureName) (\(decision.procedureID))"))
            #expect(!english.contains("核查方式") && !english.contains("{{"))
        }
    }

    @Test func anOfficialsOwnTemplateIsUsed() throws {
        let notice = try CommitmentNotice.parse("本人承诺：{{promise}}。核查：{{auditor}}，{{sample}}\n", path: "t.txt", language: .zh).get()
        let decision = try #require(ReportTests.review.decisions.first { $0.commitment.plan != nil })
        let plan = try #require(decision.commitment.plan)
        #expect(notice.fill(decision, plan: plan) == "本人承诺：\(plan.promise)。核查：\(plan.auditor)，\(Numbers.percent(plan.sample))")
    }
}

@Suite struct CommitmentNoticeSafetyTests {
    @Test func aControlCharacterInATemplateIsRefusedWhereItIs() throws {
        guard case .failure(let diagnostic) = CommitmentNotice.parse("告知承诺书\n事项：\u{1B}[2J{{procedure}}\n", path: "t.txt", language: .zh) else {
            return #expect(Bool(false), "an escape sequence was accepted")
        }
        #expect(diagnostic.code == .controlCharacter)
        #expect(diagnostic.range.start.line == 2 && diagnostic.range.start.column == 4)
    }
}
