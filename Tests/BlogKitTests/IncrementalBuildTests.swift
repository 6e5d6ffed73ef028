import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// A rebuild that reuses the cache of the builds before it makes the same site, byte for
/// byte, as a cold build of the same files.
@Suite struct IncrementalBuildTests {
    nonisolated(unsafe) static let files: [String: Any] = [
        "blog.yaml": "title: T\nbase_url: https://example.com/\npaginate: 2\n",
        "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: [x]\n---\nHello ![c](c.png) [b](b.md).\n",
        "posts/2016/b.md": "---\ntitle: B\ndate: 2016-02-01\ntags: [x, y]\n---\nWorld.\n",
        "posts/2017/c.md": "---\ntitle: C\ndate: 2017-03-01\nyear_summary: 2016\n---\nMore [a](../2016/a.md).\n",
        "posts/2016/c.png": Fixture.png(width: 10, height: 20),
        "pages/about.md": "---\ntitle: About\n---\nMe.\n",
    ]

    func snapshot(_ result: BuildResult) -> [String: String] {
        var files: [String: String] = [:]
        for file in result.files {
            switch file.content {
            case .data(let data): files[file.path] = String(decoding: data, as: UTF8.self)
            case .copy(let path), .link(let path): files[file.path] = "copy of " + path
            case .kept: files[file.path] = "kept from the output"
            }
        }
        return files
    }

    func options(_ site: Fixture, cache: BuildCache? = nil, changed: [String]? = nil) -> BuildOptions {
        var options = BuildOptions(source: site.root, now: Date(timeIntervalSince1970: 1_900_000_000))
        options.cache = cache
        options.changedPaths = changed.map { Set($0.map { site.root + "/" + $0 }) }
        return options
    }

