import Foundation
import Yams

/// `blog import`: reads a Hexo, Jekyll or Hugo site (never changing it), converts what its
/// posts use, writes a new site folder and builds it once to report what still needs the
/// writer. Reading, converting and writing are separate steps; only the first and the last
/// touch the disk.
public enum Importer {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The kind of site a folder holds, from the files only each generator has.
    public static func detect(_ folder: String) -> SourceGenerator? {
        let manager = FileManager.default
        func has(_ name: String) -> Bool { manager.fileExists(atPath: (folder as NSString).appendingPathComponent(name)) }
        if has("source/_posts") || (has("_config.yml") && has("scaffolds")) { return .hexo }
        if ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config/_default"].contains(where: has) || (has("content") && (has("config.yaml") || has("config.json"))) {
            return .hugo
        }
        if has("_posts") || has("_config.yml") { return .jekyll }
        return nil
    }

    /// - Parameter destination: a folder that does not exist or is empty; with `dryRun`, it is
    ///   written to a temporary folder instead and removed after the check.
    public static func run(_ generator: SourceGenerator, source: String, destination: String, dryRun: Bool) throws -> ImportReport {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(description: "\(source): error: no such folder")
        }
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: target.path), !contents.isEmpty {
            throw Failure(description: "\(destination): error: the new site's folder exists and is not empty; name a new folder")
        }
        if target.path == sourceURL.path || target.path.hasPrefix(sourceURL.path + "/") {
            throw Failure(description: "\(destination): error: the new site cannot be inside the old one (\(source)), which import never changes")
        }
        let old = OldSite(root: sourceURL)
        var site: ImportedSite
        do {
            switch generator {
            case .jekyll: site = try JekyllImport.read(old)
            case .hugo: site = try HugoImport.read(old)
            case .hexo: site = try HexoImport.read(old)
            }
        } catch let failure as Metadata.Failure {
            throw Failure(description: failure.description)
        }
        SiteConversion.convert(&site, old: old)
        let written = dryRun ? FileManager.default.temporaryDirectory.appendingPathComponent("blog-import-\(UUID().uuidString)") : target
        defer { if dryRun { try? FileManager.default.removeItem(at: written) } }
        try ImportWriter.write(site, from: sourceURL, to: written)
        site.report.buildProblems = check(written.path, site: site)
        return site.report
    }

    /// Builds the new site in memory: its problems, and any old address it does not answer.
    private static func check(_ folder: String, site: ImportedSite) -> [Diagnostic] {
        var options = BuildOptions(source: folder)
        options.excluded = (folder as NSString).appendingPathComponent("public")
        let result = SiteBuilder.build(options)
        guard result.succeeded else { return result.diagnostics }
        let paths = Set(result.files.map(\.path))
        var problems = result.diagnostics
        for post in site.posts where !post.draft {
            for address in post.oldURLs {
                let path = String(address.prefix { $0 != "#" && $0 != "?" }.drop { $0 == "/" })
                let decoded = path.removingPercentEncoding ?? path
                let answered = [decoded, decoded + "/index.html", decoded + "index.html", decoded + ".html"].contains { paths.contains($0) }
                if !answered {
                    problems.append(.warning(post.target, line: 1, "its old address \(address) answers no page of the new site"))
                }
            }
        }
        return problems
    }
}

