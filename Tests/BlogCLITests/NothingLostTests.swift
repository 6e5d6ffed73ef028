import Foundation
import TestSupport
import Testing

/// Nothing of the writer's is lost and nothing private leaks into the folder people publish;
/// through the real binary.
@Suite struct NothingLostTests {
    static let config = "title: T\nbase_url: https://example.com/\n"

    @Test func theOutputHoldsTheSiteAndNothingElse() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config,
            "posts/2016-01-01-a.md": "---\ntitle: A\n---\nHello.\n",
            "posts/2017/2017-06-01-unfinished.md": "---\ntitle: Secret plans\ndraft: true\n---\nNot yet.\n",
        ])
        // An earlier version kept its record in the output, where rsync published it.
        try FileManager.default.createDirectory(atPath: site.output, withIntermediateDirectories: true)
        try Data("blog-output\n".utf8).write(to: URL(fileURLWithPath: site.output + "/.blog-output"))
        try Data("in\t1\t1\tposts/2017/2017-06-01-unfinished.md\n".utf8).write(to: URL(fileURLWithPath: site.output + "/.blog-manifest.json"))
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let published = try site.snapshot()
        #expect(published[".blog-manifest.json"] == nil)
        for (path, (data, _)) in published {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("unfinished") && !text.contains("Secret plans"), "\(path) names the draft")
        }
        // The tool's own record lives in the site's hidden state folder.
        let records = try FileManager.default.contentsOfDirectory(atPath: site.root + "/.blog").filter { $0.hasPrefix("manifest-") }
        #expect(records.count == 1)
        let record = try String(contentsOfFile: site.root + "/.blog/" + records[0], encoding: .utf8)
        #expect(record.contains("posts/2017/2017-06-01-unfinished.md"))
        #expect(try site.build().stdout.contains("Nothing changed"))
        // A build into another folder keeps a record of its own: neither undoes the other's.
        let elsewhere = site.root + "-elsewhere"
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        #expect(try site.build(["--output", elsewhere]).status == 0)
        #expect(try site.build().stdout.contains("Nothing changed"))
    }

    /// A site folder where the state cannot be kept (read-only, or `.blog` taken by a file)
    /// still builds; only the record of builds is missing.
    @Test func aSiteThatCannotKeepItsStateStillBuilds() throws {
        let site = try Fixture(files: ["blog.yaml": Self.config, "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n", ".blog": "a file\n"])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("/.blog: warning: cannot keep the build's record there"), "\(result.stderr)")
        #expect(site.exists("2016/01/a/index.html"))
        #expect(try site.build().stdout.contains("files written"))  // no record: not "Nothing changed"
    }

    @Test func initKeepsTheStateFolderOutOfGit() throws {
        let parent = try Fixture(files: [:])
        #expect(try BlogProcess.run(["init", "b"], in: parent.root).status == 0)
        #expect(try String(contentsOfFile: parent.root + "/b/.gitignore", encoding: .utf8) == "/.blog/\n")
    }

    @Test func aNULByteBecomesTheReplacementCharacterWithAWarning() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config,
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nBefore\u{0}after.\n\nThe rest of the post, \u{0}\u{0} all of it.\n",
        ])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("posts/a.md:5: warning: 3 NUL bytes (U+0000) replaced with U+FFFD, as CommonMark says; also on line 7"), "\(result.stderr)")
        let page = try site.read("2016/01/a/index.html")
        #expect(page.contains("Before\u{FFFD}after."))
        #expect(page.contains("The rest of the post, \u{FFFD}\u{FFFD} all of it."))
    }

    @Test func controlCharactersAreRemovedWithAWarning() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config,
            "posts/a.md": "---\ntitle: \"Back\u{8}space\"\ndate: 2016-01-01\n---\nA pasted\u{8}\u{8} terminal.\n\nIt\u{92}s mojibake, and a\ttab\u{7F} kept.\n",
        ])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("posts/a.md:2: warning: 5 control characters (U+0008, U+007F, U+0092) removed: invisible in a page, and not allowed in the feed's XML; also on lines 5, 7"), "\(result.stderr)")
        let page = try site.read("2016/01/a/index.html")
        #expect(page.contains("<title>Backspace") && page.contains("A pasted terminal.") && page.contains("Its mojibake, and a\ttab kept."))
        let feed = try site.read("feed.xml")
        #expect(!feed.unicodeScalars.contains { $0.value == 8 || $0.value == 0x92 || $0.value == 0x7F })
    }

    @Test(arguments: ["missing", "file"])
    func aSiteWithoutItsPostsFolderDoesNotBuild(kind: String) throws {
        let site = try Fixture(files: ["blog.yaml": Self.config, "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n"])
        #expect(try site.build().status == 0)
        let before = try site.snapshot()
        try FileManager.default.removeItem(atPath: site.root + "/posts")
        if kind == "file" { try site.write(["posts": "not a folder\n"]) }
        let result = try site.build()
        #expect(result.status == 1)
        let expected = kind == "file" ? "posts: error: is a file; posts go in a folder named posts/" : "posts/: error: no posts folder in"
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(try site.snapshot().keys.sorted() == before.keys.sorted())
        let check = try BlogProcess.run(["check", "--source", site.root])
        #expect(check.status == 1)
        #expect(check.stderr.contains(expected))
    }

    /// One rule for posts, pages, images and static files: a link inside the site is
    /// followed, one that leads out of it is refused.
    @Test func aPostLinkedFromOutsideTheSiteIsRefusedLikeAnImage() throws {
        let outside = try Fixture(files: ["secret.md": "---\ntitle: Diary\ndate: 2016-01-01\n---\nPrivate.\n", "photo.png": Fixture.png(width: 1, height: 1)])
        let site = try Fixture(files: [
            "blog.yaml": Self.config,
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n",
            "notes/inside.md": "---\ntitle: Inside\ndate: 2016-02-01\n---\nShared.\n",
        ])
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.root + "/posts/diary.md", withDestinationPath: outside.root + "/secret.md")
        try fm.createSymbolicLink(atPath: site.root + "/posts/photo.png", withDestinationPath: outside.root + "/photo.png")
        try fm.createSymbolicLink(atPath: site.root + "/posts/inside.md", withDestinationPath: site.root + "/notes/inside.md")
        try site.write(["posts/b.md": "---\ntitle: B\ndate: 2016-03-01\n---\n![p](photo.png)\n"])
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("posts/diary.md: error: is a symbolic link to a file outside the site folder; it is not published"), "\(result.stderr)")
        #expect(result.stderr.contains("posts/b.md:5: error: 'photo.png' leads outside the site folder through a symbolic link"), "\(result.stderr)")
        try fm.removeItem(atPath: site.root + "/posts/diary.md")
        try site.write(["posts/b.md": "---\ntitle: B\ndate: 2016-03-01\n---\nNo photo.\n"])
        let fixed = try site.build()
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try site.read("2016/02/inside/index.html").contains("Shared."))
    }
}
