import Foundation
import Testing

/// `jianzheng progress` over two revisions of a repository (issue 18, task 九's 监督考核 view).
@Suite struct ProgressCLITests {
    static func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func twoRevisionsGiveThePerDepartmentTable() throws {
        let root = CLI.repositoryRoot
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for folder in ["rules", "legal-basis", "examples/gansu"] {
            let target = directory.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent(folder), to: target)
        }
        try Self.git(["init", "-q"], in: directory)
        try Self.git(["add", "."], in: directory)
        try Self.git(["commit", "-q", "-m", "before"], in: directory)
        // The 民政 department stops asking for 健在证明 (a certificate the review cancels) in 高龄津贴申领.
        let file = directory.appendingPathComponent("examples/gansu/民政.jz")
        let text = try String(contentsOf: file, encoding: .utf8)
        let dropped = text.replacingOccurrences(of: "  requires 健在证明 {\n    note \"申请人本人到场办理\"\n  }\n", with: "")
        #expect(dropped != text)
        try dropped.write(to: file, atomically: true, encoding: .utf8)
        try Self.git(["commit", "-q", "-am", "after"], in: directory)
        let table = try CLI.run(["progress", "--git", "HEAD~1..HEAD", "--as-of", "2026-11-29"], in: directory)
        #expect(table.status == 0, "\(table.stderr)")
        // One certificate fewer cancelled: the table says so in the change column (取消/共享获取/告知承诺/保留).
        let line = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("民政部门") })
        let columns = line.split(separator: " ", omittingEmptySubsequences: true)
        #expect(columns.count == 4 && columns[3] == "-1/0/0/0", "\(line)")
        let before = columns[1].split(separator: "/").compactMap { Int($0) }, after = columns[2].split(separator: "/").compactMap { Int($0) }
        #expect(before[0] == after[0] + 1)
        let json = try CLI.run(["progress", "--git", "HEAD~1", "--git", "HEAD", "--format", "json", "--as-of", "2026-11-29"], in: directory)
        #expect(json.status == 0 && json.stdout.contains("\"revision\" : \"HEAD~1\""))
        let html = try CLI.run(["progress", "--git", "HEAD~1..HEAD", "--format", "html", "--as-of", "2026-11-29"], in: directory)
        #expect(html.status == 0 && html.stdout.contains("<svg") && html.stdout.contains("民政部门"))
        // The exported revisions are temporary copies: neither progress nor diff --git leaves one behind.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jz-progress-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let again = try CLI.run(["progress", "--git", "HEAD~1..HEAD", "--as-of", "2026-11-29"], in: directory, environment: ["TMPDIR": scratch.path])
        let diff = try CLI.run(["diff", "--git", "HEAD~1", "--as-of", "2026-11-29"], in: directory, environment: ["TMPDIR": scratch.path])
        #expect(again.status == 0 && diff.status != 2, "\(diff.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("jianzheng-") }.isEmpty)
        let one = try CLI.run(["progress", "--git", "HEAD"], in: directory)
        #expect(one.status == 2 && one.stderr.contains("two revisions"))
    }
}
