import Foundation
import Yams
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// A Hexo site: `_config.yml`, `source/_posts/` (at any depth, each post's asset folder beside
/// it), `source/_drafts/`, standalone pages elsewhere in `source/` (`source/about/index.md`),
/// and every other file of `source/`, copied as is.
enum HexoImport {
    static let postExtensions: Set<String> = ["md", "markdown", "mkd"]
    static let consumed: Set<String> = [
        "title", "date", "updated", "tags", "categories", "category", "permalink", "excerpt", "description", "published",
        "layout", "slug",
    ]

    static func read(_ old: OldSite) throws -> ImportedSite {
        var site = ImportedSite(generator: .hexo)
        let (configFile, config) = try old.settings(["_config.yml", "_config.yaml"]) ?? ("_config.yml", [])
        let timeZone = config.string("timezone").flatMap(TimeZone.init(identifier:)) ?? TimeZone.current
        let pattern = config.string("permalink") ?? ":year/:month/:day/:title/"
        var ours = Config()
        ours.timeZone = timeZone
        ours.permalink = OldAddresses.newPermalink(from: pattern, slugTokens: ["title", "name", "post_title"])
        let root = config.string("root") ?? "/"
        let url = config.string("url").map { $0.trimmingCharacters(in: ["/"]) + "/" + root.trimmingCharacters(in: ["/"]) }
        site.settings = ImportSettings.make(
            title: config.string("title"), description: config.string("description", "subtitle"), author: config.string("author"),
            language: config["language"]?.words(splittingSpaces: false).first, timeZone: config.string("timezone") ?? timeZone.identifier,
            baseURL: url, paginate: config.string("per_page") ?? config["index_generator"]?["per_page"]?.string, permalink: ours.permalink)
        if let note = ImportSettings.baseURLNote(url, setting: "url") { site.report.skipped.append((configFile, note)) }
        // Hexo's Markdown renderers turn every line break into <br> unless told otherwise.
        let breaks = config["marked"]?["breaks"]?.bool ?? config["markdown"]?["breaks"]?.bool ?? config["markdown"]?["render"]?["breaks"]?.bool ?? true
        // Hexo numbers the lines of code unless `highlight.line_number` is false.
        if config["highlight"]?["line_number"]?.bool ?? true, config["highlight"]?["enable"]?.bool ?? true {
            site.settings.append(("highlight", .mapping(Node.Mapping([(Node("line_numbers"), .flag(true))]))))
        }
        if breaks { site.settings.append(("markdown", .mapping(Node.Mapping([(Node("hard_breaks"), .flag(true))])))) }

        let sources = old.files.filter { $0.hasPrefix("source/") }.map { String($0.dropFirst(7)) }
        let postFiles = sources.filter { ($0.hasPrefix("_posts/") || $0.hasPrefix("_drafts/")) && postExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
        let postFolders = Set(postFiles.map { ($0 as NSString).deletingPathExtension })
        var owner: [String: String] = [:]
        for file in sources where (file.hasPrefix("_posts/") || file.hasPrefix("_drafts/")) && !postFiles.contains(file) {
            var parent = (file as NSString).deletingLastPathComponent
            while !parent.isEmpty, !postFolders.contains(parent) { parent = (parent as NSString).deletingLastPathComponent }
            if !parent.isEmpty { owner[file] = parent }
        }
        for path in postFiles {
            let fallback = "posts/" + path.split(separator: "/").dropFirst().joined(separator: "/")
            guard var post = site.reading("source/" + path, fallback: fallback, { _ in try readPost(old, path: path, timeZone: timeZone, pattern: pattern) }) else { continue }
            let folder = (path as NSString).deletingPathExtension
            let assets = owner.filter { $0.value == folder && !$0.key.hasSuffix(".gitkeep") }.keys.sorted()
            let relative = folder.split(separator: "/").dropFirst().joined(separator: "/")
            post.target = assets.isEmpty ? "posts/\(relative).md" : "posts/\(relative)/index.md"
            post.assets = assets.map { ("source/" + $0, "posts/\(relative)/" + $0.dropFirst(folder.count + 1)) }
            post.aliases = OldAddresses.aliases(old: post.oldURLs, new: OldAddresses.newURL(of: post, config: ours))
            site.posts.append(post)
        }
        var unowned: [String: Int] = [:]
        for file in sources where file.hasPrefix("_posts/") && owner[file] == nil && !postFiles.contains(file) && !file.hasSuffix(".gitkeep") {
            site.files.append(("source/" + file, "posts/" + file.dropFirst(7)))
            unowned[(file as NSString).deletingLastPathComponent, default: 0] += 1
        }
        // Hexo publishes a file of `_posts/` only as the asset of the post it is named after.
        for (folder, count) in unowned.sorted(by: { $0.key < $1.key }) {
            let files = count == 1 ? "its file" : "its \(count) files"
            let why = folder == "_posts" ? "files beside the posts that belong to none" : "a folder that is no post's asset folder (there is no \(folder).md)"
            site.report.skipped.append(("source/\(folder)/", "\(why): Hexo did not publish \(files); copied to posts/\(folder.dropFirst(7).isEmpty ? "" : folder.dropFirst(7) + "/"), where blog publishes a file only when a post links to it"))
        }
        for file in sources where !file.hasPrefix("_") && !file.contains("/_") {
            let ext = (file as NSString).pathExtension.lowercased()
            if postExtensions.contains(ext), let text = old.text("source/" + file), text.hasPrefix("---") {
                if var page = site.reading("source/" + file, fallback: "pages/" + file.replacingOccurrences(of: "/", with: "-"), { _ in try readPage(file, text: text) }) {
                    page.aliases = OldAddresses.aliases(old: page.oldURLs, new: "/\(page.slug)/")
                    site.posts.append(page)
                }
            } else {
                site.files.append(("source/" + file, "static/" + file))
            }
        }
        return site
    }

    /// A post with an asset folder becomes a bundle (`a.md` and `a/` → `a/index.md` beside its
    /// files), so a path written from the old file's place (`![](a/x.png)`) loses `a/`.
    static func assetPaths(_ body: String, post: ImportedPost) -> String {
        guard post.target.hasSuffix("/index.md") else { return body }
        let folder = ((post.origin as NSString).deletingPathExtension as NSString).lastPathComponent
        return body.replacingOccurrences(of: "](\(folder)/", with: "](").replacingOccurrences(of: "src=\"\(folder)/", with: "src=\"")
    }

    private static func readPost(_ old: OldSite, path: String, timeZone: TimeZone, pattern: String) throws -> ImportedPost? {
        let origin = "source/" + path
        guard let text = old.text(origin) else { return nil }
        let (fields, body, bodyLine) = try Metadata.split(text, file: origin)
        var post = ImportedPost(origin: origin, target: "", body: body, bodyLine: bodyLine)
        let title = (path as NSString).deletingPathExtension.split(separator: "/").dropFirst().joined(separator: "/")
        let name = (title as NSString).lastPathComponent
        post.title = fields.string("title").map(trimmed) ?? name
        post.date = fields.string("date").flatMap { LegacyDate.parse($0, timeZone: timeZone) }
            ?? old.modified(origin).map { PostDate.now(in: timeZone, at: $0) }
        post.updated = fields.string("updated").flatMap { LegacyDate.parse($0, timeZone: timeZone) }
        post.tags = (fields["tags"]?.words(splittingSpaces: false)).orEmpty
        // `[[A, B], C]`: each inner list is one path of nested categories; blog's are flat.
        var categories: [String] = []
        for category in (fields["categories"] ?? fields["category"])?.words(splittingSpaces: false) ?? [] where !categories.contains(category) {
            categories.append(category)
        }
        post.categories = categories
        post.draft = path.hasPrefix("_drafts/") || fields["published"]?.bool == false
        post.summary = fields.string("excerpt", "description").map(plainLine)
        post.slug = name
        post.kept = fields.filter { !consumed.contains($0.0) }
        var values = post.date.map(OldAddresses.dateValues) ?? [:]
        values["title"] = title
        values["name"] = name
        values["post_title"] = slugify(post.title)
        values["category"] = categories.first.map(slugify) ?? "uncategorized"
        post.oldURLs = [fields.string("permalink").map { $0.hasPrefix("/") ? $0 : "/" + $0 } ?? OldAddresses.expand(pattern, values)]
        return post
    }

    /// `about/index.md` → `pages/about.md`, at `/about/` as in Hexo.
    private static func readPage(_ file: String, text: String) throws -> ImportedPost? {
        let origin = "source/" + file
        let (fields, body, bodyLine) = try Metadata.split(text, file: origin)
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let folder = (file as NSString).deletingLastPathComponent
        let name = base == "index" ? (folder.isEmpty ? "index" : folder.replacingOccurrences(of: "/", with: "-")) : base
        var page = ImportedPost(origin: origin, target: "pages/\(name).md", kind: .page, body: body, bodyLine: bodyLine)
        page.title = fields.string("title") ?? name
        page.slug = name
        page.kept = fields.filter { !consumed.contains($0.0) && $0.0 != "date" }
        let path = base == "index" ? (folder.isEmpty ? "/" : "/" + folder + "/") : "/" + (folder.isEmpty ? "" : folder + "/") + base + ".html"
        page.oldURLs = [fields.string("permalink").map { $0.hasPrefix("/") ? $0 : "/" + $0 } ?? path]
        return page
    }
}
