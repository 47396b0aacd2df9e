import JianzhengBase
import JianzhengSyntax
import LegalCorpus

/// How often an attribute may appear in a declaration's block.
enum Cardinality {
    case required, optional, many
}

/// The attributes a declaration accepts and how often each may appear, kept sorted by name (a handful of short
/// names: looked up by comparing, no hashing; lengths first, so most names are passed over without comparing text).
struct AttributeSchema: ExpressibleByDictionaryLiteral, Sendable {
    let names: [String]
    let cardinalities: [Cardinality]
    private let lengths: [Int]

    init(dictionaryLiteral elements: (String, Cardinality)...) {
        let sorted = elements.sorted { $0.0 < $1.0 }
        names = sorted.map(\.0)
        cardinalities = sorted.map(\.1)
        lengths = names.map(\.utf8.count)
    }

    func index(of name: String) -> Int? {
        let length = name.utf8.count
        for index in names.indices where lengths[index] == length && names[index] == name { return index }
        return nil
    }
}

/// A declaration's attributes by name: the block's statements, not copied, with for each attribute of the schema
/// where its first and last statements are and for each statement where the next of the same attribute is — all in
/// one array (a catalogue reads a million blocks: one allocation each, not three). A class: every read of an
/// attribute hands it to a sequence and an iterator, and a copy of a reference is one count, not one per array.
/// The links are collected before the class is made (`Links`) and never change after, so reading them needs no
/// exclusivity check.
final class Fields {
    let schema: AttributeSchema
    private let statements: StatementList
    /// `[first of each attribute | last of each attribute | next of each statement]`, positions in `statements`
    /// (-1: none). The last is what collecting them needed; the next: the next statement of the same attribute.
    private let links: [Int32]

    /// The links while the block's statements are collected.
    fileprivate struct Links {
        private let attributes: Int
        private(set) var links: [Int32]

        init(attributes: Int, statements: Int) {
            self.attributes = attributes
            links = Array(repeating: -1, count: 2 * attributes + statements)
        }

        /// The first statement of attribute `index` added so far (-1: none).
        func first(_ index: Int) -> Int32 { links[index] }

        /// Adds the statement at `position` to attribute `index`.
        mutating func add(_ position: Int, to index: Int) {
            let last = links[attributes + index]
            if last < 0 { links[index] = Int32(position) } else { links[2 * attributes + Int(last)] = Int32(position) }
            links[attributes + index] = Int32(position)
        }
    }

    fileprivate init(schema: AttributeSchema, statements: StatementList, links: Links) {
        self.schema = schema
        self.statements = statements
        self.links = links.links
    }

    private func next(of position: Int) -> Int32 { links[2 * schema.names.count + position] }

    /// The first statement of attribute `index`, if any.
    fileprivate func first(at index: Int) -> Statement? {
        links[index] < 0 ? nil : statements[Int(links[index])]
    }

    /// The first statement of an attribute, or nil when it is absent.
    func first(_ name: String) -> Statement? {
        schema.index(of: name).flatMap(first(at:))
    }

    /// The statements of an attribute, in order (none when it is absent).
    subscript(name: String) -> AttributeStatements {
        AttributeStatements(fields: self, first: schema.index(of: name).map { links[$0] } ?? -1)
    }

    /// The statements of one attribute, followed through the links without collecting them into an array.
    struct AttributeStatements: Sequence {
        fileprivate let fields: Fields
        fileprivate let first: Int32

        struct Iterator: IteratorProtocol {
            fileprivate let fields: Fields
            fileprivate var position: Int32

            mutating func next() -> Statement? {
                guard position >= 0 else { return nil }
                defer { position = fields.next(of: Int(position)) }
                return fields.statements[Int(position)]
            }
        }

        func makeIterator() -> Iterator { Iterator(fields: fields, position: first) }

        /// How many there are (the links are followed): what is collected from them is allocated at its size once
        /// instead of grown, with room to spare, one statement at a time.
        var underestimatedCount: Int {
            var count = 0
            var position = first
            while position >= 0 {
                count += 1
                position = fields.next(of: Int(position))
            }
            return count
        }
    }
}

/// Reads the attributes of one declaration's block against a schema, reporting unknown, missing and
/// duplicate attributes and values of the wrong type. Collects diagnostics and keeps going.
struct AttributeReader {
    private(set) var diagnostics: [Diagnostic] = []

