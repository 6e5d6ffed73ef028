import Foundation
import Testing
import Yams

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// One case per construct `blog import` converts: the text a post of the old site has, what
/// the new post says instead, and how the report counts it. `ImportTests` (the binary, whole
/// blogs, the old generators) covers how they work together.
@Suite struct ImportConversionTests {
    static var links: ImportLinks {
        var links = ImportLinks()
        links.byName = ["2019-01-03-first": "posts/2019/2019-01-03-first.md", "works/https": "posts/works/https.md", "https": "posts/works/https.md", "notes": "posts/notes/index.md"]
        links.byOrigin = ["_posts/2019-01-03-first.md": "posts/2019/2019-01-03-first.md"]
        links.titles = ["posts/works/https.md": "HTTPS, explained"]
        links.tags = ["zero-to-main"]
        links.staticURLs = ["gdb/a.png": "/img/gdb/a.png"]
        links.assetTagFolders = ["img_url": "/img/"]
        return links
    }

    struct Case: Sendable, CustomStringConvertible {
        var generator: SourceGenerator
        var input: String
        var output: String
        var kind: String
        var description: String { input }
    }

    static let cases: [Case] = [
        // Jekyll
        Case(generator: .jekyll, input: "{% highlight go linenos hl_lines=\"2 3\" %}\nx := 1\n{% endhighlight %}", output: "```go {linenos=true, hl_lines=[2, 3]}\nx := 1\n```", kind: "Liquid {% highlight %} → fenced code"),
        Case(generator: .jekyll, input: "{% raw %}{{ page.title }}{% endraw %}", output: "{{ page.title }}", kind: "Liquid {% raw %} → its text"),
        Case(generator: .jekyll, input: "a{% comment %}secret {% post_url nowhere %}{% endcomment %}b", output: "ab", kind: "Liquid {% comment %} → removed (Jekyll shows none of it)"),
        Case(generator: .jekyll, input: "[x]({%- post_url\n  2019-01-03-first -%}#part)", output: "[x](/posts/2019/2019-01-03-first.md#part)", kind: "Liquid {% post_url %} → link to the post's file"),
        Case(generator: .jekyll, input: "[x]({% link _posts/2019-01-03-first.md %})", output: "[x](/posts/2019/2019-01-03-first.md)", kind: "Liquid {% link %} → link to the file"),
        Case(generator: .jekyll, input: "![a]({{ site.url }}{{ site.baseurl }}/img/a.png)", output: "![a](/img/a.png)", kind: "Liquid {{ site.url }} and {{ site.baseurl }} → nothing: links start at the site's root"),
        Case(generator: .jekyll, input: "{% include JB/setup %}\nText", output: "\nText", kind: "Liquid {% include JB/setup %} → removed (it shows nothing)"),
        Case(generator: .jekyll, input: "{% gist 123abc file.rb %}", output: "<script src=\"https://gist.github.com/123abc.js?file=file.rb\"></script>", kind: "Liquid {% gist %} → the gist's script"),
        Case(generator: .jekyll, input: "![]({% img_url gdb/a.png %}) ![]({% img_url gdb/missing.png %})", output: "![](/img/gdb/a.png) ![](/img/gdb/missing.png)", kind: "Liquid {% img_url %} (the site's own tag) → the URL of the file it names"),
        Case(generator: .jekyll, input: "[series]({% tag_url zero-to-main %})", output: "[series](/tags/zero-to-main/)", kind: "Liquid {% tag_url %} → the tag's page"),
        Case(generator: .jekyll, input: "{% blockdiag %}\nA -> B\n{% endblockdiag %}", output: "```blockdiag\nA -> B\n```", kind: "Liquid {% blockdiag %} → its diagram source as code"),
        // Hugo
        Case(generator: .hugo, input: "{{< figure src=\"a.jpg\" alt=\"A\" >}}", output: "![A](a.jpg)", kind: "Hugo {{< figure >}} → image with caption"),
        // A caption is Markdown: its autolinks stay links, its raw HTML shows as text.
        Case(generator: .hugo, input: "{{< figure src=\"a.jpg\" caption=\"By <https://example.com/x> and <me@example.com>, <b>bold</b>\" >}}", output: "<figcaption>\n\nBy <https://example.com/x> and <me@example.com>, &lt;b>bold&lt;/b>\n\n</figcaption>", kind: "Hugo {{< figure >}} → image with caption"),
        Case(generator: .hugo, input: "{{< figure\n  img=\"b c.jpg\"\n  caption=\"*B*\"\n  command=\"Resize\" >}}", output: "<figure>\n\n![*B*](<b c.jpg>)", kind: "Hugo {{< figure command=… >}} → the original image, which blog sizes"),
        Case(generator: .hugo, input: "{{< highlight python \"linenos=table,hl_lines=2 4-5,linenostart=3\" >}}\nx\n{{< / highlight >}}", output: "```python {linenos=true, hl_lines=[2, \"4-5\"], linenostart=3}\nx\n```", kind: "Hugo {{< highlight >}} → fenced code"),
        Case(generator: .hugo, input: "[n]({{< relref \"Notes#why\" >}}) [m]({{% ref \"blog/notes/index.md\" %}})", output: "[n](/posts/notes/index.md#why) [m](/posts/notes/index.md)", kind: "Hugo {{< ref >}} and {{< relref >}} → link to the post's file"),
        Case(generator: .hugo, input: "{{< youtube id=\"abc\" title=\"A talk\" >}}", output: "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"A talk\"", kind: "Hugo {{< youtube >}} → embedded video"),
        Case(generator: .hugo, input: "{{< vimeo 146022717 >}}", output: "https://player.vimeo.com/video/146022717", kind: "Hugo {{< vimeo >}} → embedded video"),
        Case(generator: .hugo, input: "{{< gist spf13 7896402 \"img.html\" >}}", output: "https://gist.github.com/spf13/7896402.js?file=img.html", kind: "Hugo {{< gist >}} → the gist's script"),
        Case(generator: .hugo, input: "{{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}", output: "<a href=\"https://x.com/SanDiegoZoo/status/1453110110599868418\">", kind: "Hugo {{< tweet >}} → a link to the post"),
        Case(generator: .hugo, input: "{{< details summary=\"More\" >}}\nHidden *text*\n{{< /details >}}", output: "<details><summary>More</summary>\n\nHidden *text*\n\n</details>", kind: "Hugo {{< details >}} → details"),
        Case(generator: .hugo, input: "{{< blockquote author=\"Ada\" >}}\nA *quote*\n{{< /blockquote >}}", output: "> A *quote*\n>\n> — Ada", kind: "Hugo {{< blockquote >}} → block quote"),
        Case(generator: .hugo, input: "```\n{{</* figure src=\"x\" */>}}\n```", output: "```\n{{< figure src=\"x\" >}}\n```", kind: "Hugo {{</* … */>}} → the shortcode's text"),
        // Hexo
        Case(generator: .hexo, input: "{% asset_img a.png \"Title 'Alt'\" %}", output: "![Alt](a.png \"Title\")", kind: "Hexo {% asset_img %} → image"),
        Case(generator: .hexo, input: "{% asset_img a.png 250 120 %}", output: "<img src=\"a.png\" alt=\"\" width=\"250\" height=\"120\">", kind: "Hexo {% asset_img %} → image"),
        Case(generator: .hexo, input: "{% asset_link a.png the picture %}", output: "[the picture](a.png)", kind: "Hexo {% asset_link %} → link"),
        Case(generator: .hexo, input: "<img src=\"{% asset_path a.png %}\">", output: "<img src=\"a.png\">", kind: "Hexo {% asset_path %} → the file's path"),
        Case(generator: .hexo, input: "see {% post_link works/https %}", output: "see [HTTPS, explained](/posts/works/https.md)", kind: "Hexo {% post_link %} → link to the post's file"),
        Case(generator: .hexo, input: "{% codeblock Demo lang:js https://example.com/a.js source mark:5,7-8 first_line:5 %}\nx\n{% endcodeblock %}", output: "[Demo source](https://example.com/a.js)\n\n```js {linenos=true, hl_lines=[1, \"3-4\"], linenostart=5}\nx\n```", kind: "Hexo {% codeblock %} → fenced code"),
        Case(generator: .hexo, input: "{% blockquote David, Wide Awake https://example.com %}\nWords\n{% endblockquote %}", output: "> Words\n>\n> — [David, Wide Awake](https://example.com)", kind: "Hexo {% blockquote %} → block quote"),
        Case(generator: .hexo, input: "{% iframe https://example.com/x 400 300 %}", output: "<iframe src=\"https://example.com/x\" width=\"400\" height=\"300\"", kind: "Hexo {% iframe %} → iframe"),
        Case(generator: .hexo, input: "{% youtube lJIrF4YjHfQ %}", output: "youtube-nocookie.com/embed/lJIrF4YjHfQ", kind: "Hexo {% youtube %} → embedded video"),
        Case(generator: .hexo, input: "{% raw %}{{ x }}{% endraw %}", output: "{{ x }}", kind: "Hexo {% raw %} → its text"),
        Case(generator: .hexo, input: "\t{% note warning no-icon %}\n\tBe *careful*\n\t{% endnote %}", output: "\t<div class=\"note warning no-icon\">\n\n\tBe *careful*\n\n\t</div>", kind: "NexT {% note %} → <div class=\"note\">"),
        Case(generator: .hexo, input: "{% label danger@容易崩溃 %}", output: "<mark class=\"label danger\">容易崩溃</mark>", kind: "NexT {% label %} → <mark class=\"label\">"),
        Case(generator: .hexo, input: "{% mermaid graph TD %}\nA-->B\n{% endmermaid %}", output: "```mermaid\ngraph TD\nA-->B\n```", kind: "NexT {% mermaid %} → its diagram source as code"),
        Case(generator: .hexo, input: "{% codeblock lang:sh line_number:false %\necho\n{% endcodeblock %}", output: "```sh {linenos=false}\necho\n```", kind: "Hexo {% codeblock %} → fenced code"),
    ]

