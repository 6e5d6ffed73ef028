import Foundation
import TestSupport
import Testing

/// Posts the save restores without their text (`PostBody.onDisk`): read again only when a
/// page shows their content, checked against what the last build read, and kept with their
/// warnings.
@Suite struct HollowPostTests {
    static let files: [String: String] = [
        "blog.yaml": "title: T\nbase_url: https://example.com/\n",
        "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: [x]\n---\nFirst text, twenty-two.\n",
        "posts/b.md": "---\ntitle: B\ndate: 2016-02-01\ntags: [x]\n---\nSecond post.\n",
        "posts/c.md": "---\ntitle: C\ndate: 2016-03-01\ntags: [x]\n---\nA note[^1] without its definition.\n",
    ]

    /// A post edited so that its size and time stay as they were (`touch -r`, a tool that
    /// keeps times): when its page must be made again, the text no longer matches the save's
    /// digest, and the build starts again cold instead of publishing the old text.
    @Test func aFileChangedBehindItsStampMeansAColdBuild() throws {
        let site = try Fixture(files: Self.files)
        #expect(try site.build().status == 0)
        let path = site.root + "/posts/a.md"
        var before = stat()
        #expect(stat(path, &before) == 0)
        try site.write(["posts/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: [x]\n---\nFirst TEXT, twenty-two.\n"])
        let times = [before.st_atim, before.st_mtim]  // to the nanosecond, as `touch -r` does
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        // B's new title is shown on A's page (its neighbour): A's page is made again.
        try site.write(["posts/b.md": "---\ntitle: B renamed\ndate: 2016-02-01\ntags: [x]\n---\nSecond post.\n"])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: posts/a.md changed since the last build although its size and time did not; built everything"), "\(result.stderr)")
        #expect(try site.read("2016/01/a/index.html").contains("First TEXT"))
        let cold = try Fixture(files: [:])
        #expect(try BlogProcess.run(["build", "--source", site.root, "--output", cold.root + "/out"]).status == 0)
        #expect(try filesUnder(site.output) == filesUnder(cold.root + "/out"))
    }

    /// A post with a warning is kept with it: an edit elsewhere reuses it and tells the
    /// warning again.
    @Test func aPostWithWarningsIsReusedAndItsWarningsToldAgain() throws {
        let site = try Fixture(files: Self.files)
        let first = try site.build()
        let warning = "posts/c.md:6: warning: footnote [^1] has no definition"
        #expect(first.stderr.contains(warning), "\(first.stderr)")
        try site.write(["posts/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: [x]\n---\nFirst text, edited.\n"])
        let again = try site.build(["--verbose"])
        #expect(again.status == 0)
        #expect(again.stderr.contains(warning), "\(again.stderr)")
        #expect(again.stdout.contains("from the last build: 2 of 3 posts and pages as resolved"), "\(again.stdout)")
    }
}
