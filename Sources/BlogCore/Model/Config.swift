import Foundation

/// The settings of a site, from `blog.yaml`, with defaults filled in.
public struct Config: Sendable {
    public var title = "My Blog"
    public var description = ""
    public var author = ""
    /// Absolute URL with a trailing slash, e.g. `https://example.com/blog/`.
    public var baseURL = "http://localhost/" {
        didSet { (origin, basePath) = Self.split(baseURL) }
    }
    public var language = "en"
    public var timeZone = TimeZone(identifier: "UTC")!
    public var permalink = "/:year/:month/:slug/"
    public var paginate = 10
    /// A theme folder relative to the site folder; nil means the built-in theme.
    public var theme: String?
    /// cmark's safe mode: raw HTML and `javascript:` URLs are dropped.
    public var safeMarkdown = false
    /// `markdown.hard_breaks`: each line break inside a paragraph is kept as a `<br>`, as Hexo
    /// renders (a blog moved from Hexo is written for it).
    public var hardBreaks = false
    /// `markdown.extensions`: tables, footnotes, math… (all unless switched off).
    public var markdownExtensions = MarkdownExtension.all
    /// `markdown.math.backslash`: `\(…\)` and `\[…\]` are math too, not only `$…$` and `$$…$$`.
    /// Off by default: in CommonMark they are escaped brackets (`[\[RFC-0001\] Define](u)`),
    /// as Pandoc's `tex_math_single_backslash` is off unless asked for.
    public var mathBackslash = false
    /// The site's own interface strings, from `i18n/<language>.yaml`: they override the
    /// default theme's built-in table for the language (`Interface`).
    public var interfaceStrings: [String: String] = [:]
    /// `math.script`: a script that typesets math (MathJax, KaTeX), loaded by every page; none
    /// by default, so that pages stay offline and script-free.
    public var mathScript: String?
    /// `highlight: {enabled, line_numbers}`: fenced code coloured at build time, and numbered.
    public var highlight = true
    public var lineNumbers = false
    /// `search: {enabled: false}`: no search page, no search box in the header, no index.
    public var searchEnabled = true
    /// `deploy.target`: where `blog deploy` sends the site with rsync (`user@host:/var/www/blog`
    /// or a local folder), and `deploy.args`, extra rsync arguments.
    public var deployTarget: String?
    public var deployArguments: [String] = []
    /// `check.max_image_kb`: `blog check` warns about images larger than this.
    public var maxImageKilobytes = 500
    /// `images:`: responsive variants of every local raster image (`ImageSettings`).
    public var images = ImageSettings()
    /// `include`: hidden files and folders of `static/` to publish (`.well-known`, `.htaccess`),
    /// as paths below `static/`, as Jekyll's `include:`. Others are not published: a `.env` or
    /// a `.git` dropped into `static/` must not go live.
    public var includedHidden: [String] = []

    public init() {}

    /// `https://example.com` — scheme and host of `baseURL`, without a trailing slash. Kept
    /// with it rather than computed: every URL of every page is made from these two.
    public private(set) var origin = "http://localhost"

    /// `/blog/` — the path of `baseURL`, always starting and ending with a slash.
    public private(set) var basePath = "/"

    private static func split(_ url: String) -> (origin: String, path: String) {
        let bytes = Array(url.utf8)
        guard let colon = bytes.indices.first(where: { bytes[$0...].starts(with: "://".utf8) }) else { return ("", url) }
        let host = colon + 3
        let hostEnd = bytes[host...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
        return (String(decoding: bytes[..<hostEnd], as: UTF8.self), String(decoding: bytes[hostEnd...], as: UTF8.self))
    }
}
