import Foundation
import Testing
import TestSupport

/// The second round of "nothing lost, nothing leaked" (issue #19): what a new user's mistakes
/// and a hostile site did to the output, the site and the machine, each through the binary.
@Suite struct HostileInputTests {
    static let config = "title: T\nbase_url: https://example.com/\n"
    static let post = "---\ntitle: A\ndate: 2019-01-01\n---\nHello.\n"

    /// A GitHub Pages checkout in the output: no static file, alias or slug may replace it.
    @Test(arguments: [
        ["static/.git": "gitdir: ../.git/modules/static"],
        ["posts/b.md": "---\ntitle: B\ndate: 2019-02-01\naliases: [/.git/HEAD]\n---\nx\n"],
        ["posts/b.md": "---\ntitle: B\ndate: 2019-02-01\nslug: .git\n---\nx\n", "blog.yaml": config + "permalink: /:slug/\n"],
    ])
    func theOutputsRepositoryIsNeverTouched(files: [String: String]) throws {
        let site = try Fixture(files: ["blog.yaml": Self.config, "posts/a.md": Self.post])
        #expect(try site.build().status == 0)
        try FileManager.default.createDirectory(atPath: site.output + "/.git/objects", withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: URL(fileURLWithPath: site.output + "/.git/HEAD"))
        try site.write(files)
        let result = try site.build()
        #expect(try site.read(".git/HEAD") == "ref: refs/heads/main\n")
        #expect(FileManager.default.fileExists(atPath: site.output + "/.git/objects"))
        if files["static/.git"] != nil {
            #expect(result.status == 0)
            #expect(result.stderr.contains("static/: warning: hidden files are not published: .git"))
        } else {
            #expect(result.status == 1)
            #expect(result.stderr.contains("posts/b.md: error: would be written to '/.git/"), "\(result.stderr)")
        }
    }

