import Foundation
import TestSupport
import Testing

/// The year page's numbers, computed by hand here for a small blog with mixed CJK and Latin
/// text, and checked in the written HTML and in the charts' text alternatives.
@Suite struct YearReviewTests {
    /// Prints the year data plainly, so the assertions do not depend on the theme's markup.
    static let plainYear = """
        {{<base}}{{$content}}{{#year}}
        posts={{count}} words={{words}} minutes={{reading_minutes}} months={{active_months}} streak={{longest_streak}}
        {{#numbers}}[{{key}} {{value}} {{previous}} {{change}} {{trend}}]{{/numbers}}
        tags:{{#tags}} {{name}}={{count}}{{/tags}}
        categories:{{#categories}} {{name}}={{count}}{{/categories}}
        first={{#first}}{{title}}{{/first}} last={{#last}}{{title}}{{/last}} longest={{#longest}}{{title}}/{{words}}{{/longest}}
        linked:{{#most_linked}} {{title}}={{count}}{{/most_linked}}
        featured={{#featured}}{{title}}{{/featured}}
        {{{posts_chart}}}
        {{{words_chart}}}
        {{/year}}{{/content}}{{/base}}
        """

    static let files: [String: String] = [
        "blog.yaml": "title: Years\nbase_url: https://example.com/\n",
        "posts/2015/old.md": "---\ntitle: Old\ndate: 2015-03-10\ntags: [swift]\n---\nOne two three.\n",
        // 2 Latin words + 2 CJK characters = 4
        "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-05\ntags: [swift, life]\ncategories: [tech]\n---\nHello world 你好\n",
        // 6 CJK characters + 2 Latin words = 8
        "posts/2016/b.md": "---\ntitle: B\ndate: 2016-02-10\ntags: [Swift]\n---\n中文写作很难 but [fun](a.md)\n",
        // Links, a, and, b, here = 5
        "posts/2016/c.md": "---\ntitle: C\ndate: 2016-04-01\ntags: [writing]\n---\nLinks [a](a.md) and [b](b.md) here.\n",
        // Back, to, a, a = 4; two links to the same post count once as a link
        "posts/2016/d.md": "---\ntitle: D\ndate: 2016-05-20\ntags: [swift]\n---\nBack to [a](a.md) [a](a.md#x)\n",
        "posts/2017/look-back.md": "---\ntitle: Looking back\ndate: 2017-01-03\nyear_summary: 2016\n---\nAbout [2016](../2016/a.md).\n",
        "templates/year.mustache": plainYear,
    ]

    @Test func numbersOfTheYearNextToTheYearBefore() throws {
        let site = try Fixture(files: Self.files)
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("2016/index.html")
        #expect(page.contains("posts=4 words=21 minutes=4 months=4 streak=2"))
        #expect(page.contains("[posts 4 1 +3 up][words 21 3 +18 up][reading_minutes 4 1 +3 up][active_months 4 1 +3 up][longest_streak 2 1 +1 up]"))
        #expect(page.contains("tags: swift=3 life=1 writing=1"))
        #expect(page.contains("categories: tech=1"))
        #expect(page.contains("first=A last=D longest=B/8"))
        #expect(page.contains("linked: A=4 B=1"))
        #expect(page.contains("featured=Looking back"))
    }

    @Test func chartsSpellOutTheirNumbers() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        let page = try site.read("2016/index.html")
        let posts = "Posts per month in 2016: Jan: 1 post, Feb: 1 post, Mar: 0 posts, Apr: 1 post, May: 1 post, "
            + "Jun: 0 posts, Jul: 0 posts, Aug: 0 posts, Sep: 0 posts, Oct: 0 posts, Nov: 0 posts, Dec: 0 posts"
        #expect(page.contains("aria-label=\"\(posts)\""))
        #expect(page.contains("<title>\(posts)</title>"))
        #expect(page.contains("Words per month in 2016: Jan: 4 words, Feb: 8 words, Mar: 0 words, Apr: 5 words, May: 4 words"))
        // The social card's JSON-LD is data, not a script that runs.
        #expect(!page.replacing(/<script type="application\/ld\+json">.*?<\/script>/, with: "").contains("<script"))

        let earlier = try site.read("2015/index.html")
        #expect(earlier.contains("[posts 1 0 +1 up]"))  // 2014 had no posts
        let later = try site.read("2017/index.html")
        #expect(later.contains("[posts 1 4 −3 down]"))
    }

    @Test func archivesOpenWithPostsPerYearLinkingToEachYear() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        let archives = try site.read("archives/index.html")
        #expect(archives.contains("aria-label=\"Posts per year: 2015: 1 post, 2016: 4 posts, 2017: 1 post\""))
        for year in ["2015", "2016", "2017"] {
            #expect(archives.contains("<a href=\"/\(year)/\""), "no bar links to \(year)")
        }
    }

    @Test func theDefaultThemeDrawsTheYearPage() throws {
        var files = Self.files
        files["templates/year.mustache"] = nil
        let site = try Fixture(files: files)
        #expect(try site.build().status == 0)
        let page = try site.read("2016/index.html")
        #expect(page.contains("class=\"chart chart-posts\""))
        #expect(page.contains("class=\"chart chart-words\""))
        #expect(page.contains("Looking back"))
        #expect(page.contains("/2016/01/a/"))
    }
}
