/// The data templates see, as documented in `themes/default/README.md`. Built from plain
/// values into dictionaries, which swift-mustache reads without reflection.
struct PageData {
    let model: SiteModel
    let site: [String: Any]
    /// Each post's summary dictionary (what every list shows), by source path, built once.
    let summaries: [String: [String: Any]]

    var index: SiteIndex { model.index }
    var config: Config { model.index.config }

    init(model: SiteModel, cache: BuildCache? = nil, only: [ResolvedPost]? = nil) {
        self.model = model
        let index = model.index
        var site: [String: Any] = [
            "title": index.config.title,
            "language": index.config.language,
            "base_url": index.absoluteURL(""),
            "base_path": index.url(""),
            "home_url": index.url(""),
            "archives_url": index.url("archives/"),
            "tags_url": index.url("tags/"),
            "categories_url": index.url("categories/"),
            "feed_url": index.url("feed.xml"),
            "assets_url": index.url("assets/"),
            "pages": model.pages.map { ["title": $0.title, "url": index.url($0.path)] as [String: Any] },
            "years": model.years.map { year -> [String: Any] in
                ["year": year.name, "url": index.url(year.path), "count": year.posts.count]
            },
        ]
        // Absent rather than empty, so that `{{#site.author}}` sections work as themes expect.
        if !index.config.author.isEmpty { site["author"] = index.config.author }
        if !index.config.description.isEmpty { site["description"] = index.config.description }
        self.site = site
        var summaries: [String: [String: Any]] = [:]
        // A summary holds URLs, which the settings (base_url) change as well as the post.
        let configDigest = index.configDigest
        for post in only ?? (model.posts + model.pages) {
            let source = post.source.sourcePath
            let key = Digest.of { d in
                d.add(post.digest)
                d.add(configDigest)
            }
            if let cached = cache?.summary(source, digest: key) {
                summaries[source] = cached
            } else {
                let summary = PageData.summary(of: post, index: index)
                cache?.store(summary: summary, for: source, digest: key)
                summaries[source] = summary
            }
        }
        self.summaries = summaries
    }

    static func summary(of post: ResolvedPost, index: SiteIndex) -> [String: Any] {
        func links(_ names: [String], folder: String) -> [[String: Any]] {
            names.map { name in
                let slug = taxonomySlug(name)
                return ["name": name, "url": index.url(folder + slug + "/")]
            }
        }
        var data: [String: Any] = [
            "title": post.title,
            "url": index.url(post.path),
            "permalink": index.absoluteURL(post.path),
            "excerpt": post.excerpt,
            "summary": post.summary,
            "words": post.words,
            "reading_minutes": WordCounter.readingMinutes(words: post.words),
            "has_more": post.hasMore,
            "draft": post.source.draft,
            "tags": links(post.source.tags, folder: "tags/"),
            "categories": links(post.source.categories, folder: "categories/"),
            "has_tags": !post.source.tags.isEmpty,
            "has_categories": !post.source.categories.isEmpty,
        ]
        if let date = post.date {
            let t = date.local
            data["date"] = date.day
            data["date_iso"] = date.iso8601
            data["year"] = pad(t.year, 4)
            data["month"] = pad(t.month)
            data["day"] = pad(t.day)
        }
        if let updated = post.source.updated {
            data["updated"] = updated.day
            data["updated_iso"] = updated.iso8601
        }
        return data
    }

    /// What every page has: the site, its title, description, canonical URL and kind.
    func page(kind: String, path: String, title: String?, description: String? = nil) -> [String: Any] {
        var data: [String: Any] = [
            "site": site,
            "kind": kind,
            "page_title": title.map { "\($0) · \(config.title)" } ?? config.title,
        ]
        if let description = description ?? (config.description.isEmpty ? nil : config.description) {
            data["description"] = description
        }
        if kind != "404" { data["canonical"] = index.absoluteURL(path) }  // served at any missing URL
        return data
    }

    func summaries(_ posts: [ResolvedPost]) -> [[String: Any]] {
        posts.map { summaries[$0.source.sourcePath] ?? [:] }
    }

    /// A post or page with its whole content, table of contents and neighbours.
    func full(_ post: ResolvedPost, older: ResolvedPost?, newer: ResolvedPost?) -> [String: Any] {
        var data = summaries[post.source.sourcePath] ?? [:]
        data["content"] = post.content
        data["toc"] = post.toc.map { ["level": $0.level, "id": $0.id, "title": $0.title] as [String: Any] }
        data["has_toc"] = post.toc.count > 1
        if let older { data["prev"] = ["title": older.title, "url": index.url(older.path)] }
        if let newer { data["next"] = ["title": newer.title, "url": index.url(newer.path)] }
        return data
    }

    func months(_ posts: [ResolvedPost], year: String) -> [[String: Any]] {
        SiteModel.months(of: posts).map { month -> [String: Any] in
            ["month": month.name, "name": monthName(Int(month.name) ?? 1), "label": "\(year)-\(month.name)",
             "count": month.posts.count, "posts": summaries(month.posts)]
        }
    }

    func groups(_ groups: [SiteModel.Group]) -> [[String: Any]] {
        groups.map { ["name": $0.name, "url": index.url($0.path), "count": $0.posts.count] as [String: Any] }
    }
}
