import Foundation
import Testing

import JianzhengBase
@testable import JianzhengSyntax

/// Every shipped `.jz` file parses cleanly, is already formatted, and formats to the same tree.
@Suite struct RoundTripTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var shippedFiles: [String] {
        ["rules", "examples"].flatMap { folder -> [String] in
            let base = root.appendingPathComponent(folder).path
            let names = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []
            return names.filter { $0.hasSuffix(".jz") }.map { "\(folder)/\($0)" }.sorted()
        }
    }

    @Test func thereAreShippedFiles() {
        #expect(Self.shippedFiles.count >= 15)
    }

    @Test(arguments: shippedFiles)
    func parseFormatParseGivesTheSameTree(_ relative: String) throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent(relative))
        let file = SourceFile(path: relative, bytes: [UInt8](data))
        let (tree, diagnostics) = Parser.parse(file)
        #expect(diagnostics.isEmpty)
        let formatted = Formatter().format(tree)
        #expect(formatted == String(decoding: data, as: UTF8.self), "\(relative) is not in canonical form")
        let (again, againDiagnostics) = Parser.parse(SourceFile(path: relative, text: formatted))
        #expect(againDiagnostics.isEmpty)
        #expect(SyntaxDump.dump(again) == SyntaxDump.dump(tree))
        #expect(Formatter().format(again) == formatted)
    }
}
