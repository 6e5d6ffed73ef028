import Foundation
import Yams
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// A Hugo site: `hugo.toml` (or `config.*`), `content/<section>/…` with leaf bundles
/// (`index.md` and its files), `static/`. The posts are the main section's pages (the
/// `mainSections` setting, else the section with the most pages); the others become pages.
enum HugoImport {
    static let contentExtensions: Set<String> = ["md", "markdown", "html", "htm"]
    static let consumed: Set<String> = [
        "title", "date", "publishdate", "publishDate", "lastmod", "lastMod", "draft", "tags", "categories", "slug", "url",
        "aliases", "summary", "description", "layout", "type",
    ]

    static func read(_ old: OldSite) throws -> ImportedSite {
        var site = ImportedSite(generator: .hugo)
        let (configFile, config) = try settings(old)
        let mounts = HugoMounts(config: config)
        let timeZone = config.string("timeZone", "timezone").flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        let contentFiles = HugoMounts.files(mounts.content, of: old.files)
        // Each content file as Hugo saw it (`blog/a.md`) → its file in the old site.
        let origins = Dictionary(contentFiles.map { ($0.path, $0.origin) }, uniquingKeysWith: { a, _ in a })
        func origin(_ path: String) -> String { origins[path] ?? path }
        let files = contentFiles.map(\.path)
        let pages = files.filter { contentExtensions.contains(($0 as NSString).pathExtension.lowercased()) && !(($0 as NSString).lastPathComponent.hasPrefix("_index.")) }
        let main = mainSection(config, pages: pages)
        let permalinks = config["permalinks"]?.mapping.map { mapping in
            Dictionary(mapping.compactMap { key, value in key.string.flatMap { k in value.string.map { (k, $0) } } }, uniquingKeysWith: { a, _ in a })
        } ?? [:]
        let pattern = permalinks[main] ?? config["permalinks"]?["page"]?[main]?.string ?? "/\(main)/:slug/"
        var ours = Config()
        ours.timeZone = timeZone
        let literal = pattern.replacingOccurrences(of: ":sections", with: main).replacingOccurrences(of: ":section", with: main)
        ours.permalink = OldAddresses.newPermalink(from: literal, slugTokens: ["slug", "filename", "title", "contentbasename", "slugorfilename", "slugorcontentbasename"])
        site.settings = ImportSettings.make(
            title: config.string("title"), description: config["params"]?["description"]?.string,
            author: config["params"]?["author"]?.string ?? config["author"]?["name"]?.string ?? config["author"]?.string,
            language: config.string("languageCode", "defaultContentLanguage"), timeZone: config.string("timeZone", "timezone"),
            baseURL: config.string("baseURL", "baseurl"), paginate: config.string("paginate") ?? config["pagination"]?["pagerSize"]?.string,
            permalink: ours.permalink)
        if let note = ImportSettings.baseURLNote(config.string("baseURL", "baseurl"), setting: "baseURL") {
            site.report.skipped.append((configFile, note))
        }

        for (language, folder) in mounts.otherLanguages where old.files.contains(where: { $0.hasPrefix(folder + "/") }) {
            site.report.skipped.append((folder, "the content of the site's language '\(language)', which Hugo published under /\(language)/; blog makes a site in one language"))
        }
        // A post's new file: its path inside the main section, under `posts/`.
        func postPath(_ path: String) -> String { "posts/" + (path.hasPrefix(main + "/") ? String(path.dropFirst(main.count + 1)) : path) }

        site.emojiCodes = config["enableEmoji"]?.bool ?? config["enableemoji"]?.bool ?? false
        if backslashMath(config) {
            site.settings.append(("markdown", .mapping(Node.Mapping([(Node("math"), .mapping(Node.Mapping([(Node("backslash"), .flag(true))])))]))))
        }
        let bundles = Set(pages.filter { ["index.md", "index.markdown", "index.html", "index.htm"].contains(($0 as NSString).lastPathComponent.lowercased()) }.map { ($0 as NSString).deletingLastPathComponent })
        var owned: Set<String> = []
        for page in pages {
            let section = page.contains("/") ? String(page.prefix { $0 != "/" }) : ""
            let kind: ContentKind = section == main && !main.isEmpty ? .post : .page
            let fallback = kind == .post ? postPath(page) : "pages/" + page
            guard var post = site.reading(origin(page), fallback: fallback, { report in
                try readPage(old, origin: origin(page), path: page, kind: kind, section: section, timeZone: timeZone, permalinks: permalinks, report: &report)
            }) else { continue }
            if origin(page) != "content/" + page { post.generatorPath = "content/" + page }
            let folder = (page as NSString).deletingLastPathComponent
            if bundles.contains(folder) && (page as NSString).lastPathComponent.lowercased().hasPrefix("index.") {
                post.target = kind == .post ? postPath(folder) + "/index.md" : "pages/\(post.slug).md"
                let newFolder = kind == .post ? postPath(folder) + "/" : "pages/"
                for file in files where file.hasPrefix(folder + "/") && file != page && !isOtherBundle(file, of: folder, bundles: bundles) {
                    post.assets.append((origin(file), newFolder + file.dropFirst(folder.count + 1)))
                    owned.insert(file)
                }
            } else {
                let name = ((page as NSString).lastPathComponent as NSString).deletingPathExtension
                post.target = kind == .post ? postPath((folder.isEmpty ? "" : folder + "/") + name + ".md") : "pages/\(post.slug).md"
            }
            post.aliases = OldAddresses.aliases(old: post.oldURLs, new: kind == .post ? OldAddresses.newURL(of: post, config: ours) : "/\(post.slug)/")
            site.posts.append(post)
        }
        for file in files where (file as NSString).lastPathComponent.hasPrefix("_index.") {
            site.report.skipped.append((origin(file), "a list page (Hugo's section or home page); blog's theme makes the lists, and its old addresses lead to the home page"))
            let folder = (file as NSString).deletingLastPathComponent
            let fields = old.text(origin(file)).flatMap { try? Metadata.split($0, file: file).fields } ?? []
            site.listAddresses += [fields.string("url") ?? "/\(folder)/"] + (fields["aliases"]?.words(splittingSpaces: false)).orEmpty
        }
        for file in files where !owned.contains(file) && !contentExtensions.contains((file as NSString).pathExtension.lowercased()) {
            // A file beside a single-file page: published where relative links find it.
            site.files.append((origin(file), main.isEmpty || file.hasPrefix(main + "/") ? postPath(file) : "static/" + file))
        }
        for file in HugoMounts.files(mounts.staticFiles, of: old.files) { site.files.append((file.origin, "static/" + file.path)) }
        return site
    }

