import Foundation

/// The render stage: applies the theme to every page of the site and returns the files to
/// write, without writing any.
struct SiteRenderer {
    let data: PageData
    let theme: Theme

    var model: SiteModel { data.model }
    var index: SiteIndex { data.index }

    init(model: SiteModel, theme: Theme) {
        data = PageData(model: model)
        self.theme = theme
    }

    func renderAll() -> [OutputFile] {
        var files = renderPosts() + renderPages()
        files += renderHome() + renderArchives() + renderYears()
        files += renderGroups(model.tags, kind: "tag", listKind: "tags", listPath: "tags/", title: "Tags")
        files += renderGroups(model.categories, kind: "category", listKind: "categories", listPath: "categories/", title: "Categories")
        files.append(page("404", path: "404.html", data.page(kind: "404", path: "404.html", title: "Not found")))
        return files
    }

    private func page(_ template: String, path: String, _ context: [String: Any], origin: String? = nil) -> OutputFile {
        .text(SiteIndex.filePath(of: path), theme.render(context, template: template), origin: origin ?? "the \(template) page")
    }

    private func renderPosts() -> [OutputFile] {
        let posts = model.posts
        return Array(posts.indices).parallelMap { i -> OutputFile in
            let post = posts[i]
            var context = data.page(kind: "post", path: post.path, title: post.title, description: post.summary)
            context["post"] = data.full(
                post, older: i + 1 < posts.count ? posts[i + 1] : nil, newer: i > 0 ? posts[i - 1] : nil)
            return page("post", path: post.path, context, origin: post.source.sourcePath)
        }
    }

    private func renderPages() -> [OutputFile] {
        model.pages.map { post in
            var context = data.page(kind: "page", path: post.path, title: post.title, description: post.summary)
            context["page"] = data.full(post, older: nil, newer: nil)
            return page("page", path: post.path, context, origin: post.source.sourcePath)
        }
    }

    /// `/`, `/page/2/`, `/page/3/`…
    private func renderHome() -> [OutputFile] {
        let size = index.config.paginate
        let chunks = stride(from: 0, to: max(model.posts.count, 1), by: size).map {
            Array(model.posts[$0..<min($0 + size, model.posts.count)])
        }
        func path(_ page: Int) -> String { page == 1 ? "" : "page/\(page)/" }
        return chunks.enumerated().map { offset, posts in
            let number = offset + 1
            var context = data.page(kind: "home", path: path(number), title: number == 1 ? nil : "Page \(number)")
            context["posts"] = data.summaries(posts)
            var pagination: [String: Any] = [
                "page": number, "total_pages": chunks.count,
                "has_prev": number > 1, "has_next": number < chunks.count,
                "pages": Self.pageWindow(current: number, total: chunks.count).map { page -> [String: Any] in
                    guard let page else { return ["gap": true] }
                    return ["number": page, "url": index.url(path(page)), "current": page == number]
                },
            ]
            if number > 1 { pagination["prev_url"] = index.url(path(number - 1)) }
            if number < chunks.count { pagination["next_url"] = index.url(path(number + 1)) }
            context["pagination"] = pagination
            return page("home", path: path(number), context)
        }
    }

    /// The page numbers a pagination shows: the first, the last, and two on each side of the
    /// current one, with nil for a gap (a blog of 1,000 home pages must not list them all
    /// on each of them).
    static func pageWindow(current: Int, total: Int) -> [Int?] {
        var pages: [Int?] = []
        for page in 1...total where page == 1 || page == total || abs(page - current) <= 2 {
            if let last = pages.last ?? nil, page > last + 1 { pages.append(nil) }
            pages.append(page)
        }
        return pages
    }

    private func renderArchives() -> [OutputFile] {
        var context = data.page(kind: "archives", path: "archives/", title: "Archives")
        context["years"] = model.years.map { year -> [String: Any] in
            ["year": year.name, "url": index.url(year.path), "count": year.posts.count,
             "months": data.months(year.posts, year: year.name)]
        }
        if !model.years.isEmpty { context["chart"] = data.postsPerYearChart() }
        return [page("archives", path: "archives/", context)]
    }

    /// A page for every year: its numbers next to the year before, charts, tags, the most
    /// linked posts, the writer's own summary, and every post by month (January first).
    private func renderYears() -> [OutputFile] {
        let inbound = YearReview.inboundLinks(model.posts)
        let reviews = Dictionary(uniqueKeysWithValues: model.years.map { group -> (Int, YearReview) in
            let year = Int(group.name) ?? 0
            return (year, YearReview(year: year, posts: group.posts, inbound: inbound))
        })
        return model.years.enumerated().map { i, group in
            let year = Int(group.name) ?? 0
            let review = reviews[year]!
            var summary = data.yearReview(review, previous: reviews[year - 1], path: group.path)
            if i + 1 < model.years.count {
                summary["prev"] = ["year": model.years[i + 1].name, "url": index.url(model.years[i + 1].path)]
            }
            if i > 0 { summary["next"] = ["year": model.years[i - 1].name, "url": index.url(model.years[i - 1].path)] }
            if let featured = model.posts.first(where: { $0.source.yearSummary == year }) {
                summary["featured"] = data.summaries([featured]).first
            }
            var context = data.page(kind: "year", path: group.path, title: group.name)
            context["year"] = summary
            return page("year", path: group.path, context)
        }
    }

    /// Tags or categories: the list page and one page per name.
    private func renderGroups(
        _ groups: [SiteModel.Group], kind: String, listKind: String, listPath: String, title: String
    ) -> [OutputFile] {
        var list = data.page(kind: listKind, path: listPath, title: title)
        list[listKind] = data.groups(groups)
        var files = [page(listKind, path: listPath, list)]
        for group in groups {
            var context = data.page(kind: kind, path: group.path, title: group.name)
            context[kind] = ["name": group.name, "url": index.url(group.path), "count": group.posts.count,
                             "posts": data.summaries(group.posts)] as [String: Any]
            files.append(page(kind, path: group.path, context))
        }
        return files
    }
}
