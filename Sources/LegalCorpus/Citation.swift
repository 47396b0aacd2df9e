/// A parsed legal citation: the act as written and an optional pinpoint.
///
/// Accepted forms include `《中华人民共和国婚姻登记条例》第五条第一款`, `《婚姻登记条例》第5条`, `第十五条第（四）项`,
/// full-width digits, a title without `《》` (`婚姻登记条例第五条`), a 文号 (`国办发〔2020〕42号`), and document
/// sections written `二（二）` for normative documents without articles.
public struct Citation: Sendable, Hashable, CustomStringConvertible {
    /// The act's name as written, without `《》`.
    public var actName: String
    public var article: Int?
    /// An inserted article's number after 之: 第十五条之一 is article 15, insertion 1.
    public var insertion: Int?
    public var paragraph: Int?
    public var point: Int?
    /// Section numbers of a document without articles: `二（二）` is `[2, 2]`.
    public var sections: [Int]
    /// An annex (附件, 附表; 1 when it is not numbered) and an item of it: `附件1第3项`.
    public var annex: Int?
    public var annexItem: Int?
    /// Which of several acts sharing the title is meant, written after the title: `《…》（国务院令第649号）`,
    /// `《…》（2014年）`, `《…》（2019年修订）`. Only used to choose among acts of one title.
    public var edition: Edition?
    /// The citation as written.
    public var text: String

    /// The qualifier that tells acts of one title apart.
    public enum Edition: Sendable, Hashable {
        /// A 文号 or decree number: `国务院令第649号`.
        case documentNumber(String)
        /// A year the act was promulgated, took effect or was amended: `2014年`, `2019年修订`.
        case year(Int)
    }

    /// The canonical form: `《婚姻登记条例》第五条第一款`.
    public var description: String {
        var result = "《\(actName)》"
        switch edition {
        case .documentNumber(let number): result += "（\(number)）"
        case .year(let year): result += "（\(year)年）"
        case nil: break
        }
        if let article { result += "第\(ChineseNumeral.format(article))条" + (insertion.map { "之\(ChineseNumeral.format($0))" } ?? "") }
        if let paragraph { result += "第\(ChineseNumeral.format(paragraph))款" }
        if let point { result += "第（\(ChineseNumeral.format(point))）项" }
        if let first = sections.first {
            result += ChineseNumeral.format(first) + sections.dropFirst().map { "（\(ChineseNumeral.format($0))）" }.joined()
        }
        if let annex { result += "附件\(annex)" + (annexItem.map { "第\(ChineseNumeral.format($0))项" } ?? "") }
        return result
    }

    /// The Akoma Ntoso eId of the pinpoint, e.g. `art_15__para_1__point_4`; nil for a whole act.
    public var eId: String? {
        if let article {
            var id = "art_\(article)" + (insertion.map { "_\($0)" } ?? "")
            if let paragraph { id += "__para_\(paragraph)" }
            if let point { id += "__point_\(point)" }
            return id
        }
        // Akoma Ntoso numbers attachments att_N; their items are item_N.
        if let annex { return "att_\(annex)" + (annexItem.map { "__item_\($0)" } ?? "") }
        guard let first = sections.first else { return nil }
        return (["sec_\(first)"] + sections.dropFirst().map { "para_\($0)" }).joined(separator: "__")
    }
}

/// Why a citation could not be parsed.
public struct CitationSyntaxError: Error, Sendable, Hashable {
    public let message: String
}

/// Chinese numerals (`十五`, `一百零三`, `两`) and digits, ASCII or full-width.
public enum ChineseNumeral {
    /// The value of a Chinese digit (〇 零 一 … 九, 两), read by scalar: no `Character` is hashed.
    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// The value of a Chinese unit (十 百 千).
    static func unit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }

    /// An ASCII or full-width digit's value.
    static func arabicDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: Int(scalar.value - 0xFF10)
        default: nil
        }
    }

    /// A scalar of a numeral: a Chinese digit or unit, an ASCII or a full-width digit.
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || unit(scalar) != nil || arabicDigit(scalar) != nil
    }

    /// A character of a numeral (one scalar that `isNumeral`).
    static func isNumeral(_ character: Character) -> Bool {
        singleScalar(character).map(isNumeral) ?? false
    }

    /// A Chinese digit or unit (not an Arabic digit).
    static func isChineseNumeral(_ character: Character) -> Bool {
        singleScalar(character).map { digit($0) != nil || unit($0) != nil } ?? false
    }

    /// The scalar of a one-scalar character (a numeral with a combining mark is no numeral).
    private static func singleScalar(_ character: Character) -> Unicode.Scalar? {
        let scalars = character.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }

    /// The value of a numeral, or nil if it is not one.
    public static func parse(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        let scalars = text.unicodeScalars
        if scalars.allSatisfy({ arabicDigit($0) != nil }) {
            var value = 0
            for scalar in scalars {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = shifted.addingReportingOverflow(arabicDigit(scalar)!)
                guard !overflow, !carry else { return nil }
                value = sum
            }
            return value
        }
        var total = 0
        var pending = 0
        var sawDigit = false
        for scalar in scalars {
            if let digit = digit(scalar) {
                pending = digit
                sawDigit = true
            } else if let unit = unit(scalar) {
                total += (sawDigit ? pending : 1) * unit
                pending = 0
                sawDigit = false
            } else {
                return nil
            }
        }
        return total + pending
    }

    /// `15` → `十五`, `103` → `一百零三`.
    public static func format(_ value: Int) -> String {
        let names = Array("零一二三四五六七八九")
        guard value > 0, value < 10000 else { return String(value) }
        if value < 10 { return String(names[value]) }
        if value < 20 { return "十" + (value % 10 == 0 ? "" : String(names[value % 10])) }
        var result = ""
        var needZero = false
        for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
            let digit = (value / unit) % 10
            if digit == 0 {
                if !result.isEmpty { needZero = true }
                continue
            }
            if needZero { result += "零" }
            result += String(names[digit]) + name
            needZero = false
        }
        return result
    }
}
