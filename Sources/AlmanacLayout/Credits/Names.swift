/// Reads personal names in bylines and credits: 2–4 Chinese characters each, around role words
/// such as 本报记者, 记者 or 通讯员, with the space padding of two-character names removed (林 晓 → 林晓).
enum Names {
    /// Role words that stand before a reporter's or photographer's name, longest first.
    static let roles: [[Unicode.Scalar]] = [
        "本报特约记者", "本报摄影记者", "本报通讯员", "本报记者", "特约通讯员", "全媒体记者", "融媒体记者",
        "摄影记者", "特约记者", "见习记者", "实习记者", "首席记者", "通讯员", "实习生", "记者",
    ].map { Array($0.unicodeScalars) }

    /// The role words that hold no shorter one (记者, 通讯员, 实习生): every role word holds one of them.
    private static let roleCores: [[Unicode.Scalar]] = roles.filter { role in
        !roles.contains { $0.count < role.count && role.contains($0) }
    }

    /// Splits on white space, removes role words and returns the names, or nil when some token is no name.
    ///
    /// - Parameter requireRole: whether at least one role word must appear.
    static func parse(_ text: ArraySlice<Unicode.Scalar>, requireRole: Bool) -> [String]? {
        // A role word is found only in text that holds one, and most text tried for a byline holds none.
        if requireRole, !roleCores.contains(where: { text.contains($0) }) { return nil }
        var tokens: [[Unicode.Scalar]] = []
        var sawRole = false
        // The token read so far is `text[currentStart..<index]`: read in place, not gathered scalar by
        // scalar into an array that grew (and was made again) for every token.
        var currentStart = text.startIndex
        func flush(upTo end: Int) {
            guard currentStart < end else { return }
            var token = text[currentStart..<end]
            // Peel role words off the front (记者林晓 → 林晓), possibly several (本报记者记者).
            var peeled = true
            while peeled {
                peeled = false
                for role in roles where token.count >= role.count && token.prefix(role.count).elementsEqual(role) {
                    token = token.dropFirst(role.count)
                    sawRole = true
                    peeled = true
                    break
                }
            }
            // An organisation's reporter (新华社记者) is a role too.
            if !token.isEmpty {
                if peeledAny(&token) { sawRole = true } else { tokens.append(Array(token)) }
            }
        }
        for index in text.indices {
            let s = text[index]
            if Scalars.isSpace(s) || s == "、" || s == "," || s == "，" {
                flush(upTo: index)
                currentStart = index + 1
            }
        }
        flush(upTo: text.endIndex)
        if requireRole && !sawRole { return nil }
        guard let names = merged(tokens) else { return nil }
        return names
    }

    private static let trailingRoles: [[Unicode.Scalar]] = ["记者", "通讯员"].map { Array($0.unicodeScalars) }

    /// Whether the token is an organisation followed by a role word (新华社记者); sets it empty if so.
    private static func peeledAny(_ token: inout ArraySlice<Unicode.Scalar>) -> Bool {
        for role in trailingRoles where token.count > role.count && token.count <= role.count + 6 {
            if token.suffix(role.count).elementsEqual(role), token.allSatisfy(Scalars.isHan) {
                token = token.prefix(0)
                return true
            }
        }
        return false
    }

    /// Joins space-padded names (林 晓 → 林晓, 欧 阳 明 → 欧阳明) and checks every token is a name.
    ///
    /// A run of two or three single characters is one padded name; a run of four, two names.
    static func merged(_ tokens: [[Unicode.Scalar]]) -> [String]? {
        var names: [String] = []
        var i = 0
        while i < tokens.count {
            var run = i
            while run < tokens.count, tokens[run].count == 1 { run += 1 }
            let singles = run - i
            if singles >= 2 {
                var k = i
                while k < run {
                    let size = (run - k == 3) ? 3 : 2
                    guard k + size <= run else { return nil }
                    names.append(Array(tokens[k..<(k + size)].joined()).string)
                    k += size
                }
                i = run
                continue
            }
            guard isName(tokens[i]) else { return nil }
            names.append(tokens[i].string)
            i += 1
        }
        return names
    }

    /// A line of names alone, set apart by spaces (甲某 乙某, 甲 某 乙某), as papers sign a report at its end
    /// without a role word; nil unless there are two or more space-separated tokens, all names.
    static func signature(_ text: [Unicode.Scalar]) -> [String]? {
        guard text.count <= 20 else { return nil }
        let tokens = text.split(whereSeparator: Scalars.isSpace).map(Array.init)
        guard tokens.count >= 2, tokens.count <= 8, tokens.allSatisfy({ $0.count <= 3 }),
            let names = merged(tokens), !names.isEmpty,
            names.allSatisfy({ $0.unicodeScalars.count <= 3 })
        else { return nil }
        return names
    }

    /// Words that stand where a name would in credits but are none.
    private static let notNames: Set<[Unicode.Scalar]> = Set(
        ["报道", "摄影", "供图", "图片", "整理", "采写", "撰文", "编辑", "通讯", "文图", "图文", "本报", "综合", "来源"].map {
            Array($0.unicodeScalars)
        })

    /// 2–4 Chinese characters, or two parts joined by a middle dot (a transcribed name).
    static func isName(_ token: [Unicode.Scalar]) -> Bool {
        if notNames.contains(token) { return false }
        if token.contains("·") || token.contains("•") {
            return token.count <= 12 && token.allSatisfy { Scalars.isHan($0) || $0 == "·" || $0 == "•" }
        }
        return token.count >= 2 && token.count <= 4 && token.allSatisfy(Scalars.isHan)
    }

    /// Appends names not yet present, keeping order.
    static func add(_ names: [String], to list: inout [String]) {
        for name in names where !list.contains(name) { list.append(name) }
    }
}
