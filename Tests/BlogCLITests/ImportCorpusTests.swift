import Foundation
import TestSupport
import Testing

/// `blog import` on the three real blogs of `../shared/corpora/`: each moves in without a
/// hand edit, every post and image is published, no page shows a template tag, and every
/// post's old address answers. The only errors left are the references that are broken in
/// the copy itself, each listed here with why.
@Suite struct ImportCorpusTests {
    struct Corpus: Sendable, CustomStringConvertible {
        var folder: String
        /// The build's errors, as `file:line` and the start of the message, and why each is right.
        var knownErrors: [String: String]
        /// What the writer would do about them, for the rest of the checks to run on a
        /// written site: the files the copy lacks, in the new site, and the dead links' fixes.
        var repairs: [String] = []
        var edits: [(file: String, from: String, to: String)] = []
        var description: String { folder }
    }

    static let corpora: [Corpus] = [
        Corpus(folder: "jekyll-memfault", knownErrors: [
            "posts/2020/2020-11-04-mcuboot-overview.md:910: error: image '/img/MCUboot/stm32f4-flash-example.png' not found": "SOURCE.md: not in the repository",
            "posts/2022/2022-01-12-trice.md:122: error: image '/img/trice/UTF-8Example.PNG' not found": "SOURCE.md: not in the repository",
            "posts/2023/2023-08-23-firmware-encryption-with-python.md:308: error: image '/img/fwup-encryption/MessgaeCTR.jpg' not found": "SOURCE.md: not in the repository",
            "posts/2023/2023-08-23-firmware-encryption-with-python.md:405: error: image '/img/fwup-encryption/ExampleArquitecture.png' not found": "SOURCE.md: not in the repository",
            "posts/2024/2024-02-29-diving-into-jtag-part-2.md:34: error: image '/img/tap-controllers.png' not found": "SOURCE.md: not in the repository",
            "posts/2021/2021-03-23-testing-vs-overhead.md:10: error: link 'authors/erikfogg' leads to no page": "broken on the live site too",
            "posts/2020/2020-05-20-arm-cortexm-with-llvm-clang.md:164: error: link '/misc/llvm_scan_build_report' leads to no page": "a page the copy left out",
            "posts/2020/2020-07-07-test-automation-renode.md:722: error: link '/misc/test-automation-renode/log.html' leads to no page": "a page the copy left out",
            "posts/2021/2021-11-03-events-and-jobs-pages.md:33: error: link '/events' leads to no page": "a page the copy left out",
            "posts/2021/2021-11-03-events-and-jobs-pages.md:35: error: link '/events-calendar' leads to no page": "a page the copy left out",
            "posts/2021/2021-11-03-events-and-jobs-pages.md:43: error: link '/jobs' leads to no page": "a page the copy left out",
            "posts/2024/2024-10-24-memfault-esp-component.md:95: error: link '/img/esp-component/zissou.webm' leads to no page": "a video the copy left out",
        ], repairs: [
            "static/img/MCUboot/stm32f4-flash-example.png",
            "static/img/trice/UTF-8Example.PNG",
            "static/img/fwup-encryption/MessgaeCTR.jpg",
            "static/img/fwup-encryption/ExampleArquitecture.png",
            "static/img/tap-controllers.png",
            "static/misc/llvm_scan_build_report/index.html",
            "static/misc/test-automation-renode/log.html",
            "static/events/index.html", "static/events-calendar/index.html", "static/jobs/index.html",
            "static/img/esp-component/zissou.webm",
        ], edits: [
            ("posts/2021/2021-03-23-testing-vs-overhead.md", "](authors/erikfogg)", "](https://interrupt.memfault.com/authors/erikfogg)"),
        ]),
        Corpus(folder: "hugo-zwbetz-gh", knownErrors: [:]),
        Corpus(folder: "hexo-jasonren0403", knownErrors: [:]),
    ]

