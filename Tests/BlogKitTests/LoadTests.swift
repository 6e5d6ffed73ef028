import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

@Suite struct DateParserTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test(arguments: [
        ("2016-12-31", "2016-12-31T00:00:00+08:00"),
        ("2016-12-31 10:00", "2016-12-31T10:00:00+08:00"),
        ("2016-12-31 10:00:05", "2016-12-31T10:00:05+08:00"),
        ("2016-12-31 10:00:00 +0800", "2016-12-31T10:00:00+08:00"),
        ("2016-12-31 10:00:00 -05:00", "2016-12-31T10:00:00-05:00"),
        ("2016-12-31T10:00:00Z", "2016-12-31T10:00:00+00:00"),
        ("2016-12-31T10:00:00.250+09:00", "2016-12-31T10:00:00+09:00"),
        ("2016-02-29", "2016-02-29T00:00:00+08:00"),
    ])
    func readsEveryDocumentedForm(text: String, expected: String) throws {
        let date = try #require(DateParser.parse(text, timeZone: shanghai))
        #expect(date.iso8601 == expected)
    }

    @Test(arguments: ["2016-13-01", "2015-02-29", "2016-12-31 25:00", "yesterday", "2016-12-31 10:00 +99", "2016/12/31"])
    func refusesWhatIsNotADate(text: String) {
        #expect(DateParser.parse(text, timeZone: shanghai) == nil)
    }

    @Test func sameMomentInAnyOffset() throws {
        let a = try #require(DateParser.parse("2016-12-31 23:30 +0800", timeZone: shanghai))
        let b = try #require(DateParser.parse("2016-12-31T15:30:00Z", timeZone: shanghai))
        #expect(a.secondsSince1970 == b.secondsSince1970)
        #expect(a.day == "2016-12-31")  // shown in the offset it was written in
        #expect(a.secondsSince1970 == 1_483_198_200)
    }

    @Test func datePrefixOfExportedFileNames() throws {
        let (date, rest) = try #require(DateParser.datePrefix(of: "2015-03-08-moving-my-blog", timeZone: shanghai))
        #expect(date.day == "2015-03-08")
        #expect(rest == "moving-my-blog")
        #expect(DateParser.datePrefix(of: "moving-my-blog", timeZone: shanghai) == nil)
    }
}

@Suite struct PostParserTests {
    func parse(_ text: String, path: String = "posts/a.md", kind: ContentKind = .post) -> (SourcePost?, [Diagnostic]) {
        PostParser.parse(path: path, text: text, kind: kind, isBundle: false, config: Config())
    }

    @Test func readsFrontMatter() throws {
        let (post, problems) = parse("""
            ---
            title: "Hello: world"
            date: 2016-12-31 10:00
            tags: [swift, 性能]
            categories: notes, life
            slug: hi
            draft: true
            aliases: [old.html, /2016/x/]
            ---
            Body
            """)
        #expect(problems.isEmpty)
        let p = try #require(post)
        #expect(p.title == "Hello: world")
        #expect(p.tags == ["swift", "性能"])
        #expect(p.categories == ["notes", "life"])
        #expect(p.slug == "hi")
        #expect(p.draft)
        #expect(p.aliases == ["/old.html", "/2016/x/"])
        #expect(p.body.text == "Body")
        #expect(p.bodyLineOffset == 9)
    }

    @Test func toleratesByteOrderMarkAndCRLF() throws {
        let (post, problems) = parse("\u{FEFF}---\r\ntitle: T\r\ndate: 2016-01-02\r\n---\r\nLine one\r\nLine two\r\n")
        #expect(problems.isEmpty)
        let p = try #require(post)
        #expect(p.title == "T")
        #expect(p.body.text == "Line one\nLine two\n")
    }

    @Test func exportedPostTakesDateAndSlugFromItsName() throws {
        let (post, problems) = parse("# Moving my blog\n\nText.\n", path: "posts/2015-03-08-moving.md")
        #expect(problems.isEmpty)
        let p = try #require(post)
        #expect(p.title == nil)  // taken from the heading by the resolve stage
        #expect(p.date?.day == "2015-03-08")
        #expect(p.slug == "moving")
    }

    @Test func yamlErrorNamesTheLineInTheFile() {
        let (post, problems) = parse("---\ntitle: ok\ntags: [a, b\ndate: 2016-01-01\n---\nx")
        // Kept, marked: its body is still resolved for problems, but it is not published.
        #expect(post?.loadFailed == true)
        #expect(post?.body.text == "x")
        #expect(problems.count == 1)
        #expect(problems[0].description.hasPrefix("posts/a.md:"))
        #expect(problems[0].description.contains("error: invalid YAML"))
        #expect(problems[0].location.line == 3)
        #expect(problems[0].location.column == 7)
    }

    @Test func unreadableDateNamesItsLine() {
        let (_, problems) = parse("---\ntitle: ok\n\ndate: 31/12/2016\n---\nx")
        #expect(problems.map(\.description) == [
            "posts/a.md:4: error: cannot read date '31/12/2016' (write 2016-12-31, 2016-12-31 10:00, 2016-12-31 10:00:00 +0800 or 2016-12-31T10:00:00Z)"
        ])
    }

    @Test func postWithoutDateIsAnError() {
        let (post, problems) = parse("---\ntitle: ok\n---\nx")
        #expect(post?.loadFailed == true)
        #expect(problems.first?.description.hasPrefix("posts/a.md:1: error: post has no date") == true)
    }

    @Test func pageNeedsNoDate() {
        let (post, problems) = parse("---\ntitle: About\n---\nx", path: "pages/about.md", kind: .page)
        #expect(problems.isEmpty)
        #expect(post?.slug == "about")
    }

    @Test func unclosedFrontMatter() {
        let (_, problems) = parse("---\ntitle: x\n\nbody")
        #expect(problems.map(\.description) == ["posts/a.md:1: error: front matter starts with '---' but has no closing '---' line"])
    }

    @Test func misspelledKeyWarns() {
        let (post, problems) = parse("---\ntitle: x\ndate: 2016-01-01\ntag: swift\n---\n")
        #expect(post != nil)
        #expect(problems.map(\.description) == ["posts/a.md:4: warning: unknown key 'tag' is ignored; did you mean 'tags'?"])
    }
}

@Suite struct ConfigParserTests {
    @Test func readsKeysAndWarnsOnUnknownOnes() {
        let (config, problems) = ConfigParser.parse("""
            title: 笔记
            base_url: https://example.com/blog
            timezone: Asia/Shanghai
            paginate: 3
            permalink: /:year/:slug/
            markdown: {safe: true}
            colour: blue
            """)
        #expect(config.title == "笔记")
        #expect(config.baseURL == "https://example.com/blog/")
        #expect(config.basePath == "/blog/")
        #expect(config.origin == "https://example.com")
        #expect(config.paginate == 3)
        #expect(config.permalink == "/:year/:slug/")
        #expect(config.safeMarkdown)
        #expect(problems.map(\.description) == ["blog.yaml:7: warning: unknown key 'colour' is ignored"])
    }

    @Test func badValuesAreErrorsWithLines() {
        let (_, problems) = ConfigParser.parse("base_url: example.com\ntimezone: Mars/Base\npaginate: 0\npermalink: /:year/:name/\n")
        #expect(problems.map { $0.location.line } == [1, 2, 3, 4])
        let (_, climbing) = ConfigParser.parse("permalink: /../../:slug/\n")
        #expect(climbing.map(\.description) == ["blog.yaml:1: error: permalink '/../../:slug/' may not contain '.' or '..' segments"])
        #expect(problems.allSatisfy { $0.isError })
    }
}
