import JianzhengSyntax
import JianzhengXML

/// Reads one validated Akoma Ntoso document into an act and its one version.
struct CorpusDocumentReader {
    static let aknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    static let metadataNamespace = "urn:jianzheng:legal-metadata:1"

    let tree: XMLTree

    /// The act described by the document, with a single version; or diagnostics when metadata is unusable.
    func read() -> (LegalAct?, [Diagnostic]) {
        guard let root = tree.root, let document = root.children.first,
            let meta = document.child("meta"), let identification = meta.child("identification"),
            let work = identification.child("FRBRWork"), let expression = identification.child("FRBRExpression"),
            let metadata = meta.child("proprietary")?.child("act"), let body = document.child("body")
        else {
            return (nil, [problem("document lacks the meta, identification, proprietary or body element", line: 1)])
        }
        var diagnostics: [Diagnostic] = []
        func date(_ element: XMLElementRef?, _ attribute: String) -> CalendarDate? {
            guard let element, let text = element.attribute(attribute) else { return nil }
            guard let value = CalendarDate(text) else {
                diagnostics.append(problem("invalid date '\(text)' in \(attribute)", line: element.line))
                return nil
            }
            return value
        }
        guard let workURI = work.child("FRBRuri")?.attribute("value"),
            let expressionURI = expression.child("FRBRuri")?.attribute("value"),
            let promulgated = date(work.child("FRBRdate"), "date"),
            let validFrom = date(expression.child("FRBRdate"), "date"),
            let effective = date(metadata, "effective"),
            let rank = metadata.attribute("rank").flatMap(LegalRank.init(rawValue:)),
            let textStatus = metadata.attribute("textStatus").flatMap(LegalAct.TextStatus.init(rawValue:))
        else {
            return (nil, diagnostics + [problem("incomplete FRBR or act metadata", line: meta.line)])
        }
        let title = document.attribute("name") ?? work.child("FRBRname")?.attribute("value") ?? workURI
        let version = ActVersion(
            expressionURI: expressionURI, validFrom: validFrom, validUntil: nil,
            provisions: provisions(in: body, diagnostics: &diagnostics), path: tree.path)
        let act = LegalAct(
            workURI: workURI, title: title,
            aliases: metadata.children.filter { $0.name == "alias" }.map(\.text),
            documentNumber: work.child("FRBRnumber")?.attribute("value"),
            issuer: metadata.attribute("issuer") ?? "", rank: rank,
            territory: metadata.attribute("territory") ?? "CN",
            territoryName: metadata.attribute("territoryName") ?? "",
            promulgated: promulgated, effective: effective, repealed: date(metadata, "repealed"),
            repealedBy: metadata.attribute("repealedBy"),
            replaces: metadata.children.filter { $0.name == "replaces" }.compactMap { $0.attribute("href") },
            delegatesFrom: metadata.children.filter { $0.name == "delegatesFrom" }.compactMap { $0.attribute("href") },
            textStatus: textStatus,
            notes: metadata.children.filter { $0.name == "note" }.map(\.text),
            versions: [version])
        return (act, diagnostics)
    }

    /// Every element with an eId, labelled with the chain of its `num`s.
    private func provisions(in body: XMLElementRef, diagnostics: inout [Diagnostic]) -> [String: Provision] {
        var result: [String: Provision] = [:]
        var texts: [XMLElementRef: String] = [:]
        var stack: [(XMLElementRef, String)] = body.children.map { ($0, "") }
        while let (element, parentLabel) = stack.popLast() {
            guard let eId = element.attribute("eId") else { continue }
            let label = parentLabel + Self.labelPart(element.child(named: "num")?.text ?? "", isPoint: element.isNamed("point"))
            if result[eId] != nil {
                diagnostics.append(Diagnostic(
                    .corpusDuplicateEId, "duplicate eId '\(eId)'",
                    at: SourceRange(at: element.location)))
            }
            result[eId] = Provision(eId: eId, label: label, text: Self.text(of: element, known: &texts), line: element.line)
            for child in element.children where child.attribute("eId") != nil { stack.append((child, label)) }
        }
        return result
    }

    /// `（四）` under an article reads `第（四）项`; `第五条` and `第一款` stay as written.
    private static func labelPart(_ num: String, isPoint: Bool) -> String {
        isPoint && !num.hasPrefix("第") ? "第\(num)项" : num
    }

    /// The provision's text: its paragraphs joined, sub-provisions prefixed by their numbers. An article's text
    /// contains its paragraphs' and points': each element's text is computed once (`known`).
    private static func text(of element: XMLElementRef, known: inout [XMLElementRef: String]) -> String {
        if let text = known[element] { return text }
        var parts: [String] = []
        for child in element.children {
            if child.isNamed("content") || child.isNamed("intro") || child.isNamed("wrapUp") {
                parts.append(child.children.map(\.text).joined(separator: "\n"))
            } else if child.isNamed("paragraph") {
                parts.append(text(of: child, known: &known))
            } else if child.isNamed("point") || child.isNamed("article") || child.isNamed("section") {
                parts.append((child.child(named: "num")?.text ?? "") + text(of: child, known: &known))
            }
        }
        let text = parts.joined(separator: "\n")
        known[element] = text
        return text
    }

    private func problem(_ message: String, line: Int) -> Diagnostic {
        Diagnostic(.corpusInvalidMetadata, message, at: SourceRange(at: SourceLocation(path: tree.path, line: line, column: 1)))
    }
}
