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
    /// `blog check`: also warn about images without alt text or too large, links to missing
    /// `#fragments`, and posts without tags.
    public var checks = false
    /// Kept from build to build by `blog serve`: steps whose inputs did not change are reused.
    public var cache: BuildCache?
    /// Absolute paths changed since the last build with the same cache (from the watcher);
    /// nil when unknown, which means: look at everything.
    public var changedPaths: Set<String>?
    /// The site's settings and their problems, when the caller read them already
    /// (`SiteLoader.config`): blog.yaml is read once a command.
    public var settings: (Config?, [Diagnostic])?

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
    /// Only some pages were made (`editedPages`): not a whole site to write.
    public var partial = false

    public init() {}
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
        let loader = SiteLoader(fileSystem: options.fileSystem, excluding: options.excluded)
        let (loaded, loadProblems) = loader.reload(options.cache?.source, changed: options.changedPaths)
            ?? loader.load(root: options.source, settings: options.settings)
        result.diagnostics += loadProblems
        options.cache?.source = loaded
        guard var site = loaded else { return finish(result) }
        if let origin = options.origin { site.config.baseURL = origin + site.config.basePath }
        result.timings.append(("load", clock.lap()))

        let now = Int64(options.now.timeIntervalSince1970)
        let published = site.posts.filter {
            !$0.loadFailed && (options.includeDrafts || (!$0.draft && ($0.date?.secondsSince1970 ?? 0) <= now))
        }
        let broken = site.posts.filter(\.loadFailed)
        result.nextDue = site.posts.filter { !$0.draft }.compactMap { $0.date?.secondsSince1970 }.filter { $0 > now }.min()
        let cache = options.cache
        let files = SiteFiles(root: site.root, fileSystem: options.fileSystem, staticFiles: Set(site.staticFiles))
        var (index, indexProblems, resolutionKey) = siteIndex(site: site, published: published, files: files, cache: cache)
        index.brokenSources = Set(broken.map(\.sourcePath))
        result.diagnostics += indexProblems
        result.timings.append(("index", clock.lap()))
        var resolver = PostResolver(index: index, files: files)
        resolver.checks = options.checks
        resolver.digests = cache != nil
        let changed = options.changedPaths.map { paths in Set(paths.map { String($0.dropFirst(site.root.count + 1)) }) } ?? []
        let inFeed = SiteModel.feedSources(published)
        let resolvedAll = published.parallelMap { post -> (ResolvedPost?, [Diagnostic]) in
            let forFeed = inFeed.contains(post.sourcePath)
            if let cached = cache?.resolved(post, indexKey: resolutionKey, changed: changed),
                !forFeed || cached.feedContent != nil
            {
                return (cached, [])
            }
            let (resolved, problems) = resolver.resolve(post, forFeed: forFeed)
            // Only clean results are kept: a post with warnings says them again each build.
            if let resolved, problems.isEmpty { cache?.store(post, indexKey: resolutionKey, result: resolved) }
            return (resolved, problems)
        }
        result.diagnostics += resolvedAll.flatMap(\.1)
        let resolved = resolvedAll.compactMap(\.0)
        // Posts whose front matter failed: only their body's problems, in the same round.
        let brokenResolved = broken.parallelMap { resolver.resolve($0) }
        result.diagnostics += brokenResolved.flatMap(\.1)
        if options.checks { result.diagnostics += SiteChecks.problems(resolved) }
        result.timings.append(("parse and resolve", clock.lap()))

        guard let themeSource = site.theme else { return finish(result) }
        let (theme, themeProblems) = parsedTheme(themeSource, cache: cache)
        result.diagnostics += themeProblems
        guard let theme else { return finish(result) }

        result.timings.append(("theme", clock.lap()))
        let model = siteModel(index: index, resolved: resolved, cache: cache)
        result.timings.append(("group", clock.lap()))
        result.diagnostics += yearSummaryProblems(model)
        let renderer = SiteRenderer(model: model, theme: theme, summaries: cache?.summaries ?? [:])
        cache?.summaries = renderer.data.converted
        let jobs = renderer.allJobs()
        let copies = CopiedFiles.collect(
            site: site, posts: resolved, theme: theme, fileSystem: options.fileSystem,
            verified: cache?.verifiedCopies ?? [], changed: changed)
        cache?.verifiedCopies = copies.verified
        result.diagnostics += copies.problems
        let redirects = Feeds.redirects(index: index)
        // Every path of the site is known before any page is rendered: links are checked
        // now, so that a site with other errors hears of its dead links in the same round.
        var planned = Set(jobs.map { SiteIndex.filePath(of: $0.path) } + ["feed.xml", "sitemap.xml"])
        planned.formUnion(copies.files.map(\.path) + redirects.map(\.path))
        result.timings.append(("page data", clock.lap()))
        let urls = SiteURL(baseURL: site.config.baseURL, basePath: site.config.basePath, files: planned)
        result.diagnostics += LinkCheck.bodyProblems(resolved + brokenResolved.compactMap(\.0), site: urls)
        result.timings.append(("posts' links", clock.lap()))
        guard !result.diagnostics.hasErrors else { return finish(result) }

        var output = cache?.pages(for: jobs, render: renderer.render) ?? renderer.render(jobs)
        output.append(feed(model: model, cache: cache))
        output.append(Feeds.sitemap(index: index, model: model))
        output += redirects
        result.timings.append(("render", clock.lap()))
        result.diagnostics += LinkCheck.themeProblems(output, posts: resolved, theme: theme, site: urls)
        result.timings.append(("theme's links", clock.lap()))
        output += copies.files
        // The paths were checked when they were last the same.
        let paths = Set(output.map(\.path))
        if cache?.checkedPaths != paths || paths.count != output.count {
            let problems = OutputPaths.problems(in: output)
            result.diagnostics += problems
            cache?.checkedPaths = problems.isEmpty ? paths : nil
        }
        result.timings.append(("copies and checks", clock.lap()))
        result.files = output
        cache?.keepOnly(posts: Set(resolved.map(\.source.sourcePath)), pages: Set(output.map(\.path)))
        result.postCount = model.posts.count
        result.pageCount = model.pages.count
        result.imageCount = copies.imageCount
        return finish(result)
    }

    /// Where every post goes, and the key resolution results are cached under; the last
    /// build's when no post's URL, alias or publication changed.
    static func siteIndex(site: SiteSource, published: [SourcePost], files: SiteFiles, cache: BuildCache?)
        -> (SiteIndex, [Diagnostic], UInt64)
    {
        let inputs = published.map { IndexInput($0) }
        let unpublished = Set(site.posts.filter { !$0.loadFailed }.map(\.sourcePath)).subtracting(published.map(\.sourcePath))
        let config = site.config
        if let cached = cache?.index, cached.inputs == inputs, cached.index.unpublishedSources == unpublished,
            cached.staticFiles == files.staticFiles, cached.index.configDigest == SiteIndex(config: config).configDigest
        {
            return (cached.index, [], cached.key)
        }
        var (index, problems) = SiteIndex.build(published, config: config)
        index.unpublishedSources = unpublished
        let key = cache == nil ? 0 : index.resolutionKey(staticFiles: files.staticFiles)
        cache?.index = problems.isEmpty ? (inputs, files.staticFiles, index, key) : nil
        return (index, problems, key)
    }

    /// The posts grouped by date, tag and category; when only posts' text changed, the last
    /// build's groups with the new posts put in place of the old.
    static func siteModel(index: SiteIndex, resolved: [ResolvedPost], cache: BuildCache?) -> SiteModel {
        if let previous = cache?.model, let model = previous.replacing(resolved, index: index) {
            cache?.model = model
            return model
        }
        let model = SiteModel(
            index: index, posts: resolved.filter { $0.source.kind == .post },
            pages: resolved.filter { $0.source.kind == .page })
        cache?.model = model
        return model
    }

    /// The theme as parsed by the build before, while its templates and assets are the same.
    static func parsedTheme(_ source: ThemeSource, cache: BuildCache?) -> (Theme?, [Diagnostic]) {
        let digest = source.digest
        if let cached = cache?.theme, cached.digest == digest { return (cached, []) }
        let (theme, problems) = Theme.load(source)
        if problems.isEmpty { cache?.theme = theme }
        return (theme, problems)
    }

    /// The feed, made again only when one of its posts or the settings changed.
    static func feed(model: SiteModel, cache: BuildCache?) -> OutputFile {
        let latest = Array(model.posts.prefix(Feeds.feedSize))
        let key = Digest.of { d in
            d.add(model.index.configDigest)
            for post in latest { d.add(post.digest) }
        }
        if let cached = cache?.page("feed.xml", key: key) { return cached }
        var file = Feeds.atom(index: model.index, posts: latest)
        file.key = key
        cache?.store(page: file, key: key)
        return file
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

/// Measures the stages of a build: the seconds since the last lap.
public struct StageClock: Sendable {
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    public mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
