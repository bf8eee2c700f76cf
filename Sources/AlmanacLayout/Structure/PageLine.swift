/// A line with what it is on its own, before its neighbours are considered.
struct PageLine: Sendable {
    enum Role: Sendable {
        /// A column label (岚江观察 GUANCHA, ■ 滨海新区建设进行时): the Chinese part.
        case label(String)
        /// A whole-line byline or picture credit.
        case credit(Credit)
        case text
    }

    var line: Line
    var role: Role
    /// For a text line: a byline or credit glued to its end, and the text before it.
    var tail: (head: [Unicode.Scalar], credit: Credit)?
    /// For a text line: whether it opens with a dateline (本报讯 …).
    var opensWithDateline: Bool

    init(_ line: Line) {
        self.line = line
        let credit = line.level == 0 && line.length <= 40 ? CreditParser.line(line.text[...]) : nil
        if let credit {
            role = .credit(credit)
        } else if let label = Self.label(line) {
            role = .label(label)
        } else {
            role = .text
        }
        if case .text = role {
            opensWithDateline = CreditParser.dateline(line.text) != nil
            tail = Self.mayEndInCredit(line.text) ? CreditParser.tail(of: line.text) : nil
        } else {
            opensWithDateline = false
            tail = nil
        }
    }

    var isText: Bool {
        if case .text = role { return true }
        return false
    }

    var isLabel: Bool {
        if case .label = role { return true }
        return false
    }

    var credit: Credit? {
        if case .credit(let c) = role { return c }
        return nil
    }

    /// The line's text as prose: without a glued credit.
    var prose: [Unicode.Scalar] { tail?.head ?? line.text }

    /// Whether the prose ends a sentence.
    var proseEndsSentence: Bool { tail.map { $0.head.endsSentence } ?? line.endsSentence }

    // MARK: - Labels

    /// A column label: a short Chinese name with its pinyin in capitals (镜头 JINGTOU), or a bulleted
    /// short title (■ 某某进行时).
    static func label(_ line: Line) -> String? {
        let t = line.text
        let romanised = t.last.map(Scalars.isLatin) == true || t.first.map(Scalars.isLatin) == true
        guard romanised || line.bulleted else { return nil }
        // Pinyin after (or before) the Chinese name.
        var hi = t.count
        while hi > 0, Scalars.isLatin(t[hi - 1]) || Scalars.isSpace(t[hi - 1]) { hi -= 1 }
        var lo = 0
        while lo < t.count, Scalars.isLatin(t[lo]) || Scalars.isSpace(t[lo]) { lo += 1 }
        for (range, latin) in [(0..<hi, t[hi...]), (lo..<t.count, t[..<lo])] where range.lowerBound < range.upperBound {
            // A romanised name: four or more letters opening with a capital, set apart by a space.
            let letters = latin.filter { Scalars.isLatin($0) }.count
            guard letters >= 4, let initial = latin.first(where: Scalars.isLatin), Scalars.isUpperLatin(initial)
            else { continue }
            let apart = range.lowerBound == 0 ? Scalars.isSpace(t[hi]) : Scalars.isSpace(t[lo - 1])
            guard apart else { continue }
            let name = Array(t[range]).withoutSpaces()
            if name.count >= 2, name.count <= 12, name.allSatisfy(Scalars.isHan) { return name.string }
        }
        if line.bulleted, line.isTitleLike, line.length <= 20 { return line.text.withoutSpaces().string }
        return nil
    }

    // MARK: - Page furniture

    private static let staffRoles: [[Unicode.Scalar]] = [
        "责任编辑", "责编", "编辑", "美编", "美术编辑", "校对", "版式", "组版",
        "审核", "审校", "值班主任",
    ].map { Array($0.unicodeScalars) }
    private static let weekday: [Unicode.Scalar] = Array("星期".unicodeScalars)

    /// Whether the line is the page's own furniture, not an article's: a staff line (责任编辑：某某),
    /// a folio with the issue date and weekday, a page number (第3版).
    static func isFurniture(_ line: Line) -> Bool {
        let t = line.text
        guard line.length <= 60, line.innerSentenceEnds == 0 else { return false }
        // A staff role followed by a colon anywhere on the line.
        for i in t.indices where t[i] == "：" || t[i] == ":" {
            for role in staffRoles where i >= role.count && t[(i - role.count)..<i].elementsEqual(role) {
                return true
            }
        }
        if line.length <= 30, line.digits > 0, contains(t, weekday) { return true }
        if line.length <= 6, t.first == "第", t.last == "版" { return true }
        // A jump line on its own: （下转第二版）.
        if line.length <= 14, let first = t.first, first == "(" || first == "（", let last = t.last,
            last == ")" || last == "）",
            TextRepair.isJump(t[1..<(t.count - 1)])
        {
            return true
        }
        return false
    }

    private static func contains(_ t: [Unicode.Scalar], _ p: [Unicode.Scalar]) -> Bool {
        guard t.count >= p.count else { return false }
        for i in 0...(t.count - p.count) where t[i..<(i + p.count)].elementsEqual(p) { return true }
        return false
    }

    /// A cheap test before looking for a glued credit: the end holds a credit verb or a role word.
    private static func mayEndInCredit(_ text: [Unicode.Scalar]) -> Bool {
        if let last = text.last, last == "）" || last == ")" { return true }
        for s in text.suffix(40) {
            switch s {
            case "摄", "撰", "图", "记", "员", "/": return true
            default: continue
            }
        }
        return false
    }
}
