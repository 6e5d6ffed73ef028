/// The data templates see, as typed values: one type per object of `themes/default/README.md`
/// (§ Data), each property one key there. `MustacheData.swift` turns them into what
/// swift-mustache reads; the keys are named there, in snake_case, and nowhere else.
///
/// An optional property is a key that is absent when nil (a template's `{{#key}}` is then
/// skipped and the lookup climbs to outer contexts, as documented). Keys that only restate
/// other data (`has_tags`, `has_toc`, …) are computed here, so they cannot disagree with it.

/// One rendered page: what every page has, and what its kind adds.
struct PageContext: Sendable {
    var site: SiteData
    /// Text for `<title>`: "Post title · Site title", or the site's title alone.
    var pageTitle: String
    var description: String?
    /// Absent on the 404 page, which is served at any missing URL.
    var canonical: String?
    var content: PageContent

    var kind: String { content.kind }
}

/// What a kind of page adds to the keys every page has; the case is the page's `kind`.
enum PageContent: Sendable {
    case post(PostPage)
    case page(PostPage)
    case home(posts: [PostSummary], pagination: Pagination)
    case archives(years: [ArchiveYear], chart: String?)
    case year(YearSummary)
    case tags([TermCount])
    case categories([TermCount])
    case tag(TermPage)
    case category(TermPage)
    case notFound

    var kind: String {
        switch self {
        case .post: "post"
        case .page: "page"
        case .home: "home"
        case .archives: "archives"
        case .year: "year"
        case .tags: "tags"
        case .categories: "categories"
        case .tag: "tag"
        case .category: "category"
        case .notFound: "404"
        }
    }
}

/// `site`: the same on every page.
struct SiteData: Sendable, Equatable {
    var title: String
    var language: String
    /// Absent rather than empty, so that `{{#site.author}}` sections work as themes expect.
    var author: String?
    var description: String?
    var baseURL: String
    var basePath: String
    var homeURL: String
    var archivesURL: String
    var tagsURL: String
    var categoriesURL: String
    var feedURL: String
    var assetsURL: String
    /// `math.script` of blog.yaml; absent without one.
    var mathScript: String? = nil
    var pages: [PageLink]
    var years: [YearLink]
}

/// `{title, url}`: a standalone page in the navigation, or a post's older or newer neighbour.
struct PageLink: Sendable, Equatable {
    var title: String
    var url: String
}

/// `{year, url}` of a year's page, with its number of posts where the list shows it.
struct YearLink: Sendable, Equatable {
    var year: String
    var url: String
    var count: Int?
}

/// `{name, url}`: a tag or category of a post.
struct TermLink: Sendable {
    var name: String
    var url: String
}

/// `{name, url, count}`: a tag or category with its number of posts.
struct TermCount: Sendable {
    var name: String
    var url: String
    var count: Int
}

/// A post summary: an item of every list of posts.
struct PostSummary: Sendable {
    /// `date`, `date_iso`, `year`, `month`, `day`: all present or all absent (an undated page).
    struct Dated: Sendable {
        var day: String
        var iso: String
        var year: String
        var month: String
        var dayOfMonth: String
    }

    /// `updated`, `updated_iso`: present only when the front matter sets `updated`.
    struct Updated: Sendable {
        var day: String
        var iso: String
    }

    var title: String
    var url: String
    var permalink: String
    var excerpt: String
    var summary: String
    var words: Int
    var readingMinutes: Int
    var hasMore: Bool
    var draft: Bool
    var tags: [TermLink]
    var categories: [TermLink]
    var date: Dated?
    var updated: Updated?

    var hasTags: Bool { !tags.isEmpty }
    var hasCategories: Bool { !categories.isEmpty }
}

/// `post` of a post's page, `page` of a standalone page: a summary with the whole content.
struct PostPage: Sendable {
    struct Heading: Sendable {
        var level: Int
        var id: String
        var title: String
    }

    var summary: PostSummary
    var content: String
    var toc: [Heading]
    /// The older post (`prev`) and the newer one (`next`); always nil on a standalone page.
    var older: PageLink?
    var newer: PageLink?

    /// A single heading makes no table of contents.
    var hasTOC: Bool { toc.count > 1 }
}

/// `pagination` of the home pages.
struct Pagination: Sendable {
    /// An item of `pagination.pages`: a page number, or a gap where numbers are skipped.
    enum Item: Sendable {
        case page(number: Int, url: String, current: Bool)
        case gap
    }

    var page: Int
    var totalPages: Int
    /// The newer page (`prev_url`) and the older one (`next_url`), when there is one.
    var prevURL: String?
    var nextURL: String?
    var pages: [Item]

    var hasPrev: Bool { prevURL != nil }
    var hasNext: Bool { nextURL != nil }
}

/// An item of `years` on the archives page.
struct ArchiveYear: Sendable {
    var year: String
    var url: String
    var count: Int
    var months: [MonthPosts]
}

/// A month with posts, in the archives and on a year's page.
struct MonthPosts: Sendable {
    /// `12`
    var month: String
    /// `Dec`, `12月`, …
    var name: String
    /// `2016-12`
    var label: String
    var posts: [PostSummary]

    var count: Int { posts.count }
}

/// `tag` or `category`: its page with its posts.
struct TermPage: Sendable {
    var name: String
    var url: String
    var posts: [PostSummary]

    var count: Int { posts.count }
}
