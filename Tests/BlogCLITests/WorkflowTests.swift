import Foundation
import TestSupport
import Testing

/// The writer's workflow through the real binary: init, new, check, deploy (with the real
/// rsync), and the command line's manners.
@Suite struct WorkflowTests {
    /// A copy of the binary alone in a folder, as after an install: no checkout around it.
    static func installedBinary() throws -> (String, () -> Void) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blog-bin-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BlogProcess.executable, toPath: folder + "/blog")
        return (folder + "/blog", { try? FileManager.default.removeItem(atPath: folder) })
    }

    @Test func initMakesASiteThatBuildsAtOnce() throws {
        let (blog, cleanup) = try Self.installedBinary()
        defer { cleanup() }
        let parent = try Fixture(files: [:])
        let made = try BlogProcess.run(["init", "my-blog", "--title", "终端笔记"], executable: blog, in: parent.root)
        #expect(made.status == 0, "\(made.stderr)")
        let config = try String(contentsOfFile: parent.root + "/my-blog/blog.yaml", encoding: .utf8)
        for key in ["title:", "description:", "author:", "base_url:", "language:", "timezone:", "permalink:", "paginate:", "deploy:"] {
            #expect(config.contains(key), "blog.yaml lacks \(key)")
        }
        #expect(config.contains("title: \"终端笔记\""))
        let built = try BlogProcess.run(["build"], executable: blog, in: parent.root + "/my-blog")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.isEmpty, "a new site builds without a warning: \(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: parent.root + "/my-blog/public/about/index.html"))
        let again = try BlogProcess.run(["init", "my-blog"], executable: blog, in: parent.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("the folder is not empty"))
    }

    @Test func newMakesPostsAndNeverOverwrites() throws {
        let site = try Fixture(files: ["blog.yaml": "title: T\ntimezone: Asia/Shanghai\n"])
        let first = try BlogProcess.run(["new", "Moving to a Static Site!", "--date", "2016-12-31 22:00"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "posts/2016/moving-to-a-static-site.md\n")
        let text = try String(contentsOfFile: site.root + "/posts/2016/moving-to-a-static-site.md", encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Moving to a Static Site!\"\ndate: 2016-12-31 22:00:00 +0800\ntags: []\n---\n"))

        let mixed = try BlogProcess.run(["new", "用 Swift 写博客", "--bundle", "--date", "2017-01-02"], in: site.root)
        #expect(mixed.stdout == "posts/2017/swift/index.md\n")
        let chinese = try BlogProcess.run(["new", "你好，世界", "--date", "2017-01-03"], in: site.root)
        #expect(chinese.stdout == "posts/2017/2017-01-03.md\n")
        let named = try BlogProcess.run(["new", "你好", "--slug", "hello", "--date", "2017-01-04"], in: site.root)
        #expect(named.stdout == "posts/2017/hello.md\n")

        let mine = "---\ntitle: Mine\ndate: 2017-01-04\n---\nMy words.\n"
        try site.write(["posts/2017/hello.md": mine])
        let clash = try BlogProcess.run(["new", "Hello", "--date", "2017-05-05"], in: site.root)
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("posts/2017/hello.md: error: already exists"))
        #expect(try String(contentsOfFile: site.root + "/posts/2017/hello.md", encoding: .utf8) == mine)

        let now = try BlogProcess.run(["new", "Today"], in: site.root)
        #expect(now.status == 0)
        #expect(now.stdout.hasSuffix("/today.md\n"))
        // Every post new made builds.
        #expect(try site.build().status == 0)
    }

    @Test func checkWarnsAboutWhatAReaderWouldMissAndWritesNothing() throws {
        let site = try Fixture(files: [
            // Images published as they are: their own size is what check measures (as
            // variants, their smallest is: ResponsiveImageTests).
            "blog.yaml": "title: T\ncheck:\n  max_image_kb: 1\nimages: {enabled: false}\n",
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: [x]\n---\n## Real heading\n\n![](big.png)\n\n[gone](b.md#no-such-part) [fine](b.md#part) [here](#real-heading) [bad](#nowhere)\n",
            "posts/big.png": Fixture.png(width: 10, height: 10) + Data(count: 4096),
            "posts/b.md": "---\ntitle: B\ndate: 2016-01-02\n---\n## Part\n",
        ])
        // --output as build takes it (never written by check, never read as part of the site).
        let result = try BlogProcess.run(["check", "--source", site.root, "--output", site.root + "/out"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("posts/a.md:8: warning: image 'big.png' has no alt text (say what it shows, for readers who cannot see it)"))
        #expect(lines.contains("posts/a.md:8: warning: image 'big.png' is 4 KB, over check.max_image_kb (1 KB)"))
        #expect(lines.contains("posts/a.md:10: warning: link to '#no-such-part': posts/b.md has no heading with that id"))
        #expect(lines.contains("posts/a.md:10: warning: link to '#nowhere': this post has no heading with that id"))
        #expect(lines.contains("posts/b.md:1: warning: post has no tags"))
        #expect(lines.count == 5, "\(lines)")
        #expect(result.stdout.contains("0 errors, 5 warnings"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/public"))

        try site.write(["posts/b.md": "---\ntitle: B\ndate: 2016-01-02\ntags: [y]\n---\n![missing](nope.png)\n"])
        let broken = try BlogProcess.run(["check", "--source", site.root])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("posts/b.md:6: error: image 'nope.png' not found"))
        // Builds stay quiet about these: they are for check.
        #expect(!(try site.build().stderr.contains("alt text")))
    }

    @Test func deploySendsOnlyWhatChangedWithRsync() throws {
        let target = try Fixture(files: [:])
        let site = try Fixture(files: [
            "blog.yaml": "title: T\ndeploy:\n  target: \(target.root)/www\n",
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n",
            "posts/b.md": "---\ntitle: B\ndate: 2016-02-01\n---\nWorld.\n",
        ])
        let first = try BlogProcess.run(["deploy", "--source", site.root])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: target.root + "/www/2016/02/b/index.html"))
        // What rsync -a public/ by hand would send: the output folder, all of it, nothing else.
        func files(_ root: String) -> Set<String> {
            Set((FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter {
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isFolder) && !isFolder.boolValue
            })
        }
        #expect(files(target.root + "/www") == files(site.root + "/public"))
        #expect(!files(site.root + "/public").contains { $0.contains("manifest") })
        #expect(Self.transferred(first.stdout) > 5)

        let second = try BlogProcess.run(["deploy", "--source", site.root])
        #expect(second.status == 0)
        #expect(Self.transferred(second.stdout) == 0, "\(second.stdout)")

        try FileManager.default.removeItem(atPath: site.root + "/posts/b.md")
        let dry = try BlogProcess.run(["deploy", "--source", site.root, "--dry-run"])
        #expect(dry.stdout.split(separator: "\n").contains { $0.contains("deleting") && $0.hasSuffix(" 2016/02/b/index.html") })
        #expect(FileManager.default.fileExists(atPath: target.root + "/www/2016/02/b/index.html"))
        let third = try BlogProcess.run(["deploy", "--source", site.root])
        #expect(third.status == 0)
        #expect(!FileManager.default.fileExists(atPath: target.root + "/www/2016/02/b/index.html"))

        try site.write(["posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n![x](missing.png)\n"])
        let refused = try BlogProcess.run(["deploy", "--source", site.root])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("nothing deployed"))
        #expect(FileManager.default.fileExists(atPath: target.root + "/www/2016/01/a/index.html"))
    }

    @Test func deployWithoutATargetSaysHow() throws {
        let site = try Fixture(files: ["blog.yaml": "title: T\n", "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nx\n"])
        let result = try BlogProcess.run(["deploy", "--source", site.root])
        #expect(result.status == 1)
        #expect(result.stderr.contains("blog.yaml: error: no deploy target"))
    }

    @Test func everyCommandHasHelpWithExamplesAndTheToolItsVersion() throws {
        for command in ["init", "new", "build", "serve", "check", "deploy"] {
            let help = try BlogProcess.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Examples:"), "\(command) --help has no examples")
        }
        let version = try BlogProcess.run(["--version"])
        #expect(version.stdout.hasPrefix("0."))
        let completion = try BlogProcess.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("deploy"))
        // Not a terminal here: plain labels, no colour codes.
        let site = try Fixture(files: ["blog.yaml": "title: T\ncolour: red\n"])
        #expect(!(try site.build().stderr.contains("\u{1B}[")))
    }

    static func transferred(_ stats: String) -> Int {
        guard let line = stats.split(separator: "\n").first(where: { $0.hasPrefix("Number of regular files transferred:") }) else {
            return -1
        }
        return Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")) ?? -1
    }
}
