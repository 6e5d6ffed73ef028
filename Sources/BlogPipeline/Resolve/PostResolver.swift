import Foundation
import BlogCore
import BlogMarkdown
import Images

/// One entry of a post's table of contents.
public struct TOCEntry: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var title: String

    package init(level: Int, id: String, title: String) {
        self.level = level
        self.id = id
        self.title = title
    }
}

/// The first image of a post, for its social card: a file of the site (its output path) with
/// its size, or another site's image by its URL.
public struct LeadImage: Sendable, Hashable {
    public var path: String
    public var isExternal: Bool
    public var size: ImageSize?

    package init(path: String, isExternal: Bool, size: ImageSize?) {
        (self.path, self.isExternal, self.size) = (path, isExternal, size)
    }
}

/// A post after parsing and resolving: its HTML, with every local URL pointing where the
/// build publishes it, and the facts lists and feeds need. A class, immutable: lists, groups
/// and caches share one instance instead of copying a dozen strings each.
public final class ResolvedPost: Sendable {
    public let source: SourcePost
    public let title: String
    /// Output path relative to the base path (`2016/12/a/`).
    public let path: String
    public let content: String
    public let excerpt: String
    /// The post goes on after its excerpt.
    public let hasMore: Bool
    /// Plain text for meta descriptions and list previews.
    public let summary: String
    public let toc: [TOCEntry]
    public let words: Int
    public let assets: [Asset]
    /// Source files of the posts and pages this one links to.
    public let linkedSources: [String]
    /// Links to headings (`other.md#part`, `#part`), for `blog check`.
    public let fragmentLinks: [FragmentLink]
    /// Every URL the body puts in a page, raw HTML's too, for the check of the finished site.
    public let links: [BodyLink]
    /// The content with absolute URLs, for the feed (readers show it away from the site);
    /// made only for the posts the feed shows, from the same parse.
    public let feedContent: String?
    /// The post's first image, which its social card shows.
    public let image: LeadImage?
    /// A digest of everything above that pages show (see `computeDigest`).
    public let digest: UInt64

    package init(source: SourcePost, title: String, path: String, content: String, excerpt: String, hasMore: Bool,
         summary: String, toc: [TOCEntry], words: Int, assets: [Asset], linkedSources: [String],
         fragmentLinks: [FragmentLink] = [], links: [BodyLink] = [], feedContent: String? = nil,
         image: LeadImage? = nil, digested: Bool = true, digest known: UInt64? = nil) {
        (self.source, self.title, self.path, self.content, self.excerpt) = (source, title, path, content, excerpt)
        (self.hasMore, self.summary, self.toc, self.words) = (hasMore, summary, toc, words)
        (self.assets, self.linkedSources, self.fragmentLinks) = (assets, linkedSources, fragmentLinks)
        (self.links, self.feedContent, self.image) = (links, feedContent, image)
        // Only a cache compares digests; a one-off build need not read every page twice.
        // `known`: read back with a build's saved state, which keeps the digest, not the content.
        digest = known ?? (!digested ? 0 : Digest.of { d in
            d.add(source.sourcePath)
            d.add(title)
            d.add(path)
            d.add(content)
            d.add(excerpt)
            d.add(summary)
            d.add(hasMore)
            d.add(words)
            d.add(source.date?.iso8601 ?? "")
            d.add(source.updated?.iso8601 ?? "")
            d.add(source.tags)
            d.add(source.categories)
            d.add(source.draft)
            d.add(source.yearSummary ?? 0)
            d.add(toc.map { "\($0.level) \($0.id) \($0.title)" })
        })
    }

    public var date: PostDate? { source.date }
}

/// Parses a post's Markdown with cmark and resolves it against the site: the parse and
/// resolve stages of one post, run on any thread.
public struct PostResolver: Sendable {
    public var index: SiteIndex
    public var files: SiteFiles
    public var style: URLStyle = .rootRelative
    /// The extra warnings of `blog check` (alt text, image size).
    public var checks = false
    /// Whether resolved posts carry their digest (for a `BuildCache`).
    public var digests = true
    /// Where images' variants are made and kept; nil publishes every image as it is.
    public var images: VariantStore?

    public init(index: SiteIndex, files: SiteFiles, style: URLStyle = .rootRelative) {
        (self.index, self.files, self.style) = (index, files, style)
    }

