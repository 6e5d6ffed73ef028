import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// The addresses posts had under the old generator, and what keeps them working: a
/// `permalink` for `blog.yaml` that gives most posts the same address, and an alias (a page
/// that redirects) for every post whose old address it cannot give.
enum OldAddresses {
    /// Expands an old generator's permalink pattern: each `:token` found in `values` is
    /// replaced; double slashes are collapsed, and the result starts with `/`.
    static func expand(_ pattern: String, _ values: [String: String]) -> String {
        var out = expandTokens(pattern) { values[String($0)] }
        while out.contains("//") { out = out.replacingOccurrences(of: "//", with: "/") }
        return out.hasPrefix("/") ? out : "/" + out
    }

    /// The date tokens every generator knows, from a date as shown in its own offset.
    static func dateValues(_ date: PostDate) -> [String: String] {
        let t = date.local
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return [
            "year": String(t.year), "month": two(t.month), "day": two(t.day), "i_month": String(t.month),
            "i_day": String(t.day), "short_year": two(t.year % 100), "hour": two(t.hour), "minute": two(t.minute),
            "second": two(t.second),
        ]
    }

    /// `blog.yaml`'s permalink for an old pattern: the same when every token has a `blog`
    /// equivalent (`:title` → `:slug`, `:output_ext` → `.html`), else `/:year/:month/:slug/`.
    static func newPermalink(from pattern: String, slugTokens: Set<String>) -> String {
        let ours = [
            ":year": ":year", ":month": ":month", ":day": ":day", ":i_month": ":i_month", ":i_day": ":i_day", ":hour": ":hour",
            ":minute": ":minute", ":second": ":second", ":categories": ":categories", ":output_ext": ".html",
        ]
        var out = ""
        var rest = Substring(pattern)
        var slugSeen = false
        while let colon = rest.firstIndex(of: ":") {
            out += rest[..<colon]
            let name = rest[rest.index(after: colon)...].prefix { $0.isLetter || $0 == "_" }
            let token = rest[colon..<name.endIndex]
            if slugTokens.contains(String(token.dropFirst())) {
                out += ":slug"
                slugSeen = true
            } else if let mapped = ours[String(token)] {
                out += mapped
            } else {
                return "/:year/:month/:slug/"
            }
            rest = rest[token.endIndex...]
        }
        out += rest
        while out.contains("//") { out = out.replacingOccurrences(of: "//", with: "/") }
        guard slugSeen else { return "/:year/:month/:slug/" }
        return ConfigParser.normalizedPermalink(out)
    }

    /// The address GitHub Pages (and Jekyll's own server) also answered for a page Jekyll
    /// wrote as `x.html`: `/2019/01/03/a.html` was also `/2019/01/03/a`, and `/about` (a
    /// permalink without `/` or extension, written `about.html`) also `/about.html`.
    static func otherHTMLForm(of address: String) -> String? {
        let path = String(address.prefix { $0 != "#" && $0 != "?" })
        guard !path.hasSuffix("/"), path != "/" else { return nil }
        let name = (path as NSString).lastPathComponent
        if name.hasSuffix(".html") {
            return name == "index.html" || name == ".html" ? nil : String(path.dropLast(".html".count))
        }
        return name.contains(".") ? nil : path + ".html"
    }

    /// The aliases a post needs: each old address that its new one does not already answer.
    /// `/blog/a` is answered by `/blog/a/` (web servers redirect to the folder).
    static func aliases(old: [String], new: String) -> [String] {
        var seen: Set<String> = []
        return old.filter { address in
            let path = address.prefix { $0 != "#" && $0 != "?" }
            let same = path == new || path + "/" == new || (path.hasSuffix("/index.html") && path.dropLast(10) == new)
            return !same && seen.insert(String(path)).inserted && !path.isEmpty && path != "/"
        }.map { String($0.prefix { $0 != "#" && $0 != "?" }) }
    }

    /// A post's address under `blog`'s permalink, as `SiteIndex` will give it (with `/`).
    static func newURL(of post: ImportedPost, config: Config) -> String {
        var source = SourcePost(kind: post.kind, sourcePath: post.target, folder: "", isBundle: false, slug: post.slug, body: .text(""), bodyLineOffset: 0)
        source.date = post.date
        source.categories = post.categories
        return "/" + SiteIndex.outputPath(of: source, config: config)
    }
}

/// Links written to old addresses (`/blog/other-post`, `../../2019/01/03/slug`,
/// `https://old.example.com/2019/01/03/slug/`) become links to the target post's new file.
struct OldLinks {
    var links: ImportLinks
    /// Hosts of the old site (`blog.example.com`), whose full addresses are its own.
    var hosts: Set<String>
    var basePath: String
    /// Every file of the new site (posts, their files, static files): a relative link that
    /// names one is a file beside the post, left as written.
    var newFiles: Set<String> = []

