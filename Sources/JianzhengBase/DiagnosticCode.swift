/// Every diagnostic the project can emit, with a stable code (`JZ` + four digits) that tools may match on.
///
/// The first digit names the layer: 0 input/output, 1 lexing and parsing, 2 resolving `.jz` declarations,
/// 3 legal citations, 4 the XML legal corpus, 5 policies, 6 report templates. `docs/diagnostics.md` lists them all.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Input and output.
    case unreadableFile = "JZ0001"
    case notAJianzhengFile = "JZ0002"

    // Lexer and parser.
    case unexpectedCharacter = "JZ1001"
    case unterminatedString = "JZ1002"
    case invalidUTF8 = "JZ1003"
    case unterminatedCitation = "JZ1004"
    case fullWidthPunctuation = "JZ1005"
    case invalidEscape = "JZ1006"
    case controlCharacter = "JZ1007"
    case expectedToken = "JZ1010"
    case missingClosingBrace = "JZ1011"
    case unmatchedClosingBrace = "JZ1012"
    case nestingTooDeep = "JZ1013"

    // Resolver: declarations, attributes and references.
    case unknownDeclaration = "JZ2001"
    case unknownAttribute = "JZ2002"
    case missingAttribute = "JZ2003"
    case duplicateAttribute = "JZ2004"
    case wrongValueType = "JZ2005"
    case unknownValue = "JZ2006"
    case malformedDate = "JZ2007"
    case valueOutOfRange = "JZ2008"
    case unknownReference = "JZ2010"
    case duplicateDeclaration = "JZ2011"
    case unusedDeclaration = "JZ2012"
    case unknownPredicate = "JZ2014"
    case inconsistentDates = "JZ2015"
    case nameSpelledDifferently = "JZ2016"
    case lookalikeName = "JZ2017"
    /// A material's commitment terms are relied on by procedures of several departments (the old form).
    case sharedCommitmentTerms = "JZ2018"
    /// A commitment catalogue lists a material its procedure does not require.
    case commitmentEntryNotRequired = "JZ2019"
    /// One requirement is given commitment terms twice (two catalogues, or a catalogue and the requirement).
    case commitmentTermsTwice = "JZ2020"

    // Citations.
    case malformedCitation = "JZ3001"
    case unknownAct = "JZ3002"
    case unknownProvision = "JZ3003"
    /// A citation names a title several acts share.
    case ambiguousAct = "JZ3004"
    /// The cited article was renumbered by an amendment: a citation written before it may mean another number.
    case renumberedProvision = "JZ3005"

    // XML legal corpus.
    case xmlNotWellFormed = "JZ4001"
    case xmlSchemaInvalid = "JZ4002"
    case xmlEntityRefused = "JZ4003"
    case xmlTooLarge = "JZ4004"
    case corpusDuplicateEId = "JZ4005"
    case corpusDanglingReference = "JZ4006"
    case corpusOverlappingVersions = "JZ4007"
    case corpusDuplicateExpression = "JZ4008"
    case corpusInvalidMetadata = "JZ4009"
    case corpusCacheRefused = "JZ4010"
    case corpusNumberMismatch = "JZ4011"
    case corpusAmbiguousName = "JZ4012"
    case corpusRepealCycle = "JZ4013"
    /// Two acts share a title or short title: citations of it must name one by its 文号.
    case corpusSharedTitle = "JZ4014"
    /// `corpus import`: a line of the legal text that no article, section or title block takes.
    case importLineNotPlaced = "JZ4015"
    /// `corpus import`: metadata neither the text nor a flag gives (rank, issuer, dates).
    case importMetadataMissing = "JZ4016"
    /// A corpus document the project reads but the official Akoma Ntoso 3.0 schema refuses (older form).
    case corpusNotAkomaNtoso = "JZ4017"
    /// `corpus import`: a text with no article, section, opening or annex — nothing a citation could name.
    case importNothingToImport = "JZ4018"

    // Policies.
    case policyRuleUnreachable = "JZ5001"
    case policyRuleConflict = "JZ5002"
    case policyNoDefault = "JZ5003"
    case policyOverlap = "JZ5004"
    case policyExceptionCycle = "JZ5005"
    case policyPhrasesMissing = "JZ5006"

    // Report templates.
    case unknownTemplateField = "JZ6001"

    /// The severity this code is reported with unless a caller says otherwise.
    public var defaultSeverity: Diagnostic.Severity {
        switch self {
        // A citation the corpus cannot answer does not stop the review: its requirement is kept until verified.
        case .unusedDeclaration, .policyRuleUnreachable, .corpusCacheRefused, .policyOverlap, .lookalikeName, .sharedCommitmentTerms, .policyPhrasesMissing,
            .commitmentEntryNotRequired, .commitmentTermsTwice, .malformedCitation,
            .unknownAct, .unknownProvision, .corpusSharedTitle, .importLineNotPlaced, .renumberedProvision, .corpusNotAkomaNtoso:
            .warning
        default: .error
        }
    }
}