    /// - Parameter forFeed: the post is one the feed shows: its content is also made with
    ///   absolute URLs (`feedContent`).
    /// - Parameter post: whole (its body `.text`): a post held by reference to its file is read
    ///   by the build first.
    public func resolve(_ post: SourcePost, forFeed: Bool = false) -> (ResolvedPost?, [Diagnostic]) {
        guard case .text(let body) = post.body else {
            preconditionFailure("\(post.sourcePath): resolved without its text, which the build reads first")
        }
        let path = index.pathBySource[post.sourcePath] ?? ""
        let document = MarkdownDocument(
            body, safe: index.config.safeMarkdown, extensions: index.config.markdownExtensions,
            footnotePrefix: slugify(path.isEmpty ? post.slug : path) + "-", hardBreaks: index.config.hardBreaks,
            backslashMath: index.config.mathBackslash, mathScript: index.config.mathScript != nil,
            alertTitles: containsBytes(body, "[!") ? Self.alertTitles(index.config) : [:])
        var problems: [Diagnostic] = document.warnings.map { .warning(post.sourcePath, line: $0.line + post.bodyLineOffset, $0.message) }
        let title = post.title ?? takeTitleHeading(from: document)
        // A post whose front matter failed may have its title there: not a second error.
        if (title == nil || title?.isEmpty == true) && !post.loadFailed {
            problems.append(.error(post.sourcePath, line: 1, "no title: add 'title: …' to the front matter or start the post with a '# Title' line"))
        }
        if TemplateTags.mayContain(body) {
            problems += TemplateTags.warnings(in: document).map { .warning(post.sourcePath, line: $0.line + post.bodyLineOffset, $0.message) }
        }
        let links = LinkResolver(post: post, index: index, files: files, style: style)
        var walk = DocumentWalk(post: post, body: body, links: links, safe: index.config.safeMarkdown, document: document)
        if forFeed { walk.absolute = LinkResolver(post: post, index: index, files: files, style: .absolute) }
        walk.checks = checks ? index.config.maxImageKilobytes : nil
        walk.images = index.config.images.enabled ? images : nil
        walk.resolveURLs(in: document)
        problems += walk.problems
        var image = walk.image
        if let written = post.image {
            switch links.cardImage(written) {
            case .found(let lead, let asset):
                image = lead
                if let asset, !walk.assets.contains(asset) { walk.assets.append(asset) }
            case .problem(let message):
                // Readers never see it: the card falls back to the body's first image.
                let line = post.line(ofKey: "image") ?? post.line(ofKey: "images") ?? 1
                problems.append(.warning(post.sourcePath, line: line, message + "; the social card shows the post's first image instead"))
            }
        }
        // Only fences name a language: a post without one has nothing to colour.
        let fenced = containsBytes(body, "```") || containsBytes(body, "~~~")
        let code = CodeBlocks(enabled: index.config.highlight, lineNumbers: index.config.lineNumbers)
        for (language, use) in (fenced ? code.highlight(in: document) : [:]).sorted(by: { $0.key < $1.key }) {
            problems.append(UnknownLanguages.warning(language, blocks: use.count, file: post.sourcePath, line: use.line + post.bodyLineOffset))
        }
        let toc = HeadingIDs.assign(in: document)
        let parts = ExcerptSplit(document)
        let feedContent = forFeed ? walk.withAbsoluteURLs { ExcerptSplit(document).content } : nil
        let summary = post.summary ?? truncate(collapsingWhitespace(parts.excerptText), limit: 200)
        let resolved = ResolvedPost(
            source: post, title: title ?? "", path: path,
            content: parts.content, excerpt: parts.excerpt, hasMore: parts.hasMore, summary: summary,
            toc: toc, words: WordCounter.count(walk.text), assets: walk.assets, linkedSources: walk.linkedSources,
            fragmentLinks: walk.fragmentLinks, links: walk.bodyLinks, feedContent: feedContent, image: image,
            digested: digests)
        // Kept with its problems too: the finished site's links are checked in the same round.
        return (resolved, problems)
    }

    /// `> [!NOTE]`'s title and its kin, in the blog's language (and its `i18n/` file).
    static func alertTitles(_ config: Config) -> [String: String] {
        let interface = Interface(config: config)
        return Dictionary(uniqueKeysWithValues: Alerts.kinds.map { ($0.name, interface["alert." + $0.name]) })
    }

    /// An exported post starts with `# Title` instead of front matter: that heading is the
    /// title, and is not repeated in the body.
    private func takeTitleHeading(from document: MarkdownDocument) -> String? {
        guard let first = document.blocks.first, first.isHeading, first.headingLevel == 1 else { return nil }
        let title = trimmed(first.plainText)
        first.delete()
        return title
    }
}
