/// Renders diagnostics as one line each (for logs and editors) or annotated with the source line (for people).
public struct DiagnosticRenderer: Sendable {
    /// The words around a message: severities, `note`, `fix`, `replace with`.
    public struct Words: Sendable {
        public var error, warning, note, fix, replaceWith: String

        public init(error: String, warning: String, note: String, fix: String, replaceWith: String) {
            self.error = error
            self.warning = warning
            self.note = note
            self.fix = fix
            self.replaceWith = replaceWith
        }

        public static let english = Words(error: "error", warning: "warning", note: "note", fix: "fix", replaceWith: "replace with")

        public func severity(_ severity: Diagnostic.Severity) -> String {
            switch severity {
            case .error: error
            case .warning: warning
            case .note: note
            }
        }
    }

    /// Source files by path, used to show the offending line.
    private let files: [String: SourceFile]
    public let words: Words

    public init(files: [SourceFile] = [], words: Words = .english) {
        var byPath: [String: SourceFile] = [:]
        for file in files { byPath[file.path] = file }
        self.files = byPath
        self.words = words
    }

    /// `path:line:column: severity: message [CODE]`, then one indented line per note.
    public func line(_ diagnostic: Diagnostic) -> String {
        var text = "\(Self.position(diagnostic.range.start)): \(words.severity(diagnostic.severity)): "
        text += "\(diagnostic.message) [\(diagnostic.code.rawValue)]"
        for note in diagnostic.notes {
            let place = note.range.map { Self.position($0.start) + ": " } ?? ""
            text += "\n  \(place)\(words.note): \(note.message)"
        }
        return text
    }

    /// The line form followed by the source line with a caret under the offending columns, notes and fix-its.
    public func annotated(_ diagnostic: Diagnostic) -> String {
        var text = "\(Self.position(diagnostic.range.start)): \(words.severity(diagnostic.severity)): "
        text += "\(diagnostic.message) [\(diagnostic.code.rawValue)]\n"
        let start = diagnostic.range.start
        guard let file = files[start.path], start.line >= 1, start.line <= file.lineStarts.count else {
            return text + notesText(diagnostic, gutter: "  ")
        }
        // A window of the line around the column, so that a 100 MB line costs no more than a short one.
        let excerpt = file.lineExcerpt(line: start.line, column: start.column, offset: start.offset)
        let source = (excerpt.cutStart ? "…" : "") + excerpt.text + (excerpt.cutEnd ? "…" : "")
        let column = excerpt.column + (excerpt.cutStart ? 1 : 0)
        let number = String(start.line)
        let gutter = String(repeating: " ", count: number.count + 1)
        let scalars = Array(source.unicodeScalars)
        let prefix = scalars.prefix(max(0, column - 1))
        let sameLine = diagnostic.range.end.line == start.line
        let length = sameLine ? max(1, diagnostic.range.end.column - start.column) : scalars.count + 1 - column
        let marked = scalars.dropFirst(max(0, column - 1)).prefix(max(1, length))
        let width = max(1, marked.reduce(0) { $0 + DisplayWidth.of($1) })
        let padding = String(prefix.map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of($0)) }.joined())
        text += "\(number) | \(source)\n"
        text += "\(gutter)| \(padding)^\(String(repeating: "~", count: width - 1))\n"
        return text + notesText(diagnostic, gutter: "\(gutter)| \(padding)")
    }

    private func notesText(_ diagnostic: Diagnostic, gutter: String) -> String {
        var text = ""
        for note in diagnostic.notes {
            let place = note.range.map { " (" + Self.position($0.start) + ")" } ?? ""
            text += "\(gutter)\(words.note): \(note.message)\(place)\n"
        }
        for fix in diagnostic.fixIts {
            text += "\(gutter)\(words.fix): \(fix.message): \(words.replaceWith) '\(fix.replacement)'\n"
        }
        return text
    }

    /// `path:line:column`.
    public static func position(_ location: SourceLocation) -> String {
        "\(location.path):\(location.line):\(location.column)"
    }
}
