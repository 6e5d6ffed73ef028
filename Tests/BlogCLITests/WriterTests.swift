import Foundation
import TestSupport
import Testing

/// The output folder as rsync sees it: only changed files rewritten, stale ones removed,
/// unchanged ones keeping their modification times.
@Suite struct WriterTests {
    static let files: [String: String] = [
        "blog.yaml": "title: T\nbase_url: https://example.com/\n",
        "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n",
        "posts/b.md": "---\ntitle: B\ndate: 2017-01-01\n---\nWorld.\n",
    ]

    @Test func aSecondBuildWritesNothing() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        let before = try site.snapshot()
        Thread.sleep(forTimeInterval: 0.05)
        let result = try site.build()
        #expect(result.stdout.contains("Nothing changed"))
        let after = try site.snapshot()
        for (path, (_, date)) in before { #expect(after[path]?.1 == date, "\(path) was touched") }
    }

    @Test func aChangeInTheSiteOrTheOutputIsNoticed() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        try FileManager.default.removeItem(atPath: site.output + "/2016/01/a/index.html")
        let repaired = try site.build()
        #expect(repaired.stdout.contains("1 files written"), "\(repaired.stdout)")
        #expect(site.exists("2016/01/a/index.html"))
        try site.write(["posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nChanged.\n"])
        #expect(try site.build().stdout.contains("files written"))
        #expect(try site.read("2016/01/a/index.html").contains("Changed."))
        let same = try site.build()
        #expect(same.stdout.contains("Nothing changed"))
        #expect(same.stderr.isEmpty)
    }

    /// Most blogs live in a git repository: committing changes `.git`, not the site.
    @Test func hiddenFilesOfTheSiteChangeNothingButInStatic() throws {
        var files: [String: Any] = Self.files
        files["blog.yaml"] = "title: T\nbase_url: https://example.com/\ninclude: [.well-known]\n"
        files["static/.well-known/security.txt"] = "Contact: me\n"
        let site = try Fixture(files: files)
        _ = try site.build()
        try site.write([".git/HEAD": "ref: refs/heads/main\n", "posts/.notes.md": "scratch\n"])
        #expect(try site.build().stdout.contains("Nothing changed"))
        try site.write(["static/.well-known/security.txt": "Contact: you\n"])
        #expect(try site.build().stdout.contains("1 files written"))
        #expect(try site.read(".well-known/security.txt") == "Contact: you\n")
    }

    /// Themes the scan of the site folder does not see are stamped on their own.
    @Test(arguments: [true, false])
    func aThemeInAHiddenFolderOrBesideTheSiteIsAnInput(hidden: Bool) throws {
        let site = try Fixture(files: Self.files)
        let theme = hidden ? ".theme" : "../" + (site.root as NSString).lastPathComponent + "-theme"
        let folder = URL(fileURLWithPath: site.root + "/" + theme).standardizedFileURL.path
        defer { if !hidden { try? FileManager.default.removeItem(atPath: folder) } }
        func template(_ name: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/templates/\(name).mustache"))
        }
        try site.write(["blog.yaml": "title: T\nbase_url: https://example.com/\ntheme: \(theme)\n"])
        for name in ["base", "post", "home", "archives", "year", "tag", "tags", "category", "categories", "page", "404"] {
            try template(name, "\(name) v1")
        }
        #expect(try site.build().status == 0)
        #expect(try site.read("404.html") == "404 v1")
        try template("404", "404 v2")
        #expect(try site.build().stdout.contains("1 files written"))
        #expect(try site.read("404.html") == "404 v2")
    }

    @Test func warningsAreRepeatedWhenNothingChanged() throws {
        var files = Self.files
        files["blog.yaml"] = "title: T\nbase_url: https://example.com/\ncolour: red\n"
        let site = try Fixture(files: files)
        _ = try site.build()
        let again = try site.build()
        #expect(again.stdout.contains("Nothing changed"))
        #expect(again.stderr.contains("blog.yaml:3: warning: unknown key 'colour' is ignored"))
    }

    @Test func anEditRewritesWhatChangedAndRemovesWhatIsGone() throws {
        let site = try Fixture(files: Self.files)
        _ = try site.build()
        let before = try site.snapshot()
        try site.write(["posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello again.\n"])
        try FileManager.default.removeItem(atPath: site.root + "/posts/b.md")
        try Data("half".utf8).write(to: URL(fileURLWithPath: site.output + "/index.html.blog-tmp"))  // a killed build
        _ = try site.build()
        let after = try site.snapshot()
        #expect(try site.read("2016/01/a/index.html").contains("Hello again."))
        #expect(!site.exists("2017/01/b/index.html"))
        #expect(!site.exists("2017"))
        #expect(!site.exists("index.html.blog-tmp"))
        #expect(after["assets/style.css"]?.1 == before["assets/style.css"]?.1)
        #expect(after[".blog-output"] != nil)
    }

    @Test func anInstalledBinaryCarriesItsTheme() throws {
        let site = try Fixture(files: Self.files)
        let alone = FileManager.default.temporaryDirectory.appendingPathComponent("blog-alone-\(UUID())").path
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: alone) }
        try FileManager.default.copyItem(atPath: BlogProcess.executable, toPath: alone + "/blog")
        let result = try BlogProcess.run(["build"], executable: alone + "/blog", in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try site.read("2016/01/a/index.html").contains("<link rel=\"stylesheet\""))
        #expect(site.exists("assets/style.css"))
    }

    /// Copies are checked as rsync does by default: a copy whose source and output keep the
    /// size and time the manifest recorded is not read again; a change to either is copied.
    @Test func copiesAreCheckedBySizeAndTime() throws {
        var files: [String: Any] = Self.files
        files["posts/a.md"] = "---\ntitle: A\ndate: 2016-01-01\n---\n![x](x.png)\n"
        files["posts/x.png"] = Fixture.png(width: 2, height: 2)
        let site = try Fixture(files: files)
        #expect(try site.build().status == 0)
        let copy = site.output + "/2016/01/a/x.png"
        func bytes() -> Data? { FileManager.default.contents(atPath: copy) }
        #expect(bytes() == Fixture.png(width: 2, height: 2))

        // The source changes, same size: copied again.
        Thread.sleep(forTimeInterval: 0.02)
        try site.write(["posts/x.png": Fixture.png(width: 3, height: 3)])
        #expect(try site.build().status == 0)
        #expect(bytes() == Fixture.png(width: 3, height: 3))

        // The output is changed by someone else (its size or time differ): copied again.
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: copy))
        #expect(try site.build().status == 0)
        #expect(bytes() == Fixture.png(width: 3, height: 3))

        // Same size and time as recorded: trusted without reading, like rsync's quick check.
        var info = stat()
        #expect(stat(copy, &info) == 0)
        let garbage = Data(repeating: 0x2A, count: Int(info.st_size))
        try garbage.write(to: URL(fileURLWithPath: copy))
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, copy, &times, 0) == 0)
        try site.write(["posts/b.md": "---\ntitle: B\ndate: 2017-01-01\n---\nEdited.\n"])
        #expect(try site.build().status == 0)
        #expect(bytes() == garbage)
    }
}
