import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

@Suite struct TextTests {
    @Test(arguments: [
        ("Why cmark?", "why-cmark"),
        ("为什么 cmark", "为什么-cmark"),
        ("  Hello,   World!  ", "hello-world"),
        ("C++ & Swift 6", "c-swift-6"),
        ("日本語のテキスト", "日本語のテキスト"),
        ("Caret^and`grave", "caretandgrave"),  // accents, dropped like combining ones
        ("Ünïcode Café_2", "ünïcode-café_2"),
        ("e\u{301}t\u{E9} — F\u{EA}te", "et\u{E9}-f\u{EA}te"),
    ])
    func slugs(text: String, expected: String) {
        #expect(slugify(text) == expected)
    }

    @Test func countsCJKCharactersAndLatinWords() {
        #expect(WordCounter.count("Hello world") == 2)
        #expect(WordCounter.count("你好世界") == 4)
        #expect(WordCounter.count("用 Swift 6 写博客") == 6)  // 用, Swift, 6, 写, 博, 客
        #expect(WordCounter.count("don't stop, 2016-12-31") == 5)
        #expect(WordCounter.count("こんにちは 안녕") == 7)
    }

    @Test func truncatesOnCharacterBoundaries() {
        let text = String(repeating: "中文", count: 100)
        let cut = truncate(text, limit: 51)
        #expect(cut.count == 52)
        #expect(cut.hasSuffix("…"))
        #expect(cut.unicodeScalars.allSatisfy { $0 == "…" || WordCounter.isCJK($0) })
        #expect(truncate("short", limit: 10) == "short")
    }

    @Test func taxonomySlugsNeverEscapeOrCollide() {
        #expect(taxonomySlug("Swift") == "swift")
        #expect(taxonomySlug("性能") == "性能")
        #expect(taxonomySlug("C++") == "c-plus-plus")
        #expect(taxonomySlug("C#") == "c-sharp")
        #expect(taxonomySlug("..") == "u2e-2e")
        #expect(taxonomySlug("?") == "u3f")
        #expect(encodePath("/tags/50%-off?/") == "/tags/50%25-off%3F/")
    }

    @Test func encodesURLsLikeCmark() {
        #expect(encodeURL("/tags/性能/") == "/tags/%E6%80%A7%E8%83%BD/")
        #expect(encodeURL("/a b.png?x=1#y") == "/a%20b.png?x=1#y")
    }
}

@Suite struct ImageSizeTests {
    @Test func png() {
        #expect(ImageSize.read(Fixture.png(width: 640, height: 480)) == ImageSize(width: 640, height: 480))
    }

    @Test func gif() {
        var bytes = Array("GIF89a".utf8)
        bytes += [0x20, 0x03, 0x58, 0x02] + [UInt8](repeating: 0, count: 8)
        #expect(ImageSize.read(Data(bytes)) == ImageSize(width: 800, height: 600))
    }

    @Test func jpegSkipsSegmentsToTheFrame() {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0, count: 14)
        bytes += [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80] + [UInt8](repeating: 0, count: 12)
        #expect(ImageSize.read(Data(bytes)) == ImageSize(width: 640, height: 480))
    }

    @Test func webpExtended() {
        var bytes = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
        bytes += [0x3F, 0x01, 0x00, 0xC7, 0x00, 0x00] + [UInt8](repeating: 0, count: 4)
        #expect(ImageSize.read(Data(bytes)) == ImageSize(width: 320, height: 200))
    }

    @Test func svgWhenItDeclaresItsSize() {
        let declared = #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120" height="80px" viewBox="0 0 120 80">"#
        #expect(ImageSize.read(Data(declared.utf8)) == ImageSize(width: 120, height: 80))
        let relative = #"<svg stroke-width="2" width="100%" height="100%">"#
        #expect(ImageSize.read(Data(relative.utf8)) == nil)
        for odd in [#"<svg width="1e400" height="10">"#, #"<svg width="-40" height="10">"#, #"<svg width="nan" height="1">"#] {
            #expect(ImageSize.read(Data(odd.utf8)) == nil)
        }
    }
}

/// Markdown in, HTML out: the parse and resolve stages of one post against a small site.
@Suite struct PostResolverTests {
    let site: Fixture

    init() throws {
        site = try Fixture(files: [
            "blog.yaml": "title: T\nbase_url: https://example.com/blog/\n",
            "posts/2016/a.md": "---\ntitle: A\ndate: 2016-12-31\naliases: [/old/a.html]\n---\n## 第一节 Intro\n",
            "posts/2016/chart.png": Fixture.png(width: 300, height: 200),
            "posts/2017/b/index.md": "---\ntitle: B\ndate: 2017-01-02\n---\nB\n",
            "static/logo.png": Fixture.png(width: 16, height: 16),
        ])
    }

