import JianzhengBase
import JianzhengSyntax

/// Turns a `when` / `unless` expression into a typed `Condition`, reporting unknown predicates.
struct ConditionBuilder {
    /// Names that take a value: `kind = certificate`, `concerns in [public-safety]`, `department = X`.
    static let valuedNames = ["kind", "concerns", "department", "domain"]

    static var knownNames: [String] { Fact.allCases.map(\.rawValue) + valuedNames }

    static func build(_ expression: Expression, reader: inout AttributeReader) -> Condition? {
        switch expression {
        case .parenthesized(let inner, _):
            return build(inner, reader: &reader)
        case .not(let inner, _):
            return build(inner, reader: &reader).map { .not($0) }
        case .binary(.and, let lhs, let rhs, _), .binary(.or, let lhs, let rhs, _):
            guard let left = build(lhs, reader: &reader), let right = build(rhs, reader: &reader) else { return nil }
            if case .binary(.and, _, _, _) = expression { return .and(left, right) }
            return .or(left, right)
        case .binary(let op, let lhs, let rhs, let range):
            guard let subject = AttributeReader.nameValue(lhs), Self.valuedNames.contains(subject) else {
                return unknown(lhs, reader: &reader, hint: "only kind, concerns, department and domain take a value")
            }
            let positive = comparison(subject, op: op, rhs, range: range, reader: &reader)
            return op == .notEquals ? positive.map { .not($0) } : positive
        case .name(let name, _):
            if name == "always" { return .always }
            guard let fact = Fact(rawValue: name) else { return unknown(expression, reader: &reader, hint: nil) }
            return .fact(fact)
        default:
            reader.report(Diagnostic(.wrongValueType, "a condition must be a fact such as basis.sufficient", at: expression.range))
            return nil
        }
    }

    private static func comparison(
        _ subject: String, op: BinaryOperator, _ rhs: Expression, range: SourceRange, reader: inout AttributeReader
    ) -> Condition? {
        let values: [Expression]
        switch (op, rhs) {
        case (.in, .list(let elements, _)): values = elements
        case (.equals, _), (.notEquals, _): values = [rhs]
        default:
            reader.report(Diagnostic(.wrongValueType, "'in' expects a list such as [public-safety, life-health]", at: range))
            return nil
        }
        // `x in [a, b]` holds when x is any of them; `=` and `!=` compare with one value.
        guard !values.isEmpty, op == .in || values.count == 1 else {
            reader.report(Diagnostic(.wrongValueType, "'\(subject)' compares with one name", at: range))
            return nil
        }
        switch subject {
        case "kind":
            let kinds = values.compactMap { reader.vocabularyValue($0, MaterialKind.self) }
            return kinds.count == values.count ? Self.any(kinds.map(Condition.kindIs)) : nil
        case "concerns":
            let categories = values.compactMap { reader.vocabularyValue($0, ConcernCategory.self) }
            return categories.count == values.count ? .concernsAny(Set(categories)) : nil
        default:
            let names = values.compactMap(AttributeReader.nameValue)
            guard names.count == values.count else {
                reader.report(Diagnostic(.wrongValueType, "'\(subject)' compares with names", at: range))
                return nil
            }
            return Self.any(names.map { subject == "department" ? Condition.departmentIs($0) : Condition.domainIs($0) })
        }
    }

    /// Any of the conditions (a chain of `or`).
    private static func any(_ conditions: [Condition]) -> Condition {
        conditions.dropFirst().reduce(conditions[0]) { .or($0, $1) }
    }

    private static func unknown(_ expression: Expression, reader: inout AttributeReader, hint: String?) -> Condition? {
        let name = AttributeReader.nameValue(expression) ?? Formatter.expression(expression)
        let suggestion = Suggestions.closest(to: name, among: knownNames)
        var notes = suggestion.map { Diagnostic.Note("did you mean '\($0)'?") }
        if let hint { notes.append(Diagnostic.Note(hint)) }
        if suggestion.isEmpty { notes.append(Diagnostic.Note("see docs/language.md for the list of facts")) }
        reader.report(Diagnostic(.unknownPredicate, "unknown fact '\(name)' in condition", at: expression.range, notes: notes))
        return nil
    }
}
