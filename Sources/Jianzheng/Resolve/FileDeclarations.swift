import JianzhengBase
import JianzhengSyntax

/// One file's top-level declarations read into the typed model, independently of every other file (so files
/// are read in parallel), with the references, citations and diagnostics that binding them needs.
struct FileDeclarations: Sendable {
    /// A declaration as read. The value types are boxed (`indirect`): a catalogue has hundreds of thousands of
    /// entries, and inline the largest (a policy) would make every one of them 368 bytes instead of about 100.
    enum Declaration: Sendable {
        indirect case department(Department)
        case material(Material)
        case source(DataSource)
        case procedure(Procedure)
        indirect case policy(Policy)
        indirect case costModel(CostModel)
        indirect case delegation(ExpressDelegation)
        indirect case commitmentCatalogue(CommitmentCatalogue)
        indirect case test(RuleTest)

        /// The declaration's head: its keyword and name.
        var range: SourceRange {
            switch self {
            case .department(let department): department.range
            case .material(let material): material.range
            case .source(let source): source.range
            case .procedure(let procedure): procedure.range
            case .policy(let policy): policy.range
            case .costModel(let model): model.range
            case .delegation(let delegation): delegation.range
            case .commitmentCatalogue(let list): list.range
            case .test(let test): test.range
            }
        }
    }

    /// One declaration, and which of the file's diagnostics, references and citations it produced (dropped
    /// with it when it turns out to be a duplicate).
    struct Entry: Sendable {
        var keyword: String
        var name: String
        var keywordRange: SourceRange
        var declaration: Declaration
        private var storedDiagnostics: Range<Int32>
        private var storedReferences: Range<Int32>
        private var storedCitations: Range<Int32>

        init(
            keyword: String, name: String, keywordRange: SourceRange, declaration: Declaration,
            diagnostics: Range<Int>, references: Range<Int>, citations: Range<Int>
        ) {
            self.keyword = keyword
            self.name = name
            self.keywordRange = keywordRange
            self.declaration = declaration
            storedDiagnostics = Self.narrow(diagnostics)
            storedReferences = Self.narrow(references)
            storedCitations = Self.narrow(citations)
        }

        var diagnostics: Range<Int> { Int(storedDiagnostics.lowerBound)..<Int(storedDiagnostics.upperBound) }
        var references: Range<Int> { Int(storedReferences.lowerBound)..<Int(storedReferences.upperBound) }
        var citations: Range<Int> { Int(storedCitations.lowerBound)..<Int(storedCitations.upperBound) }

        /// Positions in one file's lists (a file is under 4 GB: `SourceLocation` holds its offsets in 32 bits).
        private static func narrow(_ range: Range<Int>) -> Range<Int32> {
            Int32(clamping: range.lowerBound)..<Int32(clamping: range.upperBound)
        }
    }

    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []
    var references: [PendingReference] = []
    /// Citations with ids into `citationTable`, the file's own table; `segment` tells the catalogue's table
    /// which file they came from.
    var citations: [CitationReference] = []
    var citationTable = CitationTable()
    /// Diagnostics of parsing the file, when it was parsed here.
    var parseDiagnostics: [Diagnostic] = []

    /// No declarations.
    init() {}

    /// Reads every top-level statement of `tree`; `segment` is the file's position among those bound together.
    init(reading tree: SyntaxTree, segment: Int32) {
        var readers = DeclarationReaders(segment: segment)
        for statement in tree.statements { read(statement, with: &readers) }
        finish(readers)
    }

    /// Parses `file` and reads its declarations one at a time as they are parsed (`Parser.parseEach`): the file's
    /// syntax tree is never held whole.
    init(parsing file: SourceFile, segment: Int32) {
        var declarations = FileDeclarations()
        var readers = DeclarationReaders(segment: segment)
        let diagnostics = Parser.parseEach(file) { tree in
            for statement in tree.statements { declarations.read(statement, with: &readers) }
        }
        declarations.finish(readers)
        declarations.parseDiagnostics = diagnostics
        self = declarations
    }

    /// Reads one top-level statement.
    private mutating func read(_ statement: Statement, with readers: inout DeclarationReaders) {
        let keyword = statement.keyword
        guard Parser.declarationKeywords.contains(keyword) else {
            let suggestion = Suggestions.closest(to: keyword, among: Parser.declarationKeywords)
            readers.reader.report(Diagnostic(
                .unknownDeclaration, "unknown declaration '\(keyword)'", at: statement.keywordRange,
                notes: suggestion.map { Diagnostic.Note("did you mean '\($0)'?") }
                    + [Diagnostic.Note("declarations: " + Parser.declarationKeywords.sorted().joined(separator: ", "))]))
            return
        }
        // A delegation is named by the article that delegates: `delegation 《道路交通安全法》第十九条第二款 { … }`.
        let delegating = keyword == "delegation" ? readers.delegatingArticle(statement) : nil
        guard let name = delegating?.text ?? (keyword == "delegation" ? nil : readers.declarationName(statement, what: keyword)) else { return }
        let start = (readers.reader.diagnostics.count, readers.references.count, readers.citations.count)
        let declaration: Declaration =
            if let delegating { .delegation(readers.delegation(statement, article: delegating)) } else {
            switch keyword {
            case "department": .department(readers.department(statement, name: name))
            case "material": .material(readers.material(statement, name: name))
            case "source": .source(readers.source(statement, name: name))
            case "procedure": .procedure(readers.procedure(statement, id: name))
            case "policy": .policy(readers.policy(statement, name: name))
            case "cost-model": .costModel(readers.costModel(statement, name: name))
            case "commitment-catalogue": .commitmentCatalogue(readers.commitmentCatalogue(statement, name: name))
            default: .test(readers.test(statement, title: name))
            }
            }
        entries.append(Entry(
            keyword: keyword, name: name, keywordRange: statement.keywordRange, declaration: declaration,
            diagnostics: start.0..<readers.reader.diagnostics.count, references: start.1..<readers.references.count,
            citations: start.2..<readers.citations.count))
    }

    /// Takes what the readers collected.
    private mutating func finish(_ readers: DeclarationReaders) {
        diagnostics = readers.reader.diagnostics
        references = Self.trimmed(readers.references)
        citations = Self.trimmed(readers.citations)
        citationTable = readers.citationTable
    }

    /// `list` in storage of its size. A file's references and citations grow one at a time, with up to as much room
    /// again to spare, and every file's are held until the bound catalogue is checked.
    private static func trimmed<Element>(_ list: [Element]) -> [Element] {
        guard list.capacity - list.count > list.count / 8 else { return list }
        return Array(unsafeUninitializedCapacity: list.count) { buffer, count in count = buffer.initialize(fromContentsOf: list) }
    }
}
