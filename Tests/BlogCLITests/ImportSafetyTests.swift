import Foundation
import TestSupport
import Testing

/// `blog import` given hostile or broken old sites (issue #19): it reads nothing from outside
/// the old site, opens nothing but regular files, expands no alias bomb, writes no parameter
/// into HTML unescaped and never writes into the old site; each case ends with a message
/// naming the file and why, and no hang.
@Suite struct ImportSafetyTests {
    static let secret = "root:x:0:0:import-safety-secret"

    /// A new site's folder that does not exist yet, removed when the test ends.
    final class NewSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blog-import-safety-\(UUID().uuidString)").path
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    static func link(_ path: String, to target: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    /// Every file the import wrote, as text.
    static func writtenText(_ folder: String) -> [String: String] {
        var texts: [String: String] = [:]
        for path in filePaths(under: folder) {
            texts[path] = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))) ?? Data(), as: UTF8.self)
        }
        return texts
    }

    @Test func aLinkLeadingOutOfTheOldSiteIsLeftBehindAndNamed() throws {
        let outside = try Fixture(files: ["passwd": Self.secret + "\n", "post.md": "---\ntitle: Stolen\n---\n\(Self.secret)\n"])
        let old = try Fixture(files: [
            "_config.yml": "title: Old\n",
            "_posts/2020-01-01-a.md": "---\ntitle: A\n---\nHello {% include evil.html %} and {% include fine.html %}.\n",
            "_includes/real.html": "<b>fine</b>",
            "img/a.png": Fixture.png(width: 2, height: 2),
        ])
        try Self.link(old.root + "/_includes/evil.html", to: outside.root + "/passwd")
        try Self.link(old.root + "/_includes/fine.html", to: "real.html")
        try Self.link(old.root + "/img/secret.png", to: outside.root + "/passwd")
        try Self.link(old.root + "/img/b.png", to: "a.png")
        try Self.link(old.root + "/_posts/2020-01-02-stolen.md", to: outside.root + "/post.md")
        try Self.link(old.root + "/etc", to: outside.root)
        let new = NewSite()
        let moved = try BlogProcess.run(["import", "jekyll", old.root, new.root], timeout: 60)
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        for (path, text) in Self.writtenText(new.root) {
            #expect(!text.contains(Self.secret), "\(path) holds a file from outside the old site")
        }
        for name in ["_includes/evil.html", "img/secret.png", "_posts/2020-01-02-stolen.md", "etc"] {
            #expect(moved.stdout.contains("\(old.root)/\(name): a symbolic link to "), "\(name) is not named: \(moved.stdout)")
        }
        #expect(moved.stdout.contains("outside the old site's folder"))
        #expect(moved.stdout.contains("{% include evil.html %} (_includes/evil.html is a symbolic link to"), "\(moved.stdout)")
        // Links that stay inside the old site are followed, and copied as files.
        let post = try String(contentsOfFile: new.root + "/posts/2020/2020-01-01-a.md", encoding: .utf8)
        #expect(post.contains("<b>fine</b>"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: new.root + "/static/img/b.png")) == Fixture.png(width: 2, height: 2))
        let kind = try FileManager.default.attributesOfItem(atPath: new.root + "/static/img/b.png")[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
    }

    @Test func anAliasBombInFrontMatterIsRefusedAtItsLineInSeconds() throws {
        var bomb = "---\ntitle: Bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        bomb += "---\nBody\n"
        let old = try Fixture(files: [
            "_config.yml": "title: Old\n",
            "_posts/2020-01-01-bomb.md": bomb,
            "_posts/2020-01-02-fine.md": "---\ntitle: Fine\n---\nText\n",
        ])
        let new = NewSite()
        let started = Date()
        let moved = try BlogProcess.run(["import", "jekyll", old.root, new.root], timeout: 30)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 10, "the import took \(elapsed) s")
        // Line 7, `e:`, is the first value whose expansion (9⁴ items) passes the cap.
        #expect(moved.stdout.contains("\(old.root)/_posts/2020-01-01-bomb.md:7: error: invalid YAML: its aliases"), "\(moved.stdout)\(moved.stderr)")
        #expect(moved.status == 1, "the bomb, copied as it is, is an error of the new site's build")
        #expect(FileManager.default.fileExists(atPath: new.root + "/posts/2020/2020-01-02-fine.md"), "the rest moves in")
        let config = try Fixture(files: ["_config.yml": "title: Old\n" + bomb.split(separator: "\n").dropFirst(2).prefix(9).joined(separator: "\n") + "\n", "_posts/.keep": ""])
        let refused = try BlogProcess.run(["import", "jekyll", config.root, NewSite().root], timeout: 30)
        #expect(refused.status == 1 && refused.stderr.contains("_config.yml:6: error: invalid YAML: its aliases"), "\(refused.stderr)")
    }

    @Test func shortcodeAndTagParametersAreEscaped() throws {
        let hugo = try Fixture(files: [
            "hugo.toml": "title = \"Old\"\n",
            "content/posts/a.md": """
                ---
                title: A
                date: 2020-01-01
                ---
                {{< youtube id="x\\"><script>alert(1)</script>" >}}

                {{< vimeo "1\\" onload=\\"alert(2)" >}}

                {{< tweet user="u" id="1\\" onmouseover=\\"alert(3)" >}}

                {{< gist "u\\"><script>alert(4)</script>" 1 >}}

                {{< figure src="a.png" caption="<script>alert(5)</script> **bold**" >}}

                {{< blockquote author="<script>alert(6)</script>" >}}
                Quoted
                {{< /blockquote >}}
                """,
            "content/posts/a.png": Fixture.png(width: 2, height: 2),
        ])
        let hexo = try Fixture(files: [
            "_config.yml": "title: Old\n",
            "scaffolds/post.md": "",
            "source/_posts/b.md": """
                ---
                title: B
                date: 2020-01-01 00:00:00
                ---
                {% youtube x"><script>alert(7)</script> %}

                {% iframe https://a.example/ 100%"onload="alert(8) 300 %}

                {% blockquote <script>alert(9)</script> https://a.example/<script>alert(10)</script> %}
                Quoted
                {% endblockquote %}
                """,
        ])
        for old in [hugo, hexo] {
            let new = NewSite()
            let moved = try BlogProcess.run(["import", old.root, new.root], timeout: 60)
            #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
            let built = try BlogProcess.run(["build", "--source", new.root], timeout: 60)
            #expect(built.status == 0, "\(built.stderr)")
            let pages = ImportTests.pagesOutsideCode(new.root + "/public")
            #expect(pages.keys.contains { $0.hasSuffix("/a/index.html") || $0.hasSuffix("/b/index.html") }, "\(pages.keys.sorted())")
            for (path, html) in pages {
                #expect(!html.contains("<script>"), "\(path) runs a parameter as a script")
                #expect(!html.contains("\" onload=\"") && !html.contains("\"onload=\"") && !html.contains("\" onmouseover=\""), "\(path): a parameter ends its attribute")
            }
            let all = pages.values.joined()
            #expect(all.contains("&lt;script&gt;alert("), "the parameters are shown as text")
        }
    }

    @Test func aNewSiteReachedThroughALinkIntoTheOldSiteIsRefused() throws {
        let old = try Fixture(files: [
            "hugo.toml": "title = \"Old\"\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nText\n",
            "static/robots.txt": "User-agent: *\n",
        ])
        let before = try filesUnder(old.root)
        let elsewhere = try Fixture(files: [:])
        try Self.link(elsewhere.root + "/linkin", to: old.root + "/static")
        let refused = try BlogProcess.run(["import", "hugo", old.root, elsewhere.root + "/linkin/new"], timeout: 60)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("linkin/new: error: the new site cannot be inside the old one"), "\(refused.stderr)")
        #expect(try filesUnder(old.root) == before, "the old site changed")
        #expect(!FileManager.default.fileExists(atPath: old.root + "/static/new"))
        // The link itself as NEW, and a folder of the old site reached through it.
        let direct = try BlogProcess.run(["import", "hugo", old.root, elsewhere.root + "/linkin"], timeout: 60)
        #expect(direct.status == 1 && !direct.stderr.isEmpty)
        #expect(try filesUnder(old.root) == before)
    }

    @Test func aPageSlugCannotWriteOutsideTheNewSite() throws {
        let old = try Fixture(files: ["hugo.toml": "title = \"Old\"\n", "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nText\n"])
        let new = NewSite()
        // From NEW/pages/, this climbs to the old site's own post and would overwrite it.
        let climb = "../../" + (old.root as NSString).lastPathComponent + "/content/posts/a"
        try old.write(["content/about.md": "---\ntitle: About\nslug: \(climb)\n---\nOverwritten\n"])
        let before = try filesUnder(old.root)
        let moved = try BlogProcess.run(["import", "hugo", old.root, new.root], timeout: 60)
        #expect(try filesUnder(old.root) == before, "the old site changed")
        #expect(moved.stdout.contains("\(old.root)/content/about.md: its new path 'pages/\(climb).md' would lie outside the new site's folder"), "\(moved.stdout)")
    }

    @Test func aDanglingLinkAsNewIsAClearError() throws {
        let old = try Fixture(files: ["hugo.toml": "title = \"Old\"\n", "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nText\n"])
        let elsewhere = try Fixture(files: [:])
        let dangling = elsewhere.root + "/dangling"
        try Self.link(dangling, to: elsewhere.root + "/nowhere/site")
        let refused = try BlogProcess.run(["import", "hugo", old.root, dangling], timeout: 60)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(dangling): error: it is a symbolic link to \(elsewhere.root)/nowhere/site, which does not exist"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("NSCocoaErrorDomain"))
        let below = try BlogProcess.run(["import", "hugo", old.root, dangling + "/new"], timeout: 60)
        #expect(below.status == 1 && below.stderr.contains("\(dangling) is a symbolic link to"), "\(below.stderr)")
    }

    @Test func aFIFOIsLeftBehindWithoutBeingOpened() throws {
        let old = try Fixture(files: [
            "_config.yml": "title: Old\n",
            "_posts/2020-01-01-a.md": "---\ntitle: A\n---\nHello {% include pipe.html %}.\n",
            "img/a.png": Fixture.png(width: 2, height: 2),
        ])
        for fifo in ["_includes/pipe.html", "img/pipe.png", "_posts/2020-01-02-pipe.md", "_config.yaml"] {
            try FileManager.default.createDirectory(atPath: ((old.root + "/" + fifo) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(mkfifo(old.root + "/" + fifo, 0o644) == 0)
        }
        try Self.link(old.root + "/img/linked.png", to: "pipe.png")
        let new = NewSite()
        let moved = try BlogProcess.run(["import", "jekyll", old.root, new.root], timeout: 30)
        #expect(moved.status == 0, "the import hung or failed: \(moved.stdout)\(moved.stderr)")
        for fifo in ["_includes/pipe.html", "img/pipe.png", "_posts/2020-01-02-pipe.md", "_config.yaml"] {
            #expect(moved.stdout.contains("\(old.root)/\(fifo): a named pipe (FIFO), not a regular file"), "\(fifo) is not named: \(moved.stdout)")
        }
        let real = URL(fileURLWithPath: old.root).resolvingSymlinksInPath().path
        #expect(moved.stdout.contains("\(old.root)/img/linked.png: a symbolic link to \(real)/img/pipe.png, which is a named pipe (FIFO)"), "\(moved.stdout)")
        #expect(FileManager.default.fileExists(atPath: new.root + "/static/img/a.png"))
        #expect(!FileManager.default.fileExists(atPath: new.root + "/static/img/pipe.png"))
    }
}
