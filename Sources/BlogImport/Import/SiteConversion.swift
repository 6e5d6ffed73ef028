import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// The middle step: every post's body converted, knowing the whole site.
enum SiteConversion {
    static func convert(_ site: inout ImportedSite, old: OldSite) {
        let links = lookup(site)
        var report = site.report
        let hosts = Set(site.settings.first { $0.0 == "base_url" }.flatMap { URL(string: $0.1.string ?? "")?.host?.lowercased() }.map { [$0, "www." + $0] } ?? [])
        let basePath = site.settings.first { $0.0 == "base_url" }.flatMap { URL(string: $0.1.string ?? "")?.path } ?? "/"
        var oldLinks = OldLinks(links: links, hosts: hosts, basePath: basePath)
        oldLinks.newFiles = Set(site.posts.flatMap { [$0.target] + $0.assets.map(\.1) } + site.files.map(\.1))
        let shortcodes = Set(old.files.filter { $0.hasPrefix("layouts/shortcodes/") }.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
        for i in site.posts.indices {
            let post = site.posts[i]
            let dialect: any TagDialect
            switch site.generator {
            case .jekyll:
                dialect = JekyllTags(
                    links: links,
                    include: { name in
                        guard let text = old.text("_includes/" + name), !text.contains("{%"), !text.contains("{{") else { return nil }
                        return text
                    }, refusal: { old.refusal(of: "_includes/" + $0) })
            case .hugo:
                let images = post.assets.map(\.1).filter { isImage($0) }.map { String($0.dropFirst(((post.target as NSString).deletingLastPathComponent + "/").count)) }
                dialect = HugoShortcodes(links: links, bundleImages: images.sorted(), siteShortcodes: shortcodes)
            case .hexo:
                let folder = (post.target as NSString).deletingLastPathComponent + "/"
                dialect = HexoTags(links: links, file: post.origin, assets: Set(post.assets.map { String($0.1.dropFirst(folder.count)) }))
            }
            var text = post.body
            if site.emojiCodes { text = HugoEmoji.replace(text, file: post.origin, firstLine: post.bodyLine, report: &report) }
            var body = TagRewriter(dialect: dialect, file: post.origin).rewrite(text, firstLine: post.bodyLine, report: &report)
            if site.generator == .jekyll { body = Kramdown.convert(body, report: &report) }
            if let separator = site.excerptSeparator { body = ExcerptMarkers.mark(body, separator: separator) }
            body = oldLinks.rewrite(body, post: post, report: &report)
            if site.generator == .hexo { body = HexoImport.assetPaths(body, post: post) }
            site.posts[i].body = body
        }
        site.report = report
        site.report.posts = site.posts.filter { $0.kind == .post }.count
        site.report.pages = site.posts.filter { $0.kind == .page }.count
        let copied = site.files.map(\.1) + site.posts.flatMap { $0.assets.map(\.1) }
        site.report.images = copied.filter(isImage).count
        site.report.files = copied.count
    }

    static func isImage(_ path: String) -> Bool {
        ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Where everything went, for links between posts.
    private static func lookup(_ site: ImportedSite) -> ImportLinks {
        var links = ImportLinks()
        for post in site.posts {
            let name = ((post.origin as NSString).lastPathComponent as NSString).deletingPathExtension
            links.byName[name] = post.target
            links.byName[name.lowercased()] = links.byName[name.lowercased()] ?? post.target
            for key in post.nameKeys { links.byName[key] = post.target }
            links.byOrigin[post.origin] = post.target
            links.titles[post.target] = post.title
            for url in post.oldURLs { links.byOldURL[ImportLinks.key(ofURL: url)] = post.target }
            links.tags.formUnion(post.tags)
        }
        for (from, to) in site.files where to.hasPrefix("static/") {
            let published = String(to.dropFirst("static/".count))
            links.byOrigin[from] = to
            links.staticURLs[published] = "/" + published
            if let slash = published.firstIndex(of: "/") {
                let inside = String(published[published.index(after: slash)...])
                links.staticURLs[inside] = links.staticURLs[inside] ?? "/" + published
            }
        }
        // A site's own asset tag (`{% img_url gdb/x.png %}`): the folder its files are in.
        for post in site.posts {
            for tag in TemplateScanner.tags(in: post.body) where tag.syntax == .liquid && tag.arguments.count == 1 {
                guard links.assetTagFolders[tag.name] == nil, let url = links.staticURLs[tag.arguments[0]], url.hasSuffix("/" + tag.arguments[0]) else { continue }
                links.assetTagFolders[tag.name] = String(url.dropLast(tag.arguments[0].count))
            }
        }
        return links
    }
}

extension ImportedPost {
    /// Names other posts may call it by: its path under the posts folder without extension
    /// (Hexo's `post_link works/https`), a bundle's folder (Hugo's `relref "slug"`).
    var nameKeys: [String] {
        var keys: [String] = []
        let parts = (generatorPath ?? origin).split(separator: "/").map(String.init)
        if let posts = parts.firstIndex(where: { $0 == "_posts" || $0 == "_drafts" }) {
            keys.append((parts[(posts + 1)...].joined(separator: "/") as NSString).deletingPathExtension)
        }
        if parts.count >= 2, ["index.md", "index.markdown", "index.html"].contains(parts.last!.lowercased()) {
            keys.append(parts[parts.count - 2].lowercased())
            if parts.first == "content" { keys.append(parts.dropFirst().dropLast().joined(separator: "/").lowercased()) }
        } else if parts.first == "content" {
            keys.append((parts.dropFirst().joined(separator: "/") as NSString).deletingPathExtension.lowercased())
        }
        return keys
    }
}