    /// What a link becomes: a post's new file, or the address the old page's link led to.
    enum Target {
        case post(String)
        /// `../../about/` written on the page at `/2019/01/03/a/`: `/about/`, which the
        /// browser went to; from the new file's place the link would lead elsewhere.
        case address(String)
    }

    func rewrite(_ body: String, post: ImportedPost, report: inout ImportReport) -> String {
        guard body.contains("](") || body.contains("href=") else { return body }
        let skipped = FencedCode.ranges(in: body)
        var out = ""
        let bytes = Array(body.utf8)
        var cursor = 0
        var i = 0
        while i < bytes.count {
            // `](url` of Markdown, `href="url` of HTML
            var start: Int?
            var closing: UInt8 = UInt8(ascii: ")")
            if bytes[i] == UInt8(ascii: "]"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "(") {
                start = i + 2
            } else if bytes[i] == UInt8(ascii: "h"), bytes[i...].starts(with: "href=\"".utf8) {
                start = i + 6
                closing = UInt8(ascii: "\"")
            }
            guard let from = start, !skipped.contains(where: { $0.contains(i) }) else {
                i += 1
                continue
            }
            var end = from
            while end < bytes.count, bytes[end] != closing, bytes[end] != 32, bytes[end] != 10 { end += 1 }
            let url = String(decoding: bytes[from..<end], as: UTF8.self)
            switch target(of: url, post: post) {
            case .post(let target)?:
                // The fragment stays as written; the file's path, from a file name, is escaped.
                out += String(decoding: bytes[cursor..<from], as: UTF8.self) + escapeHTML(ImportLinks.link(to: target)) + ImportLinks.fragment(of: url)
                cursor = end
                report.count(isRelativeFile(url) ? "relative link to another post's file → link to its new file" : "link to a post's old address → link to the post's file")
            case .address(let address)?:
                out += String(decoding: bytes[cursor..<from], as: UTF8.self) + address
                cursor = end
                report.count("link relative to the page's old address (../) → the address it led to there")
            case nil: break
            }
            i = max(end, i + 1)
        }
        return out + String(decoding: bytes[cursor...], as: UTF8.self)
    }

    /// `b.md`, `../b/index.md`: a link to a file, relative to the linking one.
    private func isRelativeFile(_ url: String) -> Bool {
        let file = url.prefix { $0 != "#" && $0 != "?" }
        return !url.hasPrefix("/") && !url.contains("://") && (file.hasSuffix(".md") || file.hasSuffix(".markdown"))
    }

    private func target(of url: String, post: ImportedPost) -> Target? {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("mailto:") else { return nil }
        // A link to another post's old file (`/_posts/2024-11-14-a.md`), which the old
        // generator left dead: the writer's meaning is plain. A relative one (`b.md`,
        // `../b.md`) is from the linking file's old place, which a post that became a bundle
        // (`a.md` → `a/index.md`) has left.
        let file = String(url.prefix { $0 != "#" && $0 != "?" })
        if file.hasSuffix(".md") || file.hasSuffix(".markdown") {
            if isRelativeFile(url), let path = SitePath.normalize(SitePath.join((post.origin as NSString).deletingLastPathComponent, file.removingPercentEncoding ?? file)) {
                if let target = links.byOrigin[path] { return .post(target) }
            }
            return links.byOrigin[String(file.drop { $0 == "/" })].map(Target.post)
        }
        var path: String
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            guard hosts.contains(String(rest.prefix { $0 != "/" }).lowercased()) else { return nil }
            path = String(rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...])
        } else if url.hasPrefix("/") {
            path = url
        } else {
            // Relative: to the post's old address, as the browser read it there.
            guard url.hasPrefix("../") || url.hasPrefix("./"), let own = post.oldURLs.first else { return nil }
            let folder = own.hasSuffix("/") ? own : (own as NSString).deletingLastPathComponent + "/"
            path = URL(fileURLWithPath: folder + url).standardizedFileURL.path
            if path.isEmpty { path = "/" }
            if let target = links.byOldURL[ImportLinks.key(ofURL: path, basePath: basePath)] { return .post(target) }
            // Not a post: a page or a file of the old site, at the address the browser went to,
            // unless the link names a file of the new site from the new file's place.
            let newFolder = (post.target as NSString).deletingLastPathComponent
            let plain = String(url.prefix { $0 != "#" && $0 != "?" })
            if url.hasPrefix("../"), SitePath.normalize(SitePath.join(newFolder, plain.removingPercentEncoding ?? plain)).map({ !newFiles.contains($0) }) ?? true {
                let suffix = String(url.dropFirst(plain.count))
                let resolved = URL(fileURLWithPath: folder + plain).standardizedFileURL.path
                let address = plain.hasSuffix("/") && !resolved.hasSuffix("/") ? resolved + "/" : resolved
                return .address(escapeHTML(address) + suffix)
            }
            return nil
        }
        if path.isEmpty { path = "/" }
        return links.byOldURL[ImportLinks.key(ofURL: path, basePath: basePath)].map(Target.post)
    }
}
