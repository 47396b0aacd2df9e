/// Parses citations as people write them in guides, lists and `.jz` files.
public enum CitationParser {
    public static func parse(_ text: String) -> Result<Citation, CitationSyntaxError> {
        if let citation = parseCommonForm(text) { return .success(citation) }
        return parseAnyForm(text)
    }

    /// The common form `《title》第N条[第N款][第N项]` read scalar by scalar, or nil for anything else (which
    /// `parseAnyForm` then handles, errors included). Gives exactly what `parseAnyForm` gives (tested).
    static func parseCommonForm(_ text: String) -> Citation? {
        // Read by scalar indexes into the text itself: the title and the numbers are slices of it, not strings built
        // again scalar by scalar.
        let scalars = text.unicodeScalars
        guard scalars.first == "《", let close = scalars.firstIndex(of: "》") else { return nil }
        let titleStart = scalars.index(after: scalars.startIndex), afterClose = scalars.index(after: close)
        guard close > titleStart, afterClose < scalars.endIndex, scalars[afterClose] == "第",
            scalars[scalars.index(before: close)] != " ", scalars[titleStart] != " ",
            scalars[titleStart..<close].allSatisfy(isPlainTitleScalar)
        else { return nil }
        var citation = Citation(actName: String(text[titleStart..<close]), sections: [], text: text)
        var position = afterClose
        while position < scalars.endIndex {
            guard scalars[position] == "第" else { return nil }
            position = scalars.index(after: position)
            let start = position
            while position < scalars.endIndex, isNumeral(scalars[position]) { position = scalars.index(after: position) }
            guard position > start, position < scalars.endIndex, let number = ChineseNumeral.parse(text[start..<position]), number > 0
            else { return nil }
            switch scalars[position] {
            case "条" where citation.article == nil: citation.article = number
            case "款" where citation.article != nil && citation.paragraph == nil && citation.point == nil: citation.paragraph = number
            case "项" where citation.article != nil && citation.point == nil: citation.point = number
            default: return nil
            }
            position = scalars.index(after: position)
        }
        return citation
    }

    /// Characters whose grapheme boundaries are their scalar boundaries (ASCII, CJK ideographs and punctuation,
    /// full-width forms), so reading scalars agrees with reading characters; `《` is excluded (nested titles).
    private static func isPlainTitleScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x3001...0x3009, 0x300C...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// ASCII and full-width digits and the characters of Chinese numerals.
    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0xFF10...0xFF19: true
        default:
            switch scalar {
            case "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "两", "十", "百", "千": true
            default: false
            }
        }
    }

    /// Every accepted form, and the errors.
    static func parseAnyForm(_ text: String) -> Result<Citation, CitationSyntaxError> {
        let trimmed = text.trimmingCharacters(in: " \u{3000}\t")
        guard !trimmed.isEmpty else { return .failure(.init(message: "empty citation")) }
        let (actName, pinpoint): (String, Substring)
        switch splitAct(trimmed) {
        case .success(let parts): (actName, pinpoint) = parts
        case .failure(let error): return .failure(error)
        }
        var citation = Citation(actName: actName, sections: [], text: text)
        var rest = pinpoint.drop { $0 == " " || $0 == "\u{3000}" }
        if trimmed.hasPrefix("《"), let first = rest.first, "（(".contains(first) {
            switch parseEdition(rest) {
            case .success(let (edition, after)):
                citation.edition = edition
                rest = after.drop { $0 == " " || $0 == "\u{3000}" }
            case .failure(let error): return .failure(error)
            }
        }
        if rest.isEmpty { return .success(citation) }
        if rest.hasPrefix("附件") || rest.hasPrefix("附表") { return parseAnnex(rest.dropFirst(2), into: citation) }
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
            let numberText = rest.prefix(while: ChineseNumeral.isNumeral)
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
                // An inserted article: 第十五条之一 (art_15_1).
                if rest.hasPrefix("之") {
                    let numeral = rest.dropFirst().prefix { ChineseNumeral.isNumeral($0) }
                    guard let insertion = ChineseNumeral.parse(numeral), insertion > 0 else {
                        return .failure(.init(message: "'之' after 第\(numberText)条 must be followed by a number (之一)"))
                    }
                    citation.insertion = insertion
                    rest = rest.dropFirst(numeral.count + 1)
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

    /// The bracket after a title that tells acts of one title apart: a 文号 (`（国务院令第649号）`) or a year
    /// (`（2014年）`, `（2019年修订）`, `（2014年5月1日起施行）`), and what follows it.
    private static func parseEdition(_ text: Substring) -> Result<(Citation.Edition, Substring), CitationSyntaxError> {
        let inner = text.dropFirst().prefix { !"）)".contains($0) }
        guard inner.count + 1 < text.count else { return .failure(.init(message: "unclosed bracket after the title: '\(text)'")) }
        let after = text.dropFirst(inner.count + 2)
        let content = inner.trimmingCharacters(in: " \u{3000}")
        if content.hasSuffix("号"), content.contains(where: { "〔[［【".contains($0) }) || content.contains("令第") {
            return .success((.documentNumber(content), after))
        }
        let digits = content.prefix { $0.isASCII && $0.isNumber || ("０"..."９").contains($0) }
        if digits.count == 4, content.dropFirst(4).hasPrefix("年"), let year = ChineseNumeral.parse(Substring(digits)), year > 0 {
            return .success((.year(year), after))
        }
        return .failure(.init(message: "'（\(content)）' after the title is neither a document number (国务院令第649号) nor a year (2014年)"))
    }

    /// What follows 附件 or 附表: an optional number, then an optional item — `附件第二十七项`, `附件1第3项`, `附件二`.
    private static func parseAnnex(_ text: Substring, into citation: Citation) -> Result<Citation, CitationSyntaxError> {
        var citation = citation
        var rest = text
        let head = rest.prefix(while: ChineseNumeral.isNumeral)
        if head.isEmpty {
            citation.annex = 1
        } else {
            guard let number = ChineseNumeral.parse(head), number > 0 else { return .failure(.init(message: "'附件\(head)' is not a valid annex number")) }
            citation.annex = number
            rest = rest.dropFirst(head.count)
        }
        if rest.isEmpty { return .success(citation) }
        guard rest.hasPrefix("第"), rest.hasSuffix("项") else {
            return .failure(.init(message: "unexpected '\(rest)' after the annex: write 附件第…项 or 附件1第…项"))
        }
        guard let item = ChineseNumeral.parse(rest.dropFirst().dropLast()), item > 0 else {
            return .failure(.init(message: "'\(rest)' is not a valid item of the annex"))
        }
        citation.annexItem = item
        return .success(citation)
    }

    /// `二（二）` → sections [2, 2].
    private static func parseSections(_ text: Substring, into citation: Citation) -> Result<Citation, CitationSyntaxError> {
        var citation = citation
        var rest = text
        let head = rest.prefix(while: ChineseNumeral.isChineseNumeral)
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
