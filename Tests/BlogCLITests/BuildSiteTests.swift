import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small blog built end to end by the real binary, checked file by file.
@Suite struct BuildSiteTests {
    nonisolated(unsafe) static let files: [String: Any] = [
        "blog.yaml": """
            title: 测试 Blog
            description: A fixture
            author: Lin
            base_url: https://example.com/blog/
            language: zh-CN
            timezone: Asia/Shanghai
            paginate: 2
            """,
        "posts/2016/2016-03-08-exported.md": "# 搬家 Moving house\n\nFirst words of an exported post.\n",
        "posts/2016/cmark.md": """
            ---
            title: Notes on <cmark>
            date: 2016-09-18 16:40
            tags: [Swift, 性能]
            categories: 技术
            aliases: [/2016/cmark-notes.html]
            ---
            Intro with a chart:

            ![Build times](chart.png)

            <!--more-->

            ## Why cmark?

            See [the move](2016-03-08-exported.md) and [the trip](../2018/kyoto/index.md#the-stone-path).
            """,
        "posts/2016/chart.png": Fixture.png(width: 640, height: 360),
        "posts/2018/kyoto/index.md": """
            ---
            title: 京都之秋
            date: 2018-11-20T16:30:00+09:00
            tags: swift, travel
            ---
            红叶。

            ![Maple](maple.png)

            ## The stone path

            Back to [notes](/posts/2016/cmark.md#why-cmark), old link [here](/2016/cmark-notes.html).
            """,
        "posts/2018/kyoto/maple.png": Fixture.png(width: 1200, height: 800),
        "posts/2018/kyoto/unused.txt": "published with the bundle",
        "posts/2019/draft.md": "---\ntitle: Draft\ndate: 2019-01-01\ndraft: true\n---\nNot yet.\n",
        "posts/2099/future.md": "---\ntitle: Future\ndate: 2099-01-01\n---\nLater.\n",
        "pages/about.md": "---\ntitle: About\n---\nAbout me.\n",
        "static/robots.txt": "User-agent: *\n",
    ]

    @Test func buildsEveryPageOfTheSite() throws {
        let site = try Fixture(files: Self.files)
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("Built 3 posts, 1 pages, 2 images"))

