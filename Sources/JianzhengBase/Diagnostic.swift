/// A problem found in the input, with a stable code apart from its wording.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .note: 0
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary message, optionally at its own location.
    public struct Note: Sendable, Hashable, Codable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = UnsafeCharacters.neutralised(message)
            self.range = range
        }
    }

    /// A suggested edit: replace the text in `range` with `replacement`.
    public struct FixIt: Sendable, Hashable, Codable {
        public var message: String
        public var range: SourceRange
        public var replacement: String

        public init(_ message: String, range: SourceRange, replacement: String) {
            self.message = message
            self.range = range
            self.replacement = replacement
        }
    }

    public var code: DiagnosticCode
    public var severity: Severity
    /// Lower-case, no final period, names in '…'.
    public var message: String
    public var range: SourceRange
    public var notes: [Note]
    public var fixIts: [FixIt]

    public init(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        severity: Severity? = nil, notes: [Note] = [], fixIts: [FixIt] = []
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        // Messages quote names, citations and cell text; a control character in them is shown, never sent.
        self.message = UnsafeCharacters.neutralised(message)
        self.range = range
        self.notes = notes
        self.fixIts = fixIts
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, line and column so that output is deterministic.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
            return lhs.code.rawValue < rhs.code.rawValue
        }
    }
}

extension [Diagnostic] {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
