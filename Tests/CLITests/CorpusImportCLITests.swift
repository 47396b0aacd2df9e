import Foundation
import Testing

/// `jianzheng corpus import`: a text in, a document that `corpus check` and `cite` accept out.
@Suite struct CorpusImportCLITests {
    static let text = """
        婚姻登记条例
        （2003年7月30日国务院第16次常务会议通过　2003年8月8日中华人民共和国国务院令第387号公布　自2003年10月1日起施行）
        第一条　为了规范婚姻登记工作，制定本条例。
        第五条　办理结婚登记的内地居民应当出具下列证件和证明材料：
        （一）本人的户口簿、身份证；
        （二）本人无配偶的签字声明。
        """

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        return directory
    }

    @Test func anImportedTextIsACorpusDocumentThatCitesResolveIn() throws {
        let directory = try Self.scratch()
        let input = directory.appendingPathComponent("条例.txt")
        try Self.text.write(to: input, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("corpus/婚姻登记条例.xml")
        let imported = try CLI.run(["corpus", "import", input.path, "--out", out.path, "--source", "国家法律法规数据库"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("wrote"))
        let check = try CLI.run(["corpus", "check", "--corpus", directory.appendingPathComponent("corpus").path], in: directory)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let cite = try CLI.run(["cite", "《婚姻登记条例》第五条第（二）项", "--corpus", directory.appendingPathComponent("corpus").path], in: directory)
        #expect(cite.status == 0)
        #expect(cite.stdout.contains("本人无配偶的签字声明。"))
        #expect(!cite.stdout.contains("unverified"))
    }

    @Test func missingMetadataIsAskedForAndNothingIsWritten() throws {
        let directory = try Self.scratch()
        let input = directory.appendingPathComponent("办法.txt")
        try "某某管理办法\n第一条　正文。\n".write(to: input, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out.xml")
        let result = try CLI.run(["corpus", "import", input.path, "--out", out.path], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("--rank") || result.stderr.contains("--rank"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let given = try CLI.run(
            ["corpus", "import", input.path, "--out", "-", "--rank", "departmental-rule", "--issuer", "某部", "--effective", "2020-01-01",
                "--promulgated", "2019-12-01"], in: directory)
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.hasPrefix("<?xml"))
        #expect(given.stdout.contains("rank=\"departmental-rule\""))
    }
}
