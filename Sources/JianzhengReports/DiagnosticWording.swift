import Foundation
import JianzhengBase

/// Diagnostics in Chinese. Messages are written in English by every layer (lower-case, names in '…'); this
/// turns them into Chinese by their shape: each known pattern has its Chinese sentence, with the quoted names
/// put back in “…”. A message of no known shape keeps its English text after the code's Chinese title, so a
/// Chinese reader always sees what kind of problem it is. Codes and locations never change.
public struct DiagnosticWording: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// The language for people from the environment: Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first
    /// set, as POSIX orders them) starts with `zh`, else English.
    public static func environmentLanguage(_ environment: [String: String]) -> ReportLanguage {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("zh") ? .zh : .en
    }

    /// The renderer's words in this language.
    public var words: DiagnosticRenderer.Words {
        language == .zh ? DiagnosticRenderer.Words(error: "错误", warning: "警告", note: "注", fix: "修改", replaceWith: "改为") : .english
    }

    /// The diagnostic with its message, notes and fix-its in this language.
    public func translated(_ diagnostic: Diagnostic) -> Diagnostic {
        guard language == .zh else { return diagnostic }
        var result = diagnostic
        result.message = Self.chinese(diagnostic.message) ?? "\(Self.title(diagnostic.code))：\(diagnostic.message)"
        result.notes = diagnostic.notes.map { Diagnostic.Note(Self.chinese($0.message) ?? $0.message, at: $0.range) }
        result.fixIts = diagnostic.fixIts.map { Diagnostic.FixIt(Self.chinese($0.message) ?? $0.message, range: $0.range, replacement: $0.replacement) }
        return result
    }

    /// The Chinese of a message of a known shape, else nil.
    public static func chinese(_ message: String) -> String? {
        let (shape, names) = shape(of: message)
        guard let sentence = sentences[shape] else { return patterned(message) }
        var result = ""
        var rest = Substring(sentence)
        while let marker = rest.firstIndex(of: "{") {
            let close = rest[marker...].firstIndex(of: "}") ?? marker
            result += rest[..<marker]
            let number = Int(rest[rest.index(after: marker)..<close]) ?? 0
            result += number < names.count ? "“" + names[number] + "”" : ""
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The Chinese of a message with unquoted variable parts (dates, numbers, chains, lists), by pattern; a
    /// template's `$n` is the n-th group, `$Tn` the n-th group translated in turn.
    static func patterned(_ message: String) -> String? {
        let range = NSRange(message.startIndex..., in: message)
        for (expression, template) in patterns {
            guard let match = expression.firstMatch(in: message, range: range) else { continue }
            var result = template
            for group in stride(from: match.numberOfRanges - 1, through: 1, by: -1) {
                let text = Range(match.range(at: group), in: message).map { String(message[$0]) } ?? ""
                result = result.replacingOccurrences(of: "$T\(group)", with: chinese(text) ?? text)
                result = result.replacingOccurrences(of: "$\(group)", with: text)
            }
            return result
        }
        return nil
    }

    /// Messages with variable unquoted parts and their Chinese.
    static let patterns: [(NSRegularExpression, String)] = {
        let found = "(?:'(.*)'|(end of file)|(end of line)|(a string)|(a comment))"
        let table: [(String, String)] = [
            ("unexpected character '(.+)'", "意外的字符“$1”"),
            ("full-width '(.+)' used as syntax; write '(.+)'", "全角“$1”用作语法；请写“$2”"),
            ("(U\\+[0-9A-F]+[^']*) is a control character and is not allowed: it can hide or reorder text", "$1 是控制字符，不允许出现：它可以隐藏或重排文字"),
            ("(U\\+[0-9A-F]+[^']*) is a control character and is not allowed", "$1 是控制字符，不允许出现"),
            ("a name may not contain (U\\+[0-9A-F]+.*)", "名称不得包含 $1"),
            ("expected ',' or '\\]' in list, found \(found)", "列表中应为“,”或“]”，实际为“$1$2$3$4$5”"),
            ("expected '\\)' to close '\\(', found \(found)", "应以“)”结束“(”，实际为“$1$2$3$4$5”"),
            ("expected a keyword at the start of a statement, found \(found)", "语句应以关键字开始，实际为“$1$2$3$4$5”"),
            ("expected a name after '\\.', found \(found)", "“.”后应为名称，实际为“$1$2$3$4$5”"),
            ("expected a value, found \(found)", "应为取值，实际为“$1$2$3$4$5”"),
            ("expected '\\}' to close the block opened at line ([0-9]+)", "缺少“}”来结束第 $1 行开始的块"),
            ("blocks nested deeper than ([0-9]+) levels", "块嵌套超过 $1 层"),
            ("expression nested deeper than ([0-9]+) levels", "表达式嵌套超过 $1 层"),
            ("a condition of more than ([0-9]+) terms and levels; split it into rules", "条件超过 $1 项或层；请拆分为多条规则"),
            ("too many errors in this file; stopping after ([0-9]+)", "该文件错误过多；报告 $1 个后停止"),
            ("'(.+)' expects one of (.+)", "“$1”应为以下之一：$2"),
            ("'(.+)' expects (.+)", "“$1”应为 $2"),
            ("expected one of (.+)", "应为以下之一：$1"),
            ("'(.+)' ([0-9-]+) is not after '(.+)' ([0-9-]+)", "“$1” $2 不晚于 “$3” $4"),
            ("malformed citation: (.+)", "引用格式错误：$T1"),
            ("'(.+)' lacks its unit: 条, 款 or 项", "“$1”缺少单位：条、款或项"),
            ("'(.+)' is out of order: write 第…条第…款第…项", "“$1”顺序有误：应写作第…条第…款第…项"),
            ("'(.+)' has no provision (.+) \\((.+)\\)", "“$1”没有条款 $2（$3）"),
            ("the act was repealed on ([0-9-]+)", "该法已于 $1 废止"),
            ("the act or the cited provision is not yet in force \\(effective ([0-9-]+)\\)", "该法或所引条款尚未施行（$1 起施行）"),
            ("the cited provision was removed by an amendment in force from ([0-9-]+)", "所引条款已被 $1 起施行的修正删除"),
            ("the act was in force on ([0-9-]+) but the corpus lacks that version's text", "该法在 $1 有效，但法律依据库缺少该版本的条文"),
            ("the act applies only in (.+) \\((.+)\\), not in (.+)", "该法仅适用于$1（$2），不适用于 $3"),
            ("document type declarations are refused: external entities and entity expansion are not allowed", "拒绝文档类型声明：不允许外部实体和实体展开"),
            ("duplicate eId '(.+)'", "条款标识“$1”重复"),
            ("'(.+)' refers to '(.+)', which is not in the corpus", "“$1”引用的“$2”不在法律依据库中"),
            ("two versions of '(.+)' start on ([0-9-]+)", "“$1”有两个版本都从 $2 起施行"),
            ("version starts ([0-9-]+), after the repeal on ([0-9-]+)", "版本自 $1 起施行，晚于 $2 的废止"),
            ("rank or territory of '(.+)' differs between versions", "“$1”各版本的位阶或地域不一致"),
            ("the corpus cache is not used: '(.+)' can be read or written by others \\(mode ([0-7]+); it must be ([0-7]+)\\); the corpus is read from the XML",
                "不使用法律依据库缓存：“$1”可被他人读写（权限 $2，应为 $3）；改为直接读取 XML"),
            ("'(.+)' is numbered '(.+)' \\(([0-9]+), not ([0-9]+)\\): a citation of ([0-9]+) would quote the wrong provision", "“$1”的编号为“$2”（$3，而非 $4）：引用第 $5 条会引错条文"),
            ("'(.+)' already names '(.+)' \\((.+)\\); a citation of it would be ambiguous", "“$1”已是“$2”（$3）的名称；引用它会有歧义"),
            ("'(.+)' is repealed in a circle: (.+)", "“$1”的废止关系成环：$2"),
            ("'(.+)' also names '(.+)' \\((.+)\\); cite either by its 文号", "“$1”同时是“$2”（$3）的名称；请以文号引用"),
            ("several acts in the corpus are titled '(.+)'", "法律依据库中有多个文件名为“$1”"),
            ("candidate: (.+)", "候选：$1"),
            ("the identification has no FRBRManifestation: other Akoma Ntoso tools will refuse this document", "identification 缺少 FRBRManifestation：其他 Akoma Ntoso 工具将拒绝该文件"),
            ("a doc's body is called mainBody in Akoma Ntoso: other Akoma Ntoso tools will refuse this document", "Akoma Ntoso 中 doc 的正文元素为 mainBody：其他 Akoma Ntoso 工具将拒绝该文件"),
            ("the amendment in force from ([0-9-]+) renumbered (.+): the former article is now (.+)", "$1起施行的修改将$2重新编号：原条文现为$3"),
            ("a citation written before the amendment means (.+); cite it so, or keep this one if the new text is meant", "修改前写成的引用所指应为$1：请改引该条；如指新条文则保留"),
            ("this line is not in any article or section and was not imported", "该行不属于任何条款或部分，未导入"),
            ("(.+) has the number of the annex at line ([0-9]+); this annex was not imported", "$1与第 $2 行的附件编号相同，该附件未导入"),
            ("this line is in an annex that was not imported", "该行属于未导入的附件"),
            ("the steps before it: (.+)", "它之前的环节：$1"),
            ("the text has no article, section or annex: its ([0-9]+) lines after the title are kept as the document's text, citable only as a whole; check that this is meant and the text's encoding",
                "文本中没有条、部分或附件：标题后的 $1 行作为文件全文保留，只能整体引用；请确认确属如此，并检查其编码"),
            ("the text has no article, section or annex: nothing to import; check that it is the text of a legal document and its encoding",
                "文本中没有条、部分或附件，无可导入：请确认其为法律文件的文本，并检查其编码"),
            ("item (.+) of (.+) follows item ([0-9]+): numbers go back; not imported", "$2的第$1项出现在第 $3 项之后，序号倒退，未导入"),
            ("and ([0-9]+) more lines not imported", "另有 $1 行未导入"),
            ("a line before the first (article|section) that is neither the title nor the title block; not imported", "第一条（部分）之前既非标题也非题注的行，未导入"),
            ("article (.+) follows article (.+): numbers go back; check that the line starts an article and is not a sentence that begins with a citation",
                "$1出现在$2之后，条号倒退：请确认该行是条文开头，而不是以引用开头的句子"),
            ("the text does not say its (.+); give (.+)", "文本未写明$1；请用 $2 指定"),
            ("the commitment terms of material '(.+)' are reused by procedures of ([0-9]+) departments \\((.+)\\), audited by '(.+)' for every one of them",
                "材料“$1”的承诺条款被 $2 个部门（$3）的事项共用，均由“$4”核查"),
            ("the commitment terms of material '(.+)' are reused by procedures of ([0-9]+) departments \\((.+)\\), audited by each procedure's department",
                "材料“$1”的承诺条款被 $2 个部门（$3）的事项共用，由各事项的部门核查"),
            ("declare the terms where they hold: `commitment \\{ text … method … \\}` inside each `requires (.+) \\{ … \\}`, or on the condition it proves",
                "请把承诺条款写在适用之处：每个 `requires $1 { … }` 中的 `commitment { text … method … }`，或其所证明的办理条件中"),
            ("the terms on the material remain the default for a requirement that declares none", "材料上的条款仍作为未声明条款的材料要求的默认"),
            ("procedure '(.+)' and material '(.+)' are listed twice in the commitment catalogues", "事项“$1”与材料“$2”在告知承诺事项目录中重复列出"),
            ("the first listing gives the terms", "以首次列出的条款为准"),
            ("commitment-catalogue '(.+)' lists material '(.+)' for procedure '(.+)', which does not require it",
                "告知承诺事项目录“$1”为事项“$3”列出材料“$2”，但该事项并不要求该材料"),
            ("it requires: (.+)", "该事项要求的材料：$1"),
            ("procedure '(.+)' declares its own commitment terms for material '(.+)', which commitment-catalogue '(.+)' also lists",
                "事项“$1”自行声明了材料“$2”的承诺条款，告知承诺事项目录“$3”亦有列出"),
            ("the requirement's own terms are applied; remove them to apply the catalogue's", "适用材料要求自身的条款；删除后适用目录中的条款"),
            ("procedure '(.+)' declares no situation '(.+)'", "事项“$1”未声明办理情形“$2”"),
            ("'effective' ([0-9-]+) is before 'published' ([0-9-]+)", "“effective” $1 早于 “published” $2"),
            ("an entry names a procedure and the material it requires: entry (.+) MATERIAL \\{ … \\}", "目录条目须写明事项及其所要求的材料：entry $1 材料 { … }"),
            ("'之' after 第(.+)条 must be followed by a number \\(之一\\)", "第$1条后的“之”须接序号（之一）"),
            ("unexpected '(.+)' after the annex: write 附件第…项 or 附件1第…项", "附件后的“$1”无法识别：应写作附件第…项或附件1第…项"),
            ("'附件(.+)' is not a valid annex number", "“附件$1”不是有效的附件序号"),
            ("'(.+)' is not a valid item of the annex", "“$1”不是有效的附件项目"),
            ("procedure '(.+)' declares no condition '(.+)'", "事项“$1”未声明办理条件“$2”"),
            ("declare it in the procedure: (condition|situation) (.+) \\{ … \\}", "请在事项中声明：$1 $2 { … }"),
            ("the situations of procedure '(.+)' add up to ([0-9]+) %, more than all applicants", "事项“$1”的办理情形合计 $2%，超过全部申请人"),
            ("condition '(.+)' is declared twice in the procedure", "办理条件“$1”在该事项中声明了两次"),
            ("situation '(.+)' is declared twice in the procedure", "办理情形“$1”在该事项中声明了两次"),
            ("policies '(.+)' and '(.+)' are both in force from ([0-9-]+)(?: until ([0-9-]+))?; without --policy the later one, '(.+)', is applied",
                "政策“$1”和“$2”自 $3 起同时有效；未用 --policy 指定时适用较晚的“$5”"),
            ("policies '(.+)' and '(.+)' take effect on the same day and are both in force from ([0-9-]+)(?: until ([0-9-]+))?; a review of those days needs --policy",
                "政策“$1”和“$2”同日生效、自 $3 起同时有效；审查这段日期须用 --policy 指定"),
            ("rule '(.+)' is an exception to itself: (.+)", "规则“$1”是它自己的例外：$2"),
            ("rule '(.+)' takes effect on ([0-9-]+), when policy '(.+)' is no longer in force", "规则“$1”于 $2 生效，那时政策“$3”已不再有效"),
            ("unknown field '(.+)' in the commitment notice; the fields are (.+)", "告知承诺书模板中有未知字段“$1”；可用字段：$2"),
            ("'\\{\\{' is not closed with '\\}\\}'", "“{{”没有以“}}”结束"),
            ("the document written from this text would be ([0-9]+) bytes, more than the ([0-9]+) the corpus reads; import the text in parts \\(by 编 or 章\\)",
                "由该文本生成的文件将有 $1 字节，超过法律依据库可读取的 $2 字节：请分部分（按编或章）导入"),
            ("file of ([0-9]+) bytes exceeds the limit of ([0-9]+) bytes; it is not read", "文件大小 $1 字节，超过 $2 字节的限制，不予读取"),
            ("cannot read file: (.+)", "无法读取文件：$1"),
            ("'(.*)' has no provision (.+); kept as the basis, to verify", "“$1”没有条款 $2；仍作为设定依据，待核实"),
            ("'(.+)' is not in the legal-basis corpus \\(did you mean '(.+)'\\?\\); kept as the basis, to verify", "法律依据库中没有“$1”（是否应为“$2”？）；仍作为设定依据，待核实"),
        ]
        return table.map { pattern, template in
            do {
                return (try NSRegularExpression(pattern: "^" + pattern + "$"), template)
            } catch {
                preconditionFailure("diagnostic pattern '\(pattern)' does not compile: \(error)")
            }
        }
    }()

    /// A message with each quoted name replaced by `'{}'`, and the names in order. Declaration kinds
    /// (department, material …) and numbers stay in the shape, as the sentences are written per kind.
    static func shape(of message: String) -> (String, [String]) {
        var shape = ""
        var names: [String] = []
        var current: String?
        for character in message {
            if var name = current {
                if character == "'" {
                    names.append(name)
                    shape += "'{}'"
                    current = nil
                } else {
                    name.append(character)
                    current = name
                }
            } else if character == "'" {
                current = ""
            } else {
                shape.append(character)
            }
        }
        if let current { shape += "'" + current }
        return (shape, names)
    }

    /// The Chinese title of every code.
    public static func title(_ code: DiagnosticCode) -> String {
        switch code {
        case .unreadableFile: "无法读取文件"
        case .notAJianzhengFile: "不是 .jz 文件"
        case .unexpectedCharacter: "意外的字符"
        case .unterminatedString: "字符串未结束"
        case .invalidUTF8: "无效的 UTF-8 编码"
        case .unterminatedCitation: "引用未闭合"
        case .fullWidthPunctuation: "全角标点用作语法"
        case .invalidEscape: "无效的转义"
        case .controlCharacter: "控制字符"
        case .expectedToken: "语法错误"
        case .missingClosingBrace: "缺少右花括号"
        case .unmatchedClosingBrace: "多余的右花括号"
        case .nestingTooDeep: "嵌套过深"
        case .unknownDeclaration: "未知的声明"
        case .unknownAttribute: "未知的属性"
        case .missingAttribute: "缺少必需的属性"
        case .duplicateAttribute: "属性重复"
        case .wrongValueType: "取值类型错误"
        case .unknownValue: "未知的取值"
        case .malformedDate: "日期格式错误"
        case .valueOutOfRange: "取值超出范围"
        case .unknownReference: "未知的引用"
        case .duplicateDeclaration: "重复声明"
        case .unusedDeclaration: "声明未被使用"
        case .unknownPredicate: "未知的事实"
        case .inconsistentDates: "日期前后矛盾"
        case .nameSpelledDifferently: "名称写法与声明不同"
        case .lookalikeName: "名称形近易混"
        case .sharedCommitmentTerms: "承诺条款被多个部门共用"
        case .commitmentEntryNotRequired: "承诺目录所列材料不为该事项所需"
        case .commitmentTermsTwice: "同一材料要求的承诺条款重复"
        case .malformedCitation: "引用格式错误"
        case .unknownAct: "法律依据库中没有该法"
        case .unknownProvision: "该法没有所引条款"
        case .ambiguousAct: "所引法名对应多个文件"
        case .renumberedProvision: "所引条款已重新编号"
        case .xmlNotWellFormed: "XML 格式错误"
        case .xmlSchemaInvalid: "不符合法律依据库模式"
        case .xmlEntityRefused: "拒绝处理实体声明"
        case .xmlTooLarge: "XML 超出限制"
        case .corpusDuplicateEId: "条款标识重复"
        case .corpusDanglingReference: "引用了不存在的法"
        case .corpusOverlappingVersions: "版本时间重叠"
        case .corpusDuplicateExpression: "版本重复"
        case .corpusInvalidMetadata: "元数据错误"
        case .corpusCacheRefused: "不使用缓存"
        case .corpusNumberMismatch: "条款编号与标识不符"
        case .corpusAmbiguousName: "法名有歧义"
        case .corpusRepealCycle: "废止关系成环"
        case .corpusSharedTitle: "多个文件同名"
        case .importLineNotPlaced: "导入时无法归入条款的行"
        case .importMetadataMissing: "导入缺少元数据"
        case .corpusNotAkomaNtoso: "不符合 Akoma Ntoso 标准"
        case .importNothingToImport: "文本中没有可导入的内容"
        case .policyRuleUnreachable: "规则永远不会生效"
        case .policyRuleConflict: "规则相互冲突"
        case .policyNoDefault: "政策缺少默认结论"
        case .policyOverlap: "政策有效期重叠"
        case .policyExceptionCycle: "例外关系成环"
        case .policyPhrasesMissing: "政策缺少判断用语"
        case .unknownTemplateField: "模板字段未知"
        }
    }

    /// Known shapes and their Chinese; `{n}` is the n-th quoted name.
    static let sentences: [String: String] = {
        var table: [String: String] = [
            // Input.
            "no such file or directory": "文件或目录不存在",
            "not a .jz file": "不是 .jz 文件",
            "it is not a regular file": "不是普通文件",
            "invalid UTF-8 byte sequence": "无效的 UTF-8 字节序列",
            // Lexer and parser.
            "unterminated string: a string must close on the line it opens": "字符串未结束：字符串必须在开始的同一行结束",
            "unknown escape sequence in string": "字符串中有未知的转义序列",
            "citation opened with '{}' is not closed with '{}'": "以{0}开始的引用没有以{1}结束",
            "'{}' does not close any block": "{0}没有对应的块可以结束",
            "'{}' opened here": "{0}在此处开始",
            "use ASCII punctuation": "请使用半角（ASCII）标点",
            "close the block": "结束该块",
            "strings use ASCII quotes '{}', not '{}'": "字符串使用半角引号{0}，不是{1}",
            "expected a value before ','": "逗号前缺少取值",
            "a '\\u{…}' escape takes one to six hexadecimal digits and a closing '}'": "“\\u{…}”转义须有一到六位十六进制数字和右花括号",
            // Resolver.
            "unknown declaration '{}'": "未知的声明{0}",
            "unknown value '{}'": "未知的取值{0}",
            "'{}' is not a valid date": "{0}不是有效的日期",
            "'{}' is not a valid number": "{0}不是有效的数字",
            "number '{}' is out of range": "数字{0}超出范围",
            "write a real calendar date as YYYY-MM-DD": "请按 YYYY-MM-DD 写一个真实的日期",
            "write it exactly as declared": "请与声明写法完全一致",
            "first declared here": "首次声明在此",
            "first given here": "首次给出在此",
            "did you mean '{}'?": "是否应为{0}？",
            "'{}' compares with one name": "{0}只能与一个名称比较",
            "'{}' compares with names": "{0}只能与名称比较",
            "unknown fact '{}' in condition": "条件中有未知的事实{0}",
            "see docs/language.md for the list of facts": "事实清单见 docs/language.md",
            "a condition must be a fact such as basis.sufficient": "条件必须是一个事实，例如 basis.sufficient",
            "only kind, concerns, department and domain take a value": "只有 kind、concerns、department 和 domain 可以取值",
            "'in' expects a list such as [public-safety, life-health]": "“in”后应为列表，例如 [public-safety, life-health]",
            "percentage '{}' must be between 0% and 100%": "百分比{0}必须在 0% 到 100% 之间",
            "policy '{}' has no '{}' verdict for materials no rule decides": "政策{0}没有为未被任何规则决定的材料规定{1}结论",
            "add a default": "添加默认结论",
            "rule '{}' can never fire: '{}' always fires first": "规则{0}永远不会生效：{1}总是先生效",
            "'{}' is here": "{0}在此",
            "'{}' is here and always wins": "{0}在此，总是优先",
            "rule '{}' is an exception to unknown rule '{}'": "规则{0}是未知规则{1}的例外",
            "rules '{}' and '{}' have the same condition but give '{}' and '{}'": "规则{0}和{1}条件相同，结论却分别为{2}和{3}",
            "rule '{}' reads '{}', which never holds: policy '{}' declares no '{}'": "规则{0}读取的事实{1}永远不成立：政策{2}没有声明{3}",
            "'{}' is declared here": "{0}声明在此",
            // Citations.
            "no such act in the corpus": "法律依据库中没有该法",
            "until it is verified, the requirement is kept and listed with the bases to verify": "核实之前，该材料要求暂予保留，并列入待核实依据清单",
            "'{}' is not in the legal-basis corpus; kept as the basis, to verify": "法律依据库中没有{0}；仍作为设定依据，待核实",
            "the citation names no act": "引用未写明法名",
            "empty citation": "引用为空",
            "add the act to legal-basis/ (docs/legal-basis.md) or correct the title": "请将该法加入 legal-basis/（见 docs/legal-basis.md），或更正法名",
            "the legal-basis corpus has no act '{}'": "法律依据库中没有{0}",
            "the act has no provision '{}'": "该法没有条款{0}",
            "cite the one meant by its document number instead of its title, followed by the article": "请改以所指文件的文号加条款引用",
            "the other act of the name": "同名的另一文件",
            "unknown unit '{}': expected 条, 款 or 项": "未知的单位{0}：应为条、款或项",
            "a number must follow '{}'": "{0}后应为数字",
        ]
        // One sentence per declaration kind.
        let kinds = [
            ("department", "部门"), ("material", "材料"), ("source", "数据资源"), ("procedure", "事项"), ("policy", "政策"),
            ("cost-model", "成本模型"), ("department or procedure", "部门或事项"), ("rule", "规则"), ("test", "测试"), ("step", "环节"),
        ]
        for (kind, chinese) in kinds {
            table["unknown \(kind) '{}'"] = "未知的\(chinese){0}"
            table["\(kind) '{}' is declared more than once"] = "\(chinese){0}重复声明"
            table["\(kind) '{}' is never used"] = "\(chinese){0}未被使用"
            table["\(kind) '{}' is written with different Unicode characters from its declaration"] = "\(chinese){0}的写法与其声明所用的 Unicode 字符不同"
            table["\(kind) '{}' looks like '{}' but is another name"] = "\(chinese){0}与{1}形近，却是另一个名称"
            table["\(kind) '{}' mixes Latin with Cyrillic or Greek letters that look the same"] = "\(chinese){0}混用了拉丁字母和形近的西里尔或希腊字母"
            table["unknown attribute '{}' in \(kind) '{}'"] = "\(chinese){1}中有未知的属性{0}"
            table["\(kind) '{}' lacks the required attribute '{}'"] = "\(chinese){0}缺少必需的属性{1}"
            table["'{}' is given more than once in \(kind) '{}'"] = "属性{0}在\(chinese){1}中重复给出"
        }
        // A procedure's 办事指南 and what is declared in it.
        for (what, chinese) in [("the guide of procedure", "事项{1}的办事指南"), ("the legal time limit of procedure", "事项{1}的法定时限")] {
            table["unknown attribute '{}' in \(what) '{}'"] = "\(chinese)中有未知的属性{0}"
            table["'{}' is given more than once in \(what) '{}'"] = "属性{0}在\(chinese)中重复给出"
        }
        table["step '{}' is declared twice in the guide of procedure '{}'"] = "环节{0}在事项{1}的办事指南中声明了两次"
        table["step '{}' comes after '{}', which is not a step listed before it in the guide of procedure '{}'"] =
            "环节{0}排在{1}之后，但{1}不是事项{2}办事指南中列在它之前的环节"
        table["material '{}' is never required or issued"] = "材料{0}既未被要求也未被开具"
        table["source '{}' supplies no material"] = "数据资源{0}不提供任何材料"
        return table
    }()
}
