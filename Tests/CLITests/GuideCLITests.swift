import Foundation
import Testing

/// `jianzheng guide` and the retained-procedures table (issue 18).
@Suite struct GuideCLITests {
    @Test func aGuideIsWrittenForAProcedureAfterTheReview() throws {
        let guide = try CLI.run("guide", "620000-JY-0012", "--format", "html", "--out", "-", "--as-of", "2026-11-29", "--quiet")
        #expect(guide.status == 0, "\(guide.stderr)")
        #expect(guide.stdout.contains("<h2 id=\"s1\">教师资格认定办事指南</h2>"))
        #expect(guide.stdout.contains("无需提交，由窗口通过"))
        #expect(guide.stdout.contains("基本流程") && guide.stdout.contains("承诺办结时限"))
        let all = try CLI.run("guide", "--format", "md", "--out", "-", "--as-of", "2026-11-29", "--quiet")
        #expect(all.status == 0 && all.stdout.components(separatedBy: "办事指南\n").count - 1 == 42)
        let unknown = try CLI.run("guide", "620000-XX-0000", "--out", "-")
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown procedure '620000-XX-0000'"))
    }

    @Test func theRetainedProceduresTableExportsAsCSVAndXLSX() throws {
        let csv = try CLI.run("export", "--list", "retained-procedures", "--format", "csv", "--out", "-", "--as-of", "2026-11-29", "--quiet")
        #expect(csv.status == 0, "\(csv.stderr)")
        // The CSV is what Excel opens: a byte-order mark, CRLF line ends.
        let lines = csv.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasPrefix("序号,事项编码,事项名称,事项类型,设定依据,实施主体,服务对象,办理时限,收费标准,备注") == true)
        #expect(lines.count == 43)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-guide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let xlsx = try CLI.run("export", "--list", "retained-procedures", "--format", "xlsx", "--out", directory.appendingPathComponent("t.xlsx").path, "--quiet")
        #expect(xlsx.status == 0 && xlsx.stdout.contains("拟保留公共服务事项汇总表 42"))
    }

    @Test func checkSaysWhatTheGuidesLack() throws {
        let check = try CLI.run("check")
        #expect(check.status == 0)
        #expect(check.stdout.contains("guides: ") && check.stdout.contains("legal-limit"))
    }
}
