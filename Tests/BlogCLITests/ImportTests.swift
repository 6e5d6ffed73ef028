import Foundation
import TestSupport
import Testing

/// `blog import`: small blogs of each generator, written with every construct the importer
/// converts, moved in by the real binary and built; where the old generator is installed
/// (`jekyll`, `hugo`), it builds the old site too, and every post address it wrote must
/// answer in the new site.
@Suite struct ImportTests {
    /// Imports `old` into a new folder and builds it: the import's outcome, the new site.
    static func importAndBuild(_ old: Fixture, kind: String? = nil) throws -> (BlogProcess.Outcome, String, BlogProcess.Outcome) {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("blog-import-\(UUID().uuidString)").path
        let moved = try BlogProcess.run(["import"] + (kind.map { [$0] } ?? []) + [old.root, site])
        let built = try BlogProcess.run(["build", "--source", site])
        return (moved, site, built)
    }

    static func page(_ site: String, _ path: String) throws -> String {
        try String(contentsOfFile: site + "/public/" + path, encoding: .utf8)
    }

    /// Every HTML page of the output with what it shows outside `<pre>` and `<code>` (HTML
    /// comments, which show nothing, left out too).
    static func pagesOutsideCode(_ output: String) -> [String: String] {
        var pages: [String: String] = [:]
        let walk = FileManager.default.enumerator(atPath: output)
        while let path = walk?.nextObject() as? String {
            guard path.hasSuffix(".html"), let html = try? String(contentsOfFile: output + "/" + path, encoding: .utf8) else { continue }
            pages[path] = html.replacing(/<pre[\s\S]*?<\/pre>/, with: "").replacing(/<code[\s\S]*?<\/code>/, with: "")
                .replacing(/<!--[\s\S]*?-->/, with: "")
        }
        return pages
    }

