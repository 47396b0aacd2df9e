import Foundation
import JianzhengBase
import JianzhengSyntax

/// Declared names that a reader cannot tell apart: `Ａ证明` (full-width) and `A证明`, or a Latin letter replaced
/// by a Cyrillic or Greek one (`Bизa`). Each is a warning on the later declaration; one name mixing Latin with
/// Cyrillic or Greek letters is a warning too.
///
/// Only names holding a character outside ASCII and the CJK ideographs are examined (one scan of their
/// scalars), so a catalogue of Chinese names costs no more than reading them.
enum LookalikeNames {
    static func check(_ catalogue: Catalogue) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        check("material", catalogue.materials.keys, { catalogue.materials[$0]?.range }, into: &diagnostics)
        check("department", catalogue.departments.keys, { catalogue.departments[$0]?.range }, into: &diagnostics)
        check("source", catalogue.sources.keys, { catalogue.sources[$0]?.range }, into: &diagnostics)
        check("procedure", catalogue.procedures.keys, { catalogue.procedures[$0]?.range }, into: &diagnostics)
        return diagnostics
    }

    /// `names` are the declared names of a kind, `declared(name)` where one is declared. Only the names that are
    /// not plain are sorted and examined (none, in most catalogues).
    private static func check(
        _ kind: String, _ names: some Collection<String>, _ declared: (String) -> SourceRange?, into diagnostics: inout [Diagnostic]
    ) {
        var bySkeleton: [String: String] = [:]
        for name in names.filter({ !isPlain($0) }).sorted() {
            let skeleton = Self.skeleton(name)
            if mixesScripts(name), let range = declared(name) {
                diagnostics.append(Diagnostic(
                    .lookalikeName, "\(kind) '\(name)' mixes Latin with Cyrillic or Greek letters that look the same", at: range))
            }
            let twin = declared(skeleton) != nil && skeleton != name ? skeleton : bySkeleton[skeleton]
            if let twin, let range = declared(name) {
                diagnostics.append(Diagnostic(
                    .lookalikeName, "\(kind) '\(name)' looks like '\(twin)' but is another name", at: range,
                    notes: declared(twin).map { [Diagnostic.Note("'\(twin)' is declared here", at: $0)] } ?? []))
            } else {
                bySkeleton[skeleton] = name
            }
        }
    }

    /// ASCII and CJK ideographs only: nothing in it can be confused by compatibility forms or homoglyphs.
    private static func isPlain(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { $0.isASCII || (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// The name with compatibility forms folded (full-width letters and digits) and Cyrillic and Greek letters
    /// that look like Latin ones replaced by them.
    static func skeleton(_ name: String) -> String {
        String(String.UnicodeScalarView(name.precomposedStringWithCompatibilityMapping.unicodeScalars.map { homoglyphs[$0.value] ?? $0 }))
    }

    private static func mixesScripts(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        let latin = scalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        return latin && scalars.contains { homoglyphs[$0.value] != nil }
    }

    /// Cyrillic and Greek letters drawn like Latin ones (after Unicode's confusables list, the common part).
    private static let homoglyphs: [UInt32: Unicode.Scalar] = [
        0x0430: "a", 0x0410: "A", 0x0412: "B", 0x0441: "c", 0x0421: "C", 0x0435: "e", 0x0415: "E", 0x041D: "H",
        0x0456: "i", 0x0406: "I", 0x0458: "j", 0x041A: "K", 0x041C: "M", 0x043E: "o", 0x041E: "O", 0x0440: "p",
        0x0420: "P", 0x0455: "s", 0x0405: "S", 0x0422: "T", 0x0445: "x", 0x0425: "X", 0x0443: "y", 0x0423: "Y",
        0x0391: "A", 0x0392: "B", 0x0395: "E", 0x0396: "Z", 0x0397: "H", 0x0399: "I", 0x039A: "K", 0x039C: "M",
        0x039D: "N", 0x039F: "O", 0x03A1: "P", 0x03A4: "T", 0x03A5: "Y", 0x03A7: "X", 0x03BF: "o", 0x03BD: "v",
    ]
}