    /// `hugo.toml` (or `config.*`) at the root, else in `config/_default/`, where Hugo also
    /// reads `permalinks.*` and `params.*` as those sections.
    /// - Returns: the file read (for the report) and its settings.
    static func settings(_ old: OldSite) throws -> (String, [(String, Node)]) {
        let names = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"]
        if let root = try old.settings(names) { return root }
        let main = try old.settings(names.map { "config/_default/" + $0 })
        var config = main?.1 ?? []
        for section in ["permalinks", "params", "pagination", "module", "languages"] where config[section] == nil {
            let files = ["toml", "yaml", "yml", "json"].map { "config/_default/\(section).\($0)" }
            if let (_, fields) = try old.settings(files) {
                config.append((section, .mapping(Node.Mapping(fields.map { (Node($0.0), $0.1) }))))
            }
        }
        return (main?.0 ?? "config/_default", config)
    }

    /// Whether Hugo's renderer read `\(…\)` or `\[…\]` as math: goldmark's `passthrough`
    /// extension on, with one of them among its delimiters. Elsewhere they are CommonMark's
    /// escaped brackets (`[\[RFC-0001\] Define](u)`), as `blog` reads them by default.
    static func backslashMath(_ config: [(String, Node)]) -> Bool {
        guard let passthrough = config["markup"]?["goldmark"]?["extensions"]?["passthrough"], passthrough["enable"]?.bool == true else { return false }
        let pairs = ["inline", "block"].flatMap { passthrough["delimiters"]?[$0]?.sequence.map { Array($0) } ?? [] }
        return pairs.contains { pair in ["\\(", "\\["].contains(pair.sequence?.first?.string ?? "") }
    }