    /// `include:` publishes a hidden file of `static/`; a repository's name never.
    @Test func hiddenStaticFilesArePublishedOnlyWhenListed() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config, "posts/a.md": Self.post,
            "static/.env": "SECRET=1\n", "static/.well-known/security.txt": "Contact: me\n",
        ])
        let first = try site.build()
        #expect(first.status == 0)
        #expect(first.stderr.contains("static/: warning: hidden files are not published: .env, .well-known/ (list the ones to publish under include: in blog.yaml)"))
        #expect(!site.exists(".env") && !site.exists(".well-known/security.txt"))
        try site.write(["blog.yaml": Self.config + "include: [.well-known]\n"])
        let second = try site.build()
        #expect(second.status == 0)
        #expect(try site.read(".well-known/security.txt") == "Contact: me\n")
        #expect(!site.exists(".env"))
        // No longer listed: removed like any file the site no longer has.
        try site.write(["blog.yaml": Self.config])
        #expect(try site.build().status == 0)
        #expect(!site.exists(".well-known/security.txt"))
        try site.write(["blog.yaml": Self.config + "include: [.git]\n"])
        let refused = try site.build()
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("blog.yaml:3: error: include: '.git' is never published"))
    }

    /// A link where the output has a folder leads anywhere: the build refuses it by name and
    /// writes nothing there, nor anywhere else.
    @Test func aLinkInsideTheOutputIsNeverWrittenThrough() throws {
        let site = try Fixture(files: ["blog.yaml": Self.config, "posts/a.md": Self.post, "posts/b.md": Self.post.replacingOccurrences(of: "title: A", with: "title: B")])
        #expect(try site.build().status == 0)
        let elsewhere = try Fixture(files: ["index.html": "mine\n"])
        try FileManager.default.removeItem(atPath: site.output + "/2019")
        try FileManager.default.createSymbolicLink(atPath: site.output + "/2019", withDestinationPath: elsewhere.root)
        let before = try filesUnder(site.output)
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(site.output)/2019: error: cannot write: is a symbolic link inside the output"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was replaced"))
        #expect(try filesUnder(elsewhere.root) == ["index.html": Data("mine\n".utf8)])
        #expect(try filesUnder(site.output) == before)
    }

    /// A post whose file name holds a newline or a tab is recorded exactly: deleting it
    /// unpublishes it.
    @Test func aPostWithANewlineInItsNameIsRemovedWhenDeleted() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config, "posts/a.md": Self.post,
            "posts/odd\nname\t.md": "---\ntitle: Odd\ndate: 2019-03-01\n---\nOdd one.\n",
        ])
        #expect(try site.build().status == 0)
        #expect(try site.read("index.html").contains("Odd"))
        try FileManager.default.removeItem(atPath: site.root + "/posts/odd\nname\t.md")
        let result = try site.build()
        #expect(result.status == 0)
        #expect(!(try site.read("index.html").contains("Odd")))
        #expect(!(try site.read("feed.xml").contains("Odd one.")))
    }

    /// A FIFO is never opened: the build and the check finish, naming it.
    @Test(arguments: ["posts/pipe.md", "static/pipe.txt", "posts/2019/trip/pipe.png", "blog.yaml"])
    func aFIFOAmongTheInputsIsAnErrorNotAHang(fifo: String) throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config, "posts/a.md": Self.post, "posts/2019/trip/index.md": Self.post,
            "static/robots.txt": "User-agent: *\n",
        ])
        if fifo == "blog.yaml" { try FileManager.default.removeItem(atPath: site.root + "/blog.yaml") }
        #expect(mkfifo(site.root + "/" + fifo, 0o644) == 0)
        for command in ["build", "check"] {
            let result = try BlogProcess.run([command, "--source", site.root], timeout: 30)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("\(fifo): error: is a named pipe (FIFO), not a file"), "\(command): \(result.stderr)")
        }
    }

    /// One post of 20,000 dead links: reported in linear time, the first 50 at their lines.
    @Test func deadLinksAreReportedInLinearTime() throws {
        let links = (1...20_000).map { "[l\($0)](/gone/\($0)/)" }.joined(separator: "\n")
        let site = try Fixture(files: ["blog.yaml": Self.config, "posts/a.md": Self.post + links + "\n"])
        let started = Date()
        let result = try BlogProcess.run(["build", "--source", site.root], timeout: 120)
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 1)
        #expect(result.stderr.contains("posts/a.md:6: error: link '/gone/1/' leads to no page"), "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains("posts/a.md:55: error: link '/gone/50/' leads"))
        #expect(!result.stderr.contains("'/gone/51/'"))
        #expect(result.stderr.contains("posts/a.md: error: … and 19,950 more links in this post that lead to no page or file of the site"))
        #expect(seconds < 30, "took \(seconds) s")
    }

    /// Two builds of one site at once: the second waits for the first; both succeed, and a
    /// static file named like an old temporary is published like any file.
    @Test func twoBuildsAtOnceBothSucceed() throws {
        var files: [String: Any] = ["blog.yaml": Self.config, "static/index.html.blog-tmp": "a file of the site\n"]
        for n in 1...150 { files["posts/p\(n).md"] = "---\ntitle: P\(n)\ndate: 2019-01-\(10 + n % 18)\n---\nText \(n).\n" }
        let site = try Fixture(files: files)
        let processes = try (0..<2).map { _ in try BlogProcess.start(["build", "--source", site.root]) }
        let results = processes.map { $0.wait() }
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("part old, part new"))
        }
        #expect(try site.read("index.html.blog-tmp") == "a file of the site\n")
        // And the output is the site: the same as a cold build's.
        let cold = try Fixture(files: [:])
        #expect(try BlogProcess.run(["build", "--source", site.root, "--output", cold.root + "/out"]).status == 0)
        #expect(try filesUnder(site.output) == filesUnder(cold.root + "/out"))
    }

    /// A deploy holds the site while rsync sends it: a build started meanwhile waits, so the
    /// folder rsync reads is not rewritten under it.
    @Test func aBuildWaitsForADeployUnderWay() throws {
        let target = try Fixture(files: [:])
        var big = Data(count: 1_500_000)
        for i in stride(from: 0, to: big.count, by: 4096) { big[i] = UInt8(truncatingIfNeeded: i / 4096) }
        let site = try Fixture(files: [
            "blog.yaml": Self.config + "deploy: {target: \(target.root)/live, args: [--bwlimit=500]}\n",
            "posts/a.md": Self.post, "static/big.bin": big,
        ])
        let deploy = try BlogProcess.start(["deploy", "--source", site.root])
        // rsync under way: its target folder appears.
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: target.root + "/live"), Date() < deadline { usleep(50_000) }
        let build = try BlogProcess.run(["build", "--source", site.root], timeout: 60)
        let deployed = deploy.wait()
        #expect(deployed.status == 0, "\(deployed.stderr)")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("another blog command is building or deploying this site; waiting for it to finish"), "\(build.stderr)")
    }

    /// A save or record damaged at any byte is ignored: the build is a cold one, with the
    /// same output as a cold build, and says why.
    @Test func aSaveDamagedAtAnyByteMeansAColdBuild() throws {
        var files: [String: Any] = ["blog.yaml": Self.config, "posts/b.md": "---\ntitle: B\ndate: 2019-02-01\ntags: [x]\n---\nSee [a](a.md).\n"]
        files["posts/a.md"] = Self.post
        let site = try Fixture(files: files)
        #expect(try site.build().status == 0)
        let cold = try filesUnder(site.output)
        let state = site.root + "/.blog"
        let saves = try FileManager.default.contentsOfDirectory(atPath: state).filter { $0.hasPrefix("saved-") || $0.hasPrefix("manifest-") }
        #expect(saves.count == 2)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            // Touch a post so that the build reads the save instead of stopping at "nothing changed".
            try site.write(["posts/a.md": Self.post + "\nRound \(round).\n"])
            _ = try site.build()
            try site.write(["posts/a.md": Self.post])
            let file = state + "/" + saves[round % 2]
            var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[at] ^= UInt8.random(in: 1...255, using: &generator)
            try bytes.write(to: URL(fileURLWithPath: file))
            let result = try site.build()
            #expect(result.status == 0, "round \(round), byte \(at) of \(saves[round % 2]): \(result.stderr)")
            #expect(try filesUnder(site.output) == cold, "round \(round), byte \(at) of \(saves[round % 2])")
        }
    }

    /// An output reached through a link into `static/` is the same folder: never published
    /// into itself.
    @Test func anOutputReachedThroughALinkIsNotRepublished() throws {
        let site = try Fixture(files: ["blog.yaml": Self.config, "posts/a.md": Self.post, "static/robots.txt": "User-agent: *\n"])
        try FileManager.default.createDirectory(atPath: site.root + "/static/mirror", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/linkout", withDestinationPath: site.root + "/static/mirror")
        for _ in 0..<3 {
            let result = try BlogProcess.run(["build", "--source", site.root, "--output", site.root + "/linkout"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root + "/static/mirror/mirror"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/static/mirror/robots.txt"))
        // The default output, reached the other way: a link in static/ to it.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/static/copy", withDestinationPath: site.output)
        for _ in 0..<2 { #expect(try site.build().status == 0) }
        #expect(!site.exists("copy/copy"))
        #expect(!site.exists("copy/index.html"))
    }

    /// An SVG with a script is flagged (an error with `safe: true`); a 0×0 header gets no
    /// `width="0"`.
    @Test func scriptedSVGsAndZeroSizedImagesAreReported() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\"></svg>\n"
        var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x00, 0x00, 0x00, 0x03]
        jpeg += [UInt8](repeating: 0, count: 20)
        let body = "---\ntitle: A\ndate: 2019-01-01\n---\n![s](s.svg)\n\n![z](z.jpg)\n"
        let site = try Fixture(files: ["blog.yaml": Self.config, "posts/a.md": body, "posts/s.svg": svg, "posts/z.jpg": Data(jpeg)])
        let result = try site.build()
        #expect(result.status == 0)
        #expect(result.stderr.contains("posts/a.md:5: warning: image 'posts/s.svg' holds an onload= attribute"), "\(result.stderr)")
        #expect(result.stderr.contains("posts/a.md:7: warning: cannot read the size of image 'posts/z.jpg'"))
        #expect(!(try site.read("2019/01/a/index.html").contains("width=\"0\"")))
        try site.write(["blog.yaml": Self.config + "markdown: {safe: true}\n"])
        let safe = try site.build()
        #expect(safe.status == 1)
        #expect(safe.stderr.contains("posts/a.md:5: error: image 'posts/s.svg' holds an onload= attribute"))
    }

    /// A name that is not UTF-8 (an archive of another system's encoding unpacked here) can
    /// be neither published nor linked to: `build` and `import` name each such file once, its
    /// odd bytes as `\xNN`, rather than leaving it out without a word; one in the output,
    /// which the writer cannot remove, is named too.
    @Test func namesThatAreNotUTF8AreNamed() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config, "posts/a.md": Self.post, "posts/2019/trip/index.md": Self.post, "static/robots.txt": "x\n",
        ])
        let gbk: [UInt8] = [0xC4, 0xE3, 0xBA, 0xC3] + Array("图.png".utf8)  // "你好" in GBK, then UTF-8
        let folders = ["posts", "posts/2019/trip", "static"]
        for folder in folders { try createFile(named: Array((site.root + "/" + folder + "/").utf8) + gbk) }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        for folder in folders {
            let warning = "\(folder)/\\xC4\\xE3\\xBA\\xC3图.png: warning: this name is not UTF-8"
            #expect(result.stderr.components(separatedBy: warning).count == 2, "\(folder): \(result.stderr)")
        }
        #expect(!filePaths(under: site.output).contains { $0.hasSuffix(".png") })
        // One left in the output by something else: named, since it would be published.
        try createFile(named: Array((site.output + "/2019/").utf8) + gbk)
        let again = try site.build()
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("\(site.output)/2019/\\xC4\\xE3\\xBA\\xC3图.png: warning: this name is not UTF-8, so blog can neither publish nor remove it"), "\(again.stderr)")

        let old = try Fixture(files: ["hugo.toml": "title = \"Old\"\n", "content/posts/a.md": Self.post, "static/x.txt": "x\n"])
        try createFile(named: Array((old.root + "/static/").utf8) + gbk)
        let moved = try BlogProcess.run(["import", "hugo", old.root, ImportSafetyTests.NewSite().root], timeout: 60)
        #expect(moved.stdout.contains("static/\\xC4\\xE3\\xBA\\xC3图.png"), "\(moved.stdout)")
        #expect(moved.stdout.contains("a name that is not UTF-8"), "\(moved.stdout)")
    }

    private func createFile(named path: [UInt8]) throws {
        let fd = (path + [0]).withUnsafeBufferPointer { bytes -> Int32 in
            let name = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            return Glibc.open(name, O_CREAT | O_WRONLY, 0o644)
        }
        #expect(fd >= 0)
        close(fd)
    }

    /// As a user without the permission (the test drops root where it runs as root): an
    /// unreadable bundle or year folder is an error naming it, never "removed".
    @Test(.enabled(if: canDropPrivileges)) func anUnreadableFolderIsAnErrorNotARemoval() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config, "posts/a.md": Self.post, "posts/2025/trip/index.md": Self.post.replacingOccurrences(of: "title: A", with: "title: Trip"),
        ])
        try makeWritableByAnyone(site.root)
        #expect(try runAsNobody(["build", "--source", site.root]).status == 0)
        #expect(site.exists("2019/01/trip/index.html"))
        chmod(site.root + "/posts/2025/trip", 0)
        for command in ["build", "check"] {
            let result = try runAsNobody([command, "--source", site.root])
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("posts/2025/trip/: error: cannot read this folder (Permission denied)"), "\(result.stderr)")
            #expect(!result.stdout.contains("removed"))
        }
        #expect(site.exists("2019/01/trip/index.html"))
        chmod(site.root + "/posts/2025/trip", 0o777)
    }
}

/// Where tests run as root, permissions are tested as `nobody` through `setpriv`.
let canDropPrivileges = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

func runAsNobody(_ arguments: [String]) throws -> BlogProcess.Outcome {
    guard getuid() == 0 else { return try BlogProcess.run(arguments) }
    return try BlogProcess.run(
        ["--reuid=65534", "--regid=65534", "--clear-groups", BlogProcess.executable] + arguments, executable: "/usr/bin/setpriv")
}

func makeWritableByAnyone(_ folder: String) throws {
    chmod(folder, 0o777)
    for path in FileManager.default.subpaths(atPath: folder) ?? [] { chmod(folder + "/" + path, 0o777) }
}
