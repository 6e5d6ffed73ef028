import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// Markdown as real blogs write it, through the whole build: what a reader sees in the page,
/// and what the writer is told.
@Suite struct MarkdownExtensionTests {
    static let config = "title: T\nbase_url: https://example.com/\n"

    func build(_ files: [String: Any]) throws -> (BuildResult, [String: String]) { try SharedFixtures.build(files) }

    func post(_ body: String, config: String = config, extra: [String: Any] = [:]) throws -> (BuildResult, String) {
        var files: [String: Any] = ["blog.yaml": config, "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n" + body]
        files.merge(extra) { $1 }
        let (result, pages) = try build(files)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return (result, pages["2016/01/a/index.html"] ?? "")
    }

    @Test func tablesWithAlignmentInlineMarkdownAndResolvedLinks() throws {
        let (_, html) = try post("""
            | Name | 数量 | Link |
            | :--- | :-: | ---: |
            | *x* `a\\|b` | 三 | [B](b.md) ![c](c.png) |
            | short |

            > | q |
            > |---|
            > | in a quote |
            """, extra: [
                "posts/2016/b.md": "---\ntitle: B\ndate: 2016-02-01\n---\nB.\n",
                "posts/2016/c.png": Fixture.png(width: 4, height: 3),
            ])
        #expect(html.contains("<th align=\"left\">Name</th>\n<th align=\"center\">数量</th>\n<th align=\"right\">Link</th>"))
        #expect(html.contains("<td align=\"left\"><em>x</em> <code>a|b</code></td>"))
        #expect(html.contains("<a href=\"/2016/02/b/\">B</a>"))
        #expect(html.contains("<img src=\"/2016/01/a/c.png\" alt=\"c\" width=\"4\" height=\"3\""))
        #expect(html.contains("<td align=\"left\">short</td>\n<td align=\"center\"></td>"))
        #expect(html.contains("<blockquote>\n<table>"))
        #expect(!html.contains("|---"))
    }

