import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import JianzhengReports

@Suite struct ReportTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let review: Review = {
        let workspace = Workspace.load(
            paths: [root.appendingPathComponent("rules").path, root.appendingPathComponent("examples").path],
            corpusDirectory: root.appendingPathComponent("legal-basis").path)
        let engine = ReviewEngine(catalogue: workspace.catalogue, corpus: workspace.corpus)
        return try! engine.review(asOf: CalendarDate("2026-11-29")!, policy: "全国现行")
    }()

    @Test func numbersAreGroupedAndRounded() {
        #expect(Numbers.grouped(1_234_567.8) == "1,234,568")
        #expect(Numbers.grouped(-1000) == "-1,000")
        #expect(Numbers.grouped(999) == "999")
        // Accepted inputs (volume and trips each below 10^12) multiply past Int.max: no trap.
        #expect(Numbers.grouped(1e24) == "999,999,999,999,999,983,222,784")
        #expect(Numbers.grouped(.nan) == "—")
        #expect(Numbers.grouped(-.infinity) == "—")
        #expect(Numbers.grouped(-0.4) == "0")
        #expect(Numbers.percent(0.925) == "92.5%")
        #expect(Numbers.percent(1) == "100%")
    }

    @Test func terminalSummaryShowsTheComputedCounts() {
        let text = TerminalReport.render(Self.review)
        let removed = Self.review.verdictCounts[.remove] ?? 0
        #expect(text.contains("取消 remove                  \(removed)\n"))
        #expect(text.contains("取消的证明 certificates to remove (\(removed))"))
        #expect(text.contains("循环证明 circular proofs \(Self.review.cycles.count)"))
        #expect(text.contains(Numbers.grouped(Self.review.annualTripsBefore)))
    }

    /// Foundation's encoder with the options the project's JSON used before it was streamed.
    static func foundationJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The streamed review document, the diff document and SARIF are byte for byte what `JSONEncoder` writes.
    @Test func jsonTextIsWhatJSONEncoderWrites() throws {
        let document = ReviewDocument(Self.review)
        let streamed = document.json()
        #expect(streamed == (try Self.foundationJSON(document)))
        // Batches and chunks of every size give the same text.
        for (batch, chunk) in [(1, 1), (5, 2), (7, 3), (64, 64)] {
            var pieces: [[UInt8]] = []
            document.write(batch: batch, chunk: chunk) { pieces.append($0) }
            #expect(String(decoding: pieces.joined(), as: UTF8.self) == streamed, "batch \(batch), chunk \(chunk)")
        }
        // Escapes, empty containers, integral and fractional numbers, nil left out.
        struct Sample: Encodable {
            let text = "引号\"反斜杠\\斜杠/换行\n制表\t回车\r\u{1}“全角引号”—"
            let empty: [String] = [], none: String? = nil, nested: [String: [Int]] = ["b": [], "a": [1, 2]]
            let numbers = [2.0, 0.5, 1e-5, 123456789.25, 1e21, -3.75, 0.1 + 0.2]
            let flags = ["z": true, "a": false]
        }
        #expect(JSONOutput.encode(Sample()) == (try Self.foundationJSON(Sample())))
    }

    /// Where the project departs from JSONEncoder: DEL, C1 controls and bidirectional overrides are escaped, so
    /// printing JSON to a terminal cannot drive it; a parser reads the same text.
    @Test func jsonEscapesTerminalControlsAndParsesBack() throws {
        let text = "甲\u{7f}乙\u{9b}2J丙\u{202e}丁\u{2028}“引号”"
        let json = JSONOutput.encode([text])
        #expect(json.contains("\\u007f") && json.contains("\\u009b") && json.contains("\\u202e") && json.contains("“引号”"))
        #expect(!json.unicodeScalars.contains(where: UnsafeCharacters.isUnsafe))
        #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == [text])
    }

    @Test func jsonIsStableAndCarriesTheDecision() throws {
        let first = ReviewDocument(Self.review).json()
        #expect(first == ReviewDocument(Self.review).json())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "jianzheng-review/1")
        let decisions = try #require(object["decisions"] as? [[String: Any]])
        let marriage = try #require(decisions.first { $0["procedureID"] as? String == "620000-MZ-0001" && $0["material"] as? String == "婚姻状况证明" })
        #expect(marriage["reason"] as? String == "BASIS_REPEALED")
        #expect(marriage["rule"] as? String == "无依据取消")
        let location = try #require(marriage["location"] as? [String: Any])
        #expect((location["path"] as? String)?.hasSuffix("examples/gansu/民政.jz") == true)
    }

    /// Issue 15: explain names the condition, the article setting it (and the delegating article), the evidence
    /// and every alternative not taken with its reason.
    @Test func explanationNamesTheConditionItsArticleTheEvidenceAndTheAlternativesNotTaken() throws {
        let decision = try #require(Self.review.decision("620000-GA-0040", "驾驶人身体条件证明"))
        let text = ExplainReport.render(decision, review: Self.review)
        #expect(text.contains("“身体条件符合驾驶许可条件”（依据充分"))
        #expect(text.contains("设定条件 《机动车驾驶证申领和使用规定》第二十三条"))
        #expect(text.contains("应当符合国务院公安部门规定的驾驶许可条件"))
        #expect(text.contains("明示授权"))
        #expect(text.contains("证据：“驾驶人身体条件证明”（本材料）：共享获取"))
        #expect(text.contains("取消：规则“无依据取消”暂缓适用"))
        #expect(text.contains("告知承诺：所证明事项涉及公共安全"))
        let situated = try #require(Self.review.decision("620000-RS-0002", "居民死亡医学证明"))
        let situations = ExplainReport.render(situated, review: Self.review)
        #expect(situations.contains("医疗机构内死亡（85%）：共享获取（“死亡人口信息库”）"))
        #expect(situations.contains("医疗机构外死亡（15%）：告知承诺"))
    }

    /// Issue 17: a 项 was quoted without its 款's chapeau ("设定依据：> 继承；"), which no panel can read as a basis.
    @Test func aPointIsQuotedWithTheWordsThatIntroduceItsList() throws {
        let decision = try #require(Self.review.decision("620000-SF-0001", "派出所亲属关系证明"))
        let article = try #require(decision.basis.articles.first)
        #expect(article.text == "继承；")
        #expect(OutcomeWording.quotation(article) == "根据自然人、法人或者其他组织的申请，公证机构办理下列公证事项：……（二）继承；")
        #expect(ExplainReport.render(decision, review: Self.review).contains("“根据自然人、法人或者其他组织的申请，公证机构办理下列公证事项：……（二）继承；”"))
    }

    @Test func explanationOfACommitmentQuotesTheLawAndTheNotice() throws {
        let decision = try #require(Self.review.decision("620000-JY-0012", "思想品德鉴定证明"))
        let text = ExplainReport.render(decision, review: Self.review)
        #expect(text.contains("结论：告知承诺（commitment），理由代码 COMMITMENT_ELIGIBLE"))
        #expect(text.contains("《教师资格条例》第十五条第一款第（四）项（行政法规，1995-12-12起施行的版本）"))
        #expect(text.contains("| 告知承诺书"))
        #expect(text.contains("| （一）事项名称：教师资格认定（620000-JY-0012）"))
        #expect(text.contains("公示核查"))
    }
}
