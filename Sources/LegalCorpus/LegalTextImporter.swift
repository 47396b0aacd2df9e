import JianzhengBase

/// Reads the plain text of a Chinese legal document — 编、章、节、条（之一）、款 (a new line inside an article)、
/// 项 `（一）`、目 `1.` for an act; `一、` sections and `（一）` paragraphs for a 规范性文件 without articles; annexes
/// (附件, 附表) and their numbered items — and the title block (title, 文号, 通过/公布/施行 dates where the text
/// states them) into the structure an Akoma Ntoso document is written from. Every line it cannot place is a
/// located diagnostic, never a silent drop; every line it places keeps its words, so the document's text is the
/// input's (`CorpusText`).
public enum LegalTextImporter {
    /// What the text says about itself.
    public struct TitleBlock: Sendable, Equatable {
        public var title: String?
        public var documentNumber: String?
        public var adopted: CalendarDate?
        public var promulgated: CalendarDate?
        public var effective: CalendarDate?
    }

    /// A numbered unit of the text and what it holds.
    public struct Unit: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// `item` is a numbered entry of an annex (附件第二十七项).
            case book, chapter, section, article, paragraph, point, item
        }

        public var kind: Kind
        public var eId: String
        /// As written: 第五条, （一）, 1.; a paragraph's is its position (第二款), not in the text.
        public var number: String
        public var heading: String?
        /// The unit's own words: an article's first sentence is its first paragraph's, so an article has none.
        public var text: String?
        public var children: [Unit] = []
        /// Where it starts in the text.
        public var line: Int
    }

    /// An annex (附件, 附表) of the document: its heading, unnumbered lines before its first item, and its items.
    public struct Annex: Sendable, Equatable {
        /// 1 for `附件` alone, else its number: `附件2` is 2.
        public var number: Int
        /// As written: 附件, 附件2, 附表一.
        public var written: String
        public var heading: String?
        /// Lines before the first item: a table's header, a note.
        public var intro: [String] = []
        public var items: [Unit] = []
        public var line: Int

        public var eId: String { "att_\(number)" }
    }

    public struct Result: Sendable {
        public var titleBlock: TitleBlock
        /// Every line before the body, as written: the title block and a table of contents (目录).
        public var preface: [String]
        /// A document without articles: the lines between its title block and its first section (主送机关, the
        /// opening paragraph), or all its lines before the annexes when it has no sections (a 决定).
        public var opening: [String]
        /// True for a document of articles (an `act`); false for one of numbered sections (a `doc`).
        public var hasArticles: Bool
        public var body: [Unit]
        public var annexes: [Annex]
        public var diagnostics: [Diagnostic]
    }

    /// Reads a text; `path` is where diagnostics point.
    public static func read(_ text: String, path: String) -> Result {
        var reader = Reader(path: path)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        reader.hasArticles = lines.contains { Line.article(String($0).trimmedLegalText) != nil }
        for (index, raw) in lines.enumerated() {
            let line = String(raw).trimmedLegalText
            // From the first annex on, every line belongs to an annex.
            if !reader.annexes.isEmpty || Line.annex(line) != nil {
                reader.closeAll()
                reader.takeAnnexLine(line, line: index + 1)
            } else {
                reader.take(line, line: index + 1)
            }
        }
        reader.closeAll()
        if reader.body.isEmpty, reader.annexes.isEmpty, let first = reader.openingLine {
            reader.diagnostics.append(Diagnostic(
                .importNothingToImport,
                "the text has no article, section or annex: its \(reader.opening.count) lines after the title are kept as the document's text, citable only as a whole; check that this is meant and the text's encoding",
                at: SourceRange(at: SourceLocation(path: path, line: first, column: 1)), severity: .warning))
        }
        // A text with no structure at all would give a warning per line: the first ones say enough.
        let limit = 200
        if reader.diagnostics.count > limit {
            let more = reader.diagnostics.count - limit
            reader.diagnostics = Array(reader.diagnostics.prefix(limit))
            reader.diagnostics.append(Diagnostic(
                .importLineNotPlaced, "and \(more) more lines not imported", at: reader.diagnostics[limit - 1].range))
        }
        return Result(
            titleBlock: reader.titleBlock, preface: reader.preface, opening: reader.opening, hasArticles: reader.hasArticles, body: reader.body,
            annexes: reader.annexes, diagnostics: reader.diagnostics)
    }

    // MARK: - Lines

    /// What one line of the text is.
    enum Line {
        /// `第X编/章/节 标题`.
        static func division(_ line: String) -> (Unit.Kind, Int, String, String)? {
            guard line.hasPrefix("第") else { return nil }
            let digits = line.dropFirst().prefix(while: ChineseNumeral.isNumeral)
            guard let number = ChineseNumeral.parse(digits), number > 0 else { return nil }
            let rest = line.dropFirst(1 + digits.count)
            let kinds: [(Character, Unit.Kind)] = [("编", .book), ("章", .chapter), ("节", .section)]
            guard let unit = rest.first, let kind = kinds.first(where: { $0.0 == unit })?.1 else { return nil }
            // Headings are spaced out for the eye (总　　则): the words are the heading.
            return (kind, number, "第\(digits)\(unit)", String(rest.dropFirst().filter { !$0.isWhitespace }))
        }

        /// `第X条[之Y] 正文`: the number, the insertion, the heading as written and the rest of the line.
        static func article(_ line: String) -> (Int, Int?, String, String)? {
            guard line.hasPrefix("第") else { return nil }
            let digits = line.dropFirst().prefix(while: ChineseNumeral.isNumeral)
            guard let number = ChineseNumeral.parse(digits), number > 0 else { return nil }
            var rest = line.dropFirst(1 + digits.count)
            guard rest.first == "条" else { return nil }
            rest = rest.dropFirst()
            var insertion: Int?
            var heading = "第\(digits)条"
            if rest.first == "之" {
                let inserted = rest.dropFirst().prefix(while: ChineseNumeral.isNumeral)
                guard let value = ChineseNumeral.parse(inserted), value > 0 else { return nil }
                insertion = value
                heading += "之\(inserted)"
                rest = rest.dropFirst(1 + inserted.count)
            }
            return (number, insertion, heading, rest.trimmedLegalText)
        }

        /// `（一）正文` or `(一)正文`.
        static func point(_ line: String) -> (Int, String, String)? {
            guard let open = line.first, "（(".contains(open) else { return nil }
            let inner = line.dropFirst().prefix(while: ChineseNumeral.isNumeral)
            let after = line.dropFirst(1 + inner.count)
            guard let number = ChineseNumeral.parse(inner), number > 0, let close = after.first, "）)".contains(close) else { return nil }
            return (number, "（\(inner)）", after.dropFirst().trimmedLegalText)
        }

        /// `1.正文`, `1．正文` or `1、正文` (目), the number as written with its mark.
        static func item(_ line: String) -> (Int, String, String)? {
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            let after = line.dropFirst(digits.count)
            guard let number = Int(digits), number > 0, let mark = after.first, ".．、".contains(mark) else { return nil }
            return (number, "\(digits)\(mark)", after.dropFirst().trimmedLegalText)
        }

        /// An annex's entry: `1.`/`1、`/`（一）` as in the body, or a table row's 序号 followed by a space or tab.
        static func annexItem(_ line: String) -> (Int, String, String)? {
            if let item = item(line) ?? point(line) { return item }
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            let after = line.dropFirst(digits.count)
            guard let number = Int(digits), number > 0, let space = after.first, space == " " || space == "\t" || space == "\u{3000}" else {
                return nil
            }
            return (number, String(digits), after.trimmedLegalText)
        }

        /// `附件`, `附件1`, `附件一：标题`, `附表` beginning a line: where an annex starts (its number, as
        /// written, and a heading on the same line). `附件：1．…` listing the annexes at the foot of the body is
        /// not one: it is a line of the body.
        static func annex(_ line: String) -> (Int, String, String?)? {
            guard line.hasPrefix("附件") || line.hasPrefix("附表") else { return nil }
            let digits = line.dropFirst(2).prefix(while: ChineseNumeral.isNumeral)
            var rest = line.dropFirst(2 + digits.count)
            guard rest.isEmpty || "：: \u{3000}".contains(rest.first ?? " ") else { return nil }
            rest = rest.drop { "：: \u{3000}".contains($0) }
            if item(String(rest)) != nil { return nil }
            let number = digits.isEmpty ? 1 : ChineseNumeral.parse(digits) ?? 0
            guard number > 0 else { return nil }
            return (number, String(line.prefix(2 + digits.count)), rest.isEmpty ? nil : String(rest))
        }

        /// `一、正文`: a section of a document without articles.
        static func section(_ line: String) -> (Int, String, String)? {
            let digits = line.prefix(while: ChineseNumeral.isChineseNumeral)
            let after = line.dropFirst(digits.count)
            guard let number = ChineseNumeral.parse(digits), number > 0, after.first == "、" else { return nil }
            return (number, String(digits), after.dropFirst().trimmedLegalText)
        }
    }

    // MARK: - Reading

    private struct Reader {
        let path: String
        var hasArticles = false
        var titleBlock = TitleBlock()
        var body: [Unit] = []
        var preface: [String] = []
        var opening: [String] = []
        /// Where the opening starts.
        var openingLine: Int?
        var annexes: [Annex] = []
        /// After an annex numbered as an earlier one: its lines are not imported.
        var skippingAnnex = false
        /// The number of the last item of the current annex, to notice numbers going back.
        var lastAnnexItem = 0
        var diagnostics: [Diagnostic] = []
        /// The open units, outermost first.
        var open: [Unit] = []
        /// In a table of contents (目录): headings there are not the body's.
        var inContents = false
        var contentsChapters = 0
        /// The last article read (number, insertion, as written), to notice numbers going back.
        var lastArticle: (Int, Int, String)?

        init(path: String) { self.path = path }

        mutating func take(_ text: String, line: Int) {
            guard !text.isEmpty else { return }
            if text.filter({ !$0.isWhitespace }) == "目录" {
                inContents = true
                preface.append(text)
                return
            }
            if let (kind, number, heading, title) = Line.division(text), hasArticles {
                if inContents {
                    // The contents end where the body's first division comes round again.
                    if kind == .chapter || kind == .book, number == 1, contentsChapters > 0 { inContents = false } else {
                        contentsChapters += 1
                        preface.append(text)
                        return
                    }
                }
                openDivision(kind, number: number, heading: heading, title: title, line: line)
            } else if let (number, insertion, heading, rest) = Line.article(text), hasArticles {
                inContents = false
                if let last = lastArticle, (number, insertion ?? 0) <= (last.0, last.1) {
                    diagnostics.append(Diagnostic(
                        .importLineNotPlaced,
                        "article \(heading) follows article \(last.2): numbers go back; check that the line starts an article and is not a sentence that begins with a citation",
                        at: range(line, text)))
                }
                lastArticle = (number, insertion ?? 0, heading)
                close(while: { $0.kind == .article || $0.kind == .paragraph || $0.kind == .point })
                let id = "art_\(number)" + (insertion.map { "_\($0)" } ?? "")
                open.append(Unit(kind: .article, eId: id, number: heading, line: line))
                if !rest.isEmpty { openParagraph(rest, line: line) }
            } else if !hasArticles, let (number, written, rest) = Line.section(text) {
                close(while: { _ in true })
                open.append(Unit(kind: .section, eId: "sec_\(number)", number: written, heading: rest.isEmpty ? nil : rest, line: line))
            } else if let (number, written, rest) = Line.point(text), let owner = pointOwner() {
                openPoint(number: number, written: written, text: rest, under: owner, line: line)
            } else if let (number, written, rest) = Line.item(text), open.last?.kind == .point {
                close(while: { $0.kind == .point && $0.eId.components(separatedBy: "__point_").count > 2 })
                let parent = open[open.count - 1]
                open.append(Unit(kind: .point, eId: parent.eId + "__point_\(number)", number: written, text: rest, line: line))
            } else if hasArticles, open.contains(where: { $0.kind == .article }) {
                openParagraph(text, line: line)
            } else if !hasArticles, open.contains(where: { $0.kind == .section }) {
                appendToSection(text, line: line)
            } else if body.isEmpty, open.isEmpty {
                titleLine(text, line: line)
            } else {
                diagnostics.append(Diagnostic(
                    .importLineNotPlaced, "this line is not in any article or section and was not imported", at: range(line, text)))
            }
        }

        // MARK: Annexes

        /// A line from the first annex on: a new annex, an item, the annex's heading or intro, or more of the last item.
        mutating func takeAnnexLine(_ text: String, line: Int) {
            guard !text.isEmpty else { return }
            if let (number, written, heading) = Line.annex(text) {
                if let earlier = annexes.first(where: { $0.number == number }) {
                    diagnostics.append(Diagnostic(
                        .importLineNotPlaced, "\(written) has the number of the annex at line \(earlier.line); this annex was not imported",
                        at: range(line, text)))
                    skippingAnnex = true
                } else {
                    annexes.append(Annex(number: number, written: written, heading: heading, line: line))
                    skippingAnnex = false
                    lastAnnexItem = 0
                }
                return
            }
            guard !skippingAnnex, let last = annexes.indices.last else {
                diagnostics.append(Diagnostic(.importLineNotPlaced, "this line is in an annex that was not imported", at: range(line, text)))
                return
            }
            if let (number, written, rest) = Line.annexItem(text) {
                guard number > lastAnnexItem else {
                    diagnostics.append(Diagnostic(
                        .importLineNotPlaced,
                        "item \(written) of \(annexes[last].written) follows item \(lastAnnexItem): numbers go back; not imported",
                        at: range(line, text)))
                    return
                }
                lastAnnexItem = number
                annexes[last].items.append(Unit(kind: .item, eId: annexes[last].eId + "__item_\(number)", number: written, text: rest, line: line))
            } else if let item = annexes[last].items.indices.last {
                // A line after an item, not numbered, is more of it: a table row's cells, a wrapped sentence.
                annexes[last].items[item].text = [annexes[last].items[item].text, text].compactMap { $0 }.joined(separator: "\n")
            } else if annexes[last].heading == nil {
                annexes[last].heading = text
            } else {
                annexes[last].intro.append(text)
            }
        }

        // MARK: Title block

        mutating func titleLine(_ text: String, line: Int) {
            if inContents {
                preface.append(text)
                return
            }
            // Once the opening has begun, a 文号 or date in it is a citation, not the title block.
            if !opening.isEmpty {
                opening.append(text)
                return
            }
            var found = false
            // A title block is a few short lines: a longer line is not searched for a 文号 or dates.
            if text.utf8.count <= 2_000, let number = Self.documentNumber(in: text) {
                titleBlock.documentNumber = titleBlock.documentNumber ?? number
                found = true
            }
            for (date, event) in text.utf8.count <= 2_000 ? Self.datedEvents(in: text) : [] {
                found = true
                switch event {
                case "通过": titleBlock.adopted = titleBlock.adopted ?? date
                case "公布", "发布", "印发": titleBlock.promulgated = titleBlock.promulgated ?? date
                default: titleBlock.effective = titleBlock.effective ?? date
                }
            }
            if found {
                preface.append(text)
                return
            }
            if !hasArticles, titleBlock.title != nil {
                opening.append(text)
                openingLine = line
            } else if titleBlock.title == nil {
                titleBlock.title = text
                preface.append(text)
            } else {
                diagnostics.append(Diagnostic(
                    .importLineNotPlaced, "a line before the first article that is neither the title nor the title block; not imported",
                    at: range(line, text)))
            }
        }

        /// 国务院令第387号, 主席令第三十九号, 国办发〔2020〕42号.
        static func documentNumber(in text: String) -> String? {
            for pattern in [#"[^\s（(，,0-9年月日]*令第[0-9一二三四五六七八九十百千零〇]+号"#, #"[^\s（(，,0-9年月日]*〔[0-9]{4}〕[0-9]+号"#] {
                if let match = text.range(of: pattern, options: .regularExpression) {
                    let number = String(text[match])
                    // Decrees are cited without the state's name: 国务院令第387号.
                    return number.hasPrefix("中华人民共和国") && number.count > 7 ? String(number.dropFirst(7)) : number
                }
            }
            return nil
        }

        /// `2003年8月8日…公布` and the like, in order.
        static func datedEvents(in text: String) -> [(CalendarDate, String)] {
            var found: [(CalendarDate, String)] = []
            var rest = Substring(text)
            let pattern = #"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日[^年]{0,40}?(通过|公布|发布|印发|施行)"#
            while let match = rest.range(of: pattern, options: .regularExpression) {
                let piece = String(rest[match])
                let numbers = piece.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                let event = ["通过", "公布", "发布", "印发", "施行"].first { piece.hasSuffix($0) } ?? "施行"
                if numbers.count >= 3, let date = CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2]) { found.append((date, event)) }
                rest = rest[match.upperBound...]
            }
            return found
        }

        // MARK: Units

        mutating func openDivision(_ kind: Unit.Kind, number: Int, heading: String, title: String, line: Int) {
            // Closes what the new division ends: anything inside a division, and divisions of its level or below.
            let level: [Unit.Kind: Int] = [.book: 0, .chapter: 1, .section: 2]
            let own = level[kind] ?? 2
            close(while: { unit in (level[unit.kind] ?? 3) >= own })
            let prefix = ["book": "book", "chapter": "chp", "section": "sec"][kind.rawValue] ?? "sec"
            let outer = open.last.map { $0.eId + "__" } ?? ""
            open.append(Unit(kind: kind, eId: outer + "\(prefix)_\(number)", number: heading, heading: title.isEmpty ? nil : title, line: line))
        }

        /// A new paragraph (款) of the open article: each line of an article that is not a point is one.
        mutating func openParagraph(_ text: String, line: Int) {
            close(while: { $0.kind == .paragraph || $0.kind == .point })
            guard let article = open.last, article.kind == .article else { return }
            let position = article.children.count + 1
            open.append(Unit(
                kind: .paragraph, eId: article.eId + "__para_\(position)", number: "第\(ChineseNumeral.format(position))款", text: text, line: line))
        }

        /// Where a （一） point goes: the open paragraph (an act) or section (a document).
        func pointOwner() -> Unit.Kind? {
            if hasArticles { return open.contains { $0.kind == .paragraph } ? .paragraph : nil }
            return open.contains { $0.kind == .section } ? .section : nil
        }

        mutating func openPoint(number: Int, written: String, text: String, under owner: Unit.Kind, line: Int) {
            // A point ends the previous point; in a document of sections, （一） ends the previous （一） too.
            close(while: { owner == .section ? $0.kind != .section : $0.kind == .point })
            guard let parent = open.last else { return }
            // In a document of sections, （一） is a paragraph of the section (`二（二）` cites sec_2__para_2).
            let kind: Unit.Kind = owner == .section ? .paragraph : .point
            let eId = parent.eId + (kind == .paragraph ? "__para_\(number)" : "__point_\(number)")
            open.append(Unit(kind: kind, eId: eId, number: written, text: text, line: line))
        }

        mutating func appendToSection(_ text: String, line: Int) {
            guard let last = open.indices.last else { return }
            open[last].text = [open[last].text, text].compactMap { $0 }.joined(separator: "\n")
        }

        /// Closes open units from the innermost while `test` holds, attaching each to its parent.
        mutating func close(while test: (Unit) -> Bool) {
            while let last = open.last, test(last) {
                open.removeLast()
                if open.isEmpty { body.append(last) } else { open[open.count - 1].children.append(last) }
            }
        }

        mutating func closeAll() { close(while: { _ in true }) }

        func range(_ line: Int, _ text: String) -> SourceRange {
            SourceRange(
                start: SourceLocation(path: path, line: line, column: 1), end: SourceLocation(path: path, line: line, column: text.unicodeScalars.count + 1))
        }
    }
}

extension StringProtocol {
    /// Without the spaces Chinese texts indent and pad with (ASCII, ideographic, no-break).
    var trimmedLegalText: String {
        let isSpace = { (character: Character) in character == " " || character == "\u{3000}" || character == "\t" || character == "\u{00A0}" }
        let start = drop(while: isSpace)
        var end = start.endIndex
        while end > start.startIndex, isSpace(start[start.index(before: end)]) { end = start.index(before: end) }
        return String(start[..<end])
    }
}
