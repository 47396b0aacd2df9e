import Foundation
import JianzhengBase
import JianzhengReports

/// The 告知承诺书 template of the workspace: `templates/告知承诺书.<lang>.txt` when the workspace has one (so
/// officials change the notice by editing a file), else the built-in text. A template with an unknown field
/// stops the command with its location (exit 1). Outside any workspace the built-in text is used.
enum NoticeTemplate {
    static func load(_ language: ReportLanguage, workspace root: String? = WorkspaceRoot.found) throws -> CommitmentNotice {
        guard let root else { return .standard(language) }
        let path = (root == "." ? "" : root + "/") + "templates/" + CommitmentNotice.fileName(language)
        guard FileManager.default.fileExists(atPath: path) else { return .standard(language) }
        let parsed = InputFile.read(path, limit: 1024 * 1024).flatMap { bytes -> Result<CommitmentNotice, Diagnostic> in
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(Diagnostic(.invalidUTF8, "the commitment notice template is not UTF-8", at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
            }
            return CommitmentNotice.parse(text, path: path, language: language)
        }
        switch parsed {
        case .success(let notice): return notice
        case .failure(let diagnostic):
            DiagnosticPrinter(format: .text, files: []).print([diagnostic])
            throw diagnostic.code == .unreadableFile ? ExitStatus.usage : ExitStatus.findings
        }
    }
}
