import AlmanacLayout
import AlmanacModel
import Foundation
import Testing

/// A page written after the engine was built, as a check on pages it was not shaped on: a report
/// signed by names alone (no role word) whose opening paragraph is printed again after the names,
/// a caption and credit inside a sentence, a picture story and an article cut off by the page's end.
struct SignatureTests {
    static let articles: [Article] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Pages/signed-briefs.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return PageLayout().articles(in: text)
    }()

    @Test func everyArticleIsFound() {
        #expect(Self.articles.map(\.headline) == [
            "沙洲市一季度外贸进出口额突破百亿元", "湖滨新区集中开工18个重点项目", "老旧小区改造惠及万余户居民",
            "春耕时节农事忙", "沙洲文化馆举办非遗展",
        ])
        #expect(Self.articles.first?.subheadline == "同比增长12.6%，增速居全省前列")
        #expect(Self.articles.first?.bylines == ["郑凯", "何丽"])
    }

    @Test func namesAloneSignTheReportAndTheRepeatAfterThemIsDropped() throws {
        let article = try #require(Self.articles.count > 2 ? Self.articles[2] : nil)
        #expect(article.bylines == ["郑凯", "宋宁"])
        #expect(!article.body.contains("郑凯"))
        #expect(article.body.components(separatedBy: "老旧小区46个").count == 2)
        #expect(article.body.hasSuffix("改什么居民选”。"))
    }

    @Test func theCaptionInsideASentenceIsLiftedOut() throws {
        let article = try #require(Self.articles.count > 1 ? Self.articles[1] : nil)
        #expect(article.captions == ["沙洲港码头一派繁忙景象。"])
        #expect(article.photographers == ["郑凯"])
        #expect(article.body.contains("早落地、早投产、早见效。"))
    }

    @Test func pictureStoryAndCutOffArticle() throws {
        try #require(Self.articles.count == 5)
        #expect(Self.articles[3].kind == .photo)
        #expect(Self.articles[3].photographers == ["何丽"])
        #expect(Self.articles[4].body.contains("市民和游客"))
        #expect(Self.articles[4].body.hasSuffix("本次展览"))
    }

    @Test func namesAloneInTheMiddleOfAReportAreNoSignature() {
        let text = """
            # 北湖公园完成提升改造

            本报讯 记者王芳报道 北湖公园提升改造工程日前完工，新增步道3公里。

            春风 秋月

            园内新建的两座景观亭分别取名春风亭和秋月亭，供市民休憩。
            """
        let article = PageLayout().articles(in: text).first
        #expect(article?.bylines == ["王芳"])
        #expect(article?.body.contains("春风亭") == true)
    }
}
