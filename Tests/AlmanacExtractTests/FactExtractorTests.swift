import AlmanacModel
import AlmanacText
import Testing

@testable import AlmanacExtract

struct FactExtractorTests {
    static let extractor: FactExtractor? = try? FactExtractor.bundled()

    private func facts(_ text: String) throws -> [Fact] {
        try #require(Self.extractor).facts(in: text)
    }

    private func fact(_ text: String, _ figure: String) throws -> Fact {
        try #require(try facts(text).first { $0.quantity.text == figure })
    }

    /// (passage, figure, change)
    @Test(arguments: [
        ("今年前7个月，岚江市工业增加值同比增长7.4%。", "7.4%", "同比增长"),
        ("岚江市出口额下降3.2%。", "3.2%", "下降"),
        ("增速高于全省平均水平1.9个百分点。", "1.9个百分点", "高于"),
        ("出口通关时间较2017年压缩98.9%。", "98.9%", "压缩"),
        ("创新模式，压缩检测时间20%。", "20%", "压缩"),
        ("岚江港吞吐量提高12%。", "12%", "提高"),
        ("岚江市有企业345户。", "345户", nil),
        ("岚江市工业增加值达到120亿元。", "120亿元", nil),
    ] as [(String, String, String?)])
    func findsChangeWords(_ passage: String, _ figure: String, _ change: String?) throws {
        #expect(try fact(passage, figure).change == change)
    }

    /// (passage, figure, period)
    @Test(arguments: [
        ("今年前7个月，岚江市工业增加值同比增长7.4%。", "7.4%", "今年前7个月"),
        ("上半年，岚江市担保贷款6.43亿元。", "6.43亿元", "上半年"),
        ("1月至10月，岚江市完成投资80亿元。", "80亿元", "1月至10月"),
        ("今年以来，岚江海关监管进口粮食110万吨。", "110万吨", "今年以来"),
        ("截至8月16日，服务企业5131家次。", "5131家次", "截至8月16日"),
        ("截至目前，岚江市走访企业50余户。", "50余户", "截至目前"),
        ("自开赛以来，投票4.2万人次。", "4.2万人次", "自开赛以来"),
        ("出口通关时间较2017年压缩98.9%。", "98.9%", ""),
        ("岚江市有企业345户。", "345户", ""),
        ("日前，岚江市举办招聘会3场。", "3场", ""),
        ("12月21日，岚江市新建学校80所。", "80所", ""),
        ("1—7月，岚江市接待游客120万人次。", "120万人次", "1—7月"),
    ])
    func findsPeriods(_ passage: String, _ figure: String, _ period: String) throws {
        #expect(try fact(passage, figure).period == period)
    }

    /// (passage, figure, place)
    @Test(arguments: [
        ("上半年，岚江市担保贷款6.43亿元。", "6.43亿元", "岚江市"),
        ("青河县新建厂房3000平方米。", "3000平方米", "青河县"),
        ("全省完成投资500亿元。", "500亿元", "全省"),
        ("岚江市工业增加值增长7.4%，增速高于全省平均水平1.9个百分点。", "1.9个百分点", "岚江市"),
        ("岚江市新材料产业占全市工业比重近50%。", "近50%", "岚江市"),
        ("会议室里有桌椅30套。", "30套", ""),
        ("岚江市主城区拆除围挡44处。", "44处", "岚江市主城区"),
        ("青峰公园绿化总面积约25万平方米。", "约25万平方米", "青峰公园"),
        ("为全县1200户困难群众购买保险。", "1200户", "全县"),
        ("创建岚江省示范基地2个。", "2个", ""),
        ("岚江市总工会为职工发放慰问金50万元。", "50万元", ""),
        ("共有110家岚江市企业参与，提供岗位2382个。", "2382个", ""),
        ("岚江市口岸繁忙。今年前11个月，岚江海关监管进口煤炭317.6万吨。", "317.6万吨", "岚江海关"),
    ])
    func findsPlaces(_ passage: String, _ figure: String, _ place: String) throws {
        #expect(try fact(passage, figure).place == place)
    }