    func resolve(_ body: String, path: String = "posts/2016/x.md", safe: Bool = false, forFeed: Bool = false) throws -> (ResolvedPost?, [Diagnostic]) {
        var (config, _) = ConfigParser.parse("title: T\nbase_url: https://example.com/blog/\n")
        config.safeMarkdown = safe
        let (source, problems) = PostParser.parse(path: path, text: "---\ntitle: X\ndate: 2016-06-01\n---\n" + body, kind: .post, isBundle: false, config: config)
        #expect(problems.isEmpty)
        let loaded = try #require(SiteLoader().load(root: site.root).0)
        var posts = loaded.posts
        posts.append(try #require(source))
        let (index, _) = SiteIndex.build(posts, config: config)
        let files = SiteFiles(root: site.root, fileSystem: LocalFileSystem(), staticFiles: Set(loaded.staticFiles))
        return PostResolver(index: index, files: files).resolve(try #require(source), forFeed: forFeed)
    }

    /// One parse, two URL styles: the page's root-relative URLs, the feed's absolute ones.
    @Test func aPostOfTheFeedAlsoGetsItsContentWithAbsoluteURLs() throws {
        let body = "![Build times](chart.png) [a](a.md) [tags](/tags/) [web](https://example.org/)\n"
        let (post, problems) = try resolve(body, forFeed: true)
        #expect(problems.isEmpty)
        let page = try #require(post?.content)
        let feed = try #require(post?.feedContent)
        #expect(page.contains(#"src="/blog/2016/06/x/chart.png""#) && page.contains(#"href="/blog/2016/12/a/""#))
        #expect(feed.contains(#"<img src="https://example.com/blog/2016/06/x/chart.png" alt="Build times" width="300" height="200""#))
        #expect(feed.contains(#"href="https://example.com/blog/2016/12/a/""#))
        #expect(feed.contains(#"href="https://example.com/blog/tags/""#))
        #expect(feed.contains(#"href="https://example.org/""#))
        #expect(try resolve(body).0?.feedContent == nil)  // only the feed's posts pay for it
    }

    @Test func imageGetsItsURLSizeAndLazyLoading() throws {
        let (post, problems) = try resolve("![Build times](chart.png \"Chart\")\n")
        #expect(problems.isEmpty)
        // Alone with a title, it is a figure with that caption (`figures`).
        #expect(post?.content == "<figure>\n" + #"<img src="/blog/2016/06/x/chart.png" alt="Build times" title="Chart" width="300" height="200" loading="lazy" />"# + "\n<figcaption>Chart</figcaption></figure>\n")
        #expect(post?.assets == [Asset(sourcePath: "posts/2016/chart.png", outputPath: "2016/06/x/chart.png")])
    }

    @Test func remoteImagesAreLeftAlone() throws {
        let (post, _) = try resolve("![x](https://cdn.example.org/a.png)\n")
        #expect(post?.content == #"<p><img src="https://cdn.example.org/a.png" alt="x" /></p>"# + "\n")
    }

    @Test func crossLinksBecomeURLsWithFragments() throws {
        let (post, problems) = try resolve("[a](a.md#第一节-intro) [b](../2017/b/index.md) [root](/posts/2016/a.md) [old](/old/a.html)\n")
        #expect(problems.isEmpty)
        let html = try #require(post?.content)
        #expect(html.contains(#"<a href="/blog/2016/12/a/#%E7%AC%AC%E4%B8%80%E8%8A%82-intro">a</a>"#))
        #expect(html.contains(#"<a href="/blog/2017/01/b/">b</a>"#))
        #expect(html.contains(#"<a href="/blog/2016/12/a/">root</a>"#))
        #expect(html.contains(#"<a href="/blog/2016/12/a/">old</a>"#))
        #expect(post?.linkedSources == ["posts/2016/a.md", "posts/2017/b/index.md", "posts/2016/a.md", "posts/2016/a.md"])
    }

    @Test func staticFilesFromTheSiteRoot() throws {
        let (post, problems) = try resolve("![logo](/logo.png) [tags](/tags/)\n")
        #expect(problems.isEmpty)
        #expect(post?.content.contains(#"<img src="/blog/logo.png" alt="logo" />"#) == true)
        #expect(post?.content.contains(#"<a href="/blog/tags/">tags</a>"#) == true)
    }

    @Test func problemsCarryTheirLineInTheFile() throws {
        let (post, problems) = try resolve("Intro\n\nSee [gone](gone.md) and\n![missing](nope.png)\n\n[up](../../../etc/passwd)\n")
        #expect(problems.map(\.description) == [
            "posts/2016/x.md:7: error: link to 'gone.md' does not match any post or page (looked for posts/2016/gone.md)",
            // Read from the page's address, as a browser and the old generator read it, the
            // link lands inside the site: the message says so.
            "posts/2016/x.md:10: error: '../../../etc/passwd' goes above the site folder from posts/2016/ (a relative link is read from the post's file); from the page's address it is '/etc/passwd': write that if you meant it; it is not published",
        ])
        // Not a file beside the post, perhaps a file of the finished site: checked there,
        // at its own line (the build's link check; see LinkCheckTests).
        let image = try #require(post?.links.first { $0.written == "nope.png" })
        #expect(image.check && image.isImage)
        let source = try #require(post?.source)
        #expect(image.line(in: source, lines: BodyLines(source.body.text ?? "")) == 8)
    }

