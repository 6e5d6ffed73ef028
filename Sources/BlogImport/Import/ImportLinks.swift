import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// What a conversion needs to know of the whole old site: where each post went, and which
/// old address was whose. Links between posts become links to the target's new source file
/// (`/posts/2019/a.md`), which `blog` resolves to wherever the post is published.
struct ImportLinks {
    /// A post's file name without extension (`2019-05-14-zero-to-main-1`, Jekyll's `post_url`)
    /// or its path under the posts folder (`works/https`, Hexo's `post_link`) → its new file.
    var byName: [String: String] = [:]
    /// A file's old path → its new path.
    var byOrigin: [String: String] = [:]
    /// A post's old address, normalized (see `key(ofURL:)`) → its new file.
    var byOldURL: [String: String] = [:]
    /// New file → title, for links written without text.
    var titles: [String: String] = [:]
    /// Tag names the new site has.
    var tags: Set<String> = []
    /// Files of the old site's static folders, by their path inside the folder and by name
    /// (`gdb/x.png` → `/img/gdb/x.png`), for a site's own asset tags (`{% img_url gdb/x.png %}`).
    var staticURLs: [String: String] = [:]
    /// For such a tag, the folder its arguments are in (`img_url` → `/img/`), learnt from the
    /// uses that name a file that exists: a use naming a missing file gets the same address,
    /// which the build then reports, as the old site's page showed a broken image.
    var assetTagFolders: [String: String] = [:]

    /// `/posts/2019/a.md`: the form a link to another post's source takes.
    static func link(to target: String) -> String { "/" + target }

    /// An old address as the lookup compares it: no host, no base path, no `index.html` or
    /// `.html`, no slashes at the ends, lowercase, percent-decoded.
    static func key(ofURL url: String, basePath: String = "/") -> String {
        var path = Substring(url)
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            path = path[(path.firstIndex(of: "/") ?? path.endIndex)...]
        }
        path = path.prefix { $0 != "#" && $0 != "?" }
        var text = String(path).removingPercentEncoding ?? String(path)
        let base = basePath.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !base.isEmpty, text.hasPrefix(base + "/") || text == base { text = String(text.dropFirst(base.count)) }
        if text.hasSuffix("index.html") { text = String(text.dropLast("index.html".count)) }
        if text.hasSuffix(".html") { text = String(text.dropLast(".html".count)) }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: "/")).lowercased()
    }

    /// The fragment of a URL, with its `#`, or "".
    static func fragment(of url: String) -> String {
        url.firstIndex(of: "#").map { String(url[$0...]) } ?? ""
    }
}