    /// Whether an old address answers in the output: a page, a folder's page, or a redirect.
    static func answers(_ address: String, in output: String) -> Bool {
        let path = String(address.prefix { $0 != "#" }.drop { $0 == "/" })
        let decoded = path.removingPercentEncoding ?? path
        return [decoded, decoded + "/index.html", decoded + "index.html", decoded + ".html"].contains {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: output + "/" + $0, isDirectory: &folder) && !folder.boolValue
        }
    }

    static func isImage(_ path: String) -> Bool {
        ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"].contains((path as NSString).pathExtension.lowercased())
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Every `.html` file an old generator wrote, as an address (`/2019/01/03/a/`).
    static func addresses(in output: String) -> [String] {
        var found: [String] = []
        let walk = FileManager.default.enumerator(atPath: output)
        while let path = walk?.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            found.append("/" + (path.hasSuffix("index.html") ? String(path.dropLast(10)) : path))
        }
        return found.sorted()
    }

    // MARK: Jekyll

    nonisolated(unsafe) static let jekyll: [String: Any] = [
        "_config.yml": """
            title: Old Jekyll Blog
            description: Notes
            author:
              name: Ada
            url: https://old.example.com
            baseurl: ""
            permalink: pretty
            paginate: 5
            excerpt_separator: "<!-- cut -->"
            """,
        "_posts/2019-01-03-first-post.md": """
            ---
            layout: post
            title: "First: post"
            tags: alpha beta
            ---
            {% include JB/setup %}
            Intro text.

            <!-- cut -->

            * TOC
            {:toc}

            {: #custom-id}
            ## A heading

            {% highlight ruby linenos %}
            def hi
              puts "{{ not liquid }}"
            end
            {% endhighlight %}

            {% raw %}
            ```liquid
            Shown as is: {{ page.title }}
            ```
            {% endraw %}

            See [the second]({% post_url
            2019-02-10-second %}#part) and [the file]({% link _posts/2019-02-10-second.md %}).

            ![logo]({{ site.baseurl }}/img/logo.png)

            {% include newsletter.html %}

            {% include dynamic.html %}
            """,
        "_posts/2019-02-10-second.md": """
            ---
            title: Second
            date: 2019-02-10 8:05:00 +0100
            draft: true
            excerpt: The second one.
            redirect_from: /old-second/
            ---
            ## Part {#part}

            Back to [the first](../../../../2019/01/03/first-post/).
            """,
        "news/_posts/2019-03-01-in-a-category.md": """
            ---
            title: In a category
            published: true
            updated:
            ---
            A post in the news category, {{ site.url }}{{ site.baseurl }}.
            """,
        "_posts/2019-04-01-hidden.md": "---\ntitle: Hidden\npublished: false\n---\nNot yet.\n",
        "about.md": "---\ntitle: About\npermalink: /about/\n---\nAbout me.\n",
        "index.html": "---\nlayout: default\n---\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n",
        "_layouts/default.html": "{{ content }}",
        "_includes/JB/setup": "",
        "_includes/newsletter.html": "<div class=\"newsletter\">Subscribe</div>\n",
        "_includes/dynamic.html": "<p>{{ page.title }}</p>\n",
        "_layouts/post.html": "{{ content }}",
        "img/logo.png": Fixture.png(width: 10, height: 10),
    ]

    @Test func jekyllBlogMovesInAndKeepsItsAddresses() throws {
        let old = try Fixture(files: Self.jekyll)
        let before = try filesUnder(old.root)
        let (moved, site, built) = try Self.importAndBuild(old, kind: "jekyll")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try filesUnder(old.root) == before, "import changed the old site")
        #expect(moved.stdout.contains("4 posts, 1 pages, 1 images"), "\(moved.stdout)")
        #expect(moved.stdout.contains("{% post_url %} → link to the post's file"))
        #expect(moved.stdout.contains("_posts/2019-01-03-first-post.md:36: warning: {% include dynamic.html %} was not converted"), "\(moved.stdout)")
        #expect(moved.stdout.contains("index.html: a page Jekyll makes with its theme's templates"))

        let first = try Self.page(site, "2019/01/03/first-post/index.html")
        #expect(first.contains("<div class=\"highlight\"><pre class=\"numbered\""))
        #expect(first.contains("{{ not liquid }}"), "Liquid output in code is kept as written")
        #expect(first.contains("Shown as is: {{ page.title }}"))
        #expect(first.contains("href=\"/2019/02/10/second/#part\""), "post_url over two lines, the fragment after it kept")
        #expect(first.contains("<h2 id=\"custom-id\">"), "a kramdown id before a heading")
        #expect(!first.contains("{:"), "kramdown attribute lists removed")
        #expect(first.contains("src=\"/img/logo.png\""))
        #expect(first.contains("<div class=\"newsletter\">Subscribe</div>"), "an include without Liquid is inlined")
        #expect(first.contains("<!-- blog import: not converted: include dynamic.html -->"))
        let second = try Self.page(site, "2019/02/10/second/index.html")
        #expect(second.contains("href=\"/2019/01/03/first-post/\""), "a link relative to the old address")
        #expect(!Self.answers("/2019/04/01/hidden/", in: site + "/public"), "published: false stays a draft")
        let home = try Self.page(site, "index.html")
        #expect(home.contains("Intro text.") && !home.contains("A heading"), "the excerpt separator became <!--more-->")
        for (path, html) in Self.pagesOutsideCode(site + "/public") {
            #expect(!html.contains("{%") && !html.contains("{{"), "\(path) shows a template tag")
        }
        for address in ["/2019/01/03/first-post/", "/2019/02/10/second/", "/old-second/", "/news/2019/03/01/in-a-category/", "/about/"] {
            #expect(Self.answers(address, in: site + "/public"), "\(address)")
        }
        // The old generator's own output, where it runs here.
        guard let jekyll = Self.tool("jekyll") else { return }
        let oldBuild = try BlogProcess.run(["build", "--safe", "-s", old.root, "-d", old.root + "/_site"], executable: jekyll, in: old.root)
        #expect(oldBuild.status == 0, "\(oldBuild.stdout)\(oldBuild.stderr)")
        let posts = Self.addresses(in: old.root + "/_site").filter { $0.hasPrefix("/20") || $0.hasPrefix("/news/") }
        #expect(posts.count == 3, "\(posts)")
        for address in posts { #expect(Self.answers(address, in: site + "/public"), "jekyll's \(address)") }
    }

    // MARK: Hugo

    nonisolated(unsafe) static let hugo: [String: Any] = [
        "hugo.toml": """
            baseURL = "https://hugo.example.com/"
            title = "Old Hugo Blog"
            languageCode = "en-us"
            [pagination]
              pagerSize = 4
            [permalinks]
              posts = "/:year/:month/:slug/"
            """,
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/posts/_index.md": "---\ntitle: Posts\n---\n",
        "content/posts/trip/index.md": """
            +++
            title = "A Trip"
            date = 2021-01-16T20:40:03-06:00
            tags = ["travel"]
            aliases = ["/2020/old-trip/"]
            +++
            {{< figure src="maple.png" caption="The **maple**" alt="A maple" >}}

            {{< highlight go "linenos=table,hl_lines=2" >}}
            package main
            func main() {}
            {{< /highlight >}}

            Read [the notes]({{< relref "notes" >}}) and [again]({{< ref "posts/notes.md#why" >}}).

            {{< youtube dQw4w9WgXcQ >}}

            ```go
            // A template, shown: {{ .Title }} and {{</* figure src="x" */>}}
            ```
            """,
        "content/posts/trip/maple.png": Fixture.png(width: 40, height: 30),
        "content/posts/notes.md": """
            {
              "title": "Notes",
              "date": "2021-02-01",
              "slug": "my-notes",
              "lastmod": "2021-03-01"
            }
            ## Why

            Plain notes. {{% mark %}}kept{{% /mark %}}
            """,
        "content/posts/moved.md": "---\ntitle: Moved\ndate: 2021-03-05T8:30:00+00:00\nurl: /custom/place/\n---\nMoved here.\n",
        "content/posts/wip.md": "---\ntitle: WIP\ndate: 2021-03-06\ndraft: true\n---\nNot yet.\n",
        "content/about.md": "---\ntitle: About\n---\nAbout me.\n",
        "static/img/logo.png": Fixture.png(width: 10, height: 10),
        "layouts/_default/single.html": "<h1>{{ .Title }}</h1>{{ .Content }}",
        "layouts/_default/list.html": "{{ range .Pages }}{{ .Title }}{{ end }}",
        "layouts/shortcodes/mark.html": "<mark>{{ .Inner }}</mark>",
    ]

    @Test func hugoBlogMovesInAndKeepsItsAddresses() throws {
        let old = try Fixture(files: Self.hugo)
        let (moved, site, built) = try Self.importAndBuild(old)
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(moved.stdout.contains("Imported a hugo site: 4 posts, 1 pages"), "\(moved.stdout)")
        #expect(moved.stdout.contains("content/posts/notes.md:9: warning: {{% mark %}} (the site's own shortcode, layouts/shortcodes/mark.html) was not converted"), "\(moved.stdout)")
        #expect(moved.stdout.contains("content/_index.md: a list page"))
        let settings = try String(contentsOfFile: site + "/blog.yaml", encoding: .utf8)
        #expect(settings.contains("paginate: 4") && settings.contains("permalink: /:year/:month/:slug/"), "\(settings)")

        let trip = try Self.page(site, "2021/01/a-trip/index.html")
        #expect(trip.contains("<figure>") && trip.contains("alt=\"A maple\"") && trip.contains("<p>The <strong>maple</strong></p>\n</figcaption>"), "\(trip)")
        #expect(trip.contains("<pre class=\"numbered\"") && trip.contains("<span class=\"line hl\">"))
        #expect(trip.contains("href=\"/2021/02/my-notes/\"") && trip.contains("href=\"/2021/02/my-notes/#why\""))
        #expect(trip.contains("youtube-nocookie.com/embed/dQw4w9WgXcQ"))
        #expect(trip.contains("{{ .Title }}"), "Go templates in code stay")
        #expect(trip.contains("{{&lt; figure src=&quot;x&quot; &gt;}}") || trip.contains("{{&lt; figure src=\"x\" &gt;}}"), "an escaped shortcode shows as the shortcode")
        #expect(Self.answers("/2021/03/moved/", in: site + "/public") && Self.answers("/custom/place/", in: site + "/public"))
        #expect(Self.answers("/2020/old-trip/", in: site + "/public"))
        #expect(!Self.answers("/2021/03/wip/", in: site + "/public"))
        for (path, html) in Self.pagesOutsideCode(site + "/public") {
            #expect(!html.contains("{{<") && !html.contains("{{%"), "\(path) shows a shortcode")
        }
        guard let hugo = Self.tool("hugo") else { return }
        let oldBuild = try BlogProcess.run(["--quiet", "-s", old.root, "-d", old.root + "/public-hugo"], executable: hugo, in: old.root)
        #expect(oldBuild.status == 0, "\(oldBuild.stderr)")
        let posts = Self.addresses(in: old.root + "/public-hugo").filter { $0.hasPrefix("/20") || $0.hasPrefix("/custom") }
        #expect(posts.count >= 4, "\(posts)")
        for address in posts { #expect(Self.answers(address, in: site + "/public"), "hugo's \(address)") }
    }

    // MARK: Hexo

    nonisolated(unsafe) static let hexo: [String: Any] = [
        "_config.yml": """
            title: 随心记
            author: Jason
            language: zh-CN
            timezone: Asia/Shanghai
            url: https://hexo.example.com
            root: /
            permalink: :year/:month/:day/:title/
            post_asset_folder: true
            per_page: 6
            """,
        "scaffolds/post.md": "---\ntitle: {{ title }}\n---\n",
        "source/_posts/hello.md": """
            ---
            title: 你好
            date: 2019-11-8 0:32:00
            updated:
            tags: ["中文", misc]
            categories:
              - [实验, 网络]
              - 随笔
            ---
            第一行
            第二行

            <!-- more -->

            {% asset_img "图 1.png" "标题 '替代'" %}
            {% asset_img 2.png 250 250 %}

            {% codeblock lang:python mark:11 first_line:10 %}
            print("a")
            print("b")
            {% endcodeblock %}

            {% note info %}
            #### 注意
            内容
            {% endnote %}

            {% tabs demo,1 %}
            <!-- tab 甲@check -->
            甲的内容
            <!-- endtab -->
            <!-- tab 乙 -->
            乙的内容
            <!-- endtab -->
            {% endtabs %}

            见 {% post_link works/deep "深处" %}，{% label warning@小心 %}。

            ```
            {% asset_img not-a-tag.png %}
            ```
            """,
        "source/_posts/hello/图 1.png": Fixture.png(width: 20, height: 20),
        "source/_posts/hello/2.png": Fixture.png(width: 30, height: 30),
        "source/_posts/works/deep.md": "---\ntitle: Deep\ndate: 2021/9/30 0:00:00\n---\n{% blockquote Someone https://example.com/q %}\nA quote.\n{% endblockquote %}\n",
        "source/_posts/works/deep/.gitkeep": "",
        "source/about/index.md": "---\ntitle: 关于\ndate: 2019-01-01\n---\n关于我。\n",
        "source/images/avatar.png": Fixture.png(width: 10, height: 10),
    ]

    @Test func hexoBlogMovesInAndKeepsItsAddresses() throws {
        let old = try Fixture(files: Self.hexo)
        let (moved, site, built) = try Self.importAndBuild(old)
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(moved.stdout.contains("Imported a hexo site: 2 posts, 1 pages, 3 images"), "\(moved.stdout)")
        // Hexo's dates are in the site's time zone: 0:32 in Shanghai is still the 8th.
        let hello = try Self.page(site, "2019/11/08/hello/index.html")
        #expect(hello.contains("第一行<br />"), "Hexo's line breaks kept")
        #expect(hello.contains("alt=\"替代\"") && hello.contains("title=\"标题\"") && hello.contains("%E5%9B%BE%201.png"), "\(hello)")
        #expect(hello.contains("width=\"250\" height=\"250\""))
        #expect(hello.contains("<div class=\"highlight\"><pre class=\"numbered\" style=\"counter-reset: line 9\">"))
        #expect(hello.components(separatedBy: "<span class=\"line hl\">").count == 2, "mark:11 from first_line:10 is the second line")
        #expect(hello.contains("<div class=\"note info\">") && hello.contains("<h4 id="))
        #expect(hello.contains("<details open><summary>甲</summary>") && hello.contains("<details><summary>乙</summary>"))
        #expect(hello.contains(">深处</a>") && hello.contains("<mark class=\"label warning\">小心</mark>"))
        #expect(hello.contains("{% asset_img not-a-tag.png %}"), "tags in fenced code stay, as in Hexo")
        #expect(Self.answers("/2021/09/30/works/deep/", in: site + "/public"), "a post's old address with its folder")
        #expect(Self.answers("/about/", in: site + "/public"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/images/avatar.png"))
        let front = try String(contentsOfFile: site + "/posts/hello/index.md", encoding: .utf8)
        #expect(!front.contains("updated"), "an empty updated: is not set")
        for (path, html) in Self.pagesOutsideCode(site + "/public") {
            #expect(!html.contains("{%"), "\(path) shows a template tag")
        }
    }

    // MARK: Safety and the core

    @Test func refusesAFolderInUseAndDryRunWritesNothing() throws {
        let old = try Fixture(files: Self.hexo)
        let used = try Fixture(files: ["keep.txt": "mine"])
        let refused = try BlogProcess.run(["import", "hexo", old.root, used.root])
        #expect(refused.status == 1 && refused.stderr.contains("exists and is not empty"))
        #expect(try String(contentsOfFile: used.root + "/keep.txt", encoding: .utf8) == "mine")
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("blog-dry-\(UUID().uuidString)").path
        let dry = try BlogProcess.run(["import", old.root, target, "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("nothing written (--dry-run)"), "\(dry.stdout)")
        #expect(!FileManager.default.fileExists(atPath: target))
        let inside = try BlogProcess.run(["import", old.root, old.root + "/new"])
        #expect(inside.status == 1 && inside.stderr.contains("cannot be inside the old one"))
    }

    @Test func aTemplateTagLeftInAPostIsAWarningAtItsLine() throws {
        let site = try Fixture(files: [
            "blog.yaml": "title: T\n",
            "posts/a.md": """
                ---
                title: A
                date: 2020-01-02 9:05
                updated:
                ---
                Text {% include note.html %} and more.

                {{< figure src="x.png" >}}

                `{% shown in code %}` and {{ site.title }}.

                ```
                {% in a fence %}
                ```
                """,
        ])
        let outcome = try site.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/a.md:6: warning: Liquid tag '{% include %}' is shown as text"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/a.md:8: warning: Hugo shortcode '{{< figure >}}' is shown as text"))
        #expect(outcome.stderr.contains("posts/a.md:10: warning: Liquid output '{{ site.title }}' is shown as text"))
        #expect(!outcome.stderr.contains("shown in code") && !outcome.stderr.contains("in a fence"))
        #expect(try site.read("2020/01/a/index.html").contains("datetime=\"2020-01-02T09:05:00"))
    }

    @Test func permalinksTakeOtherGeneratorsTokens() throws {
        let site = try Fixture(files: [
            "blog.yaml": "title: T\npermalink: /:categories/:year/:i_month/:i_day/:title.html\n",
            "posts/a.md": "---\ntitle: A\ndate: 2019-01-03 9:05:07\ncategories: [News Letters]\n---\nA.\n",
            "posts/b.md": "---\ntitle: B\ndate: 2019-11-23\n---\nB.\n",
        ])
        let outcome = try site.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(site.exists("news-letters/2019/1/3/a.html") && site.exists("2019/11/23/b.html"))
        try site.write(["blog.yaml": "title: T\npermalink: /:year/:month/:day/:hour:minute:second/:slug/\n"])
        #expect(try site.build().status == 0)
        #expect(site.exists("2019/01/03/090507/a/index.html"))
        try site.write(["blog.yaml": "title: T\npermalink: /:year/:week/:slug/\n"])
        let refused = try site.build()
        #expect(refused.status == 1 && refused.stderr.contains("unknown permalink token ':week'"), "\(refused.stderr)")
    }

    @Test func aPostThatCannotBeReadIsReportedAndTheRestMovesIn() throws {
        let old = try Fixture(files: [
            "_config.yml": "title: T\n",
            "_posts/2020-01-01-good.md": "---\ntitle: Good\n---\nFine.\n",
            "_posts/2020-01-02-bad.md": "---\ntitle: Bad\ntags: [a, b\n---\nBroken front matter.\n",
        ])
        let (moved, site, built) = try Self.importAndBuild(old)
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 1)
        #expect(moved.stdout.contains("_posts/2020-01-02-bad.md:3:") && moved.stdout.contains("the file is copied as it is"), "\(moved.stdout)")
        #expect(moved.stdout.contains("1 posts"), "the good post came over")
        #expect(built.status == 1 && built.stderr.contains("posts/2020-01-02-bad.md:3"), "\(built.stderr)")
    }

    @Test func hugoSettingsInConfigDefaultAndJekyllHTMLPosts() throws {
        let hugo = try Fixture(files: [
            "config/_default/hugo.toml": "baseURL = \"https://h.example.com/\"\ntitle = \"Split settings\"\n",
            "config/_default/permalinks.toml": "posts = \"/:year/:slug/\"\n",
            "content/posts/a.md": "---\ntitle: A Post\ndate: 2022-05-01\n---\nA.\n",
        ])
        let (moved, site, built) = try Self.importAndBuild(hugo)
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0 && built.status == 0, "\(moved.stdout)\(built.stderr)")
        #expect(moved.stdout.contains("Imported a hugo site"))
        #expect(Self.answers("/2022/a-post/", in: site + "/public"), "the permalink of config/_default/permalinks.toml")

        let jekyll = try Fixture(files: [
            "_config.yml": "title: J\n",
            "_posts/2020-02-02-html.html": "---\ntitle: In HTML\n---\n<div class=\"x\">\n\n    <p>Indented, after a blank line.</p>\n</div>\n",
        ])
        let (jMoved, jSite, jBuilt) = try Self.importAndBuild(jekyll)
        defer { try? FileManager.default.removeItem(atPath: jSite) }
        #expect(jMoved.status == 0 && jBuilt.status == 0, "\(jMoved.stdout)\(jBuilt.stderr)")
        let page = try Self.page(jSite, "2020/02/02/html.html")  // Jekyll's default permalink, .html kept
        #expect(page.contains("<p>Indented, after a blank line.</p>") && !page.contains("<pre><code>"), "HTML stays HTML, not an indented code block")
    }
}
