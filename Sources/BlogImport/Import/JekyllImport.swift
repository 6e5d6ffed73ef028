import Foundation
import Yams
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// A Jekyll site: `_config.yml`, `_posts/` (and `<category>/_posts/`), `_drafts/`, pages at
/// the root, and every other file not under an `_` folder, which Jekyll copies as is.
enum JekyllImport {
    static let postExtensions: Set<String> = ["md", "markdown", "mkd", "mkdn", "mdown", "html"]
    /// Keys the new front matter writes in its own words.
    static let consumed: Set<String> = [
        "title", "date", "categories", "category", "tags", "tag", "published", "draft", "permalink", "excerpt",
        "description", "redirect_from", "slug", "last_modified_at", "layout",
    ]

    static func read(_ old: OldSite) throws -> ImportedSite {
        var site = ImportedSite(generator: .jekyll)
        let (configFile, config) = try old.settings(["_config.yml", "_config.yaml", "_config.toml"]) ?? ("_config.yml", [])
        let timeZone = config.string("timezone").flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        let pattern = permalinkPattern(config.string("permalink") ?? "date")
        var ours = Config()
        ours.timeZone = timeZone
        ours.permalink = OldAddresses.newPermalink(from: pattern, slugTokens: ["title"])
        site.settings = ImportSettings.make(
            title: config.string("title"), description: config.string("description"),
            author: config.string("author") ?? config["author"]?["name"]?.string, language: config.string("lang", "language", "locale"),
            timeZone: config.string("timezone"), baseURL: baseURL(config), paginate: config.string("paginate"), permalink: ours.permalink)
        site.excerptSeparator = config.string("excerpt_separator")
        if let note = ImportSettings.baseURLNote(baseURL(config), setting: "url") { site.report.skipped.append((configFile, note)) }

        for path in old.files {
            let parts = path.split(separator: "/").map(String.init)
            let ext = (path as NSString).pathExtension.lowercased()
            if let folder = parts.firstIndex(where: { $0 == "_posts" || $0 == "_drafts" }), postExtensions.contains(ext) {
                let read = site.reading(path, fallback: "posts/" + (parts.last ?? path)) { report in
                    try readPost(old, path: path, categories: Array(parts[..<folder]), draft: parts[folder] == "_drafts", timeZone: timeZone, pattern: pattern, report: &report)
                }
                if var post = read {
                    post.aliases = OldAddresses.aliases(old: post.oldURLs, new: OldAddresses.newURL(of: post, config: ours))
                    site.posts.append(post)
                }
            } else if parts.contains(where: { $0.hasPrefix("_") }) || isToolFile(path) {
                continue
            } else if postExtensions.contains(ext) || ext == "xml" || ext == "scss" || ext == "sass" || ext == "txt" || ext == "json",
                let text = old.text(path), text.hasPrefix("---")
            {
                // A file with front matter is one Jekyll renders: a page, or a list the theme makes.
                if ["md", "markdown"].contains(ext), !(parts.last ?? "").hasPrefix("index."),
                    var page = site.reading(path, fallback: "pages/" + (parts.last ?? path), { _ in try readPage(path, text: text) })
                {
                    page.aliases = OldAddresses.aliases(old: page.oldURLs, new: "/" + page.slug + "/")
                    site.posts.append(page)
                } else {
                    site.report.skipped.append((path, "a page Jekyll makes with its theme's templates (\(parts.last ?? path)); blog's theme makes its own"))
                }
            } else {
                site.files.append((path, "static/" + path))
            }
        }
        return site
    }

    /// Jekyll's named styles, as its documentation gives them.
    static func permalinkPattern(_ value: String) -> String {
        switch value {
        case "date": "/:categories/:year/:month/:day/:title:output_ext"
        case "pretty": "/:categories/:year/:month/:day/:title/"
        case "ordinal": "/:categories/:year/:y_day/:title:output_ext"
        case "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext"
        case "none": "/:categories/:title:output_ext"
        default: value
        }
    }

    static func baseURL(_ config: [(String, Node)]) -> String? {
        guard let url = config.string("url") else { return nil }
        let base = config.string("baseurl") ?? ""
        return url.trimmingCharacters(in: ["/"]) + "/" + base.trimmingCharacters(in: ["/"])
    }