    @Test(arguments: [
        ("posts/2016/a.md", "---\ntitle: A again\ndate: 2016-01-01\ntags: [x]\n---\nHello ![c](c.png) [b](b.md), edited.\n"),
        ("posts/2016/b.md", "---\ntitle: B\ndate: 2016-02-01\ntags: [x, y]\n---\nOnly the text changed.\n"),
        ("posts/2016/b.md", "---\ntitle: B\ndate: 2018-02-01\ntags: [z]\n---\nMoved to 2018.\n"),
        ("posts/2016/b.md", "---\ntitle: B\ndate: 2016-02-01\ntags: [x, y]\nslug: renamed\n---\nNew URL.\n"),
        ("posts/2016/c.png", "not a png any more"),
        ("blog.yaml", "title: Renamed\nbase_url: https://example.com/\npaginate: 1\n"),
        ("blog.yaml", "title: T\nbase_url: https://example.com/moved/\npaginate: 2\n"),
        ("pages/about.md", "---\ntitle: About me\n---\nStill me.\n"),
    ])
    func editsGiveWhatAColdBuildGives(path: String, content: String) throws {
        let site = try Fixture(files: Self.files)
        let cache = BuildCache()
        let first = SiteBuilder.build(options(site, cache: cache))
        #expect(first.succeeded, "\(first.diagnostics)")
        try SiteWriter(output: site.root + "/public").write(first.files)

        try site.write([path: content])
        let cold = SiteBuilder.build(options(site))
        // The quick answer to a save (the post's own page) is the page a cold build makes.
        if let quick = SiteBuilder.editedPages(options(site, cache: cache, changed: [path])) {
            #expect(!quick.files.isEmpty)
            for (page, text) in snapshot(quick) { #expect(snapshot(cold)[page] == text, "\(page)") }
        }
        let incremental = SiteBuilder.build(options(site, cache: cache, changed: [path]))
        #expect(incremental.diagnostics == cold.diagnostics)
        #expect(snapshot(incremental) == snapshot(cold))
        #expect(!snapshot(incremental).isEmpty || !cold.succeeded)
    }

    @Test func aTextEditGetsTheQuickAnswerAMoveDoesNot() throws {
        let site = try Fixture(files: Self.files)
        let cache = BuildCache()
        _ = SiteBuilder.build(options(site, cache: cache))
        try site.write(["posts/2016/b.md": "---\ntitle: B\ndate: 2016-02-01\ntags: [x, y]\n---\nNew words.\n"])
        let quick = SiteBuilder.editedPages(options(site, cache: cache, changed: ["posts/2016/b.md"]))
        #expect(quick?.files.map(\.path) == ["2016/02/b/index.html"])
        try site.write(["posts/2016/b.md": "---\ntitle: B\ndate: 2016-03-01\ntags: [x, y]\n---\nMoved.\n"])
        #expect(SiteBuilder.editedPages(options(site, cache: cache, changed: ["posts/2016/b.md"])) == nil)
    }

    @Test func removingAPostRemovesItsPages() throws {
        let site = try Fixture(files: Self.files)
        let cache = BuildCache()
        let output = site.root + "/public"
        let written = try SiteWriter(output: output).write(SiteBuilder.build(options(site, cache: cache)).files).keys
        #expect(FileManager.default.fileExists(atPath: output + "/2016/02/b/index.html"))
        try FileManager.default.removeItem(atPath: site.root + "/posts/2016/b.md")
        try site.write(["posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: [x]\n---\nHello ![c](c.png).\n"])
        let incremental = SiteBuilder.build(options(site, cache: cache, changed: ["posts/2016/b.md", "posts/2016/a.md"]))
        #expect(snapshot(incremental) == snapshot(SiteBuilder.build(options(site))))
        let report = try SiteWriter(output: output).write(incremental.files, since: written)
        #expect(report.removed > 0)
        #expect(!FileManager.default.fileExists(atPath: output + "/2016/02/b/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/2016/02"))
    }

    @Test func copiedFilesFollowTheirSources() throws {
        let site = try Fixture(files: Self.files.merging(["static/logo.png": "one", "static/docs": "a file"]) { $1 })
        let cache = BuildCache()
        let output = site.root + "/public"
        let writer = SiteWriter(output: output)
        var written: [String: UInt64]?
        func rebuild(_ changed: [String]) throws {
            let result = SiteBuilder.build(options(site, cache: cache, changed: changed))
            #expect(result.succeeded, "\(result.diagnostics)")
            written = try writer.write(result.files, since: written).keys
        }
        try rebuild([])
        // Replaced while the change went unseen (a failed build, say): size and time tell.
        try site.write(["static/logo.png": "the second logo"])
        try rebuild([])
        #expect(try String(contentsOfFile: output + "/logo.png", encoding: .utf8) == "the second logo")
        try site.write(["static/x.png": "new"])
        try rebuild(["static/x.png"])
        #expect(FileManager.default.fileExists(atPath: output + "/x.png"))
        try FileManager.default.removeItem(atPath: site.root + "/static/x.png")
        try rebuild(["static/x.png"])
        #expect(!FileManager.default.fileExists(atPath: output + "/x.png"))
        // A file that becomes a folder.
        try FileManager.default.removeItem(atPath: site.root + "/static/docs")
        try site.write(["static/docs/a.txt": "inside"])
        try rebuild(["static/docs"])
        #expect(try String(contentsOfFile: output + "/docs/a.txt", encoding: .utf8) == "inside")
    }

    @Test func anUnchangedRebuildWritesNothing() throws {
        let site = try Fixture(files: Self.files)
        let cache = BuildCache()
        let writer = SiteWriter(output: site.root + "/public")
        let written = try writer.write(SiteBuilder.build(options(site, cache: cache)).files).keys
        try site.write(["posts/2016/b.md": "---\ntitle: B\ndate: 2016-02-01\ntags: [x, y]\n---\nWorld.\n"])  // same text
        let report = try writer.write(SiteBuilder.build(options(site, cache: cache, changed: ["posts/2016/b.md"])).files, since: written)
        #expect(report.written == 0)
    }
}
