import BlogCore
import BlogMarkdown

/// The feed's URLs: the same tree, written once more with every URL the walk rewrote in
/// absolute style, so the feed needs no second parse of its posts.
extension DocumentWalk {
    /// What `written` becomes in absolute style, when it points into the site and the post
    /// is one of the feed's; nil otherwise.
    package func absoluteURL(of written: String, isImage: Bool) -> String? {
        switch absolute?.resolve(written, isImage: isImage) {
        case .rewrite(let url, _), .unverified(let url, _), .asset(_, let url): return url
        case .keep, .problem, nil: return nil
        }
    }

    /// An image's `<img>` with its `src` in absolute style (size and alt as they are).
    package static func absoluteImage(_ html: String, src: String, absolute: String) -> String {
        html.replacingOccurrences(of: "src=\"\(escapeHTML(src))\"", with: "src=\"\(escapeHTML(absolute))\"")
    }

    /// Sets every recorded URL to its absolute form, makes `html`, and returns it.
    package func withAbsoluteURLs(_ html: () -> String) -> String {
        for (node, url) in absoluteURLs { node.url = url }
        for (node, tag) in absoluteImages { node.setCustomHTML(tag) }
        for (node, html) in absoluteHTML { node.setLiteral(html) }
        return html()
    }
}
