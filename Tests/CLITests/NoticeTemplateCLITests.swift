import Foundation
import Testing

/// The 告知承诺书 comes from the workspace's `templates/` when it has one; a broken template stops the command.
@Suite struct NoticeTemplateCLITests {
    /// A workspace whose rules, corpus and examples link to the repository's, with its own `templates/`.
    static func workspace(template: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jz-notice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        for name in ["rules", "legal-basis", "examples"] {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(name), withDestinationURL: CLI.repositoryRoot.appendingPathComponent(name))
        }
        try template.write(to: root.appendingPathComponent("templates/告知承诺书.zh.txt"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func theWorkspaceTemplateFillsEveryNotice() throws {
        let root = try Self.workspace(template: "本地告知承诺书\n{{procedure}}：{{promise}}（{{auditor}}核查）\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try CLI.run(["report", "--as-of", "2026-11-29", "--format", "md", "--out", "-"], in: root)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("本地告知承诺书"))
        #expect(!report.stdout.contains("承诺的效力"))
        let json = try CLI.run(["review", "--as-of", "2026-11-29", "--format", "json"], in: root)
        #expect(json.stdout.contains("本地告知承诺书"))
    }

    @Test func aTemplateWithAnUnknownFieldStopsAtItsPlace() throws {
        let root = try Self.workspace(template: "告知承诺书\n期限：{{deadline}}\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try CLI.run(["report", "--as-of", "2026-11-29", "--format", "md", "--out", "-"], in: root)
        #expect(report.status == 1)
        #expect(report.stderr.contains("templates/告知承诺书.zh.txt:2:4: error: unknown field 'deadline'"), "\(report.stderr)")
        #expect(report.stdout.isEmpty)
    }
}
