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

    /// `corpus text` prints a document as the text it was imported from; an annex item imported from it is cited.
    @Test func corpusTextPrintsTheDocumentAsItsText() throws {
        let directory = try Self.scratch()
        let input = directory.appendingPathComponent("决定.txt")
        let text = "国务院关于取消一批证明事项的决定\n国发〔2019〕2号\n国务院决定取消下列证明事项。\n附件\n取消的证明事项目录\n1．申请人居住证明\n2．申请人亲属关系证明\n"
        try text.write(to: input, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("corpus/决定.xml")
        let imported = try CLI.run(
            ["corpus", "import", input.path, "--out", out.path, "--rank", "state-council-decision", "--issuer", "国务院", "--effective", "2019-01-20",
                "--promulgated", "2019-01-20"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("1 annexes"))
        let printed = try CLI.run(["corpus", "text", out.path], in: directory)
        #expect(printed.status == 0)
        #expect(printed.stdout == text)
        let cite = try CLI.run(["cite", "国发〔2019〕2号附件第二项", "--corpus", directory.appendingPathComponent("corpus").path], in: directory)
        #expect(cite.status == 0, "\(cite.stdout)\(cite.stderr)")
        #expect(cite.stdout.contains("申请人亲属关系证明"))
        let broken = directory.appendingPathComponent("broken.xml")
        try "<akomaNtoso><act".write(to: broken, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["corpus", "text", broken.path], in: directory)
        #expect(refused.status == 1 && refused.stderr.contains("broken.xml:1:"))
    }
}
