import Foundation
import Yams
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// The last step: the new site folder.
enum ImportWriter {
    /// - Returns: what was left behind, with why: old files that could not be read when their
    ///   turn came (changed since the walk), and any whose new path would climb out of the new
    ///   site (a page's `slug: ../../x`), which could otherwise overwrite the old site.
    static func write(_ site: ImportedSite, from old: OldSite, to folder: URL) throws -> [(path: String, reason: String)] {
        var leftBehind: [(path: String, reason: String)] = []
        func inside(_ relative: String, from origin: String) -> URL? {
            if let clean = SitePath.normalize(relative), !clean.isEmpty { return folder.appendingPathComponent(clean) }
            leftBehind.append((origin, "its new path '\(relative)' would lie outside the new site's folder; not written"))
            return nil
        }
        func copy(_ from: String, to: String) throws {
            guard let target = inside(to, from: from) else { return }
            do {
                try copyFile(from, of: old, to: target)
            } catch let failure as OldSite.ReadFailure {
                leftBehind.append((failure.path, failure.reason))
            }
        }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("posts"), withIntermediateDirectories: true)
        try save(WrittenYAML.text(.mapping(Node.Mapping(site.settings.map { (Node($0.0), $0.1) }))), to: folder.appendingPathComponent("blog.yaml"))
        for post in site.posts {
            guard let target = inside(post.target, from: post.origin) else { continue }
            try save(frontMatter(post) + post.body, to: target)
            for (from, to) in post.assets { try copy(from, to: to) }
        }
        for (from, to) in site.files { try copy(from, to: to) }
        let base = site.settings.first { $0.0 == "base_url" }?.1.string ?? "/"
        let home = URL(string: base)?.path ?? "/"
        for address in site.listAddresses {
            let path = address.split(separator: "/").joined(separator: "/")
            guard !path.isEmpty, !path.contains(".."), !site.posts.contains(where: { $0.slug == path && $0.kind == .page }) else { continue }
            let page = Feeds.redirectPage(to: home.hasSuffix("/") ? home : home + "/", canonical: base)
            try save(page, to: folder.appendingPathComponent("static/\(path)/index.html"))
        }
        return leftBehind
    }

    static func frontMatter(_ post: ImportedPost) -> String {
        var fields: [(String, Node)] = [("title", .text(post.title))]
        if let date = post.date { fields.append(("date", Node(LegacyDate.written(date)))) }
        if let updated = post.updated { fields.append(("updated", Node(LegacyDate.written(updated)))) }
        if !post.tags.isEmpty { fields.append(("tags", .list(post.tags))) }
        if !post.categories.isEmpty { fields.append(("categories", .list(post.categories))) }
        if post.slug != defaultSlug(post) { fields.append(("slug", .text(post.slug))) }
        if post.draft { fields.append(("draft", .flag(true))) }
        if let summary = post.summary, !summary.isEmpty { fields.append(("summary", .text(summary))) }
        if !post.aliases.isEmpty { fields.append(("aliases", .sequence(Node.Sequence(post.aliases.map(Node.text))))) }
        fields += post.kept
        let yaml = (try? WrittenYAML.text(.mapping(Node.Mapping(fields.map { (Node($0.0), $0.1) })))) ?? ""
        return "---\n" + yaml + "---\n"
    }

    /// The slug `blog` gives a file without a `slug:`: a bundle's folder, or the file's name
    /// after its date.
    private static func defaultSlug(_ post: ImportedPost) -> String {
        let name = (post.target as NSString).lastPathComponent
        let base = name == "index.md"
            ? ((post.target as NSString).deletingLastPathComponent as NSString).lastPathComponent : (name as NSString).deletingPathExtension
        return DateParser.datePrefix(of: base, timeZone: TimeZone(identifier: "UTC")!)?.1 ?? base
    }

    private static func save(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private static func copyFile(_ path: String, of old: OldSite, to: URL) throws {
        try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: to.path) { return }
        try old.copy(path, to: to)
    }
}
