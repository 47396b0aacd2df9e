/// Parses citations as people write them in guides, lists and `.jz` files.
public enum CitationParser {
    public static func parse(_ text: String) -> Result<Citation, CitationSyntaxError> {
        let trimmed = text.trimmingCharacters(in: " \u{3000}\t")
        guard !trimmed.isEmpty else { return .failure(.init(message: "empty citation")) }
        let (actName, pinpoint): (String, Substring)
        switch splitAct(trimmed) {
        case .success(let parts): (actName, pinpoint) = parts
        case .failure(let error): return .failure(error)
        }
        var citation = Citation(actName: actName, sections: [], text: text)
        var rest = pinpoint.drop { $0 == " " || $0 == "\u{3000}" }
        if rest.isEmpty { return .success(citation) }
        if !rest.hasPrefix("第") {
            return parseSections(rest, into: citation)
        }
        while !rest.isEmpty {
            guard rest.hasPrefix("第") else {
                return .failure(.init(message: "unexpected '\(rest)' after the pinpoint"))
            }
            rest = rest.dropFirst()
            var bracketed = false
            if let first = rest.first, "（(".contains(first) {
                bracketed = true
                rest = rest.dropFirst()
            }
            let numberText = rest.prefix { ChineseNumeral.digits[$0] != nil || ChineseNumeral.units[$0] != nil || $0.isASCII && $0.isNumber || ("０"..."９").contains($0) }
            guard let number = ChineseNumeral.parse(numberText), number > 0 else {
                return .failure(.init(message: numberText.isEmpty ? "a number must follow '第'" : "'\(numberText)' is not a valid number"))
            }
            rest = rest.dropFirst(numberText.count)
            if bracketed {
                guard let close = rest.first, "）)".contains(close) else {
                    return .failure(.init(message: "unclosed bracket in '第（\(numberText)'"))
                }
                rest = rest.dropFirst()
            }
            guard let unit = rest.first else {
                return .failure(.init(message: "'第\(numberText)' lacks its unit: 条, 款 or 项"))
            }
            rest = rest.dropFirst()
            switch unit {
            case "条" where citation.article == nil:
                citation.article = number
                if rest.hasPrefix("之") {
                    return .failure(.init(message: "articles numbered '之一' are not supported; cite the article text in a note"))
                }
            case "款" where citation.article != nil && citation.paragraph == nil && citation.point == nil:
                citation.paragraph = number
            case "项" where citation.article != nil && citation.point == nil:
                citation.point = number
            case "条", "款", "项":
                return .failure(.init(message: "'第\(numberText)\(unit)' is out of order: write 第…条第…款第…项"))
            default:
                return .failure(.init(message: "unknown unit '\(unit)': expected 条, 款 or 项"))
            }
            // A point written without 第…项: `第十五条（四）`.
            if let first = rest.first, "（(".contains(first), citation.point == nil {
                let inner = rest.dropFirst().prefix { !"）)".contains($0) }
                guard let number = ChineseNumeral.parse(inner), rest.dropFirst(inner.count + 1).first.map({ "）)".contains($0) }) == true
                else { return .failure(.init(message: "malformed point '\(rest)'")) }
                citation.point = number
                rest = rest.dropFirst(inner.count + 2)
            }
        }
        return .success(citation)
    }

    /// Splits `《title》pinpoint`, `文号 pinpoint` or `title第…`.
    private static func splitAct(_ text: String) -> Result<(String, Substring), CitationSyntaxError> {
        if text.hasPrefix("《") {
            guard let close = text.firstIndex(of: "》") else {
                return .failure(.init(message: "'《' is not closed with '》'"))
            }
            let name = text[text.index(after: text.startIndex)..<close].trimmingCharacters(in: " ")
            guard !name.isEmpty else { return .failure(.init(message: "empty act name in '《》'")) }
            if name.contains("《") { return .failure(.init(message: "nested '《' in act name")) }
            return .success((name, text[text.index(after: close)...]))
        }
        if text.contains("》") { return .failure(.init(message: "'》' without '《'")) }
        // A 文号: `国办发〔2020〕42号` or a decree number `国务院令第387号`.
        if let number = text.firstIndex(of: "号"),
            text[..<number].contains(where: { "〔[［【".contains($0) }) || text[..<number].contains("令第")
        {
            return .success((String(text[...number]), text[text.index(after: number)...]))
        }
        if let first = text.firstIndex(of: "第"), first != text.startIndex {
            return .success((String(text[..<first]), text[first...]))
        }
        if text.hasPrefix("第") { return .failure(.init(message: "the citation names no act")) }
        return .success((text, ""))
    }

    /// `二（二）` → sections [2, 2].
    private static func parseSections(_ text: Substring, into citation: Citation) -> Result<Citation, CitationSyntaxError> {
        var citation = citation
        var rest = text
        let head = rest.prefix { ChineseNumeral.digits[$0] != nil || ChineseNumeral.units[$0] != nil }
        guard let section = ChineseNumeral.parse(head), section > 0 else {
            return .failure(.init(message: "unexpected '\(text)': a pinpoint starts with 第 or a section number"))
        }
        citation.sections = [section]
        rest = rest.dropFirst(head.count)
        while let first = rest.first, "（(".contains(first) {
            let inner = rest.dropFirst().prefix { !"）)".contains($0) }
            guard let number = ChineseNumeral.parse(inner), number > 0,
                rest.dropFirst(inner.count + 1).first.map({ "）)".contains($0) }) == true
            else { return .failure(.init(message: "malformed section '\(rest)'")) }
            citation.sections.append(number)
            rest = rest.dropFirst(inner.count + 2)
        }
        guard rest.isEmpty else { return .failure(.init(message: "unexpected '\(rest)' after the section")) }
        return .success(citation)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set)
        let trimmedStart = drop { scalars.contains($0) }
        var end = trimmedStart.endIndex
        while end > trimmedStart.startIndex, scalars.contains(trimmedStart[trimmedStart.index(before: end)]) {
            end = trimmedStart.index(before: end)
        }
        return String(trimmedStart[..<end])
    }
}
