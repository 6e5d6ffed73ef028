import Foundation

/// What to build, and the outside world the build may see (the clock, the file system).
public struct BuildOptions: Sendable {
    public var source: String
    public var includeDrafts = false
    /// Posts dated after this are left out (unless drafts are included).
    public var now = Date()
    public var fileSystem: FileSystem = LocalFileSystem()
    /// A folder inside the site folder that must not be read (the output).
    public var excluded: String?
    /// `http://127.0.0.1:4000` while previewing: absolute URLs (canonical, feed) then point at
    /// the preview server; `base_url`'s path is kept.
    public var origin: String?

    public init(source: String, includeDrafts: Bool = false, now: Date = Date(), excluded: String? = nil) {
        self.source = URL(fileURLWithPath: source).standardizedFileURL.path
        self.includeDrafts = includeDrafts
        self.now = now
        self.excluded = excluded.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }
}

/// A finished render: every file of the site, or the problems that stopped it.
public struct BuildResult: Sendable {
    public var files: [OutputFile] = []
    public var diagnostics: [Diagnostic] = []
    public var postCount = 0
    public var pageCount = 0
    public var imageCount = 0
    /// When the earliest post dated in the future becomes due (seconds since 1970).
    public var nextDue: Int64?
    /// How long each stage took, in order, for `--verbose`.
    public var timings: [(stage: String, seconds: Double)] = []

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline end to end: load → parse and resolve → render. Writing is the caller's last
/// step (`SiteWriter`), taken only when the build succeeded.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        var result = BuildResult()
        var clock = StageClock()
        let (loaded, loadProblems) = SiteLoader(fileSystem: options.fileSystem, excluding: options.excluded)
            .load(root: options.source)
        result.diagnostics += loadProblems
        guard var site = loaded else { return finish(result) }
        if let origin = options.origin { site.config.baseURL = origin + site.config.basePath }
        result.timings.append(("load", clock.lap()))

        let now = Int64(options.now.timeIntervalSince1970)
        let published = site.posts.filter {
            options.includeDrafts || (!$0.draft && ($0.date?.secondsSince1970 ?? 0) <= now)
        }
        result.nextDue = site.posts.filter { !$0.draft }.compactMap { $0.date?.secondsSince1970 }.filter { $0 > now }.min()
        var (index, indexProblems) = SiteIndex.build(published, config: site.config)
        index.unpublishedSources = Set(site.posts.map(\.sourcePath)).subtracting(published.map(\.sourcePath))
        result.diagnostics += indexProblems
        let files = SiteFiles(root: site.root, fileSystem: options.fileSystem, staticFiles: Set(site.staticFiles))
        let resolver = PostResolver(index: index, files: files)
        let resolvedAll = published.parallelMap { resolver.resolve($0) }
        result.diagnostics += resolvedAll.flatMap(\.1)
        let resolved = resolvedAll.compactMap(\.0)
        result.timings.append(("parse and resolve", clock.lap()))

        let (theme, themeProblems) = Theme.load(site: site, fileSystem: options.fileSystem)
        result.diagnostics += themeProblems
        guard let theme, !result.diagnostics.hasErrors else { return finish(result) }

        let model = SiteModel(
            index: index, posts: resolved.filter { $0.source.kind == .post },
            pages: resolved.filter { $0.source.kind == .page })
        result.diagnostics += yearSummaryProblems(model)
        var output = SiteRenderer(model: model, theme: theme).renderAll()
        let feedPosts = model.posts.prefix(Feeds.feedSize).map { post in
            PostResolver(index: index, files: files, style: .absolute).resolve(post.source).0 ?? post
        }
        output.append(Feeds.atom(index: index, absolutePosts: feedPosts))
        output.append(Feeds.sitemap(index: index, model: model))
        output += Feeds.redirects(index: index)
        result.timings.append(("render", clock.lap()))

        let copies = CopiedFiles.collect(site: site, posts: resolved, theme: theme, fileSystem: options.fileSystem)
        output += copies.files
        result.diagnostics += copies.problems + OutputPaths.problems(in: output)
        result.files = output
        result.postCount = model.posts.count
        result.pageCount = model.pages.count
        result.imageCount = copies.imageCount
        return finish(result)
    }

    /// A year summary for a year without posts, or a second one for a year, would be dropped
    /// without a word.
    static func yearSummaryProblems(_ model: SiteModel) -> [Diagnostic] {
        var claimed: [Int: String] = [:]
        var problems: [Diagnostic] = []
        let years = Set(model.years.compactMap { Int($0.name) })
        for post in model.posts.reversed() {
            guard let year = post.source.yearSummary else { continue }
            let line = post.source.line(ofKey: "year_summary")
            if !years.contains(year) {
                problems.append(.warning(post.source.sourcePath, line: line, "year_summary: \(year) has no posts, so there is no year page to feature this post on"))
            } else if let first = claimed[year] {
                problems.append(.warning(post.source.sourcePath, line: line, "\(first) already sums up \(year); only it is featured"))
            } else {
                claimed[year] = post.source.sourcePath
            }
        }
        return problems
    }

    private static func finish(_ result: BuildResult) -> BuildResult {
        var result = result
        result.diagnostics = result.diagnostics.sortedByLocation
        if result.diagnostics.hasErrors { result.files = [] }
        return result
    }
}

/// Measures the stages of a build.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
