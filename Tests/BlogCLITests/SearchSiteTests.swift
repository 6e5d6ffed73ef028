import Foundation
import TestSupport
import Testing

/// The search page, the header's search box and the index, in a site built by the binary.
@Suite struct SearchSiteTests {
    nonisolated(unsafe) static let files: [String: Any] = [
        "blog.yaml": "title: 搜索测试\nbase_url: https://example.com/blog/\nlanguage: zh-CN\n",
        "posts/2016/cache.md": """
            ---
            title: 缓存策略
            date: 2016-09-18
            tags: [性能]
            ---
            我们把缓存放在内存里。Use an LRU cache for **hot** keys.

            ```swift
            let neverfound = 1
            ```
            """,
        "posts/2017/kyoto.md": "---\ntitle: 京都之秋\ndate: 2017-11-20\n---\n红叶很美，Kyoto in autumn.\n",
        "posts/2018/secret.md": "---\ntitle: Draft\ndate: 2018-01-01\ndraft: true\n---\nunpublishedword 草稿内容\n",
        "pages/about.md": "---\ntitle: About\n---\nAbout me.\n",
    ]

    /// The term's postings line, from the shard the script would load for it.
    static func postings(_ term: String, in site: Fixture) throws -> String? {
        let manifest = try JSONSerialization.jsonObject(with: Data(try site.read("search/index.json").utf8)) as? [String: Int]
        let shards = try #require(manifest?["terms"])
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let shard = try JSONSerialization.jsonObject(with: Data(try site.read("search/t/\(Int(hash % UInt32(shards))).json").utf8))
        return (shard as? [String: String])?[term]
    }

    /// Every document's URL, in the order the postings number them.
    static func documents(in site: Fixture) throws -> [String] {
        var urls: [String] = []
        for n in 0... {
            guard site.exists("search/d/\(n).json") else { break }
            let records = try #require(try JSONSerialization.jsonObject(with: Data(try site.read("search/d/\(n).json").utf8)) as? [[String]])
            urls += records.map { $0[0] }
        }
        return urls
    }

    @Test func theSearchPageIsAFormAndAScriptInTheSitesLanguage() throws {
        let site = try Fixture(files: Self.files)
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("search/index.html")
        #expect(page.contains(#"<form class="search-form" role="search" action="/blog/search/" method="get">"#))
        #expect(page.contains(#"<label for="search-q">搜索本站</label>"#))
        #expect(page.contains(#"<input id="search-q" type="search" name="q""#))
        #expect(page.contains(#"id="search-results""#) && page.contains(#"data-index="/blog/search/""#))
        #expect(page.contains(#"<script src="/blog/assets/search.js" defer></script>"#))
        #expect(page.contains("<noscript>"))
        // Small, as the issue asks: at most 10 KB as published (10,000 bytes, not 10 KiB).
        let script = try site.read("assets/search.js")
        #expect(script.utf8.count <= 10_000, "\(script.utf8.count) bytes")
    }

    @Test func everyPageHasTheSearchBoxAndNoOtherPageAScript() throws {
        let site = try Fixture(files: Self.files)
        #expect(try site.build().status == 0)
        for path in ["index.html", "2016/09/cache/index.html", "about/index.html", "archives/index.html", "404.html"] {
            let html = try site.read(path)
            #expect(html.contains(#"<form class="site-search" role="search" action="/blog/search/" method="get">"#), "\(path)")
            #expect(html.contains(#"aria-label="搜索本站""#), "\(path)")  // named, for screen readers
            // JSON-LD is data; no script runs.
            let scripts = html.replacing(/<script type="application\/ld\+json">.*?<\/script>/, with: "")
            #expect(!scripts.contains("<script"), "\(path) has a script")
        }
    }