    @Test func aDeadLinkInATableCellIsReportedAtItsRow() throws {
        let (result, _) = try build([
            "blog.yaml": Self.config,
            "posts/2016/a.md": "---\ntitle: A\n---\nText.\n\n| a | b |\n|---|---|\n| x | y |\n| [gone](gone.md) | z |\n",
        ])
        #expect(result.diagnostics.map(\.description).contains { $0.hasPrefix("posts/2016/a.md:9: error:") && $0.contains("gone.md") },
                "\(result.diagnostics)")
    }

    @Test func footnotesAreNumberedLinkedAndUniqueOnAListPage() throws {
        let note = "Claim[^1] and another[^n].\n\n[^1]: Source: [the paper](https://example.org/p).\n[^n]: More.\n    Indented too.\n"
        let (result, pages) = try build([
            "blog.yaml": Self.config,
            "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n" + note,
            "posts/2016/b.md": "---\ntitle: B\ndate: 2016-02-01\n---\n" + note,
        ])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let a = try #require(pages["2016/01/a/index.html"])
        #expect(a.contains("<sup class=\"footnote-ref\"><a href=\"#fn-2016-01-a-1\" id=\"fnref-2016-01-a-1\" data-footnote-ref>1</a></sup>"))
        #expect(a.contains("<li id=\"fn-2016-01-a-1\">\n<p>Source: <a href=\"https://example.org/p\">the paper</a>."))
        // Definitions on consecutive lines are two notes, not one paragraph.
        #expect(a.contains("<li id=\"fn-2016-01-a-n\">\n<p>More.\nIndented too. <a href=\"#fnref-2016-01-a-n\""))
        #expect(!a.contains("[^"))
        // The home page shows both posts' excerpts: no id twice.
        let home = try #require(pages["index.html"])
        let ids = home.matches(of: /id="(fnref-[^"]+)"/).map { String($0.1) }
        #expect(ids.count == 4 && Set(ids).count == 4, "\(ids)")
    }

    /// What looks like a template or a note but is the writer's text is not warned about:
    /// an Ansible placeholder in a link's text, a regular expression in prose.
    @Test func placeholdersAndRegularExpressionsAreNotWarnedAbout() throws {
        let (result, html) = try post("""
            Set [{{ osd_crush_location }}](https://docs.ceph.com/x) and {{ item.name }} in the play.

            Match `x` with [^\\n]+ or [^a-z] or [^A-Za-z0-9], unlike {{ site.title }} and {{ title | upcase }}.

            A forgotten note[^2], and a table:

            | a | b |
            |---|---|---|
            | 1 | 2 |
            """ + "\n")
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("posts/2016/a.md:7: warning: Liquid output '{{ site.title }}' is shown as text") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("posts/2016/a.md:7: warning: Liquid output '{{ title }}' is shown as text") }, "\(messages)")
        #expect(!messages.contains { $0.contains("osd_crush_location") || $0.contains("item.name") || $0.contains("[^\\n]") || $0.contains("[^a-z]") || $0.contains("[^A-Za-z0-9]") }, "\(messages)")
        #expect(messages.contains("posts/2016/a.md:9: warning: footnote [^2] has no definition; it is left as text"), "\(messages)")
        #expect(messages.contains("posts/2016/a.md:12: warning: this table's delimiter row has 3 cells but its header 2: GFM shows it as text, pipes and all (give both rows the same number of cells)"), "\(messages)")
        #expect(html.contains("{{ osd_crush_location }}</a>") && !html.contains("<table>"))
    }

    @Test func footnoteMistakesAreWarnedAtTheirLines() throws {
        let (result, html) = try post("Text[^missing] here.\n\n[^spare]: Never used.\n\nRegex [^abc] in a [link [^1]](https://x.org).\n\n[^1]: one.\n")
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains("posts/2016/a.md:5: warning: footnote [^missing] has no definition; it is left as text"), "\(messages)")
        #expect(messages.contains("posts/2016/a.md:7: warning: footnote [^spare] is defined but never referred to; it is left out"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("posts/2016/a.md:9: warning: footnote [^1] inside a link") }, "\(messages)")
        #expect(html.contains("Text[^missing] here."))
        #expect(!html.contains("Never used"))
    }

    @Test func headingAttributesSetTheIdAndTheTableOfContents() throws {
        let (result, pages) = try build([
            "blog.yaml": Self.config,
            "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n## The problem {#problem}\n\nSee [below](#problem).\n\n## Again\n",
        ])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let html = try #require(pages.first { $0.key.hasSuffix("/a/index.html") }?.value)
        #expect(html.contains("<h2 id=\"problem\">The problem</h2>"))
        #expect(!html.contains("{#"))
    }

    @Test func mathIsKeptAsWritten() throws {
        let (_, html) = try post("""
            Inline $x_1 + y_*$ and \\(a\\_b\\), prices $5 and $10 stay, `$code$` too.

            $$ Z_{ij} = X_{ji} \\\\ *not emphasis* $$

            $$
            \\begin{aligned} a &= b \\\\ c &= d \\end{aligned}
            $$

            用$a$一个，再用$b$二个。

            After the math, [a link](https://example.org/after).
            """, config: Self.config + "markdown: {math: {backslash: true}}\nmath: {script: https://cdn.example.org/m.js}\n")
        #expect(html.contains("<span class=\"math inline\">\\(x_1 + y_*\\)</span>"))
        #expect(html.contains("<span class=\"math inline\">\\(a\\_b\\)</span>"))
        #expect(html.contains("prices $5 and $10 stay, <code>$code$</code> too."))
        #expect(html.contains("<div class=\"math display\">\\[ Z_{ij} = X_{ji} \\\\ *not emphasis* \\]</div>"))
        #expect(html.contains("<div class=\"math display\">\\[\n\\begin{aligned} a &amp;= b \\\\ c &amp;= d \\end{aligned}\n\\]</div>"))
        // A CJK numeral after the closing `$` is a word, not a price's digits.
        #expect(html.contains("用<span class=\"math inline\">\\(a\\)</span>一个，再用<span class=\"math inline\">\\(b\\)</span>二个。"))
    }

    /// `\(` and `\[` are CommonMark's escaped brackets unless the settings make them math:
    /// titles copied from Typora or Zhihu are full of them.
    @Test func backslashBracketsAreEscapesByDefault() throws {
        let markdown = """
            [\\[RFC-0001\\] Define](https://example.org/rfc) and [\\(6 条消息\\) 标题](https://example.org/z)

            > \\[..\\] quote and \\(x\\)
            """
        let (_, html) = try post(markdown + "\n")
        #expect(html.contains("<a href=\"https://example.org/rfc\">[RFC-0001] Define</a>"), "\(html)")
        #expect(html.contains("<a href=\"https://example.org/z\">(6 条消息) 标题</a>"))
        #expect(html.contains("[..] quote and (x)"))
        #expect(!html.contains("class=\"math"))
        let (_, math) = try post("Both \\(x^2\\) and \\[y\\].\n", config: Self.config + "markdown:\n  math: {backslash: true}\nmath: {script: https://cdn.example.org/m.js}\n")
        #expect(math.contains("Both <span class=\"math inline\">\\(x^2\\)</span> and <span class=\"math display\">\\[y\\]</span>."), "\(math)")
        let (result, _) = try build(["blog.yaml": Self.config + "markdown:\n  math: {dollars: true}\n", "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nx\n"])
        #expect(result.diagnostics.map(\.description).contains("blog.yaml:4: warning: unknown key 'markdown.math.dollars' is ignored"), "\(result.diagnostics)")
    }

    /// Without a math script, math is MathML the browser draws itself, its TeX kept.
    @Test func mathIsMathMLWithoutAScript() throws {
        let (_, html) = try post("Inline $x^2$ here.\n\n$$\\frac{a}{b}$$\n")
        #expect(html.contains("<math><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding=\"application/x-tex\">x^2</annotation></semantics></math>"), "\(html)")
        #expect(html.contains("<math display=\"block\">") && html.contains("<mfrac>") && !html.contains("\\("))
    }

    @Test func aMathScriptOnlyWhenTheSettingsNameOne() throws {
        let (_, plain) = try post("Math $x$.\n")
        // The social card's JSON-LD is data, not a script that runs.
        #expect(!plain.replacing(/<script type="application\/ld\+json">.*?<\/script>/, with: "").contains("<script"))
        let config = Self.config + "math: {script: https://cdn.example.org/mathjax/tex-chtml.js}\n"
        let (_, typeset) = try post("Math $x$.\n", config: config)
        let script = try #require(typeset.range(of: "<script defer src=\"https://cdn.example.org/mathjax/tex-chtml.js\"></script>"))
        #expect(script.upperBound < (typeset.range(of: "</head>")?.lowerBound ?? typeset.startIndex))
        let (result, _) = try build(["blog.yaml": Self.config + "math: mathjax\n", "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nx\n"])
        #expect(result.diagnostics.map(\.description).contains { $0.hasPrefix("blog.yaml:3: error: math must be a mapping") })
    }

    @Test func anUnclosedDisplayMathIsWarnedAtItsLine() throws {
        let (result, html) = try post("One.\n\nTwo $$ x = 1\nand more.\n")
        #expect(result.diagnostics.map(\.description).contains("posts/2016/a.md:7: warning: '$$' opens display math that is never closed in this paragraph; it is left as text"),
                "\(result.diagnostics)")
        #expect(html.contains("Two $$ x = 1"))
    }

    @Test func strikethroughTaskListsAndAutolinks() throws {
        let (_, html) = try post("""
            ~~gone~~ and ~~*both*~~ but not ~~~ three.

            - [ ] todo
            - [x] done

            见https://example.com/a。 Visit www.example.org, or mail me@example.com. `https://not.code`
            """)
        #expect(html.contains("<del>gone</del> and <del><em>both</em></del> but not ~~~ three."))
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" aria-label=\"todo\" /> todo</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" /> done</li>"))
        #expect(html.contains("见<a href=\"https://example.com/a\">https://example.com/a</a>。"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>,"))
        #expect(html.contains("<a href=\"mailto:me@example.com\">me@example.com</a>."))
        #expect(html.contains("<code>https://not.code</code>"))
    }

    @Test(arguments: [
        ("**「強調」**です", "<strong>「強調」</strong>です"),
        ("**中文，**后面", "<strong>中文，</strong>后面"),
        // Two pairs, not one inside the other (cmark alone pairs the middle two).
        ("**「強調」**です，还有**中文，**后面。", "<strong>「強調」</strong>です，还有<strong>中文，</strong>后面。"),
        ("这是*『书名』*吗", "这是<em>『书名』</em>吗"),
        ("__注意__：注意事項", "<strong>注意</strong>：注意事項"),
        ("注意：__注意事項__", "注意：<strong>注意事項</strong>"),
        ("正體字。︁_Traditional._", "正體字。︁<em>Traditional.</em>"),
        ("太郎は**\"Hello\"**といった", "太郎は<strong>&quot;Hello&quot;</strong>といった"),
        ("Git**（注：不是GitHub）**", "Git<strong>（注：不是GitHub）</strong>"),
        ("真**（她**", "真<strong>（她</strong>"),
        ("a **b** c", "a <strong>b</strong> c"),
        // CommonMark's own answers stay: inside a word `_` is text, a run before a space does not open.
        ("中文_变量_名", "中文_变量_名"),
        ("中文** 不是**", "中文** 不是**"),
        // Code, links' addresses and raw HTML are left as written.
        ("`**「x」**です` [a](https://e.org/a_「b」_c) <span title=\"__「x」__\">y</span>",
         "<code>**「x」**です</code> <a href=\"https://e.org/a_%E3%80%8Cb%E3%80%8D_c\">a</a> <span title=\"__「x」__\">y</span>"),
    ])
    func emphasisBesideCJKPunctuation(markdown: String, expected: String) throws {
        let (_, html) = try post(markdown + "\n")
        #expect(html.contains("<p>" + expected + "</p>"), "\(html)")
        #expect(!html.contains("\u{E004}") && !html.contains("\u{2E2B}"))
    }

    /// The CJK-friendly amendment's own examples (github.com/tats-u/markdown-cjk-friendly,
    /// testcases/strong.md): each is strong text, its asterisks gone.
    @Test func theAmendmentsExamplesAreStrong() throws {
        let examples = [
            "これは**私のやりたかったこと。**だからするの。", "**[製品ほげ](./product-foo)**と**[製品ふが](./product-bar)**をお試しください",
            "**これは太字になりません。**ご注意ください。", "カッコに注意**（太字にならない）**文が続く場合に要警戒。",
            "税込**¥10,000**で入手できます。", "正解は**④**です。", "太郎は**「Hello」**といった",
            "**C#**や**F#**は**「.NET」**というプラットフォーム上で動作します。", "IDが**００１号**になります。",
            "Go**「初心者」**を対象とした記事です。", "**真，**她", "**真。**她", "**真、**她", "**真；**她", "**真：**她",
            "**真？**她", "**真！**她", "**真“**她", "**真”**她", "**真（**她", "**真）**她", "**真【**她", "**真】**她",
            "**真《**她", "**真》**她", "**真—**她", "**真～**她", "**真…**她", "**真，** 她", "**真**，她",
            ".NET**（.NET Frameworkは不可）**では、", "ハイパーテキストコーヒーポット制御プロトコル**(HTCPCP)**",
            "国際規格**[ECMA-262](https://tc39.es/ecma262/)**", "**推荐几个框架：**React、Vue等前端框架。",
        ]
        for example in examples {
            let document = MarkdownDocument(example, safe: false, extensions: MarkdownExtension.all)
            let rendered = document.html(of: MarkdownNode(document.root))
            #expect(rendered.contains("<strong>") && !rendered.contains("**"), "\(example) → \(rendered)")
        }
    }

    @Test func eachExtensionCanBeSwitchedOff() throws {
        let config = Self.config + "markdown:\n  extensions: {math: false, tables: false, nonsense: false}\n"
        let (result, html) = try post("Cost $x_1$ here.\n\n| a |\n|---|\n", config: config)
        #expect(html.contains("Cost $x<em>1$ here.") || html.contains("Cost $x_1$ here."))
        #expect(!html.contains("<table>"))
        #expect(result.diagnostics.map(\.description).contains { $0.hasPrefix("blog.yaml:4: warning: unknown Markdown extension 'nonsense'") },
                "\(result.diagnostics)")
    }

    @Test func safeModeStillHasTablesAndDropsRawHTML() throws {
        let config = Self.config + "markdown: {safe: true}\n"
        let (_, html) = try post("| a |\n|---|\n| <b>x</b> |\n\n<script>alert(1)</script>\n", config: config)
        #expect(html.contains("<table>"))
        #expect(!html.contains("<script>alert") && !html.contains("<b>x</b>"))
    }

    /// Bad input finishes, in time about linear in its size (not timed here: see the README's
    /// benchmark), without a crash.
    @Test func hugeAndUnbalancedInputFinishes() throws {
        let wide = "|" + String(repeating: " c |", count: 1000) + "\n|" + String(repeating: "---|", count: 1000) + "\n"
        let tall = "| a | b |\n|---|---|\n" + String(repeating: "| x | y |\n", count: 10_000)
        let notes = (1...2000).map { "n[^\($0)]" }.joined(separator: " ") + "\n\n" + (1...2000).map { "[^\($0)]: note \($0)" }.joined(separator: "\n") + "\n"
        let dollars = String(repeating: "$ \\( $$ ", count: 5000) + "\n"
        let struck = String(repeating: "~~x~~ **「y」**で ", count: 10_000) + "\n"
        let (_, html) = try post(wide + "\n" + tall + "\n" + notes + "\n" + dollars + "\n" + struck + "\nSelf[^s].\n\n[^s]: Me[^s].\n")
        #expect(html.components(separatedBy: "<del>x</del>").count == 10_001)
        #expect(html.components(separatedBy: "<strong>「y」</strong>で").count == 10_001)
        #expect(html.components(separatedBy: "<tr>").count == 10_000 + 2 + 1)
        #expect(html.contains("<li id=\"fn-2016-01-a-2000\">"))
    }
}

