import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// A shared link shows a card: every post page carries Open Graph, Twitter and JSON-LD with
/// absolute URLs, read here as a crawler reads them.
@Suite struct SocialCardTests {
    static func meta(_ html: String) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for match in html.matches(of: /<meta (?:property|name)="([^"]+)" content="([^"]*)">/) {
            found[String(match.1), default: []].append(String(match.2))
        }
        return found
    }

    static func jsonLD(_ html: String) throws -> [String: Any] {
        let script = try #require(html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.1)
        return try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
    }

    /// Every character a JSON string or a `<script>` cannot hold as it is is escaped, the rest
    /// copied, and a JSON parser reads back the very text.
    @Test func jsonQuotedEscapesWhatEndsAStringOrAScript() throws {
        let text = "a\"b\\c\n\r\t</script>&\u{01}\u{1F}\u{7F} 缓存 é 🙂 \u{2028}\u{2029}\u{2027}x"
        let quoted = jsonQuoted(text)
        #expect(quoted == #""a\"b\\c\n\r\t\u003c/script\u003e\u0026\u0001\u001f\#u{7F} 缓存 é 🙂 \u2028\u2029\#u{2027}x""#)
        #expect(try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String] == [text])
        #expect(jsonQuoted("") == "\"\"")
    }

    @Test func aPostHasItsCardWithAbsoluteURLs() throws {
        let (result, pages) = try SharedFixtures.build([
            "blog.yaml": "title: Site\nauthor: Lin </script>\nbase_url: https://example.com/blog/\nlanguage: zh-CN\n",
            "posts/2016/a/index.md": "---\ntitle: \"A <b> & 'q'\"\ndate: 2016-12-31 10:00 +0800\nupdated: 2017-01-02\ntags: [swift, 性能]\nsummary: Short.\n---\nText ![one](one.png) ![two](two.png)\n",
            "posts/2016/a/one.png": Fixture.png(width: 1200, height: 630),
            "posts/2016/a/two.png": Fixture.png(width: 10, height: 10),
            "posts/2016/b.md": "---\ntitle: B\ndate: 2016-11-01\n---\nNo image, ![far](https://cdn.example.org/x.jpg) later.\n",
        ])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let page = try #require(pages["2016/12/a/index.html"])
        let meta = Self.meta(page)
        #expect(meta["og:type"] == ["article"] && meta["og:title"] == ["A &lt;b&gt; &amp; &#39;q&#39;"], "\(meta)")
        #expect(meta["og:url"] == ["https://example.com/blog/2016/12/a/"] && meta["og:description"] == ["Short."])
        #expect(meta["og:image"] == ["https://example.com/blog/2016/12/a/one.png"])
        #expect(meta["og:image:width"] == ["1200"] && meta["og:image:height"] == ["630"])
        #expect(meta["article:published_time"] == ["2016-12-31T10:00:00+08:00"] && meta["article:tag"] == ["swift", "性能"])
        #expect(meta["twitter:card"] == ["summary_large_image"] && meta["og:locale"] == ["zh_CN"] && meta["og:site_name"] == ["Site"])
        let ld = try Self.jsonLD(page)
        #expect(ld["@type"] as? String == "BlogPosting" && ld["headline"] as? String == "A <b> & 'q'")
        #expect(ld["image"] as? String == "https://example.com/blog/2016/12/a/one.png" && ld["dateModified"] as? String == "2017-01-02T00:00:00+00:00")
        #expect((ld["author"] as? [String: Any])?["name"] as? String == "Lin </script>")
        #expect(!page.contains("Lin </script>"), "the author's text cannot close the script")

        let other = Self.meta(try #require(pages["2016/11/b/index.html"]))
        #expect(other["og:image"] == ["https://cdn.example.org/x.jpg"] && other["og:image:width"] == nil)

        let home = try #require(pages["index.html"])
        #expect(Self.meta(home)["og:type"] == ["website"] && Self.meta(home)["twitter:card"] == ["summary"])
        #expect(try Self.jsonLD(home)["@type"] as? String == "WebSite")
        #expect(!(try #require(pages["404.html"])).contains("og:url"))
    }
}