    @Test func theIndexHoldsPostsAndPagesWithoutCodeOrDrafts() throws {
        let site = try Fixture(files: Self.files)
        #expect(try site.build(["--drafts"]).status == 0)
        #expect(site.exists("2018/01/secret/index.html"))  // built, since --drafts…
        #expect(try Self.postings("unpublishedword", in: site) == nil)  // …but never indexed
        #expect(try Self.postings("草稿", in: site) == nil)
        #expect(try Self.postings("neverfound", in: site) == nil)
        // Newest first, then pages.
        #expect(try Self.documents(in: site) == ["/blog/2017/11/kyoto/", "/blog/2016/09/cache/", "/blog/about/"])
        #expect(try Self.postings("缓存", in: site)?.hasPrefix("1|1,") == true)
        #expect(try Self.postings("红叶", in: site)?.hasPrefix("1|0,") == true)
        #expect(try Self.postings("cach", in: site) != nil)  // `cache`, stemmed
        #expect(try site.read("search/d/0.json").contains("2016年9月18日"))
    }

    @Test func searchCanBeTurnedOff() throws {
        var files = Self.files
        files["blog.yaml"] = "title: T\nbase_url: https://example.com/\nsearch: {enabled: false}\n"
        let site = try Fixture(files: files)
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!site.exists("search"))
        // Nor its script, which only the search page loads.
        #expect(!site.exists("assets/search.js"))
        #expect(site.exists("assets/style.css"))
        let home = try site.read("index.html")
        #expect(!home.contains("site-search") && !home.contains("search.js"))
        #expect(home.contains("<h1") || home.contains("</html>"))
    }

    @Test func aBadSettingIsAnErrorAtItsLine() throws {
        var files = Self.files
        files["blog.yaml"] = "title: T\nsearch:\n  enabled: sometimes\n"
        let result = try Fixture(files: files).build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("blog.yaml:3: error: search.enabled must be true or false"), "\(result.stderr)")
        files["blog.yaml"] = "title: T\nsearch: yes\n"
        let other = try Fixture(files: files).build()
        #expect(other.stderr.contains("blog.yaml:2: error: search must be a mapping such as '{enabled: false}'"), "\(other.stderr)")
    }

    /// A second build restores the first one's posts without their text: an edit must still
    /// give the index a cold build would.
    @Test func anEditedPostIsFoundAfterAnIncrementalBuild() throws {
        let site = try Fixture(files: Self.files)
        #expect(try site.build().status == 0)
        try site.write(["posts/2017/kyoto.md": "---\ntitle: 京都之秋\ndate: 2017-11-20\n---\n枫叶 maplewood.\n"])
        #expect(try site.build().status == 0)
        #expect(try Self.postings("maplewood", in: site) != nil)
        #expect(try Self.postings("红叶", in: site) == nil)
        #expect(try Self.postings("lru", in: site) != nil)  // the body of an unchanged post, restored hollow
        let incremental = try site.snapshot().filter { $0.key.hasPrefix("search/") }.mapValues(\.0)
        let cold = try Fixture(files: Self.files)
        try cold.write(["posts/2017/kyoto.md": "---\ntitle: 京都之秋\ndate: 2017-11-20\n---\n枫叶 maplewood.\n"])
        #expect(try cold.build().status == 0)
        #expect(incremental == (try cold.snapshot().filter { $0.key.hasPrefix("search/") }.mapValues(\.0)))
    }
}

extension SearchSiteTests {
    /// A page of the writer's at /search/ would be overwritten: named before anything is
    /// written, with the way out.
    @Test func aPageAtTheSearchPagesAddressIsAnError() throws {
        var files = Self.files
        files["pages/search.md"] = "---\ntitle: Find\nslug: search\n---\nMine.\n"
        let result = try Fixture(files: files).build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("pages/search.md:3: error: URL /search/ is where blog writes its search page and index"), "\(result.stderr)")
        files["blog.yaml"] = "title: T\nsearch:\n  enabled: false\n"
        #expect(try Fixture(files: files).build().status == 0)
    }
}