/// `figures`: a lone image with a title or a describing alt text gets that text as its
/// caption; file names and editors' default words do not.
@Suite struct FigureTests {
    static func html(_ markdown: String, extensions: Set<MarkdownExtension> = MarkdownExtension.all) -> String {
        let document = MarkdownDocument(markdown, safe: false, extensions: extensions)
        return document.html(of: MarkdownNode(document.root))
    }

    @Test func aLoneImageWithATitleOrAnAltIsAFigure() {
        #expect(Self.html("![A cat](cat.png \"Our cat, 2016\")\n") == "<figure>\n<img src=\"cat.png\" alt=\"A cat\" title=\"Our cat, 2016\" />\n<figcaption>Our cat, 2016</figcaption></figure>\n")
        #expect(Self.html("![北京的 <雪>](snow.jpg)\n").hasSuffix("<figcaption>北京的 &lt;雪&gt;</figcaption></figure>\n"))
        #expect(Self.html("[![Full size](a.png)](big.png)\n") == "<figure>\n<a href=\"big.png\"><img src=\"a.png\" alt=\"Full size\" /></a>\n<figcaption>Full size</figcaption></figure>\n")
    }

    @Test func fileNamesTextBesideAndSwitchedOffAreNotFigures() {
        for markdown in ["![image-20210307123456](a.png)\n", "![cat.png](x/cat.png)\n", "![截图](a.png)\n", "![a](a.png)\n", "![](a.png)\n", "See ![A cat](cat.png) here.\n", "![A](a.png) ![B](b.png)\n"] {
            #expect(!Self.html(markdown).contains("<figure>"), "\(markdown)")
        }
        var without = MarkdownExtension.all
        without.remove(.figures)
        #expect(Self.html("![A cat](cat.png)\n", extensions: without) == "<p><img src=\"cat.png\" alt=\"A cat\" /></p>\n")
    }
}

