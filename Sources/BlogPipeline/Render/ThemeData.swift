import BlogCore
import BlogMarkdown

/// The data templates see, as typed values: one type per object of `themes/default/README.md`
/// (§ Data), each property one key there. `MustacheData.swift` turns them into what
/// swift-mustache reads; the keys are named there, in snake_case, and nowhere else.
///
/// An optional property is a key that is absent when nil (a template's `{{#key}}` is then
/// skipped and the lookup climbs to outer contexts, as documented). Keys that only restate
/// other data (`has_tags`, `has_toc`, …) are computed here, so they cannot disagree with it.

/// One rendered page: what every page has, and what its kind adds.
package struct PageContext: Sendable {
    package var site: SiteData
    /// Text for `<title>`: "Post title · Site title", or the site's title alone.
    package var pageTitle: String
    package var description: String?
    /// Absent on the 404 page, which is served at any missing URL.
    package var canonical: String?
    package var content: PageContent
    /// Open Graph, Twitter and JSON-LD: what a chat app or social site shows of a shared link.
    /// Absent on the 404 page.
    package var social: SocialCard? = nil

    package var kind: String { content.kind }
}

/// `social`: a page's card when its link is shared.
package struct SocialCard: Sendable {
    /// `article` for a post, `website` otherwise.
    package var type: String
    package var title: String
    package var description: String?
    /// Absolute.
    package var url: String
    /// `zh_CN`, as Open Graph writes a language.
    package var locale: String
    /// Absolute: the post's first image.
    package var image: String?
    package var imageWidth: Int?
    package var imageHeight: Int?
    package var publishedTime: String?
    package var modifiedTime: String?
    package var tags: [String]
    /// `application/ld+json`, safe to put in a `<script>` as it is.
    package var jsonLD: String

    /// `summary_large_image` when there is an image, `summary` otherwise.
    package var twitterCard: String { image == nil ? "summary" : "summary_large_image" }
}

/// What a kind of page adds to the keys every page has; the case is the page's `kind`.
package enum PageContent: Sendable {
    case post(PostPage)
    case page(PostPage)
    case home(posts: [PostSummary], pagination: Pagination)
    case archives(years: [ArchiveYear], chart: String?)
    case year(YearSummary)
    case tags([TermCount])
    case categories([TermCount])
    case tag(TermPage)
    case category(TermPage)
    case search(SearchPage)
    case notFound

    package var kind: String {
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
        case .search: "search"
        case .notFound: "404"
        }
    }
}

/// `site`: the same on every page.
package struct SiteData: Sendable, Equatable {
    package var title: String
    package var language: String
    /// Absent rather than empty, so that `{{#site.author}}` sections work as themes expect.
    package var author: String?
    package var description: String?
    package var baseURL: String
    package var basePath: String
    package var homeURL: String
    package var archivesURL: String
    package var tagsURL: String
    package var categoriesURL: String
    package var feedURL: String
    package var assetsURL: String
    /// `math.script` of blog.yaml; absent without one.
    package var mathScript: String? = nil
    /// The search page, which the header's search box submits to; absent with
    /// `search: {enabled: false}`.
    package var searchURL: String? = nil
    /// `i18n`: the theme's words in the site's language (`Interface`).
    package var strings: [String: String] = [:]
    /// Whether any published post has a tag, a category: a menu leads to none otherwise.
    package var hasTags = false
    package var hasCategories = false
    package var pages: [PageLink]
    package var years: [YearLink]
}

/// `{title, url}`: a standalone page in the navigation, or a post's older or newer neighbour.
package struct PageLink: Sendable, Equatable {
    package var title: String
    package var url: String
}

/// `{year, url}` of a year's page, with its number of posts where the list shows it.
package struct YearLink: Sendable, Equatable {
    package var year: String
    package var url: String
    package var count: Int?
}

/// `{name, url}`: a tag or category of a post.
package struct TermLink: Sendable {
    package var name: String
    package var url: String
}

/// `{name, url, count}`: a tag or category with its number of posts.
package struct TermCount: Sendable {
    package var name: String
    package var url: String
    package var count: Int
    /// `3 posts`, `3 篇`.
    package var countText: String
}

/// A post summary: an item of every list of posts.
package struct PostSummary: Sendable {
    /// `date`, `date_iso`, `year`, `month`, `day`: all present or all absent (an undated page).
    package struct Dated: Sendable {
        package var day: String
        package var iso: String
        package var year: String
        package var month: String
        package var dayOfMonth: String
    }

    /// `updated`, `updated_iso`: present only when the front matter sets `updated`.
    package struct Updated: Sendable {
        package var day: String
        package var iso: String
    }

    package var title: String
    package var url: String
    package var permalink: String
    package var excerpt: String
    package var summary: String
    package var words: Int
    package var readingMinutes: Int
    /// `words_text`, `reading_time`: the counts as the language says them (`2,821 words`).
    package var wordsText: String
    package var readingTime: String
    package var hasMore: Bool
    package var draft: Bool
    package var tags: [TermLink]
    package var categories: [TermLink]
    package var date: Dated?
    package var updated: Updated?

    package var hasTags: Bool { !tags.isEmpty }
    package var hasCategories: Bool { !categories.isEmpty }
}

/// `post` of a post's page, `page` of a standalone page: a summary with the whole content.
package struct PostPage: Sendable {
    package struct Heading: Sendable {
        package var level: Int
        package var id: String
        package var title: String
    }

    package var summary: PostSummary
    package var content: String
    package var toc: [Heading]
    /// The older post (`prev`) and the newer one (`next`); always nil on a standalone page.
    package var older: PageLink?
    package var newer: PageLink?

    /// A single heading makes no table of contents.
    package var hasTOC: Bool { toc.count > 1 }
}

/// `pagination` of the home pages.
package struct Pagination: Sendable {
    /// An item of `pagination.pages`: a page number, or a gap where numbers are skipped.
    package enum Item: Sendable {
        case page(number: Int, url: String, current: Bool)
        case gap
    }

    package var page: Int
    package var totalPages: Int
    /// The newer page (`prev_url`) and the older one (`next_url`), when there is one.
    package var prevURL: String?
    package var nextURL: String?
    package var pages: [Item]

    package var hasPrev: Bool { prevURL != nil }
    package var hasNext: Bool { nextURL != nil }
}

/// An item of `years` on the archives page.
package struct ArchiveYear: Sendable {
    package var year: String
    package var url: String
    package var count: Int
    package var months: [MonthPosts]
}

/// A month with posts, in the archives and on a year's page.
package struct MonthPosts: Sendable {
    /// `12`
    package var month: String
    /// `Dec`, `12月`, …
    package var name: String
    /// `2016-12`
    package var label: String
    package var posts: [PostSummary]

    package var count: Int { posts.count }
}

/// `search` of the search page: where its script finds the index and itself.
package struct SearchPage: Sendable {
    /// The folder of the index (`/search/`), whose `index.json` the script reads first.
    package var indexURL: String
    package var scriptURL: String
}

/// `tag` or `category`: its page with its posts.
package struct TermPage: Sendable {
    package var name: String
    package var url: String
    package var posts: [PostSummary]
    /// `3 posts`, `3 篇`.
    package var countText: String

    package var count: Int { posts.count }
}