    /// How reporting attributes a figure to a place, one rule a row (passage, figure, place).
    @Test(arguments: [
        // Clauses joined by a semicolon share the subject of the first.
        ("青河县拥有省级孵化器3家，其中国家级1家；省级众创空间5家。", "5家", "青河县"),
        ("上半年，岚江市签约项目12个；到位资金80亿元。", "80亿元", "岚江市"),
        // A full stop ends the subject.
        ("青河县拥有省级孵化器3家。省级众创空间5家。", "5家", ""),
        // A place inside a document title, a bracket or a quoted name is not the subject.
        ("制定了《青河县美丽乡村建设标准》，验收合格后奖补3万元。", "3万元", ""),
        ("为出口基地（岚江市）授牌，向8家企业授牌。", "8家", ""),
        ("打造“岚江市云直播”平台，先后走进十余家企业。", "十余家", ""),
        // Quoted speech keeps its subject.
        ("他说：“岚江市今年新增企业120家，同比增长5%。”", "120家", "岚江市"),
        // 全省/全市/全县 name the whole area wherever they stand, and carry on through the sentence.
        ("会上发布第三批全省重点项目共计300个。", "300个", "全省"),
        ("在全县120个行政村开展试点，验收合格后县财政奖补5万元。", "5万元", "全县"),
        ("在全县120个行政村开展试点。", "120个", "全县"),
        // …but 在全省率先 ranks the subject within the province.
        ("青河县在全省率先完成改造12处。", "12处", "青河县"),
        ("岚江市增速在全省排名第二，达到8.5%。", "8.5%", "岚江市"),
        // An organization opening a clause is its subject: the figure has no place.
        ("近日，岚江市第三届技能大赛举行，岚江市总工会对获奖选手分别奖励3000元和2000元。", "3000元", ""),
        ("青河县招商推介会现场签约项目12个。", "12个", ""),
        // …but a place that goes on to say what it did is the subject.
        ("截至目前，岚江市累计举办现场招聘会70场。", "70场", "岚江市"),
        ("截至5月，青河县共开展招聘会49场。", "49场", "青河县"),
        // A place after 、 plays the part of the list item before it.
        ("推动岚江市柑橘、青河县茶叶等9个产品升级为区域公用品牌。", "9个", ""),
        // A road's ends (东至, 南至) are not what its length is about.
        ("东至青河县石门、南至高新区大岭，规划全长55公里。", "55公里", ""),
        // A kind of park is no park's name.
        ("全市建设城市小树林12处，口袋公园2处。", "2处", "全市"),
        ("青峰公园绿化总面积约25万平方米。", "约25万平方米", "青峰公园"),
        // A place right after a count is where what is counted is; it does not open the sentence.
        ("现场共有110家岚江市企业参与招聘。", "110家", "岚江市"),
        ("在全县110个重点村开展试点。", "110个", "全县"),
        // A village named after a place the lexicon knows.
        ("去年，三岔河村人均收入突破2万元。", "2万元", "三岔河村"),
        // A place named in full keeps its suffix where the suffix runs into a word (市民).
        ("鹤溪市召开会议。上半年，鹤溪市民营经济实现增加值96亿元。", "96亿元", "鹤溪市"),
        // …and where the character after the suffix begins a word of its own.
        ("1-10月，岚江市外贸进出口总值达523.6亿元。", "523.6亿元", "岚江市"),
        ("截至9月底，青河县城乡居民人均可支配收入达到3.2万元。", "3.2万元", "青河县"),
        ("岚江市场监管部门检查商户120家。", "120家", ""),
        // A date before a bare stem leaves it the subject.
        ("岚江市加快旧改。东风小区是2022年岚江改造的47个老旧小区之一。", "47个", "岚江"),
    ])
    func attributesFiguresToPlaces(_ passage: String, _ figure: String, _ place: String) throws {
        #expect(try fact(passage, figure).place == place)
    }

    /// (passage, figure, indicator)
    @Test(arguments: [
        ("岚江市345户规模以上工业企业实现工业增加值同比增长7.4%。", "345户", "规模以上工业企业"),
        ("岚江市345户规模以上工业企业实现工业增加值同比增长7.4%。", "7.4%", "工业增加值"),
        ("如今，产品年产能2000吨，年销售收入2亿元。", "2000吨", "产品年产能"),
        ("如今，产品年产能2000吨，年销售收入2亿元。", "2亿元", "年销售收入"),
        ("新建1000吨生产线已经开工。", "1000吨", "生产线"),
        ("先后召开专题推进会20次。", "20次", "专题推进会"),
        ("上半年，岚江市担保贷款6.43亿元，同比增长12.5%。", "12.5%", "担保贷款"),
        ("增速高于全省平均水平1.9个百分点。", "1.9个百分点", "增速"),
        ("创新模式，压缩检测时间20%。", "20%", "检测时间"),
    ])
    func findsIndicators(_ passage: String, _ figure: String, _ indicator: String) throws {
        #expect(try fact(passage, figure).indicator == indicator)
    }

