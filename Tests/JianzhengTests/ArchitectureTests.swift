import Foundation
import Testing

/// docs/architecture.md: every module imports only what the page allows; a forbidden arrow fails here.
@Suite struct ArchitectureTests {
    static let sources = Fixture.repositoryRoot.appendingPathComponent("Sources")

    /// The allowed project and package imports of each module (system modules are always allowed).
    static let allowed: [String: Set<String>] = [
        "JianzhengBase": [],
        "JianzhengSyntax": ["JianzhengBase"],
        "CLibXML2": [],
        "CZlibInflate": [],
        "JianzhengXML": ["CLibXML2", "JianzhengBase"],
        "LegalCorpus": ["JianzhengXML", "JianzhengBase"],
        "Jianzheng": ["JianzhengBase", "JianzhengSyntax", "LegalCorpus"],
        "JianzhengWorkspace": ["Jianzheng", "JianzhengBase", "JianzhengSyntax", "LegalCorpus"],
        "JianzhengSpreadsheet": ["JianzhengBase", "JianzhengXML", "CZlibInflate", "ZIPFoundation"],
        "JianzhengImport": ["Jianzheng", "JianzhengSpreadsheet", "JianzhengBase", "JianzhengSyntax", "LegalCorpus"],
        "JianzhengReports": ["Jianzheng", "JianzhengSpreadsheet", "JianzhengXML", "JianzhengBase", "LegalCorpus"],
        "jianzheng": ["Jianzheng", "JianzhengWorkspace", "JianzhengImport", "JianzhengReports", "JianzhengBase", "ArgumentParser"],
        "jianzheng-bench": ["Jianzheng", "JianzhengWorkspace", "JianzhengReports", "JianzhengBase", "JianzhengSyntax", "LegalCorpus", "ArgumentParser"],
        "CSQLite": [],
        "JianzhengWorkbench": ["Jianzheng", "JianzhengWorkspace", "JianzhengReports", "JianzhengSpreadsheet", "JianzhengSyntax", "JianzhengBase", "CSQLite"],
        "jianzheng-workbench": ["JianzhengWorkbench", "JianzhengBase", "FlyingFox", "FlyingSocks", "ArgumentParser"],
    ]
    /// The command-line files that may reach a lower layer, because the command is about that layer.
    static let fileExceptions: [String: Set<String>] = [
        "jianzheng/FormatCommand.swift": ["JianzhengSyntax"],
        "jianzheng/CiteCommand.swift": ["LegalCorpus"], "jianzheng/CorpusCommand.swift": ["LegalCorpus", "JianzhengSpreadsheet", "JianzhengXML"],
        "jianzheng/ExportCommand.swift": ["JianzhengSpreadsheet"], "jianzheng/ImportCommand.swift": ["JianzhengSpreadsheet"],
    ]
    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc", "Darwin", "PackagePlugin"]

