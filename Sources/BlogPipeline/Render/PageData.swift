import Foundation
import BlogCore
import BlogMarkdown

/// A post's HTML for its own page.
package typealias PostContent = @Sendable (ResolvedPost) -> String

/// Builds the typed data templates see (`ThemeData.swift`, documented in
/// `themes/default/README.md`) from the site model, and hands it to swift-mustache through
/// `MustacheData.swift`.
package struct PageData {
    package let model: SiteModel
    package let site: SiteData
    /// Each post's summary (what every list shows), typed and as swift-mustache reads it,
    /// made the first time a page lists the post: a list shows the same post on many pages
    /// (home, archives, its year, each of its tags), and a build that makes a few pages
    /// needs a few summaries.
    package let store: SummaryStore
    package let encoder: MustacheEncoder
    /// The HTML of a post's own page (`ResolvedPost.content` unless the build says otherwise:
    /// a post restored without its text is read again when its page is made).
    package let content: PostContent
    /// The theme's words, dates and numbers in the site's language.
    package let interface: Interface

    package var index: SiteIndex { model.index }
    package var config: Config { model.index.config }

    /// Each post's summary as swift-mustache reads it, by source path, with the key it was
    /// made under (the post's digest and the settings): for the next build to pass back.
    package var converted: [String: ConvertedSummary] { store.all }

    /// - Parameter previous: `converted` of a build before: a summary whose key is the same
    ///   is not made again (converting costs more than building it).
    package init(model: SiteModel, previous: [String: ConvertedSummary] = [:], content: @escaping PostContent = { $0.content }) {
        self.model = model
        self.content = content
        let index = model.index
        let interface = Interface(config: index.config)
        self.interface = interface
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
            mathScript: index.config.mathScript,
            searchURL: index.config.searchEnabled ? index.url(SearchOutput.folder) : nil,
            strings: interface.templateStrings,
            hasTags: !model.tags.isEmpty,
            hasCategories: !model.categories.isEmpty,
            pages: model.pages.map { PageLink(title: $0.title, url: index.url($0.path)) },
            years: model.years.map { YearLink(year: $0.name, url: index.url($0.path), count: $0.posts.count) })
        var terms: [String: String] = [:]
        for (folder, groups) in [("tags/", model.tags), ("categories/", model.categories)] {
            for group in groups { terms[folder + group.name] = index.url(group.path) }
        }
        store = SummaryStore(index: index, terms: terms, previous: previous)
        encoder = MustacheEncoder(site: site, summaries: store)
    }

    /// - Parameter terms: the URL of each tag (`tags/` and its name) and category
    ///   (`categories/…`), made once for all summaries.
    package static func summary(
        of post: ResolvedPost, index: SiteIndex, interface: Interface, terms: [String: String] = [:]
    ) -> PostSummary {
        func links(_ names: [String], folder: String) -> [TermLink] {
            names.map { TermLink(name: $0, url: terms[folder + $0] ?? index.url(folder + taxonomySlug($0) + "/")) }
        }
        return PostSummary(
            title: post.title,
            url: index.url(post.path),
            permalink: index.absoluteURL(post.path),
            // The writer's `summary:` is what lists show when there is one (imported
            // `description`s too): a first paragraph is often boilerplate.
            excerpt: post.source.summary.map { "<p>" + escapeHTML($0) + "</p>" } ?? post.excerpt,
            summary: post.summary,
            words: post.words,
            readingMinutes: interface.readingMinutes(words: post.words),
            wordsText: interface.count("words", post.words),
            readingTime: interface.count("reading_time", interface.readingMinutes(words: post.words)),
            hasMore: post.hasMore || post.source.summary != nil,
            draft: post.source.draft,
            tags: links(post.source.tags, folder: "tags/"),
            categories: links(post.source.categories, folder: "categories/"),
            date: post.date.map { date in
                let t = date.local
                return .init(day: interface.date(date), iso: date.iso8601, year: pad(t.year, 4), month: pad(t.month), dayOfMonth: pad(t.day))
            },
            updated: post.source.updated.map { .init(day: interface.date($0), iso: $0.iso8601) })
    }

    /// What every page has: the site, its title, description, canonical URL, social card and kind.
    /// - Parameter post: the post or page shown, for its card.
    package func page(
        _ content: PageContent, path: String, title: String?, description: String? = nil, post: ResolvedPost? = nil
    ) -> PageContext {
        let description = description ?? (config.description.isEmpty ? nil : config.description)
        var page = PageContext(
            site: site,
            pageTitle: title.map { "\($0) · \(config.title)" } ?? config.title,
            description: description,
            canonical: content.kind == "404" ? nil : index.absoluteURL(path),  // served at any missing URL
            content: content)
        if let url = page.canonical {
            page.social = SocialCards.card(title: title ?? config.title, description: description, url: url, post: post, index: index)
        }
        return page
    }

    package func summaries(_ posts: [ResolvedPost]) -> [PostSummary] {
        posts.map { store.summary(of: $0).summary }
    }

    /// A post or page with its whole content, table of contents and neighbours.
    package func full(_ post: ResolvedPost, older: ResolvedPost?, newer: ResolvedPost?) -> PostPage {
        PostPage(
            summary: store.summary(of: post).summary,
            content: content(post),
            toc: post.toc.map { PostPage.Heading(level: $0.level, id: $0.id, title: $0.title) },
            older: older.map { PageLink(title: $0.title, url: index.url($0.path)) },
            newer: newer.map { PageLink(title: $0.title, url: index.url($0.path)) })
    }

    package func months(_ posts: [ResolvedPost], year: String) -> [MonthPosts] {
        SiteModel.months(of: posts).map { month in
            MonthPosts(month: month.name, name: interface.month(Int(month.name) ?? 1), label: "\(year)-\(month.name)",
                       posts: summaries(month.posts))
        }
    }

    package func groups(_ groups: [SiteModel.Group]) -> [TermCount] {
        groups.map {
            TermCount(name: $0.name, url: index.url($0.path), count: $0.posts.count,
                      countText: interface.count("posts_count", $0.posts.count))
        }
    }
}
