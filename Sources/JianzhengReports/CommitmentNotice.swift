import Jianzheng
import JianzhengBase

/// The 告知承诺书 an applicant signs in place of a certificate, filled from a template that officials can read
/// and change: `templates/告知承诺书.zh.txt` (and `.en.txt`) in the workspace, else the built-in text (the same
/// as the files shipped in the repository). `{{name}}` marks a field; `CommitmentNotice.fields` lists them.
public struct CommitmentNotice: Sendable {
    /// The template's pieces: text, and fields to fill.
    enum Piece: Sendable, Equatable {
        case text(String)
        case field(Field)
    }

    /// A field the engine's decision fills.
    public enum Field: String, Sendable, CaseIterable {
        case procedure, procedureID = "procedure-id", certificate, basis, proves, promise, liability, auditor, within, method, sample
    }

    let pieces: [Piece]
    public let language: ReportLanguage

    /// The built-in notice of a language.
    public static func standard(_ language: ReportLanguage) -> CommitmentNotice {
        switch parse(standardText(language), path: "<built-in>", language: language) {
        case .success(let notice): return notice
        case .failure(let diagnostic): preconditionFailure("the built-in commitment notice is malformed: \(diagnostic.message)")
        }
    }

    /// The file name of a language's template in a workspace's `templates/` directory.
    public static func fileName(_ language: ReportLanguage) -> String { "告知承诺书.\(language.rawValue).txt" }

    /// Reads a template; an unknown or unclosed `{{…}}` is an error at its line and column. The file's final
    /// newline is not part of the notice.
    public static func parse(_ source: String, path: String, language: ReportLanguage) -> Result<CommitmentNotice, Diagnostic> {
        let text = source.hasSuffix("\n") ? String(source.dropLast()) : source
        let file = SourceFile(path: path, text: text)
        // The notice goes into signed documents and onto terminals: no control or bidi character may hide in it.
        if let index = text.unicodeScalars.firstIndex(where: UnsafeCharacters.isUnsafe) {
            let offset = text.unicodeScalars[..<index].reduce(0) { $0 + UTF8.width($1) }
            let scalar = text.unicodeScalars[index]
            return .failure(Diagnostic(
                .controlCharacter, "\(UnsafeCharacters.describe(scalar)) is a control character and is not allowed", at: file.range(offset, offset + 1)))
        }
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            let offset = text.utf8.distance(from: text.startIndex, to: open.lowerBound)
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                return .failure(Diagnostic(.unknownTemplateField, "'{{' is not closed with '}}'", at: file.range(offset, offset + 2)))
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let field = Field(rawValue: name) else {
                let end = text.utf8.distance(from: text.startIndex, to: close.upperBound)
                let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(Diagnostic(.unknownTemplateField, "unknown field '\(name)' in the commitment notice; the fields are \(known)", at: file.range(offset, end)))
            }
            pieces.append(.field(field))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return .success(CommitmentNotice(pieces: pieces, language: language))
    }

    /// The notice for a commitment decision, every field filled.
    public func fill(_ decision: Decision, plan: CommitmentPlan) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .field(let field): value(field, decision, plan)
            }
        }.joined()
    }

    private func value(_ field: Field, _ decision: Decision, _ plan: CommitmentPlan) -> String {
        let zh = language == .zh
        switch field {
        case .procedure: return decision.procedureName
        case .procedureID: return decision.procedureID
        case .certificate: return decision.material
        case .basis:
            // What is promised is the condition, when the certificate proved one: its article is the basis.
            let conditions = decision.conditions.flatMap(\.basis.articles)
            let cited = (conditions.isEmpty ? decision.basis.articles : conditions).map { article in
                article.provision.map { "《\(article.act ?? article.citation)》\($0)" } ?? article.citation
            }
            return cited.isEmpty ? (zh ? "无" : "none") : cited.joined(separator: zh ? "；" : "; ")
        case .proves: return plan.proves.joined(separator: zh ? "、" : ", ")
        case .promise: return plan.promise
        case .liability: return plan.liability ?? Self.statutoryLiability(language)
        case .auditor: return plan.auditor
        case .within:
            return plan.withinWorkingDays.map { zh ? "办结后\($0)个工作日内" : "within \($0) working days of the decision" } ?? (zh ? "办结后" : "after the decision")
        case .method: return OutcomeWording(language: language).auditMethod(plan.method)
        case .sample: return Numbers.percent(plan.sample)
        }
    }

    /// The liability for an untrue commitment when a material declares none (行政许可法 69, 78, 79).
    static func statutoryLiability(_ language: ReportLanguage) -> String {
        language == .zh
            ? "不实承诺的，行政机关终止办理、责令限期整改、撤销行政决定或者予以行政处罚，并纳入信用记录（《中华人民共和国行政许可法》第六十九条、第七十八条、第七十九条）"
            : "For an untrue commitment the office stops the procedure, orders it put right within a time limit, revokes the decision or imposes an administrative penalty, and records it in the credit record (Administrative Licensing Law, articles 69, 78 and 79)"
    }

    /// The built-in template text of a language (the files in the repository's `templates/` are copies).
    public static func standardText(_ language: ReportLanguage) -> String {
        language == .zh
            ? """
            告知承诺书
            一、行政机关告知
            （一）事项名称：{{procedure}}（{{procedure-id}}）
            （二）证明名称：{{certificate}}
            （三）设定依据：{{basis}}
            （四）证明内容：{{proves}}
            （五）承诺方式：申请人书面承诺已经符合告知的条件、标准、要求，行政机关不再索要该证明；申请人也可选择提交证明
            （六）不实承诺的法律责任：{{liability}}
            （七）核查方式：{{auditor}}于{{within}}以{{method}}方式核查，抽查比例{{sample}}
            （八）承诺的效力：承诺书与证明具有同等效力；申请人有较严重的不良信用记录或者曾作出虚假承诺的，在信用修复前不适用告知承诺制

            二、申请人承诺
            本人已经知晓行政机关告知的全部内容，承诺如下：{{promise}}
            本人愿意承担不实承诺的法律责任。

            承诺人（签字）：                    日期：      年    月    日
            行政机关（盖章）：                  日期：      年    月    日

            """
            : """
            Written commitment (告知承诺书)
            1. What the office tells the applicant
            (1) Procedure: {{procedure}} ({{procedure-id}})
            (2) Certificate: {{certificate}}
            (3) Legal basis: {{basis}}
            (4) What it proves: {{proves}}
            (5) How: the applicant commits in writing to meeting the conditions, standards and requirements stated, and the office no longer asks for the certificate; the applicant may still submit it
            (6) Liability for an untrue commitment: {{liability}}
            (7) Audit: {{auditor}}, {{within}}, by {{method}}; {{sample}} of commitments are checked
            (8) Effect: the commitment counts as the certificate; an applicant with a serious bad credit record, or who has made a false commitment, may not use it until the record is repaired

            2. The applicant's commitment
            I have read all that the office has told me and commit to the following: {{promise}}
            I accept the liability for an untrue commitment.

            Signed by the applicant: ____________________    Date: ____________
            Seal of the office: ____________________    Date: ____________

            """
    }
}
