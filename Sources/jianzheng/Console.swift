import Foundation
import JianzhengBase
import JianzhengReports

/// Text for people, on standard output or standard error, with control characters neutralised: names and
/// file names come from spreadsheets and other departments' files, and must not drive the terminal.
enum Console {
    /// Writes text to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(UnsafeCharacters.neutralised(text).utf8))
    }

    /// Writes text to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(UnsafeCharacters.neutralised(text).utf8))
    }

    /// When to colour: `--color always|never|auto` (default auto: standard error is a terminal and `NO_COLOR` is
    /// not set, https://no-color.org).
    enum ColorChoice: String {
        case auto, always, never
    }

    /// Set once from the command line, before any output.
    nonisolated(unsafe) static var colorChoice = ColorChoice.auto

    /// `--lang zh|en`, set once from the command line; nil when not given.
    nonisolated(unsafe) static var language: ReportLanguage?

    /// The language of diagnostics and messages: `--lang`, else the environment's locale.
    static var diagnosticLanguage: ReportLanguage {
        language ?? DiagnosticWording.environmentLanguage(ProcessInfo.processInfo.environment)
    }

    /// Removes `--lang zh|en` / `--lang=…` from the arguments and applies it.
    static func applyLanguageOption(_ arguments: [String]) -> Result<[String], WorkspaceError> {
        GlobalOption(names: ["--lang"], long: "--lang", valueDescription: "zh or en").extract(from: arguments, as: ReportLanguage.self) {
            language = $0
        }
    }

    static var colorsStandardError: Bool {
        switch colorChoice {
        case .always: true
        case .never: false
        case .auto: isatty(STDERR_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }
    }

    /// Writes an annotated diagnostic to standard error, its severity word coloured when colour is on. The text is
    /// neutralised first; the colour codes are the program's own.
    static func diagnostic(_ text: String, severity: Diagnostic.Severity, word: String) {
        var safe = UnsafeCharacters.neutralised(text)
        if colorsStandardError, let range = safe.range(of: ": \(word): ") {
            let code = switch severity {
            case .error: "1;31"
            case .warning: "1;33"
            case .note: "1;36"
            }
            safe.replaceSubrange(range, with: ": \u{1B}[\(code)m\(word)\u{1B}[0m: ")
        }
        FileHandle.standardError.write(Data(safe.utf8))
    }

    /// Removes `--color WHEN` / `--color=WHEN` from the arguments and applies it.
    static func applyColorOption(_ arguments: [String]) -> Result<[String], WorkspaceError> {
        GlobalOption(names: ["--color"], long: "--color", valueDescription: "auto, always or never").extract(from: arguments, as: ColorChoice.self) {
            colorChoice = $0
        }
    }
}
