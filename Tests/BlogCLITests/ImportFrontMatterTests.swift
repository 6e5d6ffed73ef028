import Foundation
import TestSupport
import Testing

/// The front matter and `blog.yaml` that `blog import` writes hold the writer's own text: a
/// Chinese title stays Chinese (not `"\u4E2D…"`), quoted only where YAML would read it
/// otherwise, for each of the three generators.
@Suite struct ImportFrontMatterTests {
    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The front matter of a written file, between its `---` lines.
    static func frontMatter(_ path: String) throws -> String {
        let parts = try text(path).components(separatedBy: "---\n")
        return parts.count > 2 ? parts[1] : ""
    }

    @Test func hexoChineseFrontMatterIsWrittenAsTheWriterWroteIt() throws {
        let old = try Fixture(files: [
            "_config.yml": "title: 随心记\ndescription: 技术博客，偶尔放一些心情相关随笔\nauthor: 张三\nlanguage: zh-CN\ntimezone: Asia/Shanghai\nurl: https://example.com\n",
            "scaffolds/post.md": "---\ntitle: {{ title }}\n---\n",
            "source/_posts/中文.md": """
                ---
                title: 中文标题：第一篇
                date: 2020-01-02 10:00:00
                tags: [标签, 操作系统]
                categories: 笔记
                keywords: 中文, 测试
                cover: 封面.png
                ---
                正文。
                """,
            "source/_posts/emoji.md": "---\ntitle: 🚀 发布\ndate: 2020-01-03 10:00:00\ntags: [\"2020\", 😀]\n---\nText.\n",
        ])
        let (moved, site, built) = try ImportTests.importAndBuild(old, kind: "hexo")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(built.status == 0, "\(built.stderr)")
        let first = try Self.frontMatter(site + "/posts/中文.md")
        #expect(first == """
            title: 中文标题：第一篇
            date: 2020-01-02 10:00:00 +08:00
            tags: [标签, 操作系统]
            categories: [笔记]
            keywords: 中文, 测试
            cover: 封面.png

            """, "\(first)")
        // Characters above U+FFFF (emoji) too; `2020` stays text, as the writer quoted it.
        let second = try Self.frontMatter(site + "/posts/emoji.md")
        #expect(second.hasPrefix("title: 🚀 发布\n") && second.contains("tags: ['2020', 😀]"), "\(second)")
        let settings = try Self.text(site + "/blog.yaml")
        #expect(settings.hasPrefix("title: 随心记\ndescription: 技术博客，偶尔放一些心情相关随笔\nauthor: 张三\n"), "\(settings)")
        #expect(!settings.contains("\\u") && !first.contains("\\u") && !second.contains("\\U"))
        // The built site shows the same text.
        let page = try ImportTests.page(site, "2020/01/02/中文/index.html")
        #expect(page.contains("<title>中文标题：第一篇 · 随心记</title>"), "\(page.prefix(600))")
        #expect(page.contains("操作系统"))
    }

    @Test func jekyllAndHugoChineseFrontMatterToo() throws {
        let jekyll = try Fixture(files: [
            "_config.yml": "title: 日志\nurl: https://example.com\n",
            "_posts/2019-01-03-cjk.md": "---\ntitle: \"日本語のタイトル\"\ntags: [東京, 旅行]\nsubtitle: 副題\n---\n本文。\n",
        ])
        let (jekyllMoved, jekyllSite, jekyllBuilt) = try ImportTests.importAndBuild(jekyll, kind: "jekyll")
        defer { try? FileManager.default.removeItem(atPath: jekyllSite) }
        #expect(jekyllMoved.status == 0 && jekyllBuilt.status == 0, "\(jekyllMoved.stdout)\(jekyllBuilt.stderr)")
        let post = try Self.frontMatter(jekyllSite + "/posts/2019/2019-01-03-cjk.md")
        #expect(post.contains("title: 日本語のタイトル\n") && post.contains("tags: [東京, 旅行]") && post.contains("subtitle: 副題"), "\(post)")
        #expect(try Self.text(jekyllSite + "/blog.yaml").hasPrefix("title: 日志\n"))

        let hugo = try Fixture(files: [
            "hugo.toml": "baseURL = 'https://example.com/'\ntitle = '博客'\n",
            "content/posts/a.md": "+++\ntitle = '你好，世界'\ndate = 2021-01-16\ntags = ['随笔']\n+++\n正文\n",
        ])
        let (hugoMoved, hugoSite, hugoBuilt) = try ImportTests.importAndBuild(hugo, kind: "hugo")
        defer { try? FileManager.default.removeItem(atPath: hugoSite) }
        #expect(hugoMoved.status == 0 && hugoBuilt.status == 0, "\(hugoMoved.stdout)\(hugoBuilt.stderr)")
        let hugoPost = try Self.frontMatter(hugoSite + "/posts/a.md")
        #expect(hugoPost.contains("title: 你好，世界\n") && hugoPost.contains("tags: [随笔]"), "\(hugoPost)")
        #expect(try Self.text(hugoSite + "/blog.yaml").contains("title: 博客\n"))
    }
}