    @Test func headingsGetIDsAndATableOfContents() throws {
        let (post, _) = try resolve("## Why cmark?\n\n### 为什么 cmark\n\n## Why cmark?\n")
        let html = try #require(post?.content)
        #expect(html == "<h2 id=\"why-cmark\">Why cmark?</h2>\n<h3 id=\"为什么-cmark\">为什么 cmark</h3>\n<h2 id=\"why-cmark-1\">Why cmark?</h2>\n")
        #expect(post?.toc.map(\.id) == ["why-cmark", "为什么-cmark", "why-cmark-1"])
        #expect(post?.toc.map(\.level) == [2, 3, 2])
    }

    @Test func repeatedIDsNeverCollide() throws {
        let (post, _) = try resolve("## Intro\n\n## Intro 1\n\n## Intro\n")
        #expect(post?.toc.map(\.id) == ["intro", "intro-1", "intro-2"])
    }

    @Test func anImageInsideAnotherImagesAltTextIsText() throws {
        let (post, problems) = try resolve("Hello ![outer ![inner](nope.png) x](chart.png)\n")
        #expect(problems.isEmpty)
        #expect(post?.content.contains(#"alt="outer inner x""#) == true)
    }

    @Test func linesOfProblemsAfterMultiLineCodeSpans() throws {
        let (_, problems) = try resolve("Some `code\nspanning` lines\nand [x](m1.md)\n")
        #expect(problems.map { $0.location.line } == [7])
    }

    @Test func hiddenFilesAndSettingsAreNeverPublishedThroughALink() throws {
        let (_, problems) = try resolve("[cfg](../../blog.yaml)\n")
        #expect(problems.map(\.message) == ["'../../blog.yaml' points to a hidden file or to the site's settings; it is not published"])
    }

    @Test func excerptIsWhatStandsBeforeTheMoreMarker() throws {
        let (post, _) = try resolve("One.\n\nTwo.\n\n<!--more-->\n\nThree.\n")
        #expect(post?.excerpt == "<p>One.</p>\n<p>Two.</p>\n")
        #expect(post?.content == "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>\n")
        #expect(post?.hasMore == true)
        #expect(post?.summary == "One. Two.")
    }

    @Test func excerptDefaultsToTheFirstParagraph() throws {
        let (post, _) = try resolve("## Start\n\nFirst *one*.\n\nSecond.\n")
        #expect(post?.excerpt == "<p>First <em>one</em>.</p>\n")
        #expect(post?.hasMore == true)
    }

    @Test func titleFromTheFirstHeadingWhenFrontMatterHasNone() throws {
        let config = Config()
        let (source, _) = PostParser.parse(path: "posts/2015-03-08-move.md", text: "# 搬家 Moving\n\nText.\n", kind: .post, isBundle: false, config: config)
        let (index, _) = SiteIndex.build([try #require(source)], config: config)
        let files = SiteFiles(root: site.root, fileSystem: LocalFileSystem(), staticFiles: [])
        let (post, problems) = PostResolver(index: index, files: files).resolve(try #require(source))
        #expect(problems.isEmpty)
        #expect(post?.title == "搬家 Moving")
        #expect(post?.content == "<p>Text.</p>\n")
        #expect(post?.path == "2015/03/move/")
    }

    @Test func rawHTMLPassesThroughUnlessSafe() throws {
        let (open, _) = try resolve("<div class=\"note\">hi</div>\n")
        #expect(open?.content == "<div class=\"note\">hi</div>\n")
        let (safe, _) = try resolve("<div class=\"note\">hi</div>\n", safe: true)
        #expect(safe?.content.contains("<div") == false)
    }

    @Test func wordsCountCJKPerCharacter() throws {
        let (post, _) = try resolve("## 标题 Title\n\n我爱 Swift and **cmark**.\n\n```\nnot counted\n```\n")
        #expect(post?.words == 2 + 1 + 2 + 3)  // 标题, Title, 我爱, Swift and cmark
    }
}

@Suite struct SiteIndexTests {
    @Test func twoPostsWithOneURLAreBothNamed() {
        let config = Config()
        let a = PostParser.parse(path: "posts/a.md", text: "---\ntitle: A\ndate: 2016-01-01\nslug: same\n---\n", kind: .post, isBundle: false, config: config).0!
        let b = PostParser.parse(path: "posts/b.md", text: "---\ntitle: B\ndate: 2016-01-09\nslug: same\n---\n", kind: .post, isBundle: false, config: config).0!
        let (_, problems) = SiteIndex.build([a, b], config: config)
        #expect(problems.map(\.description) == [
            "posts/b.md:4: error: URL /2016/01/same/ is also the URL of posts/a.md",
            "posts/a.md:4: error: URL /2016/01/same/ is also the URL of posts/b.md",
        ])
    }
}