    /// Indicators completed by the figure before them (passage, figure, indicator).
    @Test(arguments: [
        // A bare measure is the measure of what the clause before counted.
        ("上半年，青河县发放创业贷款共86笔，金额3.2亿元，同比增长15%。", "3.2亿元", "创业贷款金额"),
        ("上半年，青河县发放创业贷款共86笔，金额3.2亿元，同比增长15%。", "15%", "创业贷款金额"),
        // A sub-figure's grade names a grade of the thing counted.
        ("岚江市拥有省级以上众创空间9家，其中国家级3家。", "3家", "国家级众创空间"),
        // A size class before what is counted is passed over.
        ("岚江市从300个项目中选取18个亿元以上重点项目。", "18个", "重点项目"),
    ])
    func completesIndicators(_ passage: String, _ figure: String, _ indicator: String) throws {
        #expect(try fact(passage, figure).indicator == indicator)
    }

    @Test func sharesNameWhatTheyAreOf() throws {
        let fact = try fact("新材料产业贡献值占全市工业经济比重近50%。", "近50%")
        #expect(fact.indicator == "新材料产业贡献值占全市工业经济比重")
    }

    @Test func pairsSeparateListsInOrder() throws {
        let facts = try facts("金属镁、工业硅分别占国内产量的65%、80%以上。")
        #expect(facts.map(\.indicator) == ["金属镁占国内产量", "工业硅占国内产量"])
    }

    @Test func pairsPlacesListedWithSeparately() throws {
        let facts = try facts("岚江市、青河县分别增长5.1%和6.2%。")
        #expect(facts.map(\.place) == ["岚江市", "青河县"])
    }

    @Test func subFiguresKeepTheParagraphsPeriodAndPlace() throws {
        let facts = try facts("上半年，岚江市发放贷款6.43亿元；其中，工业类贷款5.62亿元，同比增长17.2%。")
        #expect(facts.count == 3)
        #expect(facts.map(\.period) == ["上半年", "上半年", "上半年"])
        #expect(facts.map(\.place) == ["岚江市", "岚江市", "岚江市"])
        #expect(facts[1].indicator == "工业类贷款")
        #expect(facts[2].indicator == "工业类贷款")
    }

    @Test func ranksAreNotFigures() throws {
        let facts = try facts("岚江市增速居全省第三位。")
        #expect(facts.isEmpty)
    }

    @Test func encodesTheSpecFields() throws {
        let fact = try fact("上半年，岚江市担保贷款6.43亿元。", "6.43亿元")
        let data = try JSONEncoderForTests.encode(fact)
        for key in ["\"text\"", "\"start\"", "\"end\"", "\"value\"", "\"low\"", "\"high\"", "\"unit\"", "\"approx\"",
            "\"indicator\"", "\"change\"", "\"period\"", "\"place\"", "\"sentence\""]
        {
            #expect(data.contains(key))
        }
    }
}

import Foundation

enum JSONEncoderForTests {
    static func encode(_ fact: Fact) throws -> String {
        String(decoding: try JSONEncoder().encode(fact), as: UTF8.self)
    }
}

struct PlaceFinderStemTests {
    /// Two stems named in full elsewhere start at the same place, one the start of the other: the
    /// longer is the place, in every process (dictionary order differs from one to the next).
    @Test func theLongerOfTwoStemsThatStartTogetherIsThePlace() {
        let finder = PlaceFinder(lexicon: nil)
        let stems: Set<[UInt32]> = ["青河".scalarValues, "青河湾".scalarValues]
        for _ in 0..<20 {
            let places = finder.places(in: "据统计，青河湾今年完成投资5亿元。".scalarValues, knownStems: stems)
            #expect(places.map(\.text) == ["青河湾"])
        }
    }
}
