import Foundation
import Jianzheng
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import JianzhengReports

/// `review --format jsonl`: the lines are encoded on all cores a window of procedures at a time; whatever the
/// number of procedures, there is one line per decision, in the review's order, each a JSON object.
@Suite struct CompactReviewWriterTests {
    @Test(arguments: [0, 1, 255, 257, 4_097])
    func oneLinePerDecisionInOrder(procedures: Int) throws {
        var text = (0..<3).map { "material 测试证明\($0) {\n  kind certificate\n  issuer 民政部门\n}\n" }.joined()
        for index in 0..<procedures {
            text += "procedure \"T-\(index)\" 事项\(index) {\n  department 民政部门\n  territory CN-62\n"
            text += "  requires 居民身份证\n  requires 测试证明\(index % 3) {\n    basis 《婚姻登记条例》第五条\n  }\n}\n"
        }
        let tree = Parser.parse(SourceFile(path: "many.jz", text: text)).tree
        let (catalogue, _, diagnostics) = CatalogueBuilder.apply([tree], to: ListConsistencyTests.rules.catalogue, corpus: ListConsistencyTests.rules.corpus)
        let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        let review = try ReviewEngine(catalogue: catalogue, corpus: ListConsistencyTests.rules.corpus).review(asOf: CalendarDate("2026-11-29")!)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var writer = CompactReviewWriter(handle: handle)
        writer.write(review)
        try handle.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == review.decisions.count)
        for (line, decision) in zip(lines, review.decisions) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["procedure"] as? String == decision.procedureID)
            #expect(object["material"] as? String == decision.material)
            #expect(object["verdict"] as? String == decision.verdict.rawValue)
            #expect(object["reason"] as? String == decision.reason.rawValue)
        }
    }
}