/// The middle step: every post's body converted, knowing the whole site.
enum SiteConversion {
    static func convert(_ site: inout ImportedSite, old: OldSite) {
        let links = lookup(site)
        var report = site.report
        let hosts = Set(site.settings.first { $0.0 == "base_url" }.flatMap { URL(string: $0.1.string ?? "")?.host?.lowercased() }.map { [$0, "www." + $0] } ?? [])
        let basePath = site.settings.first { $0.0 == "base_url" }.flatMap { URL(string: $0.1.string ?? "")?.path } ?? "/"
        let oldLinks = OldLinks(links: links, hosts: hosts, basePath: basePath)
        let shortcodes = Set(old.files.filter { $0.hasPrefix("layouts/shortcodes/") }.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
        for i in site.posts.indices {
            let post = site.posts[i]
            let dialect: any TagDialect
            switch site.generator {
            case .jekyll:
                dialect = JekyllTags(links: links) { name in
                    guard let text = old.text("_includes/" + name), !text.contains("{%"), !text.contains("{{") else { return nil }
                    return text
                }
            case .hugo:
                let images = post.assets.map(\.1).filter { isImage($0) }.map { String($0.dropFirst(((post.target as NSString).deletingLastPathComponent + "/").count)) }
                dialect = HugoShortcodes(links: links, bundleImages: images.sorted(), siteShortcodes: shortcodes)
            case .hexo:
                let folder = (post.target as NSString).deletingLastPathComponent + "/"
                dialect = HexoTags(links: links, file: post.origin, assets: Set(post.assets.map { String($0.1.dropFirst(folder.count)) }))
            }
            var body = TagRewriter(dialect: dialect, file: post.origin).rewrite(post.body, firstLine: post.bodyLine, report: &report)
            if site.generator == .jekyll { body = Kramdown.convert(body, report: &report) }
            if let separator = site.excerptSeparator { body = ExcerptMarkers.mark(body, separator: separator) }
            body = oldLinks.rewrite(body, post: post, report: &report)
            if site.generator == .hexo { body = HexoImport.assetPaths(body, post: post) }
            site.posts[i].body = body
        }
        site.report = report
        site.report.posts = site.posts.filter { $0.kind == .post }.count
        site.report.pages = site.posts.filter { $0.kind == .page }.count
        let copied = site.files.map(\.1) + site.posts.flatMap { $0.assets.map(\.1) }
        site.report.images = copied.filter(isImage).count
        site.report.files = copied.count
    }

    static func isImage(_ path: String) -> Bool {
        ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Where everything went, for links between posts.
    private static func lookup(_ site: ImportedSite) -> ImportLinks {
        var links = ImportLinks()
        for post in site.posts {
            let name = ((post.origin as NSString).lastPathComponent as NSString).deletingPathExtension
            links.byName[name] = post.target
            links.byName[name.lowercased()] = links.byName[name.lowercased()] ?? post.target
            for key in post.nameKeys { links.byName[key] = post.target }
            links.byOrigin[post.origin] = post.target
            links.titles[post.target] = post.title
            for url in post.oldURLs { links.byOldURL[ImportLinks.key(ofURL: url)] = post.target }
            links.tags.formUnion(post.tags)
        }
        for (from, to) in site.files where to.hasPrefix("static/") {
            let published = String(to.dropFirst("static/".count))
            links.byOrigin[from] = to
            links.staticURLs[published] = "/" + published
            if let slash = published.firstIndex(of: "/") {
                let inside = String(published[published.index(after: slash)...])
                links.staticURLs[inside] = links.staticURLs[inside] ?? "/" + published
            }
        }
        // A site's own asset tag (`{% img_url gdb/x.png %}`): the folder its files are in.
        for post in site.posts {
            for tag in TemplateScanner.tags(in: post.body) where tag.syntax == .liquid && tag.arguments.count == 1 {
                guard links.assetTagFolders[tag.name] == nil, let url = links.staticURLs[tag.arguments[0]], url.hasSuffix("/" + tag.arguments[0]) else { continue }
                links.assetTagFolders[tag.name] = String(url.dropLast(tag.arguments[0].count))
            }
        }
        return links
    }
}

extension ImportedPost {
    /// Names other posts may call it by: its path under the posts folder without extension
    /// (Hexo's `post_link works/https`), a bundle's folder (Hugo's `relref "slug"`).
    var nameKeys: [String] {
        var keys: [String] = []
        let parts = origin.split(separator: "/").map(String.init)
        if let posts = parts.firstIndex(where: { $0 == "_posts" || $0 == "_drafts" }) {
            keys.append((parts[(posts + 1)...].joined(separator: "/") as NSString).deletingPathExtension)
        }
        if parts.count >= 2, ["index.md", "index.markdown", "index.html"].contains(parts.last!.lowercased()) {
            keys.append(parts[parts.count - 2].lowercased())
            if parts.first == "content" { keys.append(parts.dropFirst().dropLast().joined(separator: "/").lowercased()) }
        } else if parts.first == "content" {
            keys.append((parts.dropFirst().joined(separator: "/") as NSString).deletingPathExtension.lowercased())
        }
        return keys
    }
}

/// The last step: the new site folder.
enum ImportWriter {
    static func write(_ site: ImportedSite, from source: URL, to folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("posts"), withIntermediateDirectories: true)
        try save(Yams.serialize(node: .mapping(Node.Mapping(site.settings.map { (Node($0.0), $0.1) }))), to: folder.appendingPathComponent("blog.yaml"))
        for post in site.posts {
            try save(frontMatter(post) + post.body, to: folder.appendingPathComponent(post.target))
            for (from, to) in post.assets { try copy(source.appendingPathComponent(from), to: folder.appendingPathComponent(to)) }
        }
        for (from, to) in site.files { try copy(source.appendingPathComponent(from), to: folder.appendingPathComponent(to)) }
        let base = site.settings.first { $0.0 == "base_url" }?.1.string ?? "/"
        let home = URL(string: base)?.path ?? "/"
        for address in site.listAddresses {
            let path = address.split(separator: "/").joined(separator: "/")
            guard !path.isEmpty, !path.contains(".."), !site.posts.contains(where: { $0.slug == path && $0.kind == .page }) else { continue }
            let page = Feeds.redirectPage(to: home.hasSuffix("/") ? home : home + "/", canonical: base)
            try save(page, to: folder.appendingPathComponent("static/\(path)/index.html"))
        }
    }

    static func frontMatter(_ post: ImportedPost) -> String {
        var fields: [(String, Node)] = [("title", Node(post.title))]
        if let date = post.date { fields.append(("date", Node(LegacyDate.written(date)))) }
        if let updated = post.updated { fields.append(("updated", Node(LegacyDate.written(updated)))) }
        if !post.tags.isEmpty { fields.append(("tags", .list(post.tags))) }
        if !post.categories.isEmpty { fields.append(("categories", .list(post.categories))) }
        if post.slug != defaultSlug(post) { fields.append(("slug", Node(post.slug))) }
        if post.draft { fields.append(("draft", .flag(true))) }
        if let summary = post.summary, !summary.isEmpty { fields.append(("summary", Node(summary))) }
        if !post.aliases.isEmpty { fields.append(("aliases", .sequence(Node.Sequence(post.aliases.map { Node($0) })))) }
        fields += post.kept
        let yaml = (try? Yams.serialize(node: .mapping(Node.Mapping(fields.map { (Node($0.0), $0.1) })))) ?? ""
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

    private static func copy(_ from: URL, to: URL) throws {
        try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: to.path) { return }
        try FileManager.default.copyItem(at: from, to: to)
    }
}
