import Foundation
import JianzhengSyntax

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
}