extension SocialCardTests {
    /// `image:` chooses the card's picture (published with the post even when the body does
    /// not show it); Hugo's `images:` list and a file of `static/` work too; a missing one is
    /// an error at its line.
    @Test func frontMatterImageIsTheCard() throws {
        let (result, pages) = try SharedFixtures.build([
            "blog.yaml": "title: Site\nbase_url: https://example.com/\n",
            "posts/a/index.md": "---\ntitle: A\ndate: 2016-12-31\nimage: cover.png\n---\nText ![one](one.png)\n",
            "posts/a/cover.png": Fixture.png(width: 1200, height: 600),
            "posts/a/one.png": Fixture.png(width: 10, height: 10),
            "posts/b.md": "---\ntitle: B\ndate: 2016-11-01\nimages: [/img/shared.png]\n---\nNo image.\n",
            "static/img/shared.png": Fixture.png(width: 800, height: 400),
            "posts/d.md": "---\ntitle: D\ndate: 2016-10-01\nimage: img/shared.png\n---\nJekyll reads it from the root.\n",
        ])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let a = Self.meta(try #require(pages["2016/12/a/index.html"]))
        #expect(a["og:image"] == ["https://example.com/2016/12/a/cover.png"] && a["og:image:width"] == ["1200"], "\(a)")
        #expect(result.files.contains { $0.path == "2016/12/a/cover.png" }, "the card's picture is published with the post")
        let b = Self.meta(try #require(pages["2016/11/b/index.html"]))
        #expect(b["og:image"] == ["https://example.com/img/shared.png"] && b["og:image:height"] == ["400"], "\(b)")
        #expect(Self.meta(try #require(pages["2016/10/d/index.html"]))["og:image"] == ["https://example.com/img/shared.png"])

        let (broken, brokenPages) = try SharedFixtures.build([
            "blog.yaml": "title: Site\n",
            "posts/c.md": "---\ntitle: C\ndate: 2016-11-01\n\nimage: nowhere.png\n---\nText ![x](https://example.org/x.png).\n",
        ])
        #expect(broken.diagnostics.description.contains("posts/c.md:5: warning: image 'nowhere.png' not found (looked in posts/ and static/); the social card shows the post's first image instead"), "\(broken.diagnostics)")
        #expect(Self.meta(try #require(brokenPages["2016/11/c/index.html"]))["og:image"] == ["https://example.org/x.png"])
    }

    /// A blog moved from a theme that keeps the picture elsewhere keeps its cards: Butterfly's
    /// and PaperMod's `cover`, Icarus' `thumbnail`, Fluid's `index_img`, Ananke's
    /// `featured_image`; `image:` wins over them, and a missing one is a warning at its line.
    @Test func themeCoverKeysAreTheCard() throws {
        let (result, pages) = try SharedFixtures.build([
            "blog.yaml": "title: Site\nbase_url: https://example.com/\n",
            "posts/a/index.md": "---\ntitle: A\ndate: 2016-12-31\ncover: {image: wide.png, alt: Sea}\n---\nText.\n",
            "posts/a/wide.png": Fixture.png(width: 1200, height: 600),
            "posts/b.md": "---\ntitle: B\ndate: 2016-11-01\nindex_img: /img/shared.png\n---\nText.\n",
            "posts/c.md": "---\ntitle: C\ndate: 2016-10-01\nthumbnail: /img/other.png\nimage: /img/shared.png\n---\nText.\n",
            "static/img/shared.png": Fixture.png(width: 800, height: 400),
            "static/img/other.png": Fixture.png(width: 10, height: 10),
            "posts/d.md": "---\ntitle: D\ndate: 2016-09-01\n\nfeatured_image: gone.png\n---\nText.\n",
        ])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(Self.meta(try #require(pages["2016/12/a/index.html"]))["og:image"] == ["https://example.com/2016/12/a/wide.png"])
        #expect(result.files.contains { $0.path == "2016/12/a/wide.png" }, "the cover is published with the post")
        #expect(Self.meta(try #require(pages["2016/11/b/index.html"]))["og:image"] == ["https://example.com/img/shared.png"])
        #expect(Self.meta(try #require(pages["2016/10/c/index.html"]))["og:image"] == ["https://example.com/img/shared.png"])
        #expect(result.diagnostics.description.contains("posts/d.md:5: warning: image 'gone.png' not found"), "\(result.diagnostics)")
    }
}