    @Test(arguments: cases) func constructIsConverted(_ c: Case) {
        let dialect: any TagDialect =
            switch c.generator {
            case .jekyll: JekyllTags(links: Self.links) { _ in nil }
            case .hugo: HugoShortcodes(links: Self.links)
            case .hexo: HexoTags(links: Self.links, file: "a.md", assets: ["a.png"])
            }
        var report = ImportReport(generator: c.generator)
        let output = TagRewriter(dialect: dialect, file: "a.md").rewrite(c.input, firstLine: 1, report: &report)
        #expect(output.contains(c.output), "\(output)")
        #expect(report.converted[c.kind] != nil, "\(report.converted)")
        #expect(report.notConverted.isEmpty, "\(report.notConverted)")
    }

    @Test func unknownTagsAreReportedAtTheirLineAndLeftAsComments() {
        var report = ImportReport(generator: .hexo)
        let dialect = HexoTags(links: Self.links, file: "source/_posts/a.md", assets: [])
        let text = "x\n\n{% meting \"1\" \"tencent\" %}\n\n{% asset_img gone.png %}\n\n```\n{% asset_img in-code.png %}\n```"
        let output = TagRewriter(dialect: dialect, file: "source/_posts/a.md").rewrite(text, firstLine: 5, report: &report)
        #expect(output.contains("<!-- blog import: not converted: meting 1 tencent -->"), "\(output)")
        #expect(output.contains("{% asset_img in-code.png %}"), "a tag in fenced code is Hexo's text")
        #expect(report.notConverted.map(\.description) == [
            "source/_posts/a.md:7: warning: {% meting 1 tencent %} was not converted: it is left in the post as an HTML comment",
            "source/_posts/a.md:9: warning: {% asset_img gone.png %} (no such file in the post's asset folder; Hexo showed nothing) was not converted: it is left in the post as an HTML comment",
        ])
    }

    @Test func kramdownAttributeLists() {
        var report = ImportReport(generator: .jekyll)
        let text = "* TOC\n{:toc}\n\n{:.no_toc}\n\n{: #first}\n## One\n\nText {:.lead}\n\n## Two {: #two}\n\n```\nprint(f\"{x:08x}\")\n{: #in-code}\n```"
        let output = Kramdown.convert(text, report: &report)
        #expect(!output.contains("TOC") && !output.contains("{:toc}") && !output.contains("no_toc"))
        #expect(output.contains("## One {#first}") && output.contains("## Two {#two}") && output.contains("Text \n"))
        #expect(output.contains("{x:08x}") && output.contains("{: #in-code}"), "code is left alone")
    }

    @Test func oldDatesOfEveryForm() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let cases = [
            "2019-11-8 9:32:00": "2019-11-08 09:32:00 +08:00", "2021/9/30 0:00:00  ": "2021-09-30 00:00:00 +08:00",
            "2021-01-16T20:40:03-06:00": "2021-01-16 20:40:03 -06:00", "2018-09-14": "2018-09-14 00:00:00 +08:00",
            "2020-02-03 04:05:06.123Z": "2020-02-03 04:05:06 +00:00", "2019-11-29 0:06:38 +0800": "2019-11-29 00:06:38 +08:00",
        ]
        for (old, new) in cases {
            #expect(LegacyDate.parse(old, timeZone: shanghai).map(LegacyDate.written) == new, "\(old)")
        }
        #expect(LegacyDate.parse("yesterday", timeZone: shanghai) == nil)
        #expect(LegacyDate.parse("2019-13-01", timeZone: shanghai) == nil)
    }

    @Test func oldAddressesAndTheirAliases() {
        let values = OldAddresses.dateValues(PostDate(secondsSince1970: 1_546_473_600, offsetSeconds: 0)).merging(["title": "A_b", "categories": "", "output_ext": ".html"]) { a, _ in a }
        #expect(OldAddresses.expand(JekyllImport.permalinkPattern("date"), values) == "/2019/01/03/A_b.html")
        #expect(OldAddresses.expand(JekyllImport.permalinkPattern("pretty"), values) == "/2019/01/03/A_b/")
        #expect(OldAddresses.expand("/:year/:i_month/:i_day/:title", values) == "/2019/1/3/A_b")
        #expect(OldAddresses.newPermalink(from: "/blog/:title", slugTokens: ["title"]) == "/blog/:slug/")
        #expect(OldAddresses.newPermalink(from: "/:categories/:year/:month/:day/:title:output_ext", slugTokens: ["title"]) == "/:categories/:year/:month/:day/:slug.html")
        #expect(OldAddresses.newPermalink(from: "/:year/:week/:title/", slugTokens: ["title"]) == "/:year/:month/:slug/")
        #expect(OldAddresses.aliases(old: ["/blog/a", "/blog/a/", "/2019/old.html", "/old/#x"], new: "/blog/a/") == ["/2019/old.html", "/old/"])
        // GitHub Pages answered a Jekyll page written as `x.html` with and without `.html`.
        #expect(["/2019/01/03/a.html", "/blog/a", "/a/", "/index.html", "/feed.xml", "/x.html#top"].map(OldAddresses.otherHTMLForm) == ["/2019/01/03/a", "/blog/a.html", nil, nil, nil, "/x"])
    }

    @Test func linksToOldAddressesFindTheirPost() {
        var links = Self.links
        links.byOldURL = [ImportLinks.key(ofURL: "/2019/01/03/first/"): "posts/2019/2019-01-03-first.md"]
        let rewriter = OldLinks(links: links, hosts: ["old.example.com"], basePath: "/")
        var post = ImportedPost(origin: "_posts/2019-02-01-b.md", target: "posts/2019/2019-02-01-b.md", body: "")
        post.oldURLs = ["/2019/02/01/b/"]
        var report = ImportReport(generator: .jekyll)
        let body = """
            [a](../../../../2019/01/03/first/#x) [b](https://old.example.com/2019/01/03/first.html) <a href="/2019/01/03/first">c</a>
            [d](https://elsewhere.com/2019/01/03/first/) [e](/_posts/2019-01-03-first.md)
            ```
            [f](/2019/01/03/first/)
            ```
            """
        let output = rewriter.rewrite(body, post: post, report: &report)
        #expect(output.contains("[a](/posts/2019/2019-01-03-first.md#x) [b](/posts/2019/2019-01-03-first.md) <a href=\"/posts/2019/2019-01-03-first.md\">c</a>"), "\(output)")
        #expect(output.contains("[d](https://elsewhere.com/2019/01/03/first/) [e](/posts/2019/2019-01-03-first.md)"))
        #expect(output.contains("[f](/2019/01/03/first/)"), "code is left alone")
    }

    /// Written YAML keeps the writer's characters (above U+FFFF too, beside a private-use
    /// one the writer used) and quotes only what YAML would read as something else.
    @Test func writtenYAMLKeepsTheWritersText() throws {
        let fields: [(String, Node)] = [
            ("title", .text("中文标题 🚀\u{E000}")), ("tags", .list(["2020", "true", "null", "😀 a", "b: c"])),
            ("draft", .flag(true)), ("long", .text(String(repeating: "字 ", count: 60) + "end")),
        ]
        let yaml = try WrittenYAML.text(.mapping(Node.Mapping(fields.map { (Node($0.0), $0.1) })))
        #expect(yaml == "title: 中文标题 🚀\u{E000}\ntags: ['2020', 'true', 'null', 😀 a, 'b: c']\ndraft: true\nlong: \(String(repeating: "字 ", count: 60))end\n", "\(yaml)")
        let read = try #require(try Yams.compose(yaml: yaml))
        #expect(read.mapping?[Node("title")]?.string == "中文标题 🚀\u{E000}")
        #expect(read.mapping?[Node("tags")]?.sequence?.map { $0.string ?? "" } == ["2020", "true", "null", "😀 a", "b: c"])
    }

    /// Hugo's resource globs, for `gallery match=` and docsy's `imgproc` (`**NAME*`).
    @Test func hugoResourceGlobs() {
        let cases: [(String, String, Bool)] = [
            ("images/*", "images/a.png", true), ("images/*", "images/sub/a.png", false), ("images/**", "images/sub/a.png", true),
            ("**spruce*", "featured-spruce.png", true), ("**spruce*", "img/Spruce-2.JPG", true), ("**spruce*", "pine.png", false),
            ("*.{png,jpg}", "a.jpg", true), ("*.{png,jpg}", "a.gif", false), ("image?.png", "image1.png", true), ("image?.png", "image/.png", false),
        ]
        for (pattern, path, expected) in cases { #expect(HugoGlob.matches(pattern, path) == expected, "\(pattern) \(path)") }
    }

    /// Hugo's `enableEmoji`: known codes replaced (in code too, as Hugo does), unknown ones
    /// that look like codes reported at their line outside code, times and URLs left alone.
    @Test func emojiCodes() {
        var report = ImportReport(generator: .hugo)
        let text = "# Go :rocket:\n\n:+1::smile: at 10:30:00, a:hover:, `:nope:` and :nope:\n\n```\n:tada: :also_nope:\n```\n"
        let output = HugoEmoji.replace(text, file: "content/a.md", firstLine: 4, report: &report)
        #expect(output == "# Go 🚀\n\n👍😄 at 10:30:00, a:hover:, `:nope:` and :nope:\n\n```\n🎉 :also_nope:\n```\n", "\(output)")
        #expect(report.notConverted.map(\.description) == ["content/a.md:6: warning: ':nope:' is not an emoji code GitHub's table knows (Hugo's enableEmoji left it as text too); it is left as written"])
        #expect(report.converted["Hugo enableEmoji: :code: → the emoji"] == 4)
        #expect(GitHubEmoji.byAlias.count == 1913 && GitHubEmoji.byAlias["man_technologist"] == "👨‍💻")
    }
}