    /// `import X`, `@testable import X`, `internal import X`, `import struct X.Y`: the module X.
    static func imports(in text: String) -> Set<String> {
        var modules = Set<String>()
        for line in text.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init).filter { !$0.hasPrefix("@") }
            if let first = words.first, ["public", "internal", "package", "private", "fileprivate"].contains(first) { words.removeFirst() }
            guard words.first == "import", words.count >= 2 else { continue }
            let target = words.count >= 3 && ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(words[1]) ? words[2] : words[1]
            modules.insert(String(target.split(separator: ".")[0]))
        }
        return modules
    }

    @Test func everyModuleImportsOnlyWhatTheArchitectureAllows() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { !$0.hasPrefix(".") }
        #expect(Set(modules) == Set(Self.allowed.keys), "a module is missing from docs/architecture.md and this test")
        var violations: [String] = []
        for module in modules {
            let directory = Self.sources.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: directory.path) else { continue }
            while let relative = files.nextObject() as? String {
                guard relative.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
                let allowed = (Self.allowed[module] ?? []).union(Self.fileExceptions["\(module)/\(relative)"] ?? [])
                for imported in Self.imports(in: text).subtracting(Self.system) where !allowed.contains(imported) {
                    violations.append("\(module)/\(relative) imports \(imported)")
                }
            }
        }
        #expect(violations.isEmpty, "arrows docs/architecture.md forbids:\n\(violations.joined(separator: "\n"))")
    }

    /// The core (`Jianzheng`) is pure: it reads no file, writes none and starts no process; the workspace does.
    @Test func theCoreDoesNoInputOrOutput() throws {
        let forbidden = ["FileManager", "FileHandle", "Process(", "Pipe(", "contentsOf:", "fopen(", "write(to:", "InputFile.", "chdir("]
        let directory = Self.sources.appendingPathComponent("Jianzheng")
        var found: [String] = []
        let files = try #require(FileManager.default.enumerator(atPath: directory.path))
        while let relative = files.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for word in forbidden where line.contains(word) { found.append("Jianzheng/\(relative):\(number + 1): \(word)") }
            }
        }
        #expect(found.isEmpty, "input or output in the core:\n\(found.joined(separator: "\n"))")
    }

    /// The engine, resolver and diff decide in values: no Chinese sentence is composed there (all wording is in
    /// JianzhengReports; the language's own words are in Model/Vocabulary.swift, the policy's in rules/*.jz).
    @Test func theEngineResolverAndDiffHoldNoChineseStringLiterals() throws {
        var found: [String] = []
        for folder in ["Engine", "Resolve", "Diff"] {
            let directory = Self.sources.appendingPathComponent("Jianzheng/\(folder)")
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    for literal in Self.stringLiterals(in: line) where literal.unicodeScalars.contains(where: Self.isHan) {
                        found.append("\(folder)/\(name):\(number + 1): \(literal)")
                    }
                }
            }
        }
        #expect(found.isEmpty, "Chinese string literals in the core:\n\(found.joined(separator: "\n"))")
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) }

    /// The string literals of one line of Swift, comments after `//` left out.
    static func stringLiterals(in line: Substring) -> [String] {
        var literals: [String] = []
        var current: String?
        var escaped = false
        var previous: Character = " "
        for character in line {
            if var literal = current {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    literals.append(literal)
                    current = nil
                    continue
                }
                literal.append(character)
                current = literal
            } else if character == "\"" {
                current = ""
            } else if character == "/", previous == "/" {
                break
            }
            previous = character
        }
        return literals
    }

    @Test func theLiteralReaderSkipsCommentsAndEscapes() {
        #expect(Self.stringLiterals(in: #"let a = "甲\"乙" + "b" // "丙""#) == [#"甲\"乙"#, "b"])
    }

    /// The core's folders, and the folders each may use (docs/architecture.md, "Inside the core"): no circles.
    static let coreFolders: [String: Set<String>] = [
        "Model": [], "Receipt": [], "Resolve": ["Model"], "Engine": ["Model"], "Diff": ["Engine", "Model"],
        "Session": ["Diff", "Engine", "Model", "Resolve"], "Testing": ["Diff", "Engine", "Model"],
    ]

    /// A folder uses another when it names a type declared at the top level of one of the other's files.
    @Test func theCoreFoldersFormNoCircle() throws {
        let core = Self.sources.appendingPathComponent("Jianzheng")
        let folders = try FileManager.default.contentsOfDirectory(atPath: core.path).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(Self.coreFolders.keys), "a core folder is missing from docs/architecture.md and this test")
        let declaration = try Regex(#"^(?:public |package )?(?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Z]\w*)"#)
        var owner: [String: String] = [:]
        var texts: [(folder: String, file: String, text: String)] = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: core.appendingPathComponent(folder).path) where name.hasSuffix(".swift") {
                let text = try String(contentsOf: core.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
                let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                for line in code { if let match = line.firstMatch(of: declaration), let type = match.output[1].substring { owner[String(type)] = folder } }
                texts.append((folder, name, code.joined(separator: "\n")))
            }
        }
        let identifier = try Regex(#"\b[A-Z]\w*"#)
        var violations: Set<String> = []
        for (folder, file, text) in texts {
            for match in text.matches(of: identifier) {
                guard let used = owner[String(match.output[0].substring ?? "")], used != folder else { continue }
                if !(Self.coreFolders[folder]?.contains(used) ?? false) { violations.insert("\(folder)/\(file) uses \(used) (\(match.output[0].substring ?? ""))") }
            }
        }
        #expect(violations.isEmpty, "folder arrows docs/architecture.md forbids:\n\(violations.sorted().joined(separator: "\n"))")
    }

    @Test func theImportReaderSeesEveryForm() {
        let text = "import Foundation\n@testable import Jianzheng\ninternal import struct LegalCorpus.Citation\n// import Nothing\n  let x = 1\n"
        #expect(Self.imports(in: text) == ["Foundation", "Jianzheng", "LegalCorpus"])
    }

    @Test func theDocumentListsEveryModule() throws {
        let page = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        for module in Self.allowed.keys { #expect(page.contains("`\(module)`"), "\(module) is not on docs/architecture.md") }
    }
}