/// `alerts`: GitHub's `> [!NOTE]` and its kin become callouts titled in the blog's language;
/// a marker of another word stays a quote, with a warning at its line.
@Suite struct AlertTests {
    @Test func githubAlertsAreCalloutsInTheBlogsLanguage() throws {
        let (result, pages) = try SharedFixtures.build([
            "blog.yaml": "title: Site\nlanguage: zh-CN\n",
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n> [!WARNING]\n> Back up **first**.\n\n> [!tip] Before you start\n> Read this.\n\n> [!NOTE]\n\n> [!FOO]\n> Not an alert.\n\n> A [!NOTE] inside.\n",
        ])
        let page = try #require(pages["2016/01/a/index.html"])
        #expect(page.contains("<div class=\"note warning\" role=\"note\"><p class=\"note-title\">警告</p>\n<p>Back up <strong>first</strong>.</p>\n</div>"), "\(page)")
        #expect(page.contains("<div class=\"note success\" role=\"note\"><p class=\"note-title\">Before you start</p>\n<p>Read this.</p>\n</div>"))
        #expect(page.contains("<div class=\"note info\" role=\"note\"><p class=\"note-title\">备注</p>"), "a marker alone is an empty note")
        #expect(page.contains("<blockquote>\n<p>[!FOO]\nNot an alert.</p>\n</blockquote>"))
        #expect(page.contains("<blockquote>\n<p>A [!NOTE] inside.</p>"), "only a marker that starts the quote")
        #expect(result.diagnostics.description.contains("posts/a.md:13: warning: '[!FOO]' is not an alert this blog knows ([!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION]); it is shown as a quote"), "\(result.diagnostics)")
    }
}
