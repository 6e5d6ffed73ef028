import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogPipeline
@testable import BlogIncremental

/// `blog serve`'s rebuilds, in process: one cache kept across a seeded walk of edits, each
/// answered as serve answers a save — the edited post's page first (`editedPages`), then
/// the whole site with the changed paths — and each result compared, page by page, with a
/// cold build of the same files. (`RandomEditTests` walks `blog build` through the binary.)
@Suite struct ServeRandomEditTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["BLOG_SERVE_EDIT_SEED"].flatMap { UInt64($0) } ?? 0x5e7e_0020

    static func post(_ n: Int, title: String? = nil, year: Int = 2016, tags: String = "[x]", draft: Bool = false, text: String = "Text") -> String {
        "---\ntitle: \(title ?? "Post \(n)")\ndate: \(year)-0\(1 + n % 9)-1\(n % 10)\ntags: \(tags)\n\(draft ? "draft: true\n" : "")---\n"
            + "\(text) of \(n), see [the first](/posts/p1.md) and ![i](i\(n % 3).png).\n"
    }

    /// What `BuildResult.files` holds, by path: bytes, or what a copy copies.
    static func contents(_ result: BuildResult) -> [String: String] {
        var files: [String: String] = [:]
        for file in result.files {
            switch file.content {
            case .data(let data): files[file.path] = String(decoding: data, as: UTF8.self)
            case .copy(let source), .link(let source): files[file.path] = (try? String(decoding: Data(contentsOf: URL(fileURLWithPath: source)), as: UTF8.self)) ?? "?"
            case .kept: files[file.path] = nil
            }
        }
        return files
    }

    @Test func everyRebuildAfterAnEditIsAColdBuild() throws {
        var files: [String: Any] = ["blog.yaml": "title: T\nbase_url: https://example.com/\npaginate: 3\n", "static/robots.txt": "User-agent: *\n"]
        for n in 1...8 { files["posts/p\(n).md"] = Self.post(n) }
        for n in 0..<3 { files["posts/i\(n).png"] = Fixture.png(width: UInt32(10 + n), height: 10) }
        let site = try Fixture(files: files)
        var walk = SplitMix64(state: Self.seed)
        let cache = BuildCache()
        var options = BuildOptions(source: site.root, now: Date(timeIntervalSince1970: 1_900_000_000))
        options.cache = cache
        let first = SiteBuilder.build(options)
        #expect(first.succeeded, "\(first.diagnostics)")
        var present = Set((1...8).map { "posts/p\($0).md" })
        var kinds: [String: Int] = [:]
        for step in 0..<48 {
            let n = 1 + walk.below(8)
            let path = "posts/p\(n).md"
            var changed: Set<String> = [path]
            let kind = ["text", "title", "date", "tags", "draft", "delete", "add", "image", "static", "settings", "theme", "rename"][walk.below(12)]
            kinds[kind, default: 0] += 1
            switch kind {
            case "text": try site.write([path: Self.post(n, text: "Edited \(step)")])
            case "title": try site.write([path: Self.post(n, title: "Title \(step)")])
            case "date": try site.write([path: Self.post(n, year: 2015 + walk.below(4))])
            case "tags": try site.write([path: Self.post(n, tags: ["[x]", "[y, z]", "[]"][walk.below(3)])])
            case "draft": try site.write([path: Self.post(n, draft: walk.below(2) == 0)])
            case "delete", "rename":
                try? FileManager.default.removeItem(atPath: site.root + "/" + path)
                present.remove(path)
                if kind == "rename" {
                    let moved = "posts/moved\(step).md"
                    try site.write([moved: Self.post(n + 20)])
                    changed.insert(moved)
                    present.insert(moved)
                }
            case "add":
                let added = "posts/new\(step).md"
                try site.write([added: Self.post(step + 30)])
                changed = [added]
                present.insert(added)
            case "image":
                try site.write(["posts/i\(n % 3).png": Fixture.png(width: UInt32(20 + step), height: 12)])
                changed = ["posts/i\(n % 3).png"]
            case "static":
                try site.write(["static/robots.txt": "User-agent: *\nDisallow: /\(step)/\n"])
                changed = ["static/robots.txt"]
            case "settings":
                try site.write(["blog.yaml": "title: T\(step)\nbase_url: https://example.com/\npaginate: \(2 + walk.below(3))\n"])
                changed = ["blog.yaml"]
            default:  // theme: a template of the site's own over the built-in one, or none
                let override = "templates/404.mustache"
                if walk.below(2) == 0 {
                    try site.write([override: "{{<base}}\n{{$content}}\n<p>Lost \(step).</p>\n{{/content}}\n{{/base}}\n"])
                } else {
                    try? FileManager.default.removeItem(atPath: site.root + "/" + override)
                }
                changed = [override]
            }
            if !present.contains("posts/p1.md") {  // the link every post makes needs its target
                try site.write(["posts/p1.md": Self.post(1)])
                present.insert("posts/p1.md")
                changed.insert("posts/p1.md")
            }
            options.changedPaths = Set(changed.map { site.root + "/" + $0 })
            // As serve answers a save: the edited page first, then the whole site.
            if let quick = SiteBuilder.editedPages(options) {
                let cold = Self.contents(SiteBuilder.build(BuildOptions(source: site.root, now: options.now)))
                for (page, html) in Self.contents(quick) {
                    #expect(cold[page] == html, "seed \(Self.seed), step \(step) (\(kind) of \(path)): the quick answer's \(page) differs")
                }
            }
            let again = SiteBuilder.build(options)
            let cold = SiteBuilder.build(BuildOptions(source: site.root, now: options.now))
            #expect(again.succeeded == cold.succeeded, "seed \(Self.seed), step \(step): \(again.diagnostics) vs \(cold.diagnostics)")
            let (incremental, whole) = (Self.contents(again), Self.contents(cold))
            let differing = Set(incremental.keys).union(whole.keys).filter { incremental[$0] != whole[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(Self.seed), step \(step) (\(kind) of \(path)): \(differing.prefix(5))")
            #expect(again.diagnostics.map(\.description) == cold.diagnostics.map(\.description), "seed \(Self.seed), step \(step)")
        }
        #expect(kinds.count == 12, "every kind of edit was walked: \(kinds)")
    }
}
