import Foundation
import TestSupport
import Testing

/// `blog build` keeps what it made for the next run (`.blog/saved-…`): after an edit it
/// reuses the rest, and what it writes is, byte for byte, what a cold build writes.
@Suite struct SavedBuildTests {
    nonisolated(unsafe) static let files: [String: Any] = [
        "blog.yaml": "title: T\nbase_url: https://example.com/\npaginate: 2\n",
        "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: [x]\n---\nHello ![c](c.png) [b](b.md).\n",
        "posts/2016/b.md": "---\ntitle: B\ndate: 2016-02-01\ntags: [x, y]\n---\nWorld `a\nb` and\nthe [chart](/2017/04/d/chart.png).\n",
        "posts/2017/c.md": "---\ntitle: C\ndate: 2017-03-01\nyear_summary: 2016\n---\nMore [a](../2016/a.md).\n",
        "posts/2017/d.md": "---\ntitle: D\ndate: 2017-04-01\n---\nThe chart: ![chart](../../images/chart.png)\n",
        "posts/2016/c.png": Fixture.png(width: 10, height: 20),
        "images/chart.png": Fixture.png(width: 30, height: 40),
        "pages/about.md": "---\ntitle: About\n---\nMe.\n",
    ]

    /// Every file of a folder with its bytes.
    func files(_ folder: String) throws -> [String: Data] { try filesUnder(folder) }

    /// Builds `site` into its output, applies `edit`, builds again; returns that build, and
    /// a cold build of the same files into a folder of its own.
    func buildEditBuild(_ site: Fixture, edit: () throws -> Void) throws -> (again: BlogProcess.Outcome, cold: BlogProcess.Outcome, coldFolder: String) {
        let first = try site.build()
        #expect(first.status == 0, "\(first.stderr)")
        try edit()
        let again = try site.build(["--verbose"])
        let coldFolder = site.root + "-cold"
        try? FileManager.default.removeItem(atPath: coldFolder)
        let cold = try site.build(["--output", coldFolder])
        return (again, cold, coldFolder)
    }

    @Test(arguments: [
        ("posts/2016/b.md", Data("---\ntitle: B\ndate: 2016-02-01\ntags: [x, y]\n---\nOnly the text changed `a\nb` and\nthe [chart](/2017/04/d/chart.png).\n".utf8)),
        // Its neighbours' pages name it: they are made again from posts the last build kept.
        ("posts/2016/b.md", Data("---\ntitle: B renamed\ndate: 2016-02-01\ntags: [x, y]\n---\nWorld `a\nb` and\nthe [chart](/2017/04/d/chart.png).\n".utf8)),
        ("posts/2016/b.md", Data("---\ntitle: B\ndate: 2018-02-01\ntags: [z]\n---\nMoved to 2018.\n".utf8)),
        ("posts/2016/c.png", Fixture.png(width: 11, height: 21)),
        ("blog.yaml", Data("title: Renamed\nbase_url: https://example.com/\npaginate: 1\n".utf8)),
        ("pages/about.md", Data("---\ntitle: About me\n---\nStill me.\n".utf8)),
        ("posts/2017/e.md", Data("---\ntitle: E\ndate: 2017-05-01\n---\nNew.\n".utf8)),
    ])
    func anEditGivesWhatAColdBuildGives(path: String, content: Data) throws {
        let site = try Fixture(files: Self.files)
        let (again, cold, coldFolder) = try buildEditBuild(site) { try site.write([path: content]) }
        defer { try? FileManager.default.removeItem(atPath: coldFolder) }
        #expect(again.status == 0, "\(again.stderr)")
        #expect(cold.status == 0, "\(cold.stderr)")
        let built = try files(site.output)
        #expect(built.count > 10)
        #expect(built == (try files(coldFolder)))
    }

    @Test func aTextEditReusesTheOtherPostsAndPages() throws {
        let site = try Fixture(files: Self.files)
        let (again, _, coldFolder) = try buildEditBuild(site) {
            try site.write(["posts/2017/c.md": "---\ntitle: C\ndate: 2017-03-01\nyear_summary: 2016\n---\nMore [a](../2016/a.md), again.\n"])
        }
        defer { try? FileManager.default.removeItem(atPath: coldFolder) }
        #expect(again.stdout.contains("from the last build: 4 of 5 posts and pages as resolved"), "\(again.stdout)")
        // Pages that do not show C's text are left as they were written.
        let kept = again.stdout.firstMatch(of: /(\d+) pages as written/).map { Int($0.1)! } ?? 0
        #expect(kept >= 5, "\(again.stdout)")
        #expect(try site.read("2017/03/c/index.html").contains("again"))
    }

    @Test func aPageChangedInTheOutputIsMadeAgain() throws {
        let site = try Fixture(files: Self.files)
        let (again, _, coldFolder) = try buildEditBuild(site) {
            try Data("spoiled".utf8).write(to: URL(fileURLWithPath: site.output + "/2016/01/a/index.html"))
            try FileManager.default.removeItem(atPath: site.output + "/about/index.html")
        }
        defer { try? FileManager.default.removeItem(atPath: coldFolder) }
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try files(site.output) == (try files(coldFolder)))
    }

    /// B links to the copy of an image only D uses; D stops using it. B did not change,
    /// and the last build kept it without its text: its error still has its true line (which
    /// takes its Markdown: cmark counts no line break inside a code span).
    @Test func aLinkThatDiesInAnUnchangedPostIsReportedAtItsLine() throws {
        let site = try Fixture(files: Self.files)
        let (again, cold, coldFolder) = try buildEditBuild(site) {
            try site.write(["posts/2017/d.md": "---\ntitle: D\ndate: 2017-04-01\n---\nNo chart now.\n"])
        }
        defer { try? FileManager.default.removeItem(atPath: coldFolder) }
        #expect(again.status == 1)
        #expect(again.stderr.contains("posts/2016/b.md:8: error: link '/2017/04/d/chart.png' leads to no page or file of the site"), "\(again.stderr)")
        let errors = { (text: String) in text.split(separator: "\n").filter { $0.contains(": error: ") } }
        #expect(errors(again.stderr) == errors(cold.stderr))
    }

    @Test func aDamagedSaveIsIgnored() throws {
        let site = try Fixture(files: Self.files)
        let (again, _, coldFolder) = try buildEditBuild(site) {
            let state = site.root + "/.blog"
            let saved = try #require(try FileManager.default.contentsOfDirectory(atPath: state).first { $0.hasPrefix("saved-") })
            let data = try Data(contentsOf: URL(fileURLWithPath: state + "/" + saved))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: state + "/" + saved))
            try site.write(["posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: [x]\n---\nHello again ![c](c.png) [b](b.md).\n"])
        }
        defer { try? FileManager.default.removeItem(atPath: coldFolder) }
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("from the last build: 0 of 5"), "\(again.stdout)")
        #expect(try files(site.output) == (try files(coldFolder)))
    }
}
