import Foundation
import BlogCore
import BlogMarkdown

/// The first phase of resolving: where every post and page will live, known before any is
/// rendered, so that cross-links and aliases can point at posts not yet rendered.
/// Paths here are output paths relative to the base path: `2016/12/hello/` or `about/`.
public struct SiteIndex: Sendable {
    public var config: Config
    /// Source file (`posts/2016/a.md`) → output path (`2016/12/a/`).
    public var pathBySource: [String: String] = [:]
    /// An alias as written (`/2016/old.html`) → the source file of its post.
    public var sourceByAlias: [String: String] = [:]
    /// Drafts and future posts left out of this build: links to them get a clearer error.
    public var unpublishedSources: Set<String> = []
    /// Posts whose front matter failed: their URL is unknown, and links to them are not
    /// blamed on the linking post (the broken one has its own error).
    public var brokenSources: Set<String> = []

    /// The settings pages show, digested.
    package var configDigest: UInt64 {
        Digest.of { d in
            d.add([config.title, config.description, config.author, config.baseURL, config.language,
                   config.permalink, config.timeZone.identifier])
            d.add(config.paginate)
            d.add(config.safeMarkdown)
            d.add(config.hardBreaks)
            d.add(config.mathBackslash)
            d.add(config.interfaceStrings.sorted { $0.key < $1.key }.map { $0.key + "\u{1}" + $0.value })
            d.add(config.markdownExtensions.map(\.rawValue).sorted())
            d.add(config.mathScript ?? "")
            d.add(config.highlight)
            d.add(config.lineNumbers)
            d.add(config.images.digest)
            d.add(config.searchEnabled)
        }
    }

    /// Everything resolving a post depends on besides the post itself: every URL, alias and
    /// static file, and the settings. A post resolved under the same key resolves the same.
    package func resolutionKey(staticFiles: Set<String>) -> UInt64 {
        Digest.of { d in
            d.add(configDigest)
            for (source, path) in pathBySource.sorted(by: { $0.key < $1.key }) { d.add(source + "\u{1}" + path) }
            for (alias, source) in sourceByAlias.sorted(by: { $0.key < $1.key }) { d.add(alias + "\u{1}" + source) }
            d.add(unpublishedSources.sorted())
            d.add(brokenSources.sorted())
            d.add(staticFiles.sorted())
        }
    }

    /// Paths the build writes itself; a post or an alias there would be overwritten.
    package static let reservedPrefixes = ["tags/", "categories/", "archives/", "page/", "assets/"]
    package static let reservedFiles = ["feed.xml", "sitemap.xml", "404.html", "index.html"]

    public static func build(_ posts: [SourcePost], config: Config) -> (SiteIndex, [Diagnostic]) {
        var index = SiteIndex(config: config)
        var problems: [Diagnostic] = []
        var ownerOfPath: [String: (source: String, line: Int)] = [:]
        func claim(_ path: String, by source: String, line: Int?, what: String) {
            if let owner = ownerOfPath[path] {
                problems.append(.error(source, line: line ?? 1, "\(what) /\(path) is also the URL of \(owner.source)"))
                problems.append(.error(owner.source, line: owner.line, "URL /\(path) is also the \(what) of \(source)"))
            } else if isReserved(path) {
                problems.append(.error(source, line: line, "\(what) /\(path) is a page that blog writes itself; choose another"))
            } else if config.searchEnabled && path.hasPrefix("search/") {
                problems.append(.error(source, line: line, "\(what) /\(path) is where blog writes its search page and index; choose another, or turn search off with 'search: {enabled: false}' in blog.yaml"))
            } else {
                ownerOfPath[path] = (source, line ?? 1)
            }
        }
        for post in posts.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            let path = outputPath(of: post, config: config)
            index.pathBySource[post.sourcePath] = path
            claim(path, by: post.sourcePath, line: post.line(ofKey: "slug"), what: "URL")
        }
        for post in posts.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            for alias in post.aliases {
                guard let path = aliasPath(alias) else {
                    problems.append(.error(post.sourcePath, line: post.line(ofKey: "aliases"), "alias '\(alias)' is not a path inside the site"))
                    continue
                }
                claim(path, by: post.sourcePath, line: post.line(ofKey: "aliases"), what: "alias")
                index.sourceByAlias[alias] = post.sourcePath
            }
        }
        return (index, problems)
    }

    /// Where an alias's redirect page goes: `/2016/old.html` as is, `/old-post` as a folder
    /// (`old-post/`), as web servers serve it. Nil for a path that leaves the site.
    public static func aliasPath(_ alias: String) -> String? {
        guard let normalized = SitePath.normalize(alias), !normalized.isEmpty else { return nil }
        let last = normalized.split(separator: "/").last ?? ""
        return alias.hasSuffix("/") || !last.contains(".") ? normalized + "/" : normalized
    }

    package static func isReserved(_ path: String) -> Bool {
        reservedFiles.contains(path) || reservedPrefixes.contains { path.hasPrefix($0) }
            || (path.count == 5 && path.hasSuffix("/") && path.prefix(4).allSatisfy(\.isNumber))  // year pages
    }

    /// Expands the permalink pattern (posts) or `/<slug>/` (pages).
    package static func outputPath(of post: SourcePost, config: Config) -> String {
        guard post.kind == .post, let date = post.date else { return post.slug + "/" }
        let t = date.local
        var emptyFolder = false
        let expanded = expandTokens(config.permalink) { name in
            switch name {
            case "year": return pad(t.year, 4)
            case "month": return pad(t.month)
            case "day": return pad(t.day)
            case "slug", "title": return post.slug
            case "i_month": return String(t.month)
            case "i_day": return String(t.day)
            case "hour": return pad(t.hour)
            case "minute": return pad(t.minute)
            case "second": return pad(t.second)
            case "categories", "section":
                let folder = name == "section"
                    ? post.sourcePath.split(separator: "/").dropFirst().dropLast().first.map(String.init) ?? ""
                    : post.categories.map(slugify).joined(separator: "/")
                emptyFolder = emptyFolder || folder.isEmpty
                return folder
            default: return nil
            }
        }
        // No category (or section): no empty folder. Only then a search, as this runs for every post.
        let collapsed = emptyFolder ? expanded.replacingOccurrences(of: "//", with: "/") : expanded
        return String(collapsed.drop { $0 == "/" })
    }

    /// The file written for an output path: folders get an `index.html`.
    public static func filePath(of path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// The folder a post's assets are published in: its page's folder.
    public static func folder(of path: String) -> String {
        path.hasSuffix("/") ? path : String(path[..<(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)])
    }

    /// `/blog/2016/12/a/` — a root-relative URL with the base path, percent-encoded.
    public func url(_ path: String) -> String { encodePath(config.basePath + path) }

    /// `https://example.com/blog/2016/12/a/` — an absolute URL, for feeds and sitemaps.
    public func absoluteURL(_ path: String) -> String { config.origin + encodePath(config.basePath + path) }

    package init(config: Config, pathBySource: [String: String] = [:], sourceByAlias: [String: String] = [:], unpublishedSources: Set<String> = [], brokenSources: Set<String> = []) {
        self.config = config
        self.pathBySource = pathBySource
        self.sourceByAlias = sourceByAlias
        self.unpublishedSources = unpublishedSources
        self.brokenSources = brokenSources
    }
}
