import Foundation
import BlogCore
import BlogMarkdown

/// The render stage: applies the theme to every page of the site and returns the files to
/// write, without writing any. Each page is first described by a key, a digest of all it is
/// made from, so that the build layer can skip a page whose key did not change.
package struct SiteRenderer {
    /// One page to make: where, from which template, its key, and how to build its data.
    package struct Job {
        package var path: String
        package var template: String
        package var key: UInt64
        package var origin: String?
        /// The page's typed data, made when the page is rendered.
        package var context: () -> PageContext
    }

    package let data: PageData
    package let theme: Theme
    /// What every page shows of the site as a whole (config, navigation, theme).
    package let siteKey: UInt64

    package var model: SiteModel { data.model }
    package var index: SiteIndex { data.index }

    /// - Parameter summaries: `data.converted` of a build before (see `PageData`).
    /// - Parameter content: the HTML of a post's own page (see `PageData.content`).
    package init(
        model: SiteModel, theme: Theme, summaries: [String: PageData.ConvertedSummary] = [:],
        content: @escaping PostContent = { $0.content }
    ) {
        data = PageData(model: model, previous: summaries, content: content)
        self.theme = theme
        siteKey = Digest.of { d in
            d.add(theme.digest)
            d.add(model.index.configDigest)
            d.add(model.pages.map { $0.title + "\u{1}" + $0.path })
            d.add(model.years.map { "\($0.name) \($0.posts.count)" })
        }
    }

    /// Every page of the site, described but not rendered: their paths are known before
    /// any is made.
    package func allJobs() -> [Job] {
        var jobs = postJobs() + pageJobs()
        jobs += homeJobs() + [archivesJob()] + yearJobs()
        jobs += groupJobs(model.tags, kind: "tag", listKind: "tags", listPath: "tags/", title: data.interface["tags"])
        jobs += groupJobs(model.categories, kind: "category", listKind: "categories", listPath: "categories/", title: data.interface["categories"])
        jobs.append(job("404", path: "404.html") { d in d.add("404") } context: {
            data.page(.notFound, path: "404.html", title: data.interface["not_found_title"])
        })
        // A theme of its own without a search page has none; the index is still made.
        if index.config.searchEnabled && theme.sources["search"] != nil { jobs.append(searchJob()) }
        return jobs
    }

    /// The pages of new versions of posts of the model, each between its old neighbours.
    package func jobs(edited: [ResolvedPost]) -> [Job] {
        let positions = Dictionary(model.posts.enumerated().map { ($1.source.sourcePath, $0) }) { a, _ in a }
        return edited.compactMap { post -> Job? in
            guard let i = positions[post.source.sourcePath] else { return nil }
            return postJob(post, older: i + 1 < model.posts.count ? model.posts[i + 1] : nil,
                           newer: i > 0 ? model.posts[i - 1] : nil)
        }
    }

    /// Renders the jobs, on every core.
    package func render(_ jobs: [Job]) -> [OutputFile] {
        let theme = self.theme
        return Array(jobs.indices).parallelMap { i -> OutputFile in
            let job = jobs[i]
            let filePath = SiteIndex.filePath(of: job.path)
            let html = theme.render(job.context(), encoder: data.encoder, template: job.template)
            var file = OutputFile.text(filePath, html, origin: job.origin ?? "the \(job.template) page")
            file.key = job.key
            file.template = job.template
            if filePath.hasSuffix(".html") { file.links = HTMLLinks.references(in: html).map(\.value) }
            return file
        }
    }

    private func job(
        _ template: String, path: String, origin: String? = nil, key: (inout Digest) -> Void,
        context: @escaping () -> PageContext
    ) -> Job {
        let digest = Digest.of { d in
            d.add(siteKey)
            d.add(template)
            d.add(path)
            key(&d)
        }
        return Job(path: path, template: template, key: digest, origin: origin, context: context)
    }

    private func postJobs() -> [Job] {
        let posts = model.posts
        return posts.indices.map { i in
            postJob(posts[i], older: i + 1 < posts.count ? posts[i + 1] : nil, newer: i > 0 ? posts[i - 1] : nil)
        }
    }

    private func postJob(_ post: ResolvedPost, older: ResolvedPost?, newer: ResolvedPost?) -> Job {
        job("post", path: post.path, origin: post.source.sourcePath) { d in
            d.add(post.digest)
            d.add((older?.title ?? "") + "\u{1}" + (older?.path ?? ""))
            d.add((newer?.title ?? "") + "\u{1}" + (newer?.path ?? ""))
        } context: {
            data.page(.post(data.full(post, older: older, newer: newer)), path: post.path, title: post.title,
                      description: post.summary, post: post)
        }
    }

    private func pageJobs() -> [Job] {
        model.pages.map { post in
            job("page", path: post.path, origin: post.source.sourcePath) { d in d.add(post.digest) } context: {
                data.page(.page(data.full(post, older: nil, newer: nil)), path: post.path, title: post.title,
                          description: post.summary, post: post)
            }
        }
    }

    /// `/`, `/page/2/`, `/page/3/`…
    private func homeJobs() -> [Job] {
        let size = index.config.paginate
        let chunks = stride(from: 0, to: max(model.posts.count, 1), by: size).map {
            Array(model.posts[$0..<min($0 + size, model.posts.count)])
        }
        func path(_ page: Int) -> String { page == 1 ? "" : "page/\(page)/" }
        return chunks.enumerated().map { offset, posts in
            let number = offset + 1
            return job("home", path: path(number)) { d in
                d.add(chunks.count)
                for post in posts { d.add(post.digest) }
            } context: {
                let pagination = Pagination(
                    page: number, totalPages: chunks.count,
                    prevURL: number > 1 ? index.url(path(number - 1)) : nil,
                    nextURL: number < chunks.count ? index.url(path(number + 1)) : nil,
                    pages: Self.pageWindow(current: number, total: chunks.count).map { page in
                        guard let page else { return .gap }
                        return .page(number: page, url: index.url(path(page)), current: page == number)
                    })
                return data.page(.home(posts: data.summaries(posts), pagination: pagination), path: path(number),
                                 title: number == 1 ? nil : "Page \(number)")
            }
        }
    }

    /// The page numbers a pagination shows: the first, the last, and two on each side of the
    /// current one, with nil for a gap (a blog of 1,000 home pages must not list them all
    /// on each of them).
    package static func pageWindow(current: Int, total: Int) -> [Int?] {
        var pages: [Int?] = []
        for page in 1...total where page == 1 || page == total || abs(page - current) <= 2 {
            if let last = pages.last ?? nil, page > last + 1 { pages.append(nil) }
            pages.append(page)
        }
        return pages
    }

    private func archivesJob() -> Job {
        job("archives", path: "archives/") { d in
            for post in model.posts { d.add(post.digest) }
        } context: {
            let years = model.years.map { year in
                ArchiveYear(year: year.name, url: index.url(year.path), count: year.posts.count,
                            months: data.months(year.posts, year: year.name))
            }
            let chart = model.years.isEmpty ? nil : data.postsPerYearChart()
            return data.page(.archives(years: years, chart: chart), path: "archives/", title: data.interface["archives"])
        }
    }

    /// A page for every year: its numbers next to the year before, charts, tags, the most
    /// linked posts, the writer's own summary, and every post by month (January first).
    private func yearJobs() -> [Job] {
        let inbound = YearReview.inboundLinks(model.posts)
        let groups = Dictionary(uniqueKeysWithValues: model.years.map { (Int($0.name) ?? 0, $0) })
        return model.years.enumerated().map { i, group in
            let year = Int(group.name) ?? 0
            let featured = model.posts.first { $0.source.yearSummary == year }
            let previousYear = i + 1 < model.years.count ? model.years[i + 1] : nil
            let nextYear = i > 0 ? model.years[i - 1] : nil
            return job("year", path: group.path) { d in
                // The year, the year before it (compared with), links into the year.
                for post in group.posts + (groups[year - 1]?.posts ?? []) { d.add(post.digest) }
                for post in group.posts { d.add(inbound[post.source.sourcePath] ?? 0) }
                d.add(featured?.digest ?? 0)
                d.add((previousYear?.name ?? "") + " " + (nextYear?.name ?? ""))
            } context: {
                let rate = data.interface.readingRate
                let review = YearReview(year: year, posts: group.posts, inbound: inbound, readingRate: rate)
                let previous = groups[year - 1].map { YearReview(year: year - 1, posts: $0.posts, inbound: inbound, readingRate: rate) }
                var summary = data.yearReview(review, previous: previous, path: group.path)
                summary.prev = previousYear.map { YearLink(year: $0.name, url: index.url($0.path)) }
                summary.next = nextYear.map { YearLink(year: $0.name, url: index.url($0.path)) }
                summary.featured = featured.flatMap { data.summaries([$0]).first }
                return data.page(.year(summary), path: group.path, title: group.name)
            }
        }
    }

    /// `/search/`: a form, and the script that reads the index beside it. Its key is the
    /// site's alone: results are made in the reader's browser, not here.
    private func searchJob() -> Job {
        let path = SearchOutput.folder
        return job("search", path: path) { _ in } context: {
            let search = SearchPage(indexURL: index.url(path), scriptURL: index.url("assets/" + SearchOutput.script))
            return data.page(.search(search), path: path, title: data.interface["search"])
        }
    }

    /// Tags or categories: the list page and one page per name.
    private func groupJobs(
        _ groups: [SiteModel.Group], kind: String, listKind: String, listPath: String, title: String
    ) -> [Job] {
        let content: (TermPage) -> PageContent = kind == "tag" ? { .tag($0) } : { .category($0) }
        let listContent: ([TermCount]) -> PageContent = kind == "tag" ? { .tags($0) } : { .categories($0) }
        var jobs = [
            job(listKind, path: listPath) { d in
                d.add(groups.map { "\($0.name) \($0.path) \($0.posts.count)" })
            } context: {
                data.page(listContent(data.groups(groups)), path: listPath, title: title)
            }
        ]
        for group in groups {
            jobs.append(job(kind, path: group.path) { d in
                d.add(group.name)
                for post in group.posts { d.add(post.digest) }
            } context: {
                let term = TermPage(name: group.name, url: index.url(group.path), posts: data.summaries(group.posts),
                                    countText: data.interface.count("posts_count", group.posts.count))
                return data.page(content(term), path: group.path, title: group.name)
            })
        }
        return jobs
    }
}
