import Foundation
import Testing

/// What a hostile or careless input does at the command line: exit codes, nothing written where it should not
/// be, nothing raw on the terminal.
@Suite(.serialized) struct SecurityCLITests {
    @Test func reportAndExportGoToStandardOutputWithADash() throws {
        let report = try CLI.run("report", "--format", "md", "--out", "-", "examples/gansu")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("# 证明事项审查论证报告"))
        #expect(!report.stdout.contains("wrote "))
        let export = try CLI.run("export", "--list", "retained", "--format", "csv", "--out", "-", "examples/gansu")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("事项"))
        // A bare file name (no directory part) crashed the first round.
        let directory = URL(fileURLWithPath: (try CLI.scratch("占位.txt", "") as NSString).deletingLastPathComponent)
        let bare = try CLI.run(
            ["report", "--format", "md", "--out", "a", "--corpus", CLI.repositoryRoot.path + "/legal-basis",
             "--rules", CLI.repositoryRoot.path + "/rules", CLI.repositoryRoot.path + "/examples/gansu"], in: directory)
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/a"))
    }

    @Test func aMissingOutputDirectoryIsOneLineAndExitTwo() throws {
        let result = try CLI.run("report", "--format", "md", "--out", "/nonexistent-jz/报告.md", "examples/gansu")
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot write '/nonexistent-jz/报告.md': the directory '/nonexistent-jz' does not exist\n")
    }

    @Test func escapeSequencesInAFileNameNeverReachTheTerminal() throws {
        let path = try CLI.scratch("恶意\u{1B}]52;c;ZXZpbA==\u{07}.jz", "material 甲 {\n  kind certfiicate\n}\n")
        let result = try CLI.run("check", "rules", path)
        #expect(result.status == 1)
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
        #expect(result.stderr.contains("恶意\\u{1B}]52;c;ZXZpbA==\\u{7}.jz"))
    }

    @Test func numbersAtTheAcceptedLimitsDoNotOverflowTheReports() throws {
        let path = try CLI.scratch(
            "大数.jz",
            """
            procedure "620000-XX-9999" 极大事项 {
              department 民政部门
              territory  CN-62
              volume     999999999999
              trips      999999999999
              days       999999999999
              requires   居民户口簿
            }

            """)
        for arguments in [["review", "rules", path], ["report", "--format", "md", "--out", "-", "rules", path]] {
            let result = try CLI.run(arguments, in: CLI.repositoryRoot)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test func aConditionOfThirtyThousandTermsIsAnErrorNotAStackOverflow() throws {
        let terms = (0..<30_000).map { _ in "absurd" }.joined(separator: " and ")
        let path = try CLI.scratch(
            "长条件.jz", "policy 长 {\n  effective 2020-01-01\n  sufficient-ranks law\n  rule 甲 {\n    verdict remove\n    when \(terms)\n    because \"x\"\n  }\n  otherwise keep\n}\n")
        let result = try CLI.run("check", "rules", path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("[JZ1013]"))
    }

    @Test func fmtKeepsModeAndLinksAndRefusesInvalidUTF8() throws {
        let path = try CLI.scratch("未格式化.jz", "material 甲 {\n    kind    certificate\n}\n")
        let directory = (path as NSString).deletingLastPathComponent
        chmod(path, 0o600)
        #expect(symlink(path, directory + "/链接.jz") == 0)
        #expect(link(path, directory + "/硬链接.jz") == 0)
        let result = try CLI.run("fmt", directory + "/链接.jz")
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(lstat(directory + "/链接.jz", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: directory + "/硬链接.jz", encoding: .utf8) == "material 甲 {\n  kind certificate\n}\n")

        let broken = try CLI.scratch("坏字节.jz", "")
        let bytes = Array("// 注释 ".utf8) + [0xE4, 0x41] + Array("\nmaterial 乙 {\n    kind certificate\n}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: broken))
        let refused = try CLI.run("fmt", broken)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[JZ1003]"))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: broken))) == bytes)
    }

    /// ThreadSanitizer's runtime cannot start under a small file-size limit (it dies with SIGBUS), so the full-disk
    /// simulation runs in the ordinary and AddressSanitizer suites only.
    static let underThreadSanitizer = dlsym(dlopen(nil, RTLD_NOW), "__tsan_init") != nil

    @Test(.disabled(if: underThreadSanitizer, "ThreadSanitizer's runtime cannot run under a file-size limit"))
    func aFullDiskLeavesNeitherAHalfWrittenFileNorATemporaryOne() throws {
        // A file-size limit stands in for a full disk: the write fails with EFBIG once 8 blocks are written.
        let directory = (try CLI.scratch("占位.txt", "") as NSString).deletingLastPathComponent
        try "旧报告".write(toFile: directory + "/报告.html", atomically: false, encoding: .utf8)
        let command = "trap '' XFSZ; ulimit -f 8; exec '\(CLI.binary.path)' report --format html --out '\(directory)/报告.html' examples/gansu"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = CLI.repositoryRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(stderr.contains("cannot write") && stderr.contains("File too large"), "\(stderr)")
        #expect(try String(contentsOfFile: directory + "/报告.html", encoding: .utf8) == "旧报告")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["占位.txt", "报告.html"])
    }
}
