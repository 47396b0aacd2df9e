/// Characters that can hide, reorder or execute text: control characters and bidirectional formatting.
///
/// Names refuse them (a located error), and text written to a terminal has them replaced by a visible
/// `\u{…}` form, so that a procedure name from a spreadsheet cannot clear the screen, write the clipboard
/// (OSC 52), hide a hyperlink (OSC 8) or display `exe.txt` as `txt.exe` (U+202E).
public enum UnsafeCharacters {
    /// C0 controls other than tab, line feed and carriage return; DEL; C1 controls; bidirectional marks,
    /// embeddings, overrides and isolates; the line and paragraph separators.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether a name may not contain this scalar: every unsafe one, tab and line breaks, and invisible
    /// zero-width characters (U+200B–U+200D, U+2060, U+FEFF) that make two names look the same.
    public static func isRefusedInName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: isUnsafe(scalar)
        }
    }

    /// The first scalar a name may not contain, if any.
    public static func firstRefusedInName(_ name: String) -> Unicode.Scalar? {
        name.unicodeScalars.first(where: isRefusedInName)
    }

    /// `U+202E RIGHT-TO-LEFT OVERRIDE`: how an unsafe scalar is named in a message (never the scalar itself).
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name = scalar.properties.name ?? scalar.properties.nameAlias ?? controlNames[scalar.value]
        return name.map { "\(code) \($0)" } ?? code
    }

    private static let controlNames: [UInt32: String] = [
        0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x9B: "CONTROL SEQUENCE INTRODUCER",
        0x9D: "OPERATING SYSTEM COMMAND",
    ]

    /// Text safe to write to a terminal: every unsafe scalar replaced by `\u{XX}`; tabs and line breaks kept.
    /// Text without unsafe scalars is returned unchanged (checked on bytes first, so the common case is cheap).
    public static func neutralised(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }),
            text.unicodeScalars.contains(where: isUnsafe)
        else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
