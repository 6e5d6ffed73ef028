@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// A page of each kind with every optional value set and every list holding every kind of
/// item: what the documentation test walks. A new property of the theme data does not
/// compile here until it is given a value, and then the test asks for it to be documented.
enum ThemeDataSample {
    static let site = SiteData(
        title: "T", language: "en", author: "A", description: "D", baseURL: "https://example.com/",
        basePath: "/", homeURL: "/", archivesURL: "/archives/", tagsURL: "/tags/", categoriesURL: "/categories/",
        feedURL: "/feed.xml", assetsURL: "/assets/", mathScript: "/js/mathjax.js", searchURL: "/search/",
        strings: Interface(config: Config()).templateStrings, hasTags: true, hasCategories: true, pages: [PageLink(title: "About", url: "/about/")],
        years: [YearLink(year: "2016", url: "/2016/", count: 1)])

    static let summary = PostSummary(
        title: "P", url: "/2016/p/", permalink: "https://example.com/2016/p/", excerpt: "<p>E</p>", summary: "E",
        words: 1, readingMinutes: 1, wordsText: "1 word", readingTime: "1 min read", hasMore: true, draft: false,
        tags: [TermLink(name: "x", url: "/tags/x/")], categories: [TermLink(name: "c", url: "/categories/c/")],
        date: .init(day: "2016-12-31", iso: "2016-12-31T00:00:00Z", year: "2016", month: "12", dayOfMonth: "31"),
        updated: .init(day: "2017-01-01", iso: "2017-01-01T00:00:00Z"))

    static let full = PostPage(
        summary: summary, content: "<p>E</p>",
        toc: [.init(level: 2, id: "a", title: "A"), .init(level: 3, id: "b", title: "B")],
        older: PageLink(title: "O", url: "/2015/o/"), newer: PageLink(title: "N", url: "/2017/n/"))

    static let month = MonthPosts(month: "12", name: "Dec", label: "2016-12", posts: [summary])
    static let term = TermCount(name: "x", url: "/tags/x/", count: 1, countText: "1 post")

    static let year = YearSummary(
        year: "2016", url: "/2016/", count: 1, words: 1, readingMinutes: 1, activeMonths: 1, longestStreak: 1,
        previousYear: "2015", hasPreviousYear: true, nothingToCompare: "No posts in 2015, so nothing to compare with.",
        numbers: [.init(key: "posts", label: "Posts", value: 1, previous: 0, valueText: "1", previousText: "0",
                        change: "+1", trend: "up", compared: "vs 0 in 2015")],
        perMonth: [.init(month: "12", name: "Dec", posts: 1, words: 1)],
        postsChart: "<svg/>", wordsChart: "<svg/>", months: [month], tags: [term], categories: [term],
        mostLinked: [.init(title: "P", url: "/2016/p/", count: 1, countLabel: "1 post")], wordsText: "1",
        first: summary, last: summary, longest: summary, featured: summary,
        prev: YearLink(year: "2015", url: "/2015/"), next: YearLink(year: "2017", url: "/2017/"))

    static func page(_ kind: String) -> PageContext {
        let content: PageContent
        switch kind {
        case "post": content = .post(full)
        case "page": content = .page(PostPage(summary: summary, content: "<p>E</p>", toc: full.toc, older: nil, newer: nil))
        case "home":
            content = .home(
                posts: [summary],
                pagination: Pagination(
                    page: 2, totalPages: 9, prevURL: "/", nextURL: "/page/3/",
                    pages: [.page(number: 1, url: "/", current: false), .gap]))
        case "archives":
            content = .archives(years: [ArchiveYear(year: "2016", url: "/2016/", count: 1, months: [month])], chart: "<svg/>")
        case "year": content = .year(year)
        case "tags": content = .tags([term])
        case "categories": content = .categories([term])
        case "tag": content = .tag(TermPage(name: "x", url: "/tags/x/", posts: [summary], countText: "1 post"))
        case "category": content = .category(TermPage(name: "c", url: "/categories/c/", posts: [summary], countText: "1 post"))
        case "search": content = .search(SearchPage(indexURL: "/search/", scriptURL: "/assets/search.js"))
        default: content = .notFound
        }
        var page = PageContext(
            site: site, pageTitle: "P · T", description: "D",
            canonical: content.kind == "404" ? nil : "https://example.com/", content: content)
        if content.kind != "404" {
            page.social = SocialCard(
                type: "article", title: "P", description: "D", url: "https://example.com/2016/p/", locale: "en",
                image: "https://example.com/2016/p/a.png", imageWidth: 640, imageHeight: 480,
                publishedTime: "2016-12-31T00:00:00Z", modifiedTime: "2017-01-01T00:00:00Z", tags: ["x"], jsonLD: "{}")
        }
        return page
    }
}
