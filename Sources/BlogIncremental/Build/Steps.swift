import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import Images

/// The steps of `SiteBuilder.build`, each from values to values, with the problems it finds.
extension SiteBuilder {
    /// The published posts and where each goes.
    package struct Indexed {
        package var published: [SourcePost]
        /// Posts whose front matter failed: resolved only for their body's problems.
        package var broken: [SourcePost]
        package var index: SiteIndex
        package var resolutionKey: UInt64
        package var files: SiteFiles
        package var nextDue: Int64?
        /// Site-relative paths the watcher saw change (empty when unknown).
        package var changed: Set<String>
    }

    package struct Resolved {
        package var published: [ResolvedPost]
        package var broken: [ResolvedPost]
    }

    /// What the site will be, before any page is rendered: every page as a job, the files to
    /// copy, the redirects, and so every path of the output.
    package struct Plan {
        package var model: SiteModel
        package var renderer: SiteRenderer
        package var jobs: [SiteRenderer.Job]
        package var copies: CopiedFiles
        package var urls: SiteURL
    }

    /// The site as the last build loaded it with only the changed files read again, or all
    /// of it read.
    package static func load(_ options: BuildOptions, ahead: ImagesAhead? = nil, problems: inout [Diagnostic]) -> SiteSource? {
        var loader = SiteLoader(fileSystem: options.fileSystem, excluding: options.excluded)
        if let ahead, options.imageVariants {
            let (root, fileSystem) = (options.source, options.fileSystem)
            loader.bundlesListed = { config, bundles in ahead.start(root: root, config: config, bundles: bundles, fileSystem: fileSystem) }
        }
        let (loaded, found) = loader.reload(options.cache?.source, changed: options.changedPaths)
            ?? loader.load(root: options.source, settings: options.settings)
        problems += found
        options.cache?.source = loaded
        guard var site = loaded else { return nil }
        if let origin = options.origin { site.config.baseURL = origin + site.config.basePath }
        return site
    }

    package static func index(_ site: SiteSource, options: BuildOptions, problems: inout [Diagnostic]) -> Indexed {
        let now = Int64(options.now.timeIntervalSince1970)
        let published = site.posts.filter {
            !$0.loadFailed && (options.includeDrafts || (!$0.draft && ($0.date?.secondsSince1970 ?? 0) <= now))
        }
        let broken = site.posts.filter(\.loadFailed)
        let files = SiteFiles(root: site.root, fileSystem: options.fileSystem, staticFiles: Set(site.staticFiles))
        var (index, found, key) = siteIndex(site: site, published: published, files: files, cache: options.cache)
        index.brokenSources = Set(broken.map(\.sourcePath))
        problems += found
        let changed = options.changedPaths.map { paths in Set(paths.map { String($0.dropFirst(site.root.count + 1)) }) } ?? []
        let nextDue = site.posts.filter { !$0.draft }.compactMap { $0.date?.secondsSince1970 }.filter { $0 > now }.min()
        return Indexed(published: published, broken: broken, index: index, resolutionKey: key, files: files,
                       nextDue: nextDue, changed: changed)
    }

    /// Every post parsed and resolved on every core (the last build's result for a post
    /// that did not change); the feed's newest posts also with absolute URLs.
    package static func resolve(_ indexed: Indexed, options: BuildOptions, ahead: ImagesAhead? = nil, problems: inout [Diagnostic]) -> Resolved {
        let cache = options.cache
        let resolver = resolver(indexed, options: options, images: ahead?.store)
        let inFeed = SiteModel.feedSources(indexed.published)
        let (key, changed, root) = (indexed.resolutionKey, indexed.changed, indexed.files.root)
        let all = indexed.published.parallelMap { post -> (ResolvedPost?, [Diagnostic]) in
            let forFeed = inFeed.contains(post.sourcePath)
            if let cached = cache?.resolved(post, indexKey: key, changed: changed, root: root), !forFeed || cached.result.feedContent != nil {
                return (cached.result, cached.problems)
            }
            guard let whole = complete(post, indexed, options: options) else { return (nil, []) }
            let (resolved, found) = resolver.resolve(whole, forFeed: forFeed)
            // Kept with its warnings, which a reuse tells again; a post with errors is not kept.
            if let resolved, !found.hasErrors { cache?.store(post, indexKey: key, result: resolved, problems: found) }
            return (resolved, found)
        }
        let broken = indexed.broken.parallelMap { post in
            complete(post, indexed, options: options).map { resolver.resolve($0) } ?? (nil, [])
        }
        problems += UnknownLanguages.merged(all.flatMap(\.1) + broken.flatMap(\.1))
        let published = all.compactMap(\.0)
        if options.checks { problems += SiteChecks.problems(published) }
        return Resolved(published: published, broken: broken.compactMap(\.0))
    }

    /// - Parameter images: the build's store when it was made already (`ImagesAhead`).
    package static func resolver(_ indexed: Indexed, options: BuildOptions, images: VariantStore? = nil) -> PostResolver {
        var resolver = PostResolver(index: indexed.index, files: indexed.files)
        resolver.checks = options.checks
        resolver.digests = options.cache != nil
        if options.imageVariants {
            resolver.images = images ?? variantStore(root: indexed.files.root, config: indexed.index.config)
        }
        return resolver
    }

    /// Where images' variants are made and kept: the site's state folder, whichever output a
    /// build writes (nil when `images.enabled` is false).
    package static func variantStore(root: String, config: Config) -> VariantStore? {
        guard config.images.enabled else { return nil }
        return VariantStore(root: root, folder: SiteState.folderName + "/images", settings: config.images)
    }

    /// AVIF asked for where it cannot be written: said, not failed.
    package static func imageNote(_ config: Config) -> String? {
        guard config.images.enabled, config.images.formats.contains(.avif) else { return nil }
        return VariantStore.avifProblem
    }

    package static func theme(_ site: SiteSource, cache: BuildCache?, problems: inout [Diagnostic]) -> Theme? {
        guard let source = site.theme else { return nil }
        let (theme, found) = parsedTheme(source, cache: cache)
        problems += found
        return theme
    }

    package static func plan(
        _ site: SiteSource, _ indexed: Indexed, _ posts: Resolved, _ theme: Theme, options: BuildOptions,
        problems: inout [Diagnostic]
    ) -> Plan {
        let cache = options.cache
        let model = siteModel(index: indexed.index, resolved: posts.published, cache: cache)
        problems += yearSummaryProblems(model)
        let renderer = SiteRenderer(
            model: model, theme: theme, summaries: cache?.summaries ?? [:], content: pageContent(indexed, options: options))
        let jobs = renderer.allJobs()
        let copies = CopiedFiles.collect(
            site: site, posts: posts.published, theme: theme, fileSystem: options.fileSystem,
            verified: cache?.verifiedCopies ?? [], changed: indexed.changed, stamps: options.knownStamps)
        cache?.verifiedCopies = copies.verified
        problems += copies.problems
        var planned = Set(jobs.map { SiteIndex.filePath(of: $0.path) })
        planned.formUnion(copies.files.map(\.path) + DerivedOutputs.all.flatMap { $0.paths(model) })
        let urls = SiteURL(baseURL: site.config.baseURL, basePath: site.config.basePath, files: planned)
        return Plan(model: model, renderer: renderer, jobs: jobs, copies: copies, urls: urls)
    }

    /// A year summary for a year without posts, or a second one for a year, would be dropped
    /// without a word.
    package static func yearSummaryProblems(_ model: SiteModel) -> [Diagnostic] {
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
}
