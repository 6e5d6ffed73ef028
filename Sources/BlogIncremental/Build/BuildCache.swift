import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// What one build leaves for the next in the same process (`blog serve`): the site as
/// loaded, each post as resolved, each page as rendered, and what was written. Every entry
/// is keyed by a digest of its inputs, so a rebuild reuses exactly the steps whose inputs
/// did not change, and its output is the same as a cold build's.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    package var resolvedPosts: [String: ResolvedEntry] = [:]
    package var pages: [String: (key: UInt64, file: OutputFile)] = [:]
    /// A post restored without its text whose file, read again, no longer held what the
    /// last build read: nothing restored can be trusted (`SiteBuilder.build` starts again).
    private var distrustedPath: String?
    /// The last build's list data of each post, as templates read it (`PageData.converted`).
    package var summaries: [String: PageData.ConvertedSummary] = [:]
    /// The site as the last build loaded it, reused when only posts' text changed.
    package var source: SiteSource?
    /// The last index, with what it was built from and its resolution key.
    package var index: (inputs: [IndexInput], staticFiles: Set<String>, index: SiteIndex, key: UInt64)?
    /// The last grouping of posts.
    package var model: SiteModel?
    /// The output paths last found free of conflicts.
    package var checkedPaths: Set<String>?
    /// The theme as last parsed, reused while its templates and assets stay the same.
    package var theme: Theme?
    /// Copied files whose source was checked to lie inside the site folder.
    package var verifiedCopies: Set<String> = []
    /// The terms the search index was made from, by post digest: a build after an edit reads
    /// and tokenizes only the edited post (`blog build` keeps them in `.blog/`, `SearchTermsFile`).
    package var searchTerms = SearchTermsStore()
    /// Where `blog build` saves them, once the index is made; nil in `blog serve`, which
    /// keeps them in memory.
    public var searchTermsSaving: SearchTermsSaving?
    /// Each derived output's key and the paths it made with it (`SiteBuilder.derived`).
    package var derived: [String: (key: UInt64, paths: [String])] = [:]

    package struct ResolvedEntry {
        package var post: SourcePost
        package var indexKey: UInt64
        package var result: ResolvedPost
        /// Its warnings, told again each time the result is reused.
        package var problems: [Diagnostic] = []
    }

    public init() {}

    /// How much of the last build this one reused: posts not resolved again, and pages left
    /// in the output as it wrote them (for `--verbose`).
    public var reused: (posts: Int, keptPages: Int) { lock.withLock { (reusedPosts, keptPages) } }
    private var reusedPosts = 0
    private var keptPages = 0

    /// - Parameter root: the site folder, where variants of images are looked for.
    package func resolved(_ post: SourcePost, indexKey: UInt64, changed: Set<String>, root: String = "") -> ResolvedEntry? {
        guard let entry = lock.withLock({ resolvedPosts[post.sourcePath] }), entry.indexKey == indexKey,
            entry.post == post, !entry.result.assets.contains(where: { Self.stale($0, changed: changed, root: root) })
        else { return nil }
        lock.withLock { reusedPosts += 1 }
        return entry
    }

    /// An asset changed since, or an image variant whose source changed or whose file in the
    /// state folder is gone (deleted by hand): the post is resolved again.
    private static func stale(_ asset: Asset, changed: Set<String>, root: String) -> Bool {
        guard let source = asset.madeFrom else { return touched(asset.sourcePath, by: changed) }
        return touched(source, by: changed) || FileStamp(path: SitePath.join(root, asset.sourcePath)) == nil
    }

    package func store(_ post: SourcePost, indexKey: UInt64, result: ResolvedPost, problems: [Diagnostic]) {
        lock.withLock {
            resolvedPosts[post.sourcePath] = ResolvedEntry(post: post, indexKey: indexKey, result: result, problems: problems)
        }
    }

    package func distrust(_ sourcePath: String) {
        lock.withLock { distrustedPath = distrustedPath ?? sourcePath }
    }

    /// The post whose file betrayed the save, if any; the cache is emptied then.
    package func takeDistrusted() -> String? {
        lock.withLock {
            guard let path = distrustedPath else { return nil }
            distrustedPath = nil
            (resolvedPosts, pages, summaries, source, index, model, checkedPaths, theme, verifiedCopies, derived) =
                ([:], [:], [:], nil, nil, nil, nil, nil, [], [:])
            return path
        }
    }

    /// Forgets the pages kept in the output by an earlier run (`OutputFile.Content.kept`):
    /// their links were checked against the paths that site had.
    package func dropKeptPages() {
        lock.withLock { pages = pages.filter { if case .kept = $0.value.file.content { false } else { true } } }
    }

    package func page(_ path: String, key: UInt64) -> OutputFile? {
        lock.withLock { pages[path].flatMap { $0.key == key ? $0.file : nil } }
    }

    package func derivedPaths(_ name: String, key: UInt64) -> [String]? {
        lock.withLock { derived[name].flatMap { $0.key == key ? $0.paths : nil } }
    }

    package func storeDerivedPaths(_ name: String, key: UInt64, paths: [String]) {
        lock.withLock { derived[name] = (key, paths) }
    }

    package func store(page file: OutputFile, key: UInt64) {
        lock.withLock { pages[file.path] = (key, file) }
    }

    /// Each job's page from the last build when its key is the same; the others rendered
    /// (by `render`, on every core) and kept for the next build.
    package func pages(for jobs: [SiteRenderer.Job], render: ([SiteRenderer.Job]) -> [OutputFile]) -> [OutputFile] {
        let cached = jobs.map { page(SiteIndex.filePath(of: $0.path), key: $0.key) }
        let missing = jobs.indices.filter { cached[$0] == nil }
        let made = render(missing.map { jobs[$0] })
        for file in made { if let key = file.key { store(page: file, key: key) } }
        let kept = cached.count { if case .kept = $0?.content { true } else { false } }
        lock.withLock { keptPages += kept }
        var files = cached
        for (i, file) in zip(missing, made) { files[i] = file }
        return files.map { $0! }
    }

    /// Forgets entries of pages and posts the site no longer has.
    package func keepOnly(posts: Set<String>, pages keep: Set<String>) {
        lock.withLock {
            resolvedPosts = resolvedPosts.filter { posts.contains($0.key) }
            summaries = summaries.filter { posts.contains($0.key) }
            pages = pages.filter { keep.contains($0.key) }
        }
    }
}

/// What a post's URL and aliases are made from: while these stay the same for every post,
/// the site index does too.
package struct IndexInput: Equatable {
    package var sourcePath: String
    package var kind: ContentKind
    package var slug: String
    package var date: PostDate?
    package var aliases: [String]
    package var keyLines: [Int?]

    package init(_ post: SourcePost) {
        (sourcePath, kind, slug, date, aliases) = (post.sourcePath, post.kind, post.slug, post.date, post.aliases)
        keyLines = [post.line(ofKey: "slug"), post.line(ofKey: "aliases")]
    }
}
