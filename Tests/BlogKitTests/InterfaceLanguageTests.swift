import Foundation
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// The default theme speaks the blog's `language:`: what a reader sees on each kind of page
/// holds no string of another language's table.
@Suite struct InterfaceLanguageTests {
    static let languages = ["en", "zh-CN", "zh-TW", "ja", "ko", "de", "fr", "es"]

    static func site(language: String, extra: [String: Any] = [:]) throws -> (BuildResult, [String: String]) {
        var files: [String: Any] = [
            "blog.yaml": "title: T\nbase_url: https://example.com/\nlanguage: \(language)\npaginate: 1\n",
            "posts/a.md": "---\ntitle: P1\ndate: 2015-03-01\ntags: [t1]\ncategories: [c1]\n---\nx y z\n\n<!-- more -->\n\nw\n\n## H\n\nv\n",
            "posts/b.md": "---\ntitle: P2\ndate: 2016-12-31\ntags: [t1]\nsummary: s\n---\nx [P1](a.md)\n",
            "posts/c.md": "---\ntitle: P3\ndate: 2016-01-02\n---\n" + String(repeating: "x ", count: 3000) + "\n",
        ]
        files.merge(extra) { $1 }
        return try SharedFixtures.build(files)
    }

    /// The text a reader sees or hears: text between tags, and `aria-label`s.
    static func readerText(_ html: String) -> String {
        let noScripts = html.replacing(/<script.*?<\/script>|<style.*?<\/style>/.dotMatchesNewlines(), with: " ")
        let labels = noScripts.matches(of: /aria-label="([^"]*)"/).map { String($0.1) }.joined(separator: " ")
        return noScripts.replacing(/<[^>]+>/, with: " ") + " " + labels
    }

    /// Whether the text holds the string as a whole: `Archiv` is not in `Archives`.
    static func shows(_ text: String, _ string: String) -> Bool {
        var from = text.startIndex
        while let found = text.range(of: string, range: from..<text.endIndex) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : " "
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : " "
            if !(before.isLetter && before.isASCII) && !(after.isLetter && after.isASCII) { return true }
            from = found.upperBound
        }
        return false
    }

    @Test(arguments: languages)
    func pagesHoldNoOtherLanguagesStrings(language: String) throws {
        let (result, pages) = try Self.site(language: language)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let own = Set(InterfaceTables.all[language]!.values)
        let foreign = InterfaceTables.all.filter { $0.key != language }.flatMap { table, strings in
            strings.filter { key, value in
                !key.contains(".") && key != "months" && !value.contains("{") && value.count >= 4 && !own.contains(value)
                    // A table may leave a string to English's.
                    && !(InterfaceTables.all[language]![key] == nil && table == "en")
            }.map { (table, $0.value) }
        }
        for path in ["index.html", "2016/12/b/index.html", "archives/index.html", "2016/index.html", "tags/t1/index.html"] {
            let text = Self.readerText(try #require(pages[path], "\(path) of \(pages.keys.sorted())"))
            for (table, string) in foreign where Self.shows(text, string) {
                Issue.record("\(language) \(path) shows \(table)'s '\(string)'")
            }
        }
    }

    @Test func countsDatesAndNumbersFollowTheLanguage() throws {
        let (_, zh) = try Self.site(language: "zh-CN")
        let post = try #require(zh["2016/01/c/index.html"])
        #expect(post.contains(">2016年1月2日</time>") && post.contains("<li>3,000 字</li>") && post.contains("<li>阅读约 8 分钟</li>"), "\(post)")
        let (_, de) = try Self.site(language: "de")
        let year = try #require(de["2016/index.html"])
        #expect(year.contains(">3.00") && year.contains("gegenüber 1 im Jahr 2015"), "\(year)")
        let (_, en) = try Self.site(language: "en")
        let english = try #require(en["2016/01/c/index.html"])
        #expect(english.contains("<li>12 min read</li>") && english.contains("<li>3,000 words</li>"))
        #expect(try #require(en["tags/t1/index.html"]).contains("<p class=\"page-count\">2 posts</p>"))
    }

    /// Names are filled in one pass: a value is never read for names, and braces that name
    /// nothing stay as the writer's translation has them.
    @Test func placeholdersAreFilledOnce() {
        #expect(Interface.fill("{yyyy}年{m}月{d}日", ["yyyy": "2016", "m": "12", "d": "31"]) == "2016年12月31日")
        #expect(Interface.fill("{previous} → {next}", ["previous": "{next}", "next": "b"]) == "{next} → b")
        #expect(Interface.fill("{unknown} {count", ["count": "3"]) == "{unknown} {count")
        #expect(Interface.fill("no names", [:]) == "no names")
        #expect(Interface.fill("{{count}}", ["count": "1"]) == "{1}")
    }

    @Test func aSitesOwnStringsWinAndWhatIsMissingIsSaid() throws {
        let (result, pages) = try Self.site(language: "eo", extra: [
            "i18n/eo.yaml": "archives: Arkivo\nwords: {one: \"{count} vorto\", other: \"{count} vortoj\"}\nnonsense: x\n",
        ])
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains("i18n/eo.yaml:3: warning: unknown interface string 'nonsense' is ignored"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("i18n/eo.yaml:1: warning: ") && $0.contains("interface strings missing, shown in English: ") }, "\(messages)")
        let home = try #require(pages["index.html"])
        #expect(home.contains(">Arkivo</a>"))
        #expect(try #require(pages["2016/01/c/index.html"]).contains("<li>3,000 vortoj</li>"))
        let (plain, _) = try Self.site(language: "eo")
        #expect(plain.diagnostics.map(\.description).contains("blog.yaml: warning: no interface strings for language 'eo': the theme speaks English (translate it in i18n/eo.yaml)"),
                "\(plain.diagnostics)")
    }

    @Test func listsShowTheWritersSummaryAndMenusLeadSomewhere() throws {
        let (_, pages) = try Self.site(language: "en", extra: ["posts/a.md": "---\ntitle: P1\ndate: 2015-03-01\n---\nBoilerplate first paragraph.\n"])
        let home = try #require(pages["index.html"])
        #expect(home.contains("<p>s</p>") && !home.contains("x <a href"), "the summary, not the first paragraph")
        #expect(home.contains(">Tags</a>") && !home.contains(">Categories</a>"), "no menu item to an empty page")
    }
}
