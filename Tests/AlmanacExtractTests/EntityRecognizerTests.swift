import AlmanacExtract
import AlmanacModel
import Testing

/// Entity recognition on invented sentences about the demo city 岚江市.
struct EntityRecognizerTests {
    static let recognizer = try! EntityRecognizer.bundled()

    /// The scalar offset of `needle` in `text` (its first occurrence from `from`).
    static func offset(of needle: String, in text: String, from: Int = 0) -> Int? {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard haystack.count >= pattern.count else { return nil }
        for start in from...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
            return start
        }
        return nil
    }

    @Test func aCompanyNameRunsBackFromItsSuffixOverItsHead() throws {
        let text = "本报讯 岚江市发展和改革委员会主任李明华介绍，岚江新材料股份有限公司总投资12亿元的高端铝材项目日前开工。"
        let mentions = Self.recognizer.mentions(in: text)
        let start = try #require(Self.offset(of: "岚江新材料", in: text))
        let company = try #require(mentions.first { $0.kind == .organization && $0.text.hasSuffix("股份有限公司") })
        #expect(company.text == "岚江新材料股份有限公司")
        #expect(company.start == start)
        #expect(!mentions.contains { $0.kind == .person && $0.text == "江新" })
    }

    @Test func companyNameAndTheShortFormItDefines() throws {
        let text = "岚江云帆新材料股份有限公司（以下简称“云帆新材”）今年扩产。记者了解到，云帆新材计划再建两条生产线。"
        let mentions = Self.recognizer.mentions(in: text)
        let paren = try #require(Self.offset(of: "（", in: text))
        let company = try #require(mentions.first { $0.kind == .organization && $0.end == paren })
        #expect(company.text.hasSuffix("股份有限公司"))
        #expect(company.text.contains("云帆新材料"))
        let aliasStart = try #require(Self.offset(of: "云帆新材”", in: text))
        let alias = try #require(mentions.first { $0.start == aliasStart })
        #expect(alias.end == aliasStart + 4)
        #expect(alias.text == "云帆新材")
        #expect(alias.name == company.text)
        let laterStart = try #require(Self.offset(of: "云帆新材计划", in: text))
        let later = try #require(mentions.first { $0.start == laterStart })
        #expect(later.kind == .organization)
        #expect(later.end == laterStart + 4)
        #expect(later.name == company.text)
    }

    @Test func shortFormWithoutQuotes() throws {
        let text = "岚江市农业机械合作社（简称岚江农机社）与岚江农机社的社员签订协议。"
        let mentions = Self.recognizer.mentions(in: text)
        let uses = mentions.filter { $0.text == "岚江农机社" }
        #expect(uses.count == 2)
        #expect(uses.allSatisfy { $0.name.hasSuffix("合作社") && $0.name != $0.text })
        #expect(uses.first?.start == Self.offset(of: "岚江农机社", in: text))
    }

    @Test func divisionsFromTheTableWithOffsets() throws {
        let text = "鞍山市台安县今年新增就业岗位。"
        let places = Self.recognizer.mentions(in: text).filter { $0.kind == .place }
        #expect(places.contains { $0.text == "鞍山市" && $0.start == 0 && $0.end == 3 }
            || places.contains { $0.text == "鞍山市台安县" && $0.start == 0 && $0.end == 6 })
        #expect(places.contains { $0.end == 6 })
    }

    @Test func placeTableLooksUpFullAndShortNames() throws {
        let table = try PlaceTable.bundled()
        let anshan = try #require(table.division(named: "鞍山"))
        #expect(anshan.name == "鞍山市")
        #expect(anshan.level == .city)
        #expect(table.parent(of: anshan)?.name == "辽宁省")
        #expect(table.division(named: "台安县")?.level == .county)
        #expect(table.parent(of: try #require(table.division(named: "台安县")))?.name == "鞍山市")
        #expect(table.division(named: "岚江") == nil)
        #expect(table.division(named: "广西")?.name == "广西壮族自治区")
        #expect(table.countries.contains("乌克兰"))
    }

    @Test func townAndParkNamesByTheirGrammar() throws {
        let text = "台安县芦家屯镇和岚江经济技术开发区签署协议。"
        let mentions = Self.recognizer.mentions(in: text)
        let townStart = try #require(Self.offset(of: "芦家屯镇", in: text))
        #expect(mentions.contains { $0.kind == .place && $0.end == townStart + 4 && $0.start <= townStart })
        let parkEnd = try #require(Self.offset(of: "签署", in: text))
        #expect(mentions.contains { $0.end == parkEnd && $0.text.hasSuffix("开发区") })
    }

    @Test func peopleAfterBylinesAndTitles() throws {
        let text = "本报记者 柏文涛报道 岚江市市长司马青山在会上说，全市将加快项目建设。"
        let people = Self.recognizer.mentions(in: text).filter { $0.kind == .person }
        let reporter = try #require(Self.offset(of: "柏文涛", in: text))
        #expect(people.contains { $0.start == reporter && $0.end == reporter + 3 && $0.text == "柏文涛" })
        let mayor = try #require(Self.offset(of: "司马青山", in: text))
        #expect(people.contains { $0.start == mayor && $0.end == mayor + 4 })
    }

    @Test func projectWithInvestmentStageAndPlace() throws {
        let text = "总投资12亿元的岚江港物流园建设项目日前正式开工。"
        let projects = Self.recognizer.mentions(in: text).filter { $0.kind == .project }
        let project = try #require(projects.first)
        #expect(project.text == "岚江港物流园建设项目")
        #expect(project.start == Self.offset(of: "岚江港", in: text))
        #expect(project.end == project.start + 10)
        #expect(project.project?.investment == 1.2e9)
        #expect(project.project?.stage == "开工")
    }

    @Test func projectStageAfterTheNameAndInvestmentAfterIt() throws {
        let text = "昨天，鞍山市年产5万吨高端铝合金项目签约，项目总投资3.5亿元。"
        let project = try #require(Self.recognizer.mentions(in: text).first { $0.kind == .project })
        #expect(project.text.hasSuffix("高端铝合金项目"))
        #expect(project.project?.stage == "签约")
        #expect(project.project?.investment == 3.5e8)
        #expect(project.project?.place == "鞍山市")
        // Counting projects is not naming one.
        #expect(Self.recognizer.mentions(in: "全市30个项目集中开工。").allSatisfy { $0.kind != .project })
    }

    @Test func offsetsCountScalarsOfTheTextAsGiven() throws {
        let text = "𠀀𠀀，记者 黄海生报道"  // two characters outside the Basic Multilingual Plane first
        let person = try #require(Self.recognizer.mentions(in: text).first { $0.kind == .person })
        #expect(person.start == 6)
        #expect(person.end == 9)
        #expect(person.text == "黄海生")
        #expect(Self.recognizer.mentions(in: "").isEmpty)
    }

    @Test func scoreCountsExactSpansOnly() {
        let sentences = NERCorpus.sentences(in: "岚 B-LOC\n江 I-LOC\n市 I-LOC\n人 O\n\n王\tB-PER\n某\tI-PER\n")
        #expect(sentences.count == 2)
        #expect(sentences[0].spans == [NERSpan(type: "LOC", start: 0, end: 3)])
        var score = NERScore()
        score.add(gold: sentences[0].spans, predicted: [NERSpan(type: "LOC", start: 0, end: 2)])
        score.add(gold: sentences[1].spans, predicted: sentences[1].spans)
        #expect(score.overall.correct == 1)
        #expect(score.overall.precision == 0.5)
        #expect(score.overall.recall == 0.5)
        #expect(score.byType["PER"]?.f1 == 1)
    }
}
