import AlmanacModel
import Testing

@testable import AlmanacLayout

struct MarkedUpPageTests {
    let articles = PageLayout().articles(in: PageFixtures.markedUp)

    func article(_ headline: String) -> Article? {
        articles.first { $0.headline == headline }
    }

    @Test func findsEveryArticleInOrder() {
        #expect(
            articles.map(\.headline) == [
                "青川新材料产业园扩容提质", "青川开通首条夜间公交线路", "老街改造让居民出行更方便", "湖畔秋色引客来", "小巷里的大民生",
            ])
        #expect(articles.map(\.seq) == [1, 2, 3, 4, 5])
    }

    @Test func figureLineIsTheSubheadline() throws {
        let a = try #require(article("青川新材料产业园扩容提质"))
        #expect(a.subheadline == "前三季度,园区工业产值同比增长9.6%")
    }

    @Test func captionDroppedIntoASentenceIsLiftedOutAndTheSentenceJoined() throws {
        let a = try #require(article("青川新材料产业园扩容提质"))
        #expect(a.body.contains("经过反复调试验证,良品率稳定在九成以上"))
        #expect(a.captions == ["青川碳材公司技术人员调试生产设备。"])
        #expect(a.photographers == ["林晓帆"])
        #expect(!a.body.contains("摄"))
    }

    @Test func bylineGluedToTheLastParagraphIsSplitOff() throws {
        let a = try #require(article("青川新材料产业园扩容提质"))
        #expect(a.body.hasSuffix("力争年底前再引进项目10个。"))
        #expect(a.bylines == ["周明远", "林晓帆"])
    }

    @Test func datelineIsStrippedAndItsReporterKept() throws {
        let a = try #require(article("青川开通首条夜间公交线路"))
        #expect(a.body.hasPrefix("近日,青川市首条夜间公交线路正式开通"))
        #expect(a.bylines == ["江涛"])
        #expect(a.section == "城事速递")
    }

    @Test func strayEnglishAndReadsAsHe() throws {
        let a = try #require(article("老街改造让居民出行更方便"))
        #expect(a.body.contains("沿街商户和居民的影响"))
        #expect(!a.body.contains("and"))
    }

    @Test func photoStoryKeepsItsTextAsBody() throws {
        let a = try #require(article("湖畔秋色引客来"))
        #expect(a.kind == .photo)
        #expect(a.section == "镜头")
        #expect(a.captions.isEmpty)
        #expect(a.photographers == ["周明远"])
        #expect(a.body.hasPrefix("深秋时节"))
    }

    @Test func featureWithInnerSubheadsAndRepeatedEnding() throws {
        let a = try #require(article("小巷里的大民生"))
        #expect(a.kind == .feature)
        #expect(a.section == "")
        #expect(a.subheadline == "——青川市推进老旧小区改造纪实")
        #expect(a.bylines == ["许可", "林晓帆"])
        #expect(a.body.hasPrefix("老旧小区改造是群众最关心的身边事之一。"))
        let paragraphs = a.paragraphs.map(String.init)
        #expect(paragraphs.filter { $0.hasPrefix("社区成立了居民议事会") }.count == 1)
        #expect(paragraphs.filter { $0.hasPrefix("城南社区党委书记说") }.count == 1)
    }
}

struct BarePageTests {
    let articles = PageLayout().articles(in: PageFixtures.bare)

    func article(_ headline: String) -> Article? {
        articles.first { $0.headline == headline }
    }

    @Test func findsEveryArticle() {
        #expect(
            articles.map(\.headline) == [
                "青川港货物吞吐量创新高", "山乡民宿引来八方游客", "青川启动冬季供暖准备工作", "青川特色农产品搭上电商快车",
            ])
    }

    @Test func columnBreakIsJoinedAndCutOffArticleEndsWhereThePageDoes() throws {
        let a = try #require(article("青川港货物吞吐量创新高"))
        #expect(a.subheadline == "前十个月完成吞吐量3200万吨,同比增长12.5%")
        #expect(a.body.contains("二期码头建设进展顺利,预计明年上半年投入使用"))
        #expect(a.body.hasSuffix("装卸效率提高了"))
        #expect(a.bylines == ["周明远"])
    }

    @Test func doubledStockPhraseAndPaddedNameInClosingByline() throws {
        let a = try #require(article("山乡民宿引来八方游客"))
        #expect(a.bylines == ["唐宁", "江涛"])
        #expect(a.body.hasSuffix("村民人均增收4000元。"))
        #expect(!a.body.contains("本报记者"))
    }

    @Test func sectionLabelsWithPinyinAndKickerLines() throws {
        #expect(article("青川启动冬季供暖准备工作")?.section == "城事速递")
        #expect(article("青川特色农产品搭上电商快车")?.section == "乡村振兴进行时")
    }
}

struct RobustnessTests {
    @Test func emptyAndBlankPagesHaveNoArticles() {
        #expect(PageLayout().articles(in: "").isEmpty)
        #expect(PageLayout().articles(in: "\n\n \r\n\u{3000}\n").isEmpty)
    }

    @Test(arguments: 0..<40)
    func randomCutsAndNoiseNeverCrash(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let source = Array((PageFixtures.markedUp + PageFixtures.bare).unicodeScalars)
        let a = Int(rng.next() % UInt64(source.count))
        let b = Int(rng.next() % UInt64(source.count))
        var cut = Array(source[min(a, b)..<max(a, b)])
        for _ in 0..<Int(rng.next() % 20) {
            let noise = Unicode.Scalar(UInt32(rng.next() % 0xD7FF)) ?? " "
            cut.insert(noise, at: Int(rng.next() % UInt64(cut.count + 1)))
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: cut)
        let articles = PageLayout().articles(in: String(text))
        #expect(articles.enumerated().allSatisfy { $0.offset + 1 == $0.element.seq })
    }

    @Test func crlfLineEndsReadLikeLf() {
        let crlf = PageFixtures.bare.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(PageLayout().articles(in: crlf) == PageLayout().articles(in: PageFixtures.bare))
    }
}

/// A small deterministic generator for the noise tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
