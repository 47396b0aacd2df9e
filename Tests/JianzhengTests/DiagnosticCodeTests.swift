import Foundation
import JianzhengBase
import JianzhengSyntax
import JianzhengXML
@testable import LegalCorpus
import Testing

@testable import Jianzheng
@testable import JianzhengReports
import JianzhengWorkspace

/// Every diagnostic code has an input that triggers it; a new code without a trigger fails this suite.
@Suite struct DiagnosticCodeTests {
    static func parse(_ text: String) -> [Diagnostic] {
        Parser.parse(SourceFile(path: "t.jz", text: text)).diagnostics
    }

    static func resolve(_ text: String) -> [Diagnostic] {
        Fixture.build([text]).1
    }

    static func material(_ body: String) -> String {
        "material 甲 {\n\(body)\n}\nprocedure \"P\" 事项 {\n  department 民政部门\n  territory CN-62\n  requires 甲\n}\n"
    }

    static func corpus(_ mutate: (String) -> [String: String]) -> [Diagnostic] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-codes-\(UUID().uuidString)")
        let shipped = Fixture.repositoryRoot.appendingPathComponent("legal-basis")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let base = (try? String(contentsOf: shipped.appendingPathComponent("national/regulation/教师资格条例.xml"), encoding: .utf8)) ?? ""
        for (name, text) in mutate(base) {
            try? text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return CorpusLoader.load(directory: directory.path).1
    }