    /// The statements of a block grouped by keyword, checked against `schema`.
    mutating func attributes(
        of declaration: Statement, schema: AttributeSchema, what describe: @autoclosure () -> String
    ) -> Fields {
        let statements = declaration.children
        var found = Fields.Links(attributes: schema.names.count, statements: statements.count)
        for (position, statement) in statements.enumerated() {
            guard let index = schema.index(of: statement.keyword) else {
                let suggestion = Suggestions.closest(to: statement.keyword, among: schema.names)
                diagnostics.append(Diagnostic(
                    .unknownAttribute, "unknown attribute '\(statement.keyword)' in \(describe())", at: statement.keywordRange,
                    notes: suggestion.map { Diagnostic.Note("did you mean '\($0)'?") }
                        + [Diagnostic.Note("allowed here: " + schema.names.joined(separator: ", "))],
                    fixIts: suggestion.map { Diagnostic.FixIt("rename", range: statement.keywordRange, replacement: $0) }))
                continue
            }
            if schema.cardinalities[index] != .many, found.first(index) >= 0 {
                let first = statements[Int(found.first(index))]
                diagnostics.append(Diagnostic(
                    .duplicateAttribute, "'\(statement.keyword)' is given more than once in \(describe())",
                    at: statement.keywordRange, notes: [Diagnostic.Note("first given here", at: first.keywordRange)]))
                continue
            }
            found.add(position, to: index)
        }
        for (index, name) in schema.names.enumerated() where schema.cardinalities[index] == .required && found.first(index) < 0 {
            diagnostics.append(Diagnostic(
                .missingAttribute, "\(describe()) lacks the required attribute '\(name)'", at: declaration.keywordRange))
        }
        return Fields(schema: schema, statements: statements, links: found)
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: - Values

    /// A name written as an identifier or a string.
    static func nameValue(_ expression: Expression) -> String? {
        switch expression {
        case .name(let name, _): name
        case .string(let value, _): value
        default: nil
        }
    }

    /// Exactly one name.
    mutating func name(_ statement: Statement?) -> String? {
        guard let statement else { return nil }
        guard statement.arguments.count == 1, let value = Self.nameValue(statement.arguments[0].expression) else {
            wrongType(statement, expected: "one name")
            return nil
        }
        return value
    }

    /// One or more names, with where each is written.
    mutating func names(_ statements: some Sequence<Statement>) -> [(String, SourceRange)] {
        collectNames(statements) { ($0, $1) }
    }

    /// One or more names, for a list nothing refers back into (no array of names with their places is made first).
    mutating func nameList(_ statements: some Sequence<Statement>) -> [String] {
        collectNames(statements) { name, _ in name }
    }

    private mutating func collectNames<Element>(
        _ statements: some Sequence<Statement>, _ element: (String, SourceRange) -> Element
    ) -> [Element] {
        var result: [Element] = []
        for statement in statements {
            if statement.arguments.isEmpty { wrongType(statement, expected: "one or more names") }
            for argument in statement.arguments {
                guard let value = Self.nameValue(argument.expression) else {
                    wrongType(statement, expected: "names", at: argument.expression.range)
                    continue
                }
                result.append(element(value, argument.expression.range))
            }
        }
        return result
    }

    /// One string literal.
    mutating func string(_ statement: Statement?) -> String? {
        guard let statement else { return nil }
        guard statement.arguments.count == 1, case .string(let value, _) = statement.arguments[0].expression else {
            wrongType(statement, expected: "one string in quotes")
            return nil
        }
        return value
    }

    /// One date, `YYYY-MM-DD`.
    mutating func date(_ statement: Statement?) -> CalendarDate? {
        guard let statement else { return nil }
        guard statement.arguments.count == 1, case .date(let text, let range) = statement.arguments[0].expression else {
            wrongType(statement, expected: "a date written YYYY-MM-DD")
            return nil
        }
        guard let date = CalendarDate(text) else {
            diagnostics.append(Diagnostic(.malformedDate, "'\(text)' is not a valid date", at: range,
                notes: [Diagnostic.Note("write a real calendar date as YYYY-MM-DD")]))
            return nil
        }
        return date
    }

    /// One non-negative number, optionally followed by a unit word (`20 工作日`).
    mutating func number(_ statement: Statement?, units: [String] = []) -> Double? {
        guard let statement else { return nil }
        let arguments = statement.arguments
        let unitOK = arguments.count == 1
            || (arguments.count == 2 && Self.nameValue(arguments[1].expression).map(units.contains) == true)
        guard unitOK, case .number(let text, let range) = arguments[0].expression else {
            wrongType(statement, expected: units.isEmpty ? "a number" : "a number, optionally with " + units.sorted().joined(separator: "/"))
            return nil
        }
        guard let value = Double(text), value.isFinite, value < 1e12 else {
            diagnostics.append(Diagnostic(.valueOutOfRange, "number '\(text)' is out of range", at: range))
            return nil
        }
        return value
    }

    /// One whole number.
    mutating func integer(_ statement: Statement?, units: [String] = []) -> Int? {
        guard let value = number(statement, units: units) else { return nil }
        guard value == value.rounded() else {
            if let statement { wrongType(statement, expected: "a whole number") }
            return nil
        }
        return Int(value)
    }

    /// One whole number that fits in 32 bits (a material's trips and days are held so).
    mutating func count(_ statement: Statement?, units: [String] = []) -> Int? {
        guard let value = integer(statement, units: units) else { return nil }
        guard let statement, value > Int(Int32.max) || value < Int(Int32.min) else { return value }
        diagnostics.append(Diagnostic(
            .valueOutOfRange, "number '\(value)' is out of range (\(Int32.min) to \(Int32.max))", at: statement.arguments[0].expression.range))
        return nil
    }

    /// A percentage as a fraction 0…1; the first argument must be `N%`.
    mutating func fraction(_ statement: Statement?) -> Double? {
        guard let statement else { return nil }
        guard let first = statement.arguments.first, case .percent(let text, let range) = first.expression else {
            wrongType(statement, expected: "a percentage such as 85%")
            return nil
        }
        guard let value = Double(text), value >= 0, value <= 100 else {
            diagnostics.append(Diagnostic(.valueOutOfRange, "percentage '\(text)%' must be between 0% and 100%", at: range))
            return nil
        }
        return value / 100
    }

    /// One value of a closed vocabulary, with "did you mean" on a typo.
    mutating func value<Value: RawRepresentable & CaseIterable>(_ statement: Statement?, _ type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let statement else { return nil }
        guard statement.arguments.count == 1 else {
            wrongType(statement, expected: "one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return vocabularyValue(statement.arguments[0].expression, type)
    }

    /// Several values of a closed vocabulary.
    mutating func values<Value: RawRepresentable & CaseIterable>(_ statements: some Sequence<Statement>, _ type: Value.Type) -> [Value]
    where Value.RawValue == String {
        statements.flatMap { statement in statement.arguments.compactMap { vocabularyValue($0.expression, type) } }
    }

    mutating func vocabularyValue<Value: RawRepresentable & CaseIterable>(_ expression: Expression, _ type: Value.Type)
        -> Value? where Value.RawValue == String
    {
        // The vocabulary is listed only for a diagnostic (a list of every value per value read was an allocation and a
        // copy of each text per declaration).
        var vocabulary: [String] { Value.allCases.map(\.rawValue) }
        guard let text = Self.nameValue(expression) else {
            diagnostics.append(Diagnostic(.wrongValueType, "expected one of " + vocabulary.joined(separator: ", "), at: expression.range))
            return nil
        }
        if let value = Value(rawValue: text) { return value }
        let allowed = vocabulary
        let suggestion = Suggestions.closest(to: text, among: allowed)
        diagnostics.append(Diagnostic(
            .unknownValue, "unknown value '\(text)'", at: expression.range,
            notes: suggestion.isEmpty
                ? [Diagnostic.Note("expected one of " + allowed.joined(separator: ", "))]
                : suggestion.map { Diagnostic.Note("did you mean '\($0)'?") },
            fixIts: suggestion.map { Diagnostic.FixIt("replace", range: expression.range, replacement: $0) }))
        return nil
    }

    /// Citations written as `《…》…` or as strings (`"国办发〔2020〕42号"`).
    mutating func citations(_ statements: some Sequence<Statement>) -> [CitationReference] {
        var result: [CitationReference] = []
        for statement in statements {
            if statement.arguments.isEmpty { wrongType(statement, expected: "one or more citations") }
            for argument in statement.arguments {
                switch argument.expression {
                case .citation(let text, let range), .string(let text, let range):
                    result.append(CitationReference(text: text, range: range))
                default:
                    wrongType(statement, expected: "a citation such as \(Units.citationExample)", at: argument.expression.range)
                }
            }
        }
        return result
    }

    mutating func wrongType(_ statement: Statement, expected: String, at range: SourceRange? = nil) {
        diagnostics.append(Diagnostic(
            .wrongValueType, "'\(statement.keyword)' expects \(expected)", at: range ?? statement.range))
    }
}
