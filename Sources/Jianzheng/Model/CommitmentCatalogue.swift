import JianzhengBase

/// A published list of the certificates an applicant may replace by a written commitment (告知承诺事项目录),
/// declared with `commitment-catalogue`: issued by a department on a date, in force from a date, and cited to the
/// document that publishes it (whose rank and force the corpus knows). Each entry gives the terms for one
/// requirement — a procedure and the material it demands — so a 告知承诺书 always belongs to the procedure it is
/// signed for and is audited by that procedure's department unless the entry names another.
public struct CommitmentCatalogue: Sendable {
    public var name: String
    /// The department that publishes it.
    public var issuer: String
    public var published: CalendarDate?
    /// In force from (the publication date when not declared): before it, none of its terms is offered.
    public var effective: CalendarDate?
    /// The document that publishes it; repealed or not yet in force on the review date, it offers nothing.
    public var cites: [CitationReference]
    public var entries: [Entry]
    public var range: SourceRange

    /// The terms for one procedure's requirement of one material.
    public struct Entry: Sendable {
        public var procedure: String
        public var material: String
        /// Dated and cited to the catalogue (an entry's own `effective` or `cites` come first).
        public var terms: CommitmentTerms
        public var range: SourceRange
        public var procedureRange: SourceRange
        public var materialRange: SourceRange
    }

    public init(
        name: String, issuer: String, published: CalendarDate?, effective: CalendarDate?, cites: [CitationReference],
        entries: [Entry], range: SourceRange
    ) {
        self.name = name
        self.issuer = issuer
        self.published = published
        self.effective = effective
        self.cites = cites
        self.entries = entries
        self.range = range
    }
}

extension Catalogue {
    /// Each procedure's commitment terms from the commitment catalogues, by procedure id then material; the
    /// first catalogue (by name) that lists a pair gives its terms.
    public var catalogueCommitments: [String: [String: CommitmentTerms]] {
        var terms: [String: [String: CommitmentTerms]] = [:]
        for catalogue in commitmentCatalogues.values.sorted(by: { $0.name < $1.name }) {
            for entry in catalogue.entries where terms[entry.procedure]?[entry.material] == nil {
                terms[entry.procedure, default: [:]][entry.material] = entry.terms
            }
        }
        return terms
    }
}