    static let triggers: [DiagnosticCode: @Sendable () -> [Diagnostic]] = [
        .unreadableFile: { SourceSet.load(["/nonexistent/规则.jz"]).diagnostics },
        .notAJianzhengFile: { SourceSet.load([Fixture.repositoryRoot.appendingPathComponent("Package.swift").path]).diagnostics },
        .unexpectedCharacter: { parse("a $\n") },
        .unterminatedString: { parse("a \"未闭合\n") },
        .invalidUTF8: { Parser.parse(SourceFile(path: "t.jz", bytes: [0x61, 0x20, 0xC3, 0x28, 0x0A])).diagnostics },
        .unterminatedCitation: { parse("basis 《婚姻登记条例\n") },
        .fullWidthPunctuation: { parse("proves 甲，乙\n") },
        .invalidEscape: { parse("text \"\\q\"\n") },
        .controlCharacter: { parse("text \"\u{1B}[2J\"\n") },
        .expectedToken: { parse("a [b\n") },
        .missingClosingBrace: { parse("material 甲 {\n") },
        .unmatchedClosingBrace: { parse("}\n") },
        .nestingTooDeep: { parse(String(repeating: "a {\n", count: 200) + String(repeating: "}\n", count: 200)) },
        .unknownDeclaration: { resolve("materail 甲 {\n  kind certificate\n}\n") },
        .unknownAttribute: { resolve(material("  kind certificate\n  kinds certificate")) },
        .missingAttribute: { resolve(material("  proves 甲")) },
        .duplicateAttribute: { resolve(material("  kind certificate\n  kind certificate")) },
        .wrongValueType: { resolve(material("  kind \"certificate\" certificate")) },
        .unknownValue: { resolve(material("  kind certficate")) },
        .malformedDate: { resolve("source 库 {\n  provider 民政部门\n  sharing none\n  from 2016-13-45\n}\n") },
        .valueOutOfRange: { resolve(material("  kind certificate\n  commitment {\n    text \"承诺\"\n    method 网络核验\n    sample 150%\n  }")) },
        .unknownReference: { resolve(material("  kind certificate\n  issuer 民证部门")) },
        // 甲 declared, then required as the same text with a CJK compatibility ideograph (U+F91D for U+6B04).
        .nameSpelledDifferently: {
            resolve("material 甲\u{6B04} {\n  kind certificate\n}\nprocedure \"P\" 事项 {\n  department 民政部门\n  territory CN-62\n  requires 甲\u{F91D}\n}\n")
        },
        .duplicateDeclaration: { resolve(material("  kind certificate") + "material 甲 {\n  kind certificate\n}\n") },
        .unusedDeclaration: { resolve("material 乙 {\n  kind certificate\n}\n") },
        .unknownPredicate: { resolve("policy 政策 {\n  effective 2020-01-01\n  sufficient-ranks law\n  rule 甲 {\n    verdict remove\n    when basis.sufficent\n    because \"x\"\n  }\n  otherwise keep\n}\n") },
        .inconsistentDates: { resolve("source 库 {\n  provider 民政部门\n  sharing none\n  from 2020-01-01\n  until 2019-01-01\n}\n") },
        .malformedCitation: { resolve(material("  kind certificate\n  basis 《婚姻登记条例》第五")) },
        .unknownAct: { resolve(material("  kind certificate\n  basis 《婚姻登记条列》第五条")) },
        .unknownProvision: { resolve(material("  kind certificate\n  basis 《婚姻登记条例》第九十九条")) },
        .xmlNotWellFormed: { XMLLoader.parse(Array("<a><b></a>".utf8), path: "x.xml").1 },
        .xmlSchemaInvalid: { corpus { ["a.xml": $0.replacingOccurrences(of: "textStatus=\"excerpt\"", with: "textStatus=\"maybe\"")] } },
        .xmlEntityRefused: { XMLLoader.parse(Array("<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>".utf8), path: "x.xml").1 },
        .xmlTooLarge: { XMLLoader.parse(Array(String(repeating: "<a>", count: 300).utf8), path: "x.xml").1 },
        .corpusDuplicateEId: {
            corpus { ["a.xml": $0.replacingOccurrences(of: "eId=\"art_15__para_1__point_2\"", with: "eId=\"art_15__para_1__point_1\"")] }
        },
        .corpusDanglingReference: { corpus { ["a.xml": $0.replacingOccurrences(of: "/akn/cn/act/1993/zxfl-15", with: "/akn/cn/act/1900/none")] } },
        .corpusOverlappingVersions: {
            corpus { ["a.xml": $0, "b.xml": $0.replacingOccurrences(of: "zho@1995-12-12", with: "zho@1995-12-12b")] }
        },
        .corpusDuplicateExpression: { corpus { ["a.xml": $0, "b.xml": $0] } },
        .corpusInvalidMetadata: {
            corpus { ["a.xml": $0, "b.xml": $0.replacingOccurrences(of: "zho@1995-12-12", with: "zho@2000-01-01").replacingOccurrences(of: "date=\"1995-12-12\" name=\"version\"", with: "date=\"2000-01-01\" name=\"version\"").replacingOccurrences(of: "administrative-regulation", with: "law")] }
        },
        .corpusCacheRefused: {
            let cache = FileManager.default.temporaryDirectory.appendingPathComponent("jz-open-cache-\(UUID().uuidString)").path
            try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
            chmod(cache, 0o777)
            return CorpusLoader.load(
                directory: Fixture.repositoryRoot.appendingPathComponent("legal-basis").path, extraDocuments: [], cacheRoot: cache,
                minimumCached: 0
            ).1
        },
        .corpusNumberMismatch: { corpus { ["a.xml": $0.replacingOccurrences(of: "<num>第十五条</num>", with: "<num>第十六条</num>")] } },
        .corpusAmbiguousName: {
            // A second work that takes the first one's 文号.
            corpus { ["a.xml": $0, "b.xml": $0.replacingOccurrences(of: "gwyl-188", with: "forged-1")] }
        },
        .corpusSharedTitle: { AmbiguousTitleTests.sharedTitleCorpus().1 },
        .corpusNotAkomaNtoso: {
            corpus { ["a.xml": $0.replacingOccurrences(of: #"<FRBRManifestation>[\s\S]*</FRBRManifestation>"#, with: "", options: .regularExpression)] }
        },
        .renumberedProvision: {
            guard let corpus = try? AmbiguousTitleTests.renumberedCorpus() else { return [] }
            return AmbiguousTitleTests.resolve("《某某法》第二条", in: corpus)
        },
        .importLineNotPlaced: { LegalTextImporter.read("某法\n说明\n第一条　正文。\n", path: "t.txt").diagnostics },
        .importNothingToImport: {
            CorpusImport.run("没有结构的一行。\n", path: "t.txt", out: "t.xml", flags: .init(), previous: nil, generated: CalendarDate(year: 2026, month: 1, day: 1)!)
                .diagnostics
        },
        .importMetadataMissing: { ImportMetadata.resolve(LegalTextImporter.read("某某办法\n第一条　正文。\n", path: "t.txt"), flags: .init(), path: "t.txt").1 },
        .ambiguousAct: {
            let (catalogue, _) = AmbiguousTitleTests.sharedTitleCorpus()
            return AmbiguousTitleTests.resolve("《教师资格条例》第十五条", in: catalogue)
        },
        .corpusRepealCycle: {
            corpus { ["a.xml": $0.replacingOccurrences(of: "textStatus=\"excerpt\"", with: "textStatus=\"excerpt\" repealed=\"2020-01-01\" repealedBy=\"/akn/cn/act/1995/gwyl-188\"")] }
        },
        .policyRuleUnreachable: { resolve("policy 政策 {\n  effective 2020-01-01\n  sufficient-ranks law\n  rule 甲 {\n    verdict remove\n    because \"x\"\n  }\n  rule 乙 {\n    verdict keep\n    when basis.sufficient\n    because \"y\"\n  }\n  otherwise keep\n}\n") },
        .policyRuleConflict: { resolve("policy 政策 {\n  effective 2020-01-01\n  sufficient-ranks law\n  rule 甲 {\n    verdict remove\n    when absurd\n    because \"x\"\n  }\n  rule 乙 {\n    verdict keep\n    when absurd\n    because \"y\"\n  }\n  otherwise keep\n}\n") },
        .policyOverlap: {
            resolve("policy 甲 {\n  effective 2020-01-01\n  sufficient-ranks law\n  otherwise keep\n}\npolicy 乙 {\n  effective 2021-01-01\n  sufficient-ranks law\n  otherwise keep\n}\n")
        },
        .policyExceptionCycle: {
            resolve("policy 政策 {\n  effective 2020-01-01\n  sufficient-ranks law\n  rule 甲 {\n    verdict remove\n    exception-to 乙\n    because \"x\"\n  }\n  rule 乙 {\n    verdict keep\n    exception-to 甲\n    because \"y\"\n  }\n  otherwise keep\n}\n")
        },
        .sharedCommitmentTerms: {
            resolve(
                "material 甲 {\n  kind certificate\n  commitment {\n    text \"承诺\"\n    method 书面核查\n  }\n}\n"
                    + "procedure \"P1\" 一 {\n  department 民政部门\n  territory CN-62\n  requires 甲\n}\n"
                    + "procedure \"P2\" 二 {\n  department 公安机关\n  territory CN-62\n  requires 甲\n}\n")
        },
        .commitmentEntryNotRequired: {
            resolve(material("  kind certificate") + "commitment-catalogue 目录 {\n  issuer 民政部门\n  published 2021-01-01\n  entry \"P\" 乙 {\n    text \"x\"\n    method 书面核查\n  }\n}\nmaterial 乙 {\n  kind certificate\n}\n")
        },
        .commitmentTermsTwice: {
            resolve(material("  kind certificate") + "commitment-catalogue 目录 {\n  issuer 民政部门\n  published 2021-01-01\n  entry \"P\" 甲 {\n    text \"x\"\n    method 书面核查\n  }\n  entry \"P\" 甲 {\n    text \"y\"\n    method 书面核查\n  }\n}\n")
        },
        .lookalikeName: { resolve(material("  kind certificate") + "material 甲\u{0410} {\n  kind certificate\n}\nmaterial 甲A {\n  kind certificate\n}\n") },
        .policyPhrasesMissing: {
            resolve("policy 政策 {\n  effective 2020-01-01\n  sufficient-ranks law\n  rule 甲 {\n    verdict remove\n    when duty-shifted\n    because \"x\"\n  }\n  otherwise keep\n}\n")
        },
        .unknownTemplateField: {
            guard case .failure(let diagnostic) = CommitmentNotice.parse("事项：{{事项名称}}\n", path: "t.txt", language: .zh) else { return [] }
            return [diagnostic]
        },
        .policyNoDefault: { resolve("policy 政策 {\n  effective 2020-01-01\n  sufficient-ranks law\n}\n") },
    ]

    @Test func everyCodeHasATrigger() {
        let missing = DiagnosticCode.allCases.filter { Self.triggers[$0] == nil }
        #expect(missing.isEmpty, "codes without a trigger: \(missing.map(\.rawValue))")
    }

    @Test(arguments: DiagnosticCode.allCases)
    func triggerProducesTheCode(_ code: DiagnosticCode) throws {
        let trigger = try #require(Self.triggers[code])
        let diagnostics = trigger()
        #expect(diagnostics.contains { $0.code == code }, "got \(diagnostics.map { "\($0.code.rawValue) \($0.message)" })")
    }

    @Test func unknownNameSuggestsTheClosestDeclaration() throws {
        let diagnostics = Self.resolve(Self.material("  kind certificate\n  issuer 民证部门"))
        let unknown = try #require(diagnostics.first { $0.code == .unknownReference })
        #expect(unknown.message == "unknown department '民证部门'")
        #expect(unknown.notes.map(\.message) == ["did you mean '民政部门'?"])
        #expect(unknown.fixIts.first?.replacement == "民政部门")
    }
}

@Suite struct DiagnosticDocumentationTests {
    @Test func everyCodeIsDocumented() throws {
        let text = try String(
            contentsOf: Fixture.repositoryRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(text.contains("| \(code.rawValue) |"), "docs/diagnostics.md lacks \(code.rawValue)")
        }
    }
}

/// `--lang zh`: every triggered diagnostic says its problem in Chinese; the messages whose shape has no Chinese
/// sentence yet are listed here, so a new English message without one fails.
@Suite struct ChineseDiagnosticTests {
    /// libxml2 writes these messages itself, in English; in Chinese they follow the code's Chinese title.
    static let untranslatedCodes: Set<DiagnosticCode> = [.xmlNotWellFormed, .xmlSchemaInvalid, .xmlTooLarge]

    @Test func everyTriggeredMessageHasItsChineseSentence() {
        var untranslated: [String] = []
        for (code, trigger) in DiagnosticCodeTests.triggers {
            for diagnostic in trigger() where diagnostic.code == code {
                let chinese = DiagnosticWording(language: .zh).translated(diagnostic)
                #expect(chinese.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(code.rawValue): \(chinese.message)")
                if DiagnosticWording.chinese(diagnostic.message) == nil, !Self.untranslatedCodes.contains(code) {
                    untranslated.append("\(code.rawValue) \(DiagnosticWording.shape(of: diagnostic.message).0)")
                }
            }
        }
        #expect(untranslated.isEmpty, "messages without a Chinese sentence:\n\(untranslated.sorted().joined(separator: "\n"))")
    }
}
