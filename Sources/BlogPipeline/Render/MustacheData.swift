import Foundation
import BlogCore
import BlogMarkdown

/// The one place where the typed theme data (`ThemeData.swift`, `YearData.swift`) becomes
/// what swift-mustache reads, and where each key gets the name the theme's README documents.
///
/// Why dictionaries rather than making the types `MustacheParent`s: swift-mustache looks a
/// key up by casting each object of its context stack from `Any` to `MustacheParent`, for
/// every `{{key}}` and at every level the lookup climbs. A struct of many fields is copied
/// into a new box by each such cast; a dictionary is one reference. Summaries and the site,
/// which many pages show, are converted once per build and shared; Mirror is never used,
/// since no value handed over is anything but a dictionary, an array or a scalar.
///
/// An absent key is left out of its dictionary, never stored as nil: Mustache then climbs to
/// outer contexts as the README says.
package struct MustacheEncoder {
    /// Converted summaries by URL (unique to a post). Built from the same summaries the pages
    /// of one build hold, so a summary found here is the one a page lists.
    private let summaries: SummaryStore?
    /// The site and its strings converted once; a page that holds another site (a test's) is
    /// converted as it is.
    private let site: (typed: SiteData, converted: [String: Any], strings: [String: Any])?

    package init(site: SiteData? = nil, summaries: SummaryStore? = nil) {
        self.summaries = summaries
        self.site = site.map { ($0, Self.convert($0), $0.strings) }
    }

    package func convert(_ page: PageContext) -> [String: Any] {
        let same = site.flatMap { $0.typed == page.site ? $0 : nil }
        var data: [String: Any] = [
            "site": same?.converted ?? Self.convert(page.site),
            "i18n": same?.strings ?? page.site.strings as [String: Any],
            "kind": page.kind,
            "page_title": page.pageTitle,
        ]
        data["description"] = page.description
        data["canonical"] = page.canonical
        data["social"] = page.social.map(Self.convert)
        switch page.content {
        case .post(let post): data["post"] = convert(post)
        case .page(let page): data["page"] = convert(page)
        case .home(let posts, let pagination):
            data["posts"] = posts.map(convert)
            data["pagination"] = Self.convert(pagination)
        case .archives(let years, let chart):
            data["years"] = years.map { year -> [String: Any] in
                ["year": year.year, "url": year.url, "count": year.count, "months": year.months.map(convert)]
            }
            data["chart"] = chart
        case .year(let year): data["year"] = convert(year)
        case .tags(let terms): data["tags"] = terms.map(Self.convert)
        case .categories(let terms): data["categories"] = terms.map(Self.convert)
        case .tag(let term): data["tag"] = convert(term)
        case .category(let term): data["category"] = convert(term)
        case .search(let search): data["search"] = ["index_url": search.indexURL, "script_url": search.scriptURL]
        case .notFound: break
        }
        return data
    }

    package static func convert(_ site: SiteData) -> [String: Any] {
        var data: [String: Any] = [
            "title": site.title,
            "language": site.language,
            "base_url": site.baseURL,
            "base_path": site.basePath,
            "home_url": site.homeURL,
            "archives_url": site.archivesURL,
            "tags_url": site.tagsURL,
            "categories_url": site.categoriesURL,
            "feed_url": site.feedURL,
            "has_tags": site.hasTags,
            "has_categories": site.hasCategories,
            "assets_url": site.assetsURL,
            "pages": site.pages.map(convert),
            "years": site.years.map(convert),
        ]
        data["author"] = site.author
        data["description"] = site.description
        data["math_script"] = site.mathScript
        data["search_url"] = site.searchURL
        return data
    }

    package static func convert(_ card: SocialCard) -> [String: Any] {
        var data: [String: Any] = [
            "type": card.type, "title": card.title, "url": card.url, "locale": card.locale,
            "twitter_card": card.twitterCard, "tags": card.tags, "json_ld": card.jsonLD,
        ]
        data["description"] = card.description
        data["image"] = card.image
        data["image_width"] = card.imageWidth
        data["image_height"] = card.imageHeight
        data["published_time"] = card.publishedTime
        data["modified_time"] = card.modifiedTime
        return data
    }

    package static func convert(_ link: PageLink) -> [String: Any] {
        ["title": link.title, "url": link.url]
    }

    package static func convert(_ link: YearLink) -> [String: Any] {
        var data: [String: Any] = ["year": link.year, "url": link.url]
        data["count"] = link.count
        return data
    }

    package static func convert(_ term: TermCount) -> [String: Any] {
        ["name": term.name, "url": term.url, "count": term.count, "count_text": term.countText]
    }

    package func convert(_ summary: PostSummary) -> [String: Any] {
        summaries?.converted(url: summary.url) ?? Self.convert(summary)
    }

    package static func convert(_ summary: PostSummary) -> [String: Any] {
        func links(_ terms: [TermLink]) -> [[String: Any]] {
            terms.map { ["name": $0.name, "url": $0.url] }
        }
        var data: [String: Any] = [
            "title": summary.title,
            "url": summary.url,
            "permalink": summary.permalink,
            "excerpt": summary.excerpt,
            "summary": summary.summary,
            "words": summary.words,
            "reading_minutes": summary.readingMinutes,
            "words_text": summary.wordsText,
            "reading_time": summary.readingTime,
            "has_more": summary.hasMore,
            "draft": summary.draft,
            "tags": links(summary.tags),
            "categories": links(summary.categories),
            "has_tags": summary.hasTags,
            "has_categories": summary.hasCategories,
        ]
        if let date = summary.date {
            data["date"] = date.day
            data["date_iso"] = date.iso
            data["year"] = date.year
            data["month"] = date.month
            data["day"] = date.dayOfMonth
        }
        if let updated = summary.updated {
            data["updated"] = updated.day
            data["updated_iso"] = updated.iso
        }
        return data
    }

    /// A post's or page's summary with its content: `post`, `page`.
    package func convert(_ post: PostPage) -> [String: Any] {
        var data = convert(post.summary)
        data["content"] = post.content
        data["toc"] = post.toc.map { ["level": $0.level, "id": $0.id, "title": $0.title] as [String: Any] }
        data["has_toc"] = post.hasTOC
        data["prev"] = post.older.map(Self.convert)
        data["next"] = post.newer.map(Self.convert)
        return data
    }

    package static func convert(_ pagination: Pagination) -> [String: Any] {
        var data: [String: Any] = [
            "page": pagination.page,
            "total_pages": pagination.totalPages,
            "has_prev": pagination.hasPrev,
            "has_next": pagination.hasNext,
            "pages": pagination.pages.map { item -> [String: Any] in
                switch item {
                case .page(let number, let url, let current): ["number": number, "url": url, "current": current]
                case .gap: ["gap": true]
                }
            },
        ]
        data["prev_url"] = pagination.prevURL
        data["next_url"] = pagination.nextURL
        return data
    }

    package func convert(_ month: MonthPosts) -> [String: Any] {
        ["month": month.month, "name": month.name, "label": month.label, "count": month.count,
         "posts": month.posts.map(convert)]
    }

    package func convert(_ term: TermPage) -> [String: Any] {
        ["name": term.name, "url": term.url, "count": term.count, "count_text": term.countText, "posts": term.posts.map(convert)]
    }

    package func convert(_ year: YearSummary) -> [String: Any] {
        var data: [String: Any] = [
            "year": year.year, "url": year.url, "count": year.count, "words": year.words,
            "reading_minutes": year.readingMinutes, "active_months": year.activeMonths,
            "longest_streak": year.longestStreak, "previous_year": year.previousYear,
            "has_previous_year": year.hasPreviousYear,
            "nothing_to_compare": year.nothingToCompare,
            "numbers": year.numbers.map { number -> [String: Any] in
                ["key": number.key, "label": number.label, "value": number.value, "previous": number.previous,
                 "value_text": number.valueText, "previous_text": number.previousText,
                 "change": number.change, "trend": number.trend, "compared": number.compared]
            },
            "per_month": year.perMonth.map { month -> [String: Any] in
                ["month": month.month, "name": month.name, "posts": month.posts, "words": month.words]
            },
            "posts_chart": year.postsChart,
            "words_chart": year.wordsChart,
            "months": year.months.map(convert),
            "tags": year.tags.map(Self.convert),
            "categories": year.categories.map(Self.convert),
            "most_linked": year.mostLinked.map { post -> [String: Any] in
                ["title": post.title, "url": post.url, "count": post.count, "count_label": post.countLabel]
            },
            "has_most_linked": year.hasMostLinked,
            "has_categories": year.hasCategories,
            "has_tags": year.hasTags,
            "words_text": year.wordsText,
        ]
        data["first"] = year.first.map(convert)
        data["last"] = year.last.map(convert)
        data["longest"] = year.longest.map(convert)
        data["featured"] = year.featured.map(convert)
        data["prev"] = year.prev.map(Self.convert)
        data["next"] = year.next.map(Self.convert)
        return data
    }
}