    private static func mainSection(_ config: [(String, Node)], pages: [String]) -> String {
        if let main = config["params"]?["mainSections"]?.words(splittingSpaces: false).first { return main }
        var counts: [String: Int] = [:]
        for page in pages where page.contains("/") { counts[String(page.prefix { $0 != "/" }), default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "posts"
    }

    private static func isOtherBundle(_ file: String, of folder: String, bundles: Set<String>) -> Bool {
        var parent = (file as NSString).deletingLastPathComponent
        while parent.count > folder.count {
            if bundles.contains(parent) { return true }
            parent = (parent as NSString).deletingLastPathComponent
        }
        return false
    }

    private static func readPage(
        _ old: OldSite, origin: String, path: String, kind: ContentKind, section: String, timeZone: TimeZone,
        permalinks: [String: String], report: inout ImportReport
    ) throws -> ImportedPost? {
        guard let text = old.text(origin) else { return nil }
        var (fields, body, bodyLine) = try Metadata.split(text, file: origin)
        if ["html", "htm"].contains((path as NSString).pathExtension.lowercased()) {
            body = HTMLContent.asMarkdown(body)
            report.count("Hugo HTML content file → raw HTML in a Markdown post")
        }
        var post = ImportedPost(origin: origin, target: "", kind: kind, body: body, bodyLine: bodyLine)
        let fileName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let isBundle = fileName.lowercased() == "index"
        let name = isBundle ? ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent : fileName
        func date(_ keys: String...) -> PostDate? {
            for key in keys { if let value = fields.string(key), let date = LegacyDate.parse(value, timeZone: timeZone) { return date } }
            return nil
        }
        post.title = fields.string("title") ?? name
        post.date = date("date", "publishdate", "publishDate", "pubdate") ?? date("lastmod", "lastMod")
        if post.date == nil, kind == .post, let modified = old.modified(origin) { post.date = PostDate.now(in: timeZone, at: modified) }
        post.updated = date("lastmod", "lastMod")
        if post.updated == post.date { post.updated = nil }
        post.tags = (fields["tags"]?.words(splittingSpaces: false)).orEmpty
        post.categories = (fields["categories"]?.words(splittingSpaces: false)).orEmpty
        post.draft = fields["draft"]?.bool ?? false
        post.summary = fields.string("summary", "description").map(plainLine)
        post.kept = fields.filter { !consumed.contains($0.0) }
        // Hugo's URLs are lower case (`disablePathToLower` aside) and made of the file's or
        // the bundle's name, or a `slug:`, by the section's permalink pattern.
        let urlName = urlize(name)
        // Hugo's `:slug` is the `slug:` or else the title, made a URL.
        let slug = fields.string("slug").map(urlize) ?? urlize(post.title)
        post.slug = kind == .post ? slug : (fields.string("slug") ?? urlName)
        var values = post.date.map(OldAddresses.dateValues) ?? [:]
        values["section"] = section
        values["sections"] = section
        values["slug"] = slug
        values["title"] = urlize(post.title)
        values["filename"] = urlName
        values["contentbasename"] = urlName
        values["slugorfilename"] = slug
        values["slugorcontentbasename"] = slug
        if let date = post.date {
            let t = date.local
            values["monthname"] = DateFormatter().monthSymbols[t.month - 1].lowercased()
        }
        let folder = (path as NSString).deletingLastPathComponent
        let defaultPattern = kind == .page && section.isEmpty ? "/:slug/" : "/\(isBundle ? (folder as NSString).deletingLastPathComponent : folder)/:slug/"
        let primary = fields.string("url") ?? OldAddresses.expand(permalinks[section] ?? defaultPattern, values)
        post.oldURLs = [primary] + (fields["aliases"]?.words(splittingSpaces: false)).orEmpty.map { $0.hasPrefix("/") ? $0 : "/" + $0 }
        if kind == .post, let pattern = permalinks[section], !pattern.contains(":slug"), !pattern.contains(":title") {
            post.slug = urlName
        }
        return post
    }

    /// Hugo's `urlize`: lower case, spaces to hyphens, what a path cannot hold removed.
    static func urlize(_ text: String) -> String {
        let lowered = text.lowercased().replacingOccurrences(of: " ", with: "-")
        return String(lowered.filter { $0.isLetter || $0.isNumber || "-_.~".contains($0) })
    }
}

/// A content file written in HTML, as a Markdown post whose body CommonMark passes through:
/// blank lines would end its HTML blocks (and start code blocks), so they go, except inside
/// `<pre>`, `<script>`, `<style>` and `<textarea>`, which end only at their closing tag.
enum HTMLContent {
    static func asMarkdown(_ html: String) -> String {
        var kept: [Substring] = []
        var inside: String?
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            let lower = line.lowercased()
            if inside == nil, let tag = ["pre", "script", "style", "textarea"].first(where: { lower.contains("<\($0)") && !lower.contains("</\($0)>") }) {
                inside = tag
            } else if let tag = inside, lower.contains("</\(tag)>") {
                inside = nil
            }
            if inside == nil && trimmed(String(line)).isEmpty { continue }
            kept.append(kept.isEmpty ? line.drop { $0 == " " || $0 == "\t" } : line)
        }
        return kept.joined(separator: "\n") + "\n"
    }
}