    @Test(arguments: corpora) func realBlogMovesIn(_ corpus: Corpus) throws {
        let source = try #require(sharedData("corpora/" + corpus.folder), "../shared/corpora is missing")
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("blog-corpus-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: site) }
        let moved = try BlogProcess.run(["import", source, site])
        let built = try BlogProcess.run(["build", "--source", site])
        let errors = built.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        for error in errors {
            #expect(corpus.knownErrors.keys.contains { error.hasPrefix($0) }, "an error not known: \(error)")
        }
        #expect(errors.count == corpus.knownErrors.count, "\(built.stderr)")
        #expect(moved.status == (corpus.knownErrors.isEmpty ? 0 : 1), "\(moved.stdout)")
        if !corpus.knownErrors.isEmpty {
            for path in corpus.repairs {
                let url = URL(fileURLWithPath: site + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try (ImportTests.isImage(path) ? Fixture.png(width: 1, height: 1) : Data("a file the copy left out".utf8)).write(to: url)
            }
            for edit in corpus.edits {
                let path = site + "/" + edit.file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(text.contains(edit.from))
                try text.replacingOccurrences(of: edit.from, with: edit.to).write(toFile: path, atomically: true, encoding: .utf8)
            }
            let again = try BlogProcess.run(["build", "--source", site])
            #expect(again.status == 0, "\(again.stderr)")
        }
        let output = site + "/public"

        // Every post: as many pages with a post's markup as the old site had posts, drafts aside.
        let posts = Self.postFiles(source)
        #expect(moved.stdout.contains("site: \(posts.count) posts"), "\(moved.stdout.prefix(300))")

        // Every image of the old site is published, by name.
        var published: [String: Int] = [:]
        for path in filePaths(under: output) { published[(path as NSString).lastPathComponent.lowercased(), default: 0] += 1 }
        var missing: [String] = []
        for path in filePaths(under: source) {
            guard ImportTests.isImage(path) else { continue }
            let name = (path as NSString).lastPathComponent.lowercased()
            if published[name, default: 0] == 0 { missing.append(path) }
        }
        #expect(missing == [], "images not published")

        for (path, html) in ImportTests.pagesOutsideCode(output) {
            #expect(!html.contains("{%") && !html.contains("{{<") && !html.contains("{{%"), "\(path) shows a template tag")
        }
        for address in Self.oldAddresses(corpus.folder, source: source) {
            #expect(ImportTests.answers(address, in: output), "old address \(address)")
        }
    }

    static func postFiles(_ source: String) -> [String] {
        var posts: [String] = []
        for path in filePaths(under: source) {
            let inPosts = path.hasPrefix("_posts/") || path.hasPrefix("source/_posts/")
                || (path.hasPrefix("content/blog/") && (path.hasSuffix("/index.md") || path.hasSuffix("/index.html")))
            if inPosts && (path.hasSuffix(".md") || path.hasSuffix(".html")) { posts.append(path) }
        }
        return posts
    }

    /// Each post's address under its old generator, by the rules the survey of these blogs
    /// checked against Jekyll's and Hugo's own output: Jekyll `/blog/:title`; Hugo the bundle's
    /// folder, lower case, and its `aliases`; Hexo `/:year/:month/:day/:title/` with the date as
    /// written and the path under `_posts`.
    static func oldAddresses(_ corpus: String, source: String) -> [String] {
        var addresses: [String] = []
        for path in postFiles(source) {
            let text = (try? String(contentsOfFile: source + "/" + path, encoding: .utf8)) ?? ""
            let front = text.components(separatedBy: "\n---").first ?? ""
            switch corpus {
            case "jekyll-memfault":
                let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                addresses.append("/blog/" + name.dropFirst(11))
            case "hugo-zwbetz-gh":
                if front.contains("draft: true") { continue }
                let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
                addresses.append("/" + folder.lowercased() + "/")
                var inAliases = false
                for line in front.split(separator: "\n") {
                    if line.hasPrefix("aliases:") { inAliases = true; continue }
                    if inAliases, line.hasPrefix("  - ") || line.hasPrefix("- ") {
                        addresses.append(String(line.drop { $0 == " " || $0 == "-" }).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")))
                    } else {
                        inAliases = false
                    }
                }
            default:
                guard let date = front.firstMatch(of: /\ndate:\s*(\d{4})[-\/](\d{1,2})[-\/](\d{1,2})/) else { continue }
                func two(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
                let title = (path.dropFirst("source/_posts/".count) as NSString).deletingPathExtension
                addresses.append("/\(date.1)/\(two(date.2))/\(two(date.3))/\(title)/")
            }
        }
        return addresses
    }

    /// The old generator itself, on a copy of the Jekyll and Hugo blogs: what their themes and
    /// plugins bring (the copies leave them out) is stubbed so that it builds, and every post
    /// address and alias it writes must answer in the imported site.
    @Test(arguments: ["jekyll-memfault", "hugo-zwbetz-gh"]) func everyAddressTheOldGeneratorWroteAnswers(_ folder: String) throws {
        let source = try #require(sharedData("corpora/" + folder), "../shared/corpora is missing")
        let name = folder.hasPrefix("jekyll") ? "jekyll" : "hugo"
        guard let tool = ImportTests.tool(name) else { return }  // where it runs
        let work = try Fixture(files: [:])
        try FileManager.default.removeItem(atPath: work.root)
        try FileManager.default.copyItem(atPath: source, toPath: work.root)
        let site = work.root + "-new"
        defer { try? FileManager.default.removeItem(atPath: site) }
        let moved = try BlogProcess.run(["import", work.root, site])
        #expect(!moved.stdout.isEmpty)
        var addresses: [String] = []
        if name == "jekyll" {
            try work.write(Self.jekyllStubs)
            let old = try BlogProcess.run(
                ["build", "-s", work.root, "-d", work.root + "/_site", "--config", work.root + "/_config.yml," + work.root + "/_config_test.yml"],
                executable: tool, in: work.root)
            #expect(old.status == 0, "\(old.stdout)\(old.stderr)")
            // `/blog/:title` is written as `blog/<title>.html` and served without `.html`.
            addresses = filePaths(under: work.root + "/_site").filter { $0.hasPrefix("blog/") && $0.hasSuffix(".html") }.map { "/" + $0.dropLast(5) }
            #expect(addresses.count == 217, "\(addresses.count)")
        } else {
            try work.write(Self.hugoStubs)
            let old = try BlogProcess.run(["--quiet", "--enableGitInfo=false", "-s", work.root, "-d", work.root + "/old"], executable: tool, in: work.root)
            #expect(old.status == 0, "\(old.stderr)")
            let lists: Set<String> = ["index.html", "blog/index.html", "404.html"]
            addresses = filePaths(under: work.root + "/old").filter {
                $0.hasSuffix("index.html") && !lists.contains($0) && !$0.hasPrefix("page/") && !$0.hasPrefix("blog/page/")
            }.map { "/" + $0.dropLast(10) }
            #expect(addresses.count >= 220 + 37, "posts and their aliases: \(addresses.count)")
        }
        // The new site, built with the copy's own problems set aside (see `realBlogMovesIn`).
        let corpus = try #require(Self.corpora.first { $0.folder == folder })
        for path in corpus.repairs {
            try FileManager.default.createDirectory(atPath: (site + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("stand-in".utf8).write(to: URL(fileURLWithPath: site + "/" + path))
        }
        for edit in corpus.edits {
            let text = try String(contentsOfFile: site + "/" + edit.file, encoding: .utf8)
            try text.replacingOccurrences(of: edit.from, with: edit.to).write(toFile: site + "/" + edit.file, atomically: true, encoding: .utf8)
        }
        let built = try BlogProcess.run(["build", "--source", site])
        #expect(built.status == 0, "\(built.stderr)")
        let unanswered = addresses.filter { !ImportTests.answers($0, in: site + "/public") }
        #expect(unanswered == [], "addresses \(name) wrote that the new site does not answer")
    }

    /// What the Jekyll copy needs to build: its own tags (`img_url` writes `/img/<path>`, as
    /// upstream's plugin does), its includes and layouts, and no plugins beyond Jekyll.
    static let jekyllStubs: [String: String] = [
        "_config_test.yml": "plugins: []\npaginate: null\n",
        "_plugins/stubs.rb": """
            class StubURL < Liquid::Tag
              def initialize(name, markup, tokens)
                super
                @name = name
                @path = markup.strip
              end
              def render(context)
                @name == "img_url" ? "/img/#{@path}" : "/tag/#{@path}"
              end
            end
            class StubDiagram < Liquid::Block
              def render(context)
                "<pre>" + super + "</pre>"
              end
            end
            Liquid::Template.register_tag("img_url", StubURL)
            Liquid::Template.register_tag("tag_url", StubURL)
            Liquid::Template.register_tag("blockdiag", StubDiagram)
            """,
        "_includes/newsletter.html": "", "_includes/toc.html": "", "_includes/submit-pr.html": "",
        "_layouts/default.html": "{{ content }}", "_layouts/post.html": "{{ content }}",
    ]

    /// What the Hugo copy needs: its theme (absent) and its shortcodes, the blocks showing their inside.
    static let hugoStubs: [String: String] = {
        var files = ["themes/feather/theme.toml": "name = \"feather\"\n", "layouts/_default/single.html": "{{ .Content }}", "layouts/_default/list.html": "{{ .Content }}"]
        for name in ["figure", "gallery", "file-var", "loremGen", "os-stat", "tomlTable"] { files["layouts/shortcodes/\(name).html"] = "" }
        for name in ["table", "blockquote"] { files["layouts/shortcodes/\(name).html"] = "{{ .Inner }}" }
        return files
    }()
}