extension PageData {
    /// A summary with its converted form (`MustacheEncoder.convert`), made under `key`.
    package struct ConvertedSummary: @unchecked Sendable {  // [String: Any] of Strings, numbers, arrays
        package var key: UInt64
        package var summary: PostSummary
        package var data: [String: Any]
    }
}

/// The summaries of one build, made on first use from any thread.
package final class SummaryStore: @unchecked Sendable {
    private let lock = NSLock()
    private let index: SiteIndex
    private let interface: Interface
    private let terms: [String: String]
    private var previous: [String: PageData.ConvertedSummary]
    private var made: [String: PageData.ConvertedSummary] = [:]
    /// The converted form by URL (unique to a post), for `MustacheEncoder`.
    private var byURL: [String: [String: Any]] = [:]

    package init(index: SiteIndex, terms: [String: String], previous: [String: PageData.ConvertedSummary]) {
        (self.index, self.terms, self.previous) = (index, terms, previous)
        interface = Interface(config: index.config)
    }

    package func summary(of post: ResolvedPost) -> PageData.ConvertedSummary {
        let source = post.source.sourcePath
        // A summary holds URLs, which the settings (base_url) change as well as the post.
        let key = Digest.of { d in
            d.add(post.digest)
            d.add(index.configDigest)
        }
        let known = lock.withLock { made[source] ?? previous[source] }
        if let known, known.key == key {
            lock.withLock { if made[source] == nil { keep(known, for: source) } }
            return known
        }
        let summary = PageData.summary(of: post, index: index, interface: interface, terms: terms)
        let converted = PageData.ConvertedSummary(key: key, summary: summary, data: MustacheEncoder.convert(summary))
        lock.withLock { keep(converted, for: source) }
        return converted
    }

    private func keep(_ converted: PageData.ConvertedSummary, for source: String) {
        made[source] = converted
        byURL[converted.summary.url] = converted.data
    }

    package func converted(url: String) -> [String: Any]? {
        lock.withLock { byURL[url] }
    }

    /// Those made by this build, and those of the build before that it did not need.
    package var all: [String: PageData.ConvertedSummary] {
        lock.withLock { previous.merging(made) { $1 } }
    }
}
