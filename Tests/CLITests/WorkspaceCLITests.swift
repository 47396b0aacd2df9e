import Foundation
import Testing

/// The tool works from anywhere inside a workspace, and from outside with -C, with the same result as at the root.
@Suite(.serialized) struct WorkspaceCLITests {
    static let review = ["review", "--as-of", "2026-11-29"]

    @Test func aSubdirectoryAndMinusCGiveTheResultOfTheRoot() throws {
        let atRoot = try CLI.run(Self.review, in: CLI.repositoryRoot)
        #expect(atRoot.status == 0, "\(atRoot.stderr)")
        let inside = try CLI.run(Self.review, in: CLI.repositoryRoot.appendingPathComponent("examples/gansu"))
        #expect(inside.stdout == atRoot.stdout)
        let outside = FileManager.default.temporaryDirectory
        for flags in [["-C", CLI.repositoryRoot.path], ["--workspace=" + CLI.repositoryRoot.path]] {
            let result = try CLI.run(flags + Self.review, in: outside)
            #expect(result.status == 0, "\(flags): \(result.stderr)")
            #expect(result.stdout == atRoot.stdout)
        }
        // A workspace root named as the path to review stands for that workspace.
        let named = try CLI.run(["review", CLI.repositoryRoot.path, "--as-of", "2026-11-29"], in: outside)
        #expect(named.stdout == atRoot.stdout, "\(named.stderr)")
        // After the subcommand too, as with git.
        let after = try CLI.run(["review", "-C", CLI.repositoryRoot.path, "--as-of", "2026-11-29"], in: outside)
        #expect(after.stdout == atRoot.stdout)
    }

    @Test func outsideAnyWorkspaceOneErrorSaysSo() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("jz-nowhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let result = try CLI.run(Self.review, in: outside)
        #expect(result.status == 2)
        #expect(result.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("not inside a Jianzheng workspace"))
        let missing = try CLI.run(["-C", "/nonexistent-jz", "review"], in: outside)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: cannot change to '/nonexistent-jz'"))
    }

    @Test func theCorpusSchemaIsFoundFromAnywhere() throws {
        let outside = FileManager.default.temporaryDirectory
        let result = try CLI.run(["cite", "《婚姻登记条例》第五条", "--corpus", CLI.repositoryRoot.path + "/legal-basis"], in: outside)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    /// Every --format value is either honoured or refused (the first round accepted and ignored some).
    @Test(arguments: [["explain", "620000-ZJ-0001", "银行到位资金证明", "--format", "json"], ["test", "--format", "sarif"],
                      ["check", "--format", "jsonl"], ["corpus", "check", "--format", "jsonl"], ["diff", "--format", "jsonl"]])
    func aFormatASubcommandDoesNotWriteIsRefused(arguments: [String]) throws {
        let result = try CLI.run(arguments, in: CLI.repositoryRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not write --format"), "\(result.stderr)")
    }

    @Test func versionNamesTheReleaseAndTheRevision() throws {
        let result = try CLI.run(["--version"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(line.range(of: #"^jianzheng [0-9]+\.[0-9]+\.[0-9]+ \(([0-9a-f]{12}\+?|unknown)\)$"#, options: .regularExpression) != nil, "\(line)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameTheSubcommands(shell: String) throws {
        let result = try CLI.run(["completions", shell], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("review") && result.stdout.contains("explain"))
    }

    @Test func diffTakesTheCatalogueAsASideWithAProposal() throws {
        let proposal = "examples/proposals/居住证与公租房循环证明.jz"
        let withSide = try CLI.run(["diff", "examples/gansu", "--with", proposal], in: CLI.repositoryRoot)
        let withIn = try CLI.run(["diff", "--in", "examples/gansu", "--with", proposal], in: CLI.repositoryRoot)
        #expect(withSide.status == 1, "\(withSide.stderr)")
        #expect(withSide.stdout == withIn.stdout)
        #expect(withSide.stdout.contains("循环"))
    }

    @Test func diagnosticsAreColouredOnlyWhenAskedOrOnATerminal() throws {
        let broken = try CLI.scratch("色.jz", "material 甲 {\n  kind certfiicate\n}\n")
        let always = try CLI.run(["--color", "always", "check", "rules", broken], in: CLI.repositoryRoot)
        #expect(always.stderr.contains("\u{1B}[1;31merror\u{1B}[0m: "))
        // A name can never smuggle a code in: only the severity word is coloured, the rest is neutralised.
        #expect(always.stderr.components(separatedBy: "\u{1B}[").count - 1 == 2 * always.stderr.components(separatedBy: "\n").filter { $0.contains(": \u{1B}[") }.count)
        for arguments in [["--color=never", "check", "rules", broken], ["check", "rules", broken]] {
            let plain = try CLI.run(arguments, in: CLI.repositoryRoot)
            #expect(!plain.stderr.contains("\u{1B}"), "\(arguments)")
        }
        #expect(try CLI.run(["--color", "sometimes", "check"], in: CLI.repositoryRoot).status == 2)
    }
}

/// `--lang zh|en` anywhere on the line; without it, the locale decides (LC_ALL, LC_MESSAGES, LANG).
@Suite struct LanguageCLITests {
    static let bad = "material 甲 {\n  kind certificat\n  issuer 民证部门\n}\n"

    @Test func diagnosticsSpeakTheChosenLanguage() throws {
        let file = try CLI.scratch("语言.jz", Self.bad)
        let chinese = try CLI.run("check", file, "--lang", "zh")
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains("错误: 未知的部门“民证部门” [JZ2010]"), "\(chinese.stderr)")
        #expect(chinese.stderr.contains("注: 是否应为“certificate”？"))
        let english = try CLI.run("--lang", "en", "check", file)
        #expect(english.stderr.contains("error: unknown department '民证部门' [JZ2010]"), "\(english.stderr)")
        let refused = try CLI.run("check", file, "--lang", "fr")
        #expect(refused.status == 2 && refused.stderr.contains("--lang takes zh or en"))
    }

    @Test func theLocaleIsTheDefault() throws {
        let file = try CLI.scratch("语言.jz", Self.bad)
        let process = try CLI.run(["check", file], in: CLI.repositoryRoot, environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": ""])
        #expect(process.stderr.contains("未知的部门"), "\(process.stderr)")
    }

    @Test func checkLoadsTheRulesWithACatalogue() throws {
        let checked = try CLI.run("check", "examples/gansu")
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("2 policies"))
    }
}

/// One option group with one meaning: `--in` names the catalogue in every evaluating subcommand.
@Suite struct SharedOptionCLITests {
    @Test func inNamesTheCatalogueEverywhere() throws {
        let positional = try CLI.run("review", "--as-of", "2026-11-29", "--format", "json", "examples/gansu")
        let named = try CLI.run("review", "--as-of", "2026-11-29", "--format", "json", "--in", "examples/gansu")
        #expect(positional.status == 0 && named.status == 0)
        #expect(positional.stdout == named.stdout)
        let explained = try CLI.run("explain", "--as-of", "2026-11-29", "--in", "examples/gansu", "620000-MZ-0001", "婚姻状况证明")
        #expect(explained.status == 0, "\(explained.stderr)")
    }

    @Test func citeWritesJSON() throws {
        let cited = try CLI.run("cite", "《婚姻登记条例》第五条", "--as-of", "2026-11-29", "--format", "json")
        #expect(cited.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(cited.stdout.utf8)) as? [String: Any]
        #expect(object?["eId"] as? String == "art_5")
        #expect(try CLI.run("cite", "《婚姻登记条例》第五条", "--format", "sarif").status == 2)
    }
}
