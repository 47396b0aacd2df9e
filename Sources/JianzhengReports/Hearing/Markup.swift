import Foundation

/// A markup language with its escaping rule for untrusted text.
public protocol MarkupLanguage {
    /// `text` made inert: it reads as the same characters and never as markup.
    static func escape(_ text: String) -> String
}

/// Text already safe in one markup language, by construction: the only ways to make one are a string literal
/// written in the renderer's source (trusted markup) and interpolation, which escapes every `String` it is given.
/// A renderer that builds its output from `Markup` values cannot forget to escape a name, an id or a quoted
/// article: there is no way to put a raw `String` in.
///
/// ```swift
/// let cell: Markup<HTML> = "<td>\(procedure.name)</td>"   // the name is escaped
/// ```
public struct Markup<Language: MarkupLanguage>: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var text: String

    public init(stringLiteral literal: StaticString) { text = literal.description }

    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    private init(trusted text: String) { self.text = text }

    /// Untrusted text, escaped.
    public static func escaping(_ value: String) -> Markup { Markup(trusted: Language.escape(value)) }

    /// A number, which needs no escaping.
    public static func number(_ value: Int) -> Markup { Markup(trusted: String(value)) }

    public var description: String { text }

    public static func + (lhs: Markup, rhs: Markup) -> Markup { Markup(trusted: lhs.text + rhs.text) }

    public static func += (lhs: inout Markup, rhs: Markup) { lhs.text += rhs.text }

    /// Appends `value` escaped, in place: what `"\(value)"` does, without building a piece first (for big tables).
    public mutating func append(escaping value: String) { text += Language.escape(value) }

    /// Pieces joined by a separator.
    public static func joined(_ pieces: [Markup], separator: Markup = "") -> Markup {
        Markup(trusted: pieces.map(\.text).joined(separator: separator.text))
    }

    public struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

        /// Literal parts are the renderer's own markup.
        public mutating func appendLiteral(_ literal: StaticString) { text += literal.description }

        /// Every string is escaped.
        public mutating func appendInterpolation(_ value: String) { text += Language.escape(value) }

        /// Markup is taken as it is.
        public mutating func appendInterpolation(_ markup: Markup) { text += markup.text }

        public mutating func appendInterpolation(_ value: Int) { text += String(value) }

        /// A coordinate or measure, with one decimal.
        public mutating func appendInterpolation(_ value: Double) { text += String(format: "%.1f", value) }
    }
}

/// HTML element content and attribute values.
public enum HTML: MarkupLanguage {
    /// `&`, `<`, `>`, `"` and `'` as character references; text without them is returned as it is (most text in a
    /// report: the check is one pass over its bytes, and nothing is copied).
    public static func escape(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case 0x26: result += "&amp;".utf8
                case 0x3C: result += "&lt;".utf8
                case 0x3E: result += "&gt;".utf8
                case 0x22: result += "&quot;".utf8
                case 0x27: result += "&#39;".utf8
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }
}

/// Markdown inline text (CommonMark, with raw HTML disabled by escaping `<`, `>` and `&`).
public enum Markdown: MarkupLanguage {
    public static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "*", "_", "`", "[", "]", "\\", "#", "|", "~": result += "\\" + String(scalar)
            case "\n", "\r": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A fenced block holding `text` verbatim: the fence is longer than any run of backticks inside, so nothing
    /// in the text can close it.
    static func fenced(_ text: String) -> Markup<Markdown> {
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return .verbatim(fence + "text\n" + text + "\n" + fence + "\n")
    }
}

extension Markup where Language == Markdown {
    /// Text inside a fence built by `Markdown.fenced`, the one place where text goes in unescaped.
    fileprivate static func verbatim(_ text: String) -> Markup { Markup(trusted: text) }
}
