/// Whether a Markdown file is a dated post (from `posts/`) or a standalone page (`pages/`).
public enum ContentKind: String, Sendable { case post, page }

/// A post's Markdown. A post restored from the last build's save (`SavedBuild`) is held
/// without it, as a reference to its unchanged file: a step that needs the text must say so
/// (the build reads it again), and the compiler asks every reader what to do without it.
public enum PostBody: Sendable, Hashable {
    case text(String)
    /// The file is as the last build read it; `digest` is that build's digest of the text,
    /// checked when the file is read again.
    case onDisk(digest: UInt64)

    /// The text, when held.
    public var text: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// The digest saved with a post (`onDisk`), the same for the text and its reference.
    package var digest: UInt64 {
        switch self {
        case .text(let text): Digest.of { $0.add(text) }
        case .onDisk(let digest): digest
        }
    }
}

/// A post or page as read from its file: front matter decoded, Markdown body not yet parsed.
public struct SourcePost: Sendable, Hashable {
    public var kind: ContentKind
    /// Path of the Markdown file relative to the site folder, e.g. `posts/2016/a.md`.
    public var sourcePath: String
    /// The folder its relative links and images are resolved against (a bundle's own folder).
    public var folder: String
    public var isBundle: Bool
    /// nil when the front matter has none: the first `# heading` of the body is taken then.
    public var title: String?
    public var date: PostDate?
    public var updated: PostDate?
    public var tags: [String] = []
    public var categories: [String] = []
    public var slug: String
    public var draft = false
    public var summary: String?
    /// The picture its social card shows (`image:`, or the first of Hugo's `images:`), as
    /// written: resolved like an image of the body. nil: the body's first image.
    public var image: String?
    public var aliases: [String] = []
    /// The year this post sums up (`year_summary: true` means its own year; `year_summary:
    /// 2016` lets a post of January 2017 sum up 2016). It is featured on that year's page.
    public var yearSummary: Int?
    /// Markdown after the front matter, or where to read it again.
    public var body: PostBody
    /// How many lines of the file come before `body` (front matter), to report true lines.
    public var bodyLineOffset: Int
    /// Line of each front matter key, for errors found after loading.
    public var keyLines: [String: Int] = [:]
    /// Its front matter has errors: it is not published, but its body is still resolved so
    /// that a build reports every problem of the post in one round.
    public var loadFailed = false

    public func line(ofKey key: String) -> Int? { keyLines[key] }


    package init(kind: ContentKind, sourcePath: String, folder: String, isBundle: Bool, title: String? = nil, date: PostDate? = nil, updated: PostDate? = nil, tags: [String] = [], categories: [String] = [], slug: String, draft: Bool = false, summary: String? = nil, image: String? = nil, aliases: [String] = [], yearSummary: Int? = nil, body: PostBody, bodyLineOffset: Int, keyLines: [String: Int] = [:], loadFailed: Bool = false) {
        self.kind = kind
        self.sourcePath = sourcePath
        self.folder = folder
        self.isBundle = isBundle
        self.title = title
        self.date = date
        self.updated = updated
        self.tags = tags
        self.categories = categories
        self.slug = slug
        self.draft = draft
        self.summary = summary
        self.image = image
        self.aliases = aliases
        self.yearSummary = yearSummary
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.keyLines = keyLines
        self.loadFailed = loadFailed
    }
}