        for path in [
            "index.html", "page/2/index.html", "archives/index.html", "2016/index.html", "2018/index.html",
            "tags/index.html", "tags/swift/index.html", "tags/性能/index.html", "categories/技术/index.html",
            "about/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "assets/style.css",
            "2016/03/exported/index.html", "2016/09/cmark/index.html", "2018/11/kyoto/index.html",
            "2018/11/kyoto/maple.png", "2018/11/kyoto/unused.txt", "2016/09/cmark/chart.png",
            "2016/cmark-notes.html", ".blog-output",
        ] {
            #expect(site.exists(path), "missing \(path)")
        }
        #expect(!site.exists("2019/01/draft/index.html"))
        #expect(!site.exists("2099/01/future/index.html"))
    }

    @Test func postPagesHaveResolvedImagesLinksAndHeadingIDs() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        let cmark = Variants.named(try site.read("2016/09/cmark/index.html"))
        // Published as variants (issue #23): the <img> keeps the image's own address and size.
        #expect(cmark.contains(#"<img src="/blog/2016/09/cmark/chart.png" srcset="/blog/V/chart-480w.png 480w, /blog/2016/09/cmark/chart.png 640w" sizes="(max-width: 40rem) calc(100vw - 2rem), 40em" alt="Build times" width="640" height="360" fetchpriority="high" /></picture>"#))
        #expect(cmark.contains(#"<h2 id="why-cmark">Why cmark?</h2>"#))
        #expect(cmark.contains(#"<a href="/blog/2016/03/exported/">the move</a>"#))
        #expect(cmark.contains(#"<a href="/blog/2018/11/kyoto/#the-stone-path">the trip</a>"#))
        #expect(cmark.contains("Notes on &lt;cmark&gt;"))  // front matter text is escaped
        #expect(!cmark.contains("<cmark>"))

        let kyoto = Variants.named(try site.read("2018/11/kyoto/index.html"))
        #expect(kyoto.contains(#"<img src="/blog/2018/11/kyoto/maple.png" srcset="/blog/V/maple-480w.png 480w, /blog/V/maple-960w.png 960w, /blog/2018/11/kyoto/maple.png 1200w" sizes="(max-width: 40rem) calc(100vw - 2rem), 40em" alt="Maple" width="1200" height="800" fetchpriority="high" /></picture>"#))
        #expect(kyoto.contains(#"<a href="/blog/2016/09/cmark/#why-cmark">notes</a>"#))
        #expect(kyoto.contains(#"<a href="/blog/2016/09/cmark/">here</a>"#))  // a link to an alias

        let exported = try site.read("2016/03/exported/index.html")
        #expect(exported.contains("搬家 Moving house"))
        #expect(exported.contains("2016-03-08"))
        #expect(!exported.contains("<h1>搬家"))  // the title heading is not repeated in the body
    }

    /// Every character HTML gives a meaning to is escaped where a value is written, also a
    /// quote that a combining accent follows (one Character, so easy to miss).
    @Test func valuesAreEscapedInTextAndAttributes() throws {
        let title = "Tom & \"Jerry\" <b>'s \"\u{301}x"
        let site = try Fixture(files: [
            "blog.yaml": "title: T\nbase_url: https://example.com/\n",
            "posts/a.md": "---\ntitle: '\(title.replacingOccurrences(of: "'", with: "''"))'\ndate: 2016-01-01\n---\nHi.\n",
        ])
        #expect(try site.build().status == 0)
        let page = try site.read("2016/01/a/index.html")
        let escaped = "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s &quot;\u{301}x"
        #expect(page.contains("<h1 class=\"post-title p-name\">\(escaped)</h1>"))
        #expect(page.contains("<title>\(escaped) · T</title>"))
        let unescapedQuote = "\"\u{301}x"
        // JSON-LD escapes a quote its own way (`\"`), inside its script: HTML is checked.
        #expect(!page.replacing(/<script type="application\/ld\+json">.*?<\/script>/, with: "").contains(unescapedQuote))
    }

    @Test func excerptsOnListPagesKeepTheirImages() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        for page in ["index.html", "2016/index.html", "tags/swift/index.html", "archives/index.html"] {
            let html = try site.read(page)
            #expect(html.contains("/blog/2016/09/cmark/"), "\(page) does not list the post")
        }
        let home = try site.read("index.html")
        #expect(home.contains(#"<img src="/blog/2016/09/cmark/chart.png""#))
    }

    @Test func yearPagesListTheYearWithItsNeighbours() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        let year = try site.read("2016/index.html")
        #expect(year.contains("/blog/2016/03/exported/"))
        #expect(year.contains("/blog/2016/09/cmark/"))
        #expect(!year.contains("/blog/2018/11/kyoto/\""))
        #expect(year.contains(#"href="/blog/2018/""#))  // the next year with posts
        let later = try site.read("2018/index.html")
        #expect(later.contains(#"href="/blog/2016/""#))  // the previous year with posts
    }

    @Test func feedIsAtomWithAbsoluteURLs() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        let data = try Data(contentsOf: URL(fileURLWithPath: site.output + "/feed.xml"))
        let parser = XMLParser(data: data)
        let collector = EntryCollector()
        parser.delegate = collector
        #expect(parser.parse(), "feed.xml is not well-formed XML")
        #expect(collector.ids == [
            "https://example.com/blog/2018/11/kyoto/", "https://example.com/blog/2016/09/cmark/",
            "https://example.com/blog/2016/03/exported/",
        ])
        let feed = String(decoding: data, as: UTF8.self)
        #expect(feed.contains("src=&quot;https://example.com/blog/2016/09/cmark/chart.png&quot;"))
        #expect(feed.contains("href=&quot;https://example.com/blog/2016/03/exported/&quot;"))
        let sitemap = try Data(contentsOf: URL(fileURLWithPath: site.output + "/sitemap.xml"))
        #expect(XMLParser(data: sitemap).parse())
        #expect(String(decoding: sitemap, as: UTF8.self).contains("<loc>https://example.com/blog/tags/%E6%80%A7%E8%83%BD/</loc>"))
    }

    @Test func aliasesRedirect() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        let redirect = try site.read("2016/cmark-notes.html")
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=/blog/2016/09/cmark/">"#))
    }

    @Test func draftsAndFuturePostsWithTheFlag() throws {
        let site = try Fixture(files: Self.files)
        let result = try site.build(["--drafts"])
        #expect(result.status == 0)
        #expect(site.exists("2019/01/draft/index.html"))
        #expect(site.exists("2099/01/future/index.html"))
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let site = try Fixture(files: Self.files)
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("blog-out-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: other) }
        _ = try site.build()
        _ = try site.build(["--output", other])
        // The manifest (a hidden record of file times for the next build) is not the site.
        let first = try site.snapshot().mapValues(\.0).filter { $0.key != ".blog-manifest.json" }
        var second: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: other)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: other + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue,
                path != ".blog-manifest.json"
            {
                second[path] = try Data(contentsOf: URL(fileURLWithPath: other + "/" + path))
            }
        }
        #expect(first == second)
    }
}

private final class EntryCollector: NSObject, XMLParserDelegate {
    var ids: [String] = []
    private var inEntry = false
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "entry" { inEntry = true }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "id" && inEntry { ids.append(text) }
        if name == "entry" { inEntry = false }
    }
}