    private static func isToolFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return ["Gemfile", "Gemfile.lock", "Rakefile", "package.json", "package-lock.json", "README.md", "LICENSE", "CNAME.md"].contains(name)
            || name.hasPrefix("_config") || path.hasPrefix("node_modules/") || path.hasPrefix("vendor/")
    }

    private static func readPost(
        _ old: OldSite, path: String, categories folderCategories: [String], draft inDrafts: Bool, timeZone: TimeZone, pattern: String,
        report: inout ImportReport
    ) throws -> ImportedPost? {
        guard let text = old.text(path) else { return nil }
        var (fields, body, bodyLine) = try Metadata.split(text, file: path)
        if (path as NSString).pathExtension.lowercased() == "html" {
            body = HTMLContent.asMarkdown(body)
            report.count("Jekyll HTML post → raw HTML in a Markdown post")
        }
        let file = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let prefix = DateParser.datePrefix(of: file, timeZone: timeZone)
        let name = prefix?.1 ?? file
        var post = ImportedPost(origin: path, target: "", body: body, bodyLine: bodyLine)
        post.date = fields.string("date").flatMap { LegacyDate.parse($0, timeZone: timeZone) } ?? prefix?.0
        if post.date == nil, inDrafts, let modified = old.modified(path) { post.date = PostDate.now(in: timeZone, at: modified) }
        post.title = fields.string("title") ?? name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        post.updated = fields.string("last_modified_at").flatMap { LegacyDate.parse($0, timeZone: timeZone) }
        post.categories = folderCategories + (fields["categories"] ?? fields["category"]).map { $0.words(splittingSpaces: true) }.orEmpty
        post.tags = ((fields["tags"]?.words(splittingSpaces: true)).orEmpty + (fields["tag"]?.words(splittingSpaces: true)).orEmpty)
        // Jekyll ignores `draft:`; only `published: false` hides a post.
        post.draft = inDrafts || fields["published"]?.bool == false
        post.summary = fields.string("excerpt", "description").map(plainLine)
        post.slug = fields.string("slug") ?? name
        post.kept = fields.filter { !consumed.contains($0.0) }
        let year = post.date.map { String($0.year) } ?? "undated"
        post.target = "posts/\(year)/\(file).md"
        let date = post.date ?? PostDate(secondsSince1970: 0, offsetSeconds: 0)
        var values = OldAddresses.dateValues(date)
        values["title"] = post.slug
        values["slug"] = slugify(post.slug)
        values["categories"] = post.categories.map { $0.lowercased().replacingOccurrences(of: " ", with: "-") }.joined(separator: "/")
        values["output_ext"] = ".html"
        values["y_day"] = String(format: "%03d", dayOfYear(date))
        post.oldURLs = [fields.string("permalink") ?? OldAddresses.expand(pattern, values)]
        post.oldURLs += OldAddresses.otherHTMLForm(of: post.oldURLs[0]).map { [$0] } ?? []
        post.oldURLs += (fields["redirect_from"]?.words(splittingSpaces: false)).orEmpty.map { $0.hasPrefix("/") ? $0 : "/" + $0 }
        if fields["draft"] != nil { report.count("Jekyll draft: → not written (Jekyll ignores it; published: false hides a post)") }
        return post
    }

    private static func readPage(_ path: String, text: String) throws -> ImportedPost? {
        let (fields, body, bodyLine) = try Metadata.split(text, file: path)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let folder = (path as NSString).deletingLastPathComponent
        var page = ImportedPost(origin: path, target: "", kind: .page, body: body, bodyLine: bodyLine)
        page.title = fields.string("title") ?? name
        let permalink = fields.string("permalink")
        let last = permalink.map { $0.split(separator: "/").last.map(String.init) ?? name } ?? name
        page.slug = slugify((last as NSString).deletingPathExtension).isEmpty ? name : (last as NSString).deletingPathExtension
        page.target = "pages/\(page.slug).md"
        page.summary = fields.string("description", "excerpt").map(plainLine)
        page.kept = fields.filter { !consumed.contains($0.0) }
        page.oldURLs = [permalink ?? ("/" + (folder.isEmpty ? "" : folder + "/") + name + ".html")]
        page.oldURLs += OldAddresses.otherHTMLForm(of: page.oldURLs[0]).map { [$0] } ?? []
        page.oldURLs += (fields["redirect_from"]?.words(splittingSpaces: false)).orEmpty.map { $0.hasPrefix("/") ? $0 : "/" + $0 }
        return page
    }

    private static func dayOfYear(_ date: PostDate) -> Int {
        let t = date.local
        let start = CivilTime(year: t.year, month: 1, day: 1).secondsSince1970
        return Int((CivilTime(year: t.year, month: t.month, day: t.day).secondsSince1970 - start) / 86400) + 1
    }
}

/// Old excerpt markers (Jekyll's `excerpt_separator`, Hexo's `<!-- more -->`) → `blog`'s
/// `<!--more-->`, on a line of its own.
enum ExcerptMarkers {
    static func mark(_ body: String, separator: String) -> String {
        guard separator != ExcerptSplit.moreMarker, separator != "\n\n", let range = body.range(of: separator) else { return body }
        return body.replacingCharacters(in: range, with: "\n\n" + ExcerptSplit.moreMarker + "\n\n")
    }
}

/// One line of plain text: a summary from an old site's `description` or `excerpt`.
func plainLine(_ text: String) -> String {
    trimmed(text.split(whereSeparator: \.isNewline).joined(separator: " "))
}

extension Optional where Wrapped == [String] {
    var orEmpty: [String] { self ?? [] }
}
