import Foundation
import JianzhengBase

/// `corpus import` as one step: a legal text read, its metadata resolved, written as Akoma Ntoso and read back
/// the way the corpus loader reads it (a failure there is a bug, and nothing is to be written). For a new
/// version of an act, the articles its amendment renumbered are recorded in the document.
public enum CorpusImport {
    public struct Outcome: Sendable {
        /// The document, when one can be written.
        public let data: Data?
        /// The document as the corpus reads it.
        public let act: LegalAct?
        /// What changed against the previous version, for a new version.
        public let comparison: VersionComparison?
        /// Lines not placed, metadata missing, and anything reading the document back found.
        public let diagnostics: [Diagnostic]
        /// How many lines of the text were not placed.
        public let linesNotPlaced: Int
    }

    /// `path` is the text's (where its diagnostics point), `out` the document's.
    public static func run(
        _ text: String, path: String, out: String, flags: ImportMetadata.Flags, previous: LegalAct?, generated: CalendarDate
    ) -> Outcome {
        let imported = LegalTextImporter.read(text, path: path)
        if imported.body.isEmpty, imported.opening.isEmpty, imported.annexes.isEmpty {
            let nothing = Diagnostic(
                .importNothingToImport,
                "the text has no article, section or annex: nothing to import; check that it is the text of a legal document and its encoding",
                at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1)))
            return Outcome(data: nil, act: nil, comparison: nil, diagnostics: imported.diagnostics + [nothing], linesNotPlaced: imported.diagnostics.count)
        }
        let (resolved, missing) = ImportMetadata.resolve(imported, flags: flags, path: path, previous: previous)
        let found = imported.diagnostics + missing
        guard var metadata = resolved, case .success(let schema) = CorpusSchema.compiled else {
            return Outcome(data: nil, act: nil, comparison: nil, diagnostics: found, linesNotPlaced: imported.diagnostics.count)
        }
        var data = AkomaNtosoWriter.write(imported, metadata: metadata, generated: generated)
        // The corpus would refuse the document unread: said of the text, which is what must change.
        guard data.count <= InputFile.Limit.xml else {
            let large = Diagnostic(
                .xmlTooLarge,
                "the document written from this text would be \(data.count) bytes, more than the \(InputFile.Limit.xml) the corpus reads; import the text in parts (by 编 or 章)",
                at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1)))
            return Outcome(data: nil, act: nil, comparison: nil, diagnostics: found + [large], linesNotPlaced: imported.diagnostics.count)
        }
        var (read, problems) = CorpusLoader.readDocument(Array(data), path: out, schema: schema)
        var comparison: VersionComparison?
        if let old = previous?.versions.last, let new = read?.versions.first {
            comparison = VersionComparison(old: old, new: new)
            if let renumbered = comparison?.renumberings, !renumbered.isEmpty {
                metadata.renumbered = renumbered
                data = AkomaNtosoWriter.write(imported, metadata: metadata, generated: generated)
                (read, problems) = CorpusLoader.readDocument(Array(data), path: out, schema: schema)
            }
        }
        let failed = read == nil || problems.contains { $0.severity == .error }
        return Outcome(
            data: failed ? nil : data, act: failed ? nil : read, comparison: comparison, diagnostics: found + problems,
            linesNotPlaced: imported.diagnostics.count)
    }
}
