import Foundation
import BlogCore
import BlogMarkdown

/// The last look before writing: every link and image of the finished site that points into
/// it must find a file of the output. A post's are checked against its own page's URL and
/// reported at their line; a dead link the theme makes is reported at its template.
package enum LinkCheck {
    /// Dead links told one by one in a post; the rest are counted.
    package static let maxPerPost = 50

    /// Links of posts' bodies, each relative to the page of its post.
    /// - Parameter text: a post's Markdown, for the line of a dead link: the build reads a
    ///   post restored without it (`PostBody.onDisk`) again, only then.
    package static func bodyProblems(
        _ posts: [ResolvedPost], site: SiteURL, text: @Sendable (SourcePost) -> String? = { $0.body.text }
    ) -> [Diagnostic] {
        posts.parallelMap { post -> [Diagnostic] in
            guard !post.links.isEmpty else { return [] }
            let folder = site.basePath + post.path
            var found: BodyLines?
            func lines() -> BodyLines {
                if let found { return found }
                let made = BodyLines(text(post.source) ?? "")
                found = made
                return made
            }
            var problems: [Diagnostic] = []
            var untold = 0
            for link in post.links where link.check {
                let target = site.target(of: link.url, inFolder: folder)
                guard target != .elsewhere else { continue }
                // A post whose front matter failed has no URL yet: a relative URL that is no
                // file beside it is reported as such, without a place in the output.
                let unplaced = post.source.loadFailed && !link.url.hasPrefix("/") && !hasURLScheme(link.url)
                guard let (leadsTo, absolute) = unplaced ? ("", false) : site.dead(target, url: link.url) else { continue }
                // A post that is a list of dead links (a page saved from elsewhere) would bury
                // every other problem: the first ones, then how many more.
                guard problems.count < maxPerPost else {
                    untold += 1
                    continue
                }
                let line = link.line(in: post.source, lines: lines())
                let looked = unplaced ? "looked in \(link.lookedIn ?? post.source.folder)"
                    : link.lookedIn.map { "looked in \($0) and at \(leadsTo)" } ?? "nothing at \(leadsTo)"
                let message = link.isImage
                    ? "image '\(link.written)' not found (\(looked))"
                    : "link '\(link.written)' leads to no page or file of the site (\(looked))"
                // A full address of this site: the page may live elsewhere (an old URL).
                problems.append(absolute
                    ? .warning(post.source.sourcePath, line: line, message)
                    : .error(post.source.sourcePath, line: line, message))
            }
            if untold > 0 {
                problems.append(.error(post.source.sourcePath, "… and \(untold.formatted()) more links in this post that lead to no page or file of the site"))
            }
            return problems
        }.flatMap { $0 }
    }

    /// Links the theme puts in pages: every `href` and `src` of every rendered page (found
    /// as it was rendered, `OutputFile.links`), but those of posts' bodies (checked above,
    /// against their own pages).
    package static func themeProblems(_ files: [OutputFile], posts: [ResolvedPost], theme: Theme, site: SiteURL) -> [Diagnostic] {
        let fromBodies = Set(posts.flatMap { $0.links.map(\.url) })
        let pages = files.filter { $0.template != nil && $0.path.hasSuffix(".html") }
        // In chunks, each with its own memory of URLs that do not depend on the page (most
        // of a theme's: `/tags/`, a post's URL), which every page repeats.
        let chunks = stride(from: 0, to: pages.count, by: 256).map { Array(pages[$0..<min($0 + 256, pages.count)]) }
        let dead = chunks.parallelMap { chunk -> [[String]] in
            var known: [String: Bool] = [:]
            return chunk.map { file in
                let folder = site.basePath + (file.path as NSString).deletingLastPathComponent + "/"
                return file.links.filter { url in
                    if fromBodies.contains(url) { return false }
                    let independent = url.hasPrefix("/") || url.hasPrefix(site.baseURL)
                    if independent, let isDead = known[url] { return isDead }
                    let isDead = site.dead(url, inFolder: folder) != nil
                    if independent { known[url] = isDead }
                    return isDead
                }
            }
        }.flatMap { $0 }
        // One problem per link and template, however many pages show it.
        struct Place: Hashable { var template: String; var url: String }
        var pagesByLink: [Place: (first: String, count: Int)] = [:]
        for (file, urls) in zip(pages, dead) {
            for url in Set(urls) {
                let place = Place(template: file.template!, url: url)
                let seen = pagesByLink[place]
                pagesByLink[place] = (seen?.first ?? file.path, (seen?.count ?? 0) + 1)
            }
        }
        return pagesByLink.map { place, found in
            let (file, line) = theme.whereWritten(place.url, template: place.template, basePath: site.basePath)
            let folder = site.basePath + (found.first as NSString).deletingLastPathComponent + "/"
            let leadsTo = site.dead(place.url, inFolder: folder)?.leadsTo ?? place.url
            let pages = found.count == 1 ? "on /\(found.first)" : "on \(found.count) pages, such as /\(found.first)"
            return .error(file, line: line, "the theme links to '\(place.url)', which leads to no page or file of the site (nothing at \(leadsTo); \(pages))")
        }
    }
}

extension Theme {
    /// The template file a URL of a page rendered with `template` is written in, and its line
    /// when the URL stands there as text; else the page's own template.
    package func whereWritten(_ url: String, template: String, basePath: String) -> (String, Int?) {
        let order = [template, "base"] + sources.keys.sorted().filter { $0 != template && $0 != "base" }
        // A theme writes `{{base_path}}about/` for `/blog/about/`.
        let relative = url.hasPrefix(basePath) ? String(url.dropFirst(basePath.count)) : url
        for name in order {
            guard let source = sources[name] else { continue }
            for needle in [url, "}}" + relative] where !relative.isEmpty || needle == url {
                if let range = source.text.range(of: needle) {
                    let line = source.text[..<range.lowerBound].utf8.count(where: { $0 == 10 }) + 1
                    return (source.path, line)
                }
            }
        }
        return (sources[template]?.path ?? template, nil)
    }
}
