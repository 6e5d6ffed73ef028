/// Builds the typed data templates see (`ThemeData.swift`, documented in
/// `themes/default/README.md`) from the site model, and hands it to swift-mustache through
/// `MustacheData.swift`.
struct PageData {
    let model: SiteModel
    let site: SiteData
    /// Each post's summary (what every list shows), by source path, built once.
    let summaries: [String: PostSummary]
    /// The same summaries as swift-mustache reads them, converted once: a list shows the same
    /// post on many pages (home, archives, its year, each of its tags).
    let encoder: MustacheEncoder

    var index: SiteIndex { model.index }
    var config: Config { model.index.config }

    /// Each post's summary as swift-mustache reads it, by source path, with the key it was
    /// made under (the post's digest and the settings): for the next build to pass back.
    let converted: [String: ConvertedSummary]

    struct ConvertedSummary: @unchecked Sendable {  // [String: Any] of Strings, numbers, arrays
        var key: UInt64
        var summary: PostSummary
        var data: [String: Any]
    }

    /// - Parameters:
    ///   - only: when given, summaries are made for these posts only (enough for their own
    ///     pages).
    ///   - previous: `converted` of a build before: a summary whose key is the same is not
    ///     converted again (converting costs more than building it).
    init(model: SiteModel, only: [ResolvedPost]? = nil, previous: [String: ConvertedSummary] = [:]) {
        self.model = model
        let index = model.index
        site = SiteData(
            title: index.config.title,
            language: index.config.language,
            author: index.config.author.isEmpty ? nil : index.config.author,
            description: index.config.description.isEmpty ? nil : index.config.description,
            baseURL: index.absoluteURL(""),
            basePath: index.url(""),
            homeURL: index.url(""),
            archivesURL: index.url("archives/"),
            tagsURL: index.url("tags/"),
            categoriesURL: index.url("categories/"),
            feedURL: index.url("feed.xml"),
            assetsURL: index.url("assets/"),
            pages: model.pages.map { PageLink(title: $0.title, url: index.url($0.path)) },
            years: model.years.map { YearLink(year: $0.name, url: index.url($0.path), count: $0.posts.count) })
        var summaries: [String: PostSummary] = [:]
        var converted: [String: [String: Any]] = [:]
        var keyed: [String: ConvertedSummary] = [:]
        // A summary holds URLs, which the settings (base_url) change as well as the post.
        let configDigest = index.configDigest
        for post in only ?? (model.posts + model.pages) {
            let source = post.source.sourcePath
            let key = Digest.of { d in
                d.add(post.digest)
                d.add(configDigest)
            }
            // Made before, typed and converted: building 10,000 of them again was a third of
            // a rebuild of serve.
            if let known = previous[source], known.key == key {
                summaries[source] = known.summary
                converted[known.summary.url] = known.data
                keyed[source] = known
                continue
            }
            let summary = PageData.summary(of: post, index: index)
            summaries[source] = summary
            let dictionary = MustacheEncoder.convert(summary)
            converted[summary.url] = dictionary
            keyed[source] = ConvertedSummary(key: key, summary: summary, data: dictionary)
        }
        self.summaries = summaries
        self.converted = keyed
        encoder = MustacheEncoder(site: site, summaries: converted)
    }

    static func summary(of post: ResolvedPost, index: SiteIndex) -> PostSummary {
        func links(_ names: [String], folder: String) -> [TermLink] {
            names.map { TermLink(name: $0, url: index.url(folder + taxonomySlug($0) + "/")) }
        }
        return PostSummary(
            title: post.title,
            url: index.url(post.path),
            permalink: index.absoluteURL(post.path),
            excerpt: post.excerpt,
            summary: post.summary,
            words: post.words,
            readingMinutes: WordCounter.readingMinutes(words: post.words),
            hasMore: post.hasMore,
            draft: post.source.draft,
            tags: links(post.source.tags, folder: "tags/"),
            categories: links(post.source.categories, folder: "categories/"),
            date: post.date.map { date in
                let t = date.local
                return .init(day: date.day, iso: date.iso8601, year: pad(t.year, 4), month: pad(t.month), dayOfMonth: pad(t.day))
            },
            updated: post.source.updated.map { .init(day: $0.day, iso: $0.iso8601) })
    }

    /// What every page has: the site, its title, description, canonical URL and kind.
    func page(_ content: PageContent, path: String, title: String?, description: String? = nil) -> PageContext {
        PageContext(
            site: site,
            pageTitle: title.map { "\($0) · \(config.title)" } ?? config.title,
            description: description ?? (config.description.isEmpty ? nil : config.description),
            canonical: content.kind == "404" ? nil : index.absoluteURL(path),  // served at any missing URL
            content: content)
    }

    /// The summaries of posts prepared by `init` (all of them unless told otherwise).
    func summaries(_ posts: [ResolvedPost]) -> [PostSummary] {
        posts.compactMap { summaries[$0.source.sourcePath] }
    }

    /// A post or page with its whole content, table of contents and neighbours.
    func full(_ post: ResolvedPost, older: ResolvedPost?, newer: ResolvedPost?) -> PostPage {
        PostPage(
            summary: summaries[post.source.sourcePath] ?? PageData.summary(of: post, index: index),
            content: post.content,
            toc: post.toc.map { PostPage.Heading(level: $0.level, id: $0.id, title: $0.title) },
            older: older.map { PageLink(title: $0.title, url: index.url($0.path)) },
            newer: newer.map { PageLink(title: $0.title, url: index.url($0.path)) })
    }

    func months(_ posts: [ResolvedPost], year: String) -> [MonthPosts] {
        SiteModel.months(of: posts).map { month in
            MonthPosts(month: month.name, name: monthName(Int(month.name) ?? 1), label: "\(year)-\(month.name)",
                       posts: summaries(month.posts))
        }
    }

    func groups(_ groups: [SiteModel.Group]) -> [TermCount] {
        groups.map { TermCount(name: $0.name, url: index.url($0.path), count: $0.posts.count) }
    }

    /// The page's data as swift-mustache reads it.
    func mustache(_ page: PageContext) -> [String: Any] {
        encoder.convert(page)
    }
}
