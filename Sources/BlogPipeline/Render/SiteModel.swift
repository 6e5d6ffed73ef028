import BlogCore
import BlogMarkdown

/// The shared, read-only data of a site that list pages are made from: posts newest first,
/// and posts grouped by year, tag and category. Built once per build.
package struct SiteModel {
    /// A group of posts under one key: a year, a month, a tag or a category.
    package struct Group {
        package var name: String
        /// Output path of the group's page (`tags/swift/`), or "" when it has none.
        package var path: String
        package var posts: [ResolvedPost]
    }

    package let index: SiteIndex
    package let posts: [ResolvedPost]
    package let pages: [ResolvedPost]
    package let years: [Group]
    package let tags: [Group]
    package let categories: [Group]

    package init(index: SiteIndex, posts: [ResolvedPost], pages: [ResolvedPost]) {
        self.index = index
        self.posts = posts.sorted(by: SiteModel.newestFirst)
        self.pages = pages.sorted { $0.title < $1.title }
        years = SiteModel.group(self.posts, folder: "") { [pad($0.date?.year ?? 0, 4)] }
            .sorted { $0.name > $1.name }
        tags = SiteModel.group(self.posts, folder: "tags/") { $0.source.tags }.sorted(by: SiteModel.mostUsedFirst)
        categories = SiteModel.group(self.posts, folder: "categories/") { $0.source.categories }
            .sorted(by: SiteModel.mostUsedFirst)
    }

    /// The same grouping with some posts replaced by new versions of themselves, when none
    /// of them moved (`Placement` unchanged) and no post came or went;
    /// nil otherwise. Saves sorting and grouping every post again for an edit of one.
    package func replacing(_ resolved: [ResolvedPost], index: SiteIndex) -> SiteModel? {
        guard resolved.count == posts.count + pages.count else { return nil }
        var current: [String: ResolvedPost] = [:]
        for post in posts + pages { current[post.source.sourcePath] = post }
        var replacements: [String: ResolvedPost] = [:]
        for post in resolved {
            guard let old = current[post.source.sourcePath] else { return nil }
            if old === post { continue }
            guard old.placement == post.placement else { return nil }
            replacements[post.source.sourcePath] = post
        }
        if replacements.isEmpty && index.configDigest == self.index.configDigest { return self }
        func swap(_ list: [ResolvedPost]) -> [ResolvedPost] {
            list.map { replacements[$0.source.sourcePath] ?? $0 }
        }
        func swap(_ groups: [Group]) -> [Group] {
            groups.map { Group(name: $0.name, path: $0.path, posts: swap($0.posts)) }
        }
        return SiteModel(
            index: index, posts: swap(posts), pages: swap(pages), years: swap(years), tags: swap(tags),
            categories: swap(categories))
    }

    private init(index: SiteIndex, posts: [ResolvedPost], pages: [ResolvedPost], years: [Group], tags: [Group], categories: [Group]) {
        (self.index, self.posts, self.pages) = (index, posts, pages)
        (self.years, self.tags, self.categories) = (years, tags, categories)
    }

    package static func newestFirst(_ a: ResolvedPost, _ b: ResolvedPost) -> Bool { newestFirst(a.source, b.source) }

    package static func newestFirst(_ a: SourcePost, _ b: SourcePost) -> Bool {
        let (da, db) = (a.date?.secondsSince1970 ?? 0, b.date?.secondsSince1970 ?? 0)
        return da != db ? da > db : a.sourcePath < b.sourcePath
    }

    /// The posts the feed will show (the newest), known before any is resolved, so that
    /// only these are also made with absolute URLs.
    package static func feedSources(_ published: [SourcePost]) -> Set<String> {
        Set(published.filter { $0.kind == .post }.sorted(by: newestFirst).prefix(Feeds.feedSize).map(\.sourcePath))
    }

    package static func mostUsedFirst(_ a: Group, _ b: Group) -> Bool {
        a.posts.count != b.posts.count ? a.posts.count > b.posts.count : a.name < b.name
    }

    /// Groups posts by the keys each has (a post may be in several groups), keeping the order
    /// of `posts` within each group. Keys that slug alike (`Swift`, `swift`) are one group,
    /// named as first written.
    package static func group(_ posts: [ResolvedPost], folder: String, keys: (ResolvedPost) -> [String]) -> [Group] {
        var groups: [Group] = []
        var indexBySlug: [String: Int] = [:]
        for post in posts {
            for key in keys(post) {
                let slug = taxonomySlug(key)
                if let i = indexBySlug[slug] {
                    if groups[i].posts.last?.source.sourcePath != post.source.sourcePath { groups[i].posts.append(post) }
                } else {
                    indexBySlug[slug] = groups.count
                    groups.append(Group(name: key, path: folder + slug + "/", posts: [post]))
                }
            }
        }
        return groups
    }

    /// Months of a year's posts (`"01"`…`"12"`), in the order of `posts`.
    package static func months(of posts: [ResolvedPost]) -> [Group] {
        group(posts, folder: "") { [pad($0.date?.month ?? 0)] }
    }
}

/// What places a post in the site: its address and aliases, its publication, and what the
/// lists showing it sort and group it by (date, title, tags, categories). While a post's
/// placement stays the same, an edit of it touches only its own page and the summaries of it
/// that lists show: the one answer, wherever the build asks whether a post moved.
package struct Placement: Equatable {
    var kind: ContentKind
    var slug: String
    var date: PostDate?
    var aliases: [String]
    var draft: Bool
    var title: String
    var tags: [String]
    var categories: [String]
}

extension ResolvedPost {
    package var placement: Placement {
        Placement(
            kind: source.kind, slug: source.slug, date: source.date, aliases: source.aliases, draft: source.draft,
            title: title, tags: source.tags, categories: source.categories)
    }
}
