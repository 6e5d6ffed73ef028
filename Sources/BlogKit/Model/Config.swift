import Foundation

/// The settings of a site, from `blog.yaml`, with defaults filled in.
public struct Config: Sendable {
    public var title = "My Blog"
    public var description = ""
    public var author = ""
    /// Absolute URL with a trailing slash, e.g. `https://example.com/blog/`.
    public var baseURL = "http://localhost/"
    public var language = "en"
    public var timeZone = TimeZone(identifier: "UTC")!
    public var permalink = "/:year/:month/:slug/"
    public var paginate = 10
    /// A theme folder relative to the site folder; nil means the built-in theme.
    public var theme: String?
    /// cmark's safe mode: raw HTML and `javascript:` URLs are dropped.
    public var safeMarkdown = false
    /// `deploy.target`: where `blog deploy` sends the site with rsync (`user@host:/var/www/blog`
    /// or a local folder), and `deploy.args`, extra rsync arguments.
    public var deployTarget: String?
    public var deployArguments: [String] = []
    /// `check.max_image_kb`: `blog check` warns about images larger than this.
    public var maxImageKilobytes = 500

    public init() {}

    /// `https://example.com` — scheme and host of `baseURL`, without a trailing slash.
    public var origin: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "" }
        let rest = baseURL[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        return String(baseURL[..<hostEnd])
    }

    /// `/blog/` — the path of `baseURL`, always starting and ending with a slash.
    public var basePath: String {
        String(baseURL.dropFirst(origin.count))
    }
}
