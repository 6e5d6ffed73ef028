import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogPipeline
@testable import BlogIncremental

/// The saved build (`SavedBuild`, `SavedForms.swift`) gives back every value it holds: each
/// post of the example site as loaded (its text as a digest) and as resolved (without its
/// HTML), the site's problems and theme, the pages' keys.
@Suite struct SavedFormTests {
    static let exampleSite = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("site").path

    @Test func everyPostOfTheExampleSiteComesBackAsSaved() throws {
        let copy = try Fixture(files: [:])
        let site = copy.root + "/site"
        try FileManager.default.copyItem(atPath: Self.exampleSite, toPath: site)
        let cache = BuildCache()
        var options = BuildOptions(source: site, now: Date(timeIntervalSince1970: 1_900_000_000))
        options.cache = cache
        let built = SiteBuilder.build(options)
        #expect(built.succeeded, "\(built.diagnostics)")
        let loaded = try #require(cache.source)
        #expect(loaded.posts.count >= 10)

        try SavedBuild.write(cache, build: 42, source: site, output: site + "/public")
        let restored = try SavedBuild.read(build: 42, source: site, output: site + "/public", config: loaded.config) { _ in true }.get()
        let back = try #require(restored.source)

        // Posts as loaded: every field, the text as the digest of the text.
        #expect(back.posts.count == loaded.posts.count)
        let before = Dictionary(uniqueKeysWithValues: loaded.posts.map { ($0.sourcePath, $0) })
        for post in back.posts {
            var expected = try #require(before[post.sourcePath])
            #expect(post.body == .onDisk(digest: expected.body.digest), "\(post.sourcePath)")
            expected.body = post.body
            #expect(post == expected, "\(post.sourcePath)")
        }
        #expect(back.staticFiles == loaded.staticFiles)
        #expect(back.bundleAssets == loaded.bundleAssets)
        #expect(back.problems.map(\.description) == loaded.problems.map(\.description))
        #expect(back.theme?.templates == loaded.theme?.templates)
        #expect(back.theme?.assets == loaded.theme?.assets)

        // Posts as resolved: everything but the HTML of their pages.
        #expect(restored.resolvedPosts.count == cache.resolvedPosts.count)
        for (path, entry) in cache.resolvedPosts {
            let again = try #require(restored.resolvedPosts[path]).result
            let was = entry.result
            #expect(again.title == was.title && again.path == was.path && again.excerpt == was.excerpt, "\(path)")
            #expect(again.hasMore == was.hasMore && again.summary == was.summary && again.words == was.words, "\(path)")
            #expect("\(again.toc)" == "\(was.toc)" && "\(again.assets)" == "\(was.assets)", "\(path)")
            #expect(again.linkedSources == was.linkedSources && "\(again.fragmentLinks)" == "\(was.fragmentLinks)", "\(path)")
            #expect(again.links == was.links && again.feedContent == was.feedContent && again.digest == was.digest, "\(path)")
            #expect(restored.resolvedPosts[path]?.problems.map(\.description) == entry.problems.map(\.description))
        }
        #expect(Set(restored.pages.keys) == Set(cache.pages.keys))
        for (path, page) in cache.pages { #expect(restored.pages[path]?.key == page.key, "\(path)") }
    }

    /// One byte changed anywhere: the save is refused as damaged, never read as other values.
    @Test func aChangedByteIsRefused() throws {
        let site = try Fixture(files: ["blog.yaml": "title: T\n", "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nText.\n"])
        let cache = BuildCache()
        var options = BuildOptions(source: site.root, now: Date(timeIntervalSince1970: 1_900_000_000))
        options.cache = cache
        #expect(SiteBuilder.build(options).succeeded)
        try SavedBuild.write(cache, build: 7, source: site.root, output: site.root + "/public")
        let path = SavedBuild.path(source: site.root, output: site.root + "/public")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for at in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 50)) {
            var damaged = bytes
            damaged[at] ^= 0x41
            try damaged.write(to: URL(fileURLWithPath: path))
            let read = SavedBuild.read(build: 7, source: site.root, output: site.root + "/public", config: Config()) { _ in true }
            guard case .failure(.damaged) = read else {
                Issue.record("byte \(at) of \(bytes.count) changed, and the save was not refused as damaged")
                continue
            }
        }
    }

    /// Every field of a post, set to a value no default has, comes back from the saved form;
    /// the count of fields is checked too, so a field added to `SourcePost` or `ResolvedPost`
    /// fails here until the saved form (and this test) carry it.
    @Test func everyFieldOfAPostIsSaved() throws {
        let date = PostDate(secondsSince1970: 1_480_000_000, offsetSeconds: 28_800)
        let post = SourcePost(
            kind: .page, sourcePath: "pages/x/index.md", folder: "pages/x", isBundle: true, title: "标题",
            date: date, updated: PostDate(secondsSince1970: 1_490_000_000, offsetSeconds: -3_600), tags: ["a", "b"],
            categories: ["c"], slug: "x", draft: true, summary: "sum", image: "cover.png", aliases: ["/old/"], yearSummary: 2016,
            body: .text("Body\n"), bodyLineOffset: 7, keyLines: ["title": 2, "date": 3], loadFailed: true)
        #expect(Mirror(reflecting: post).children.count == 19, "a field was added to SourcePost: save it in SavedForms.swift, then count it here")
        let resolved = ResolvedPost(
            source: post, title: "T", path: "x/", content: "<p>not saved</p>", excerpt: "<p>e</p>", hasMore: true,
            summary: "s", toc: [TOCEntry(level: 2, id: "i", title: "t")], words: 42,
            assets: [Asset(sourcePath: "pages/x/a.png", outputPath: "x/a.png")], linkedSources: ["posts/y.md"],
            fragmentLinks: [FragmentLink(target: "posts/y.md", fragment: "f", line: 9)],
            links: [BodyLink(url: "/u/", written: "u.md", isImage: true, lookedIn: "pages/x/", check: true, estimate: 3, blockEnd: 4)],
            feedContent: "<p>feed</p>", image: LeadImage(path: "x/a.png", isExternal: false, size: ImageSize(width: 640, height: 480)),
            digest: 99)
        #expect(Mirror(reflecting: resolved).children.count == 16, "a field was added to ResolvedPost: save it in SavedForms.swift, then count it here")

        var writer = ByteWriter()
        writer.add(post)
        writer.add(resolved)
        let (backPost, backResolved) = writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            let source = reader.sourcePost()
            return (source, reader.resolvedPost(source: source))
        }
        var expected = post
        expected.body = .onDisk(digest: post.body.digest)
        #expect(backPost == expected)
        #expect(backResolved.title == "T" && backResolved.path == "x/" && backResolved.content.isEmpty)
        #expect(backResolved.excerpt == "<p>e</p>" && backResolved.hasMore && backResolved.summary == "s" && backResolved.words == 42)
        #expect("\(backResolved.toc)" == "\(resolved.toc)" && "\(backResolved.assets)" == "\(resolved.assets)")
        #expect(backResolved.linkedSources == ["posts/y.md"] && "\(backResolved.fragmentLinks)" == "\(resolved.fragmentLinks)")
        #expect(backResolved.links == resolved.links && backResolved.feedContent == "<p>feed</p>" && backResolved.digest == 99)
        #expect(backResolved.image == resolved.image)
    }
}
