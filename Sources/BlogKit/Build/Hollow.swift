import Foundation

/// Posts the cache holds hollow: restored from the last command-line build (`SavedBuild`)
/// without their Markdown and HTML, which most builds after an edit never need. Each step that
/// does need them for a post reads that post's file again here; the file did not change since
/// (else the post would have been read already), so the post comes out as it was.
extension SiteBuilder {
    /// The post with its body.
    static func complete(_ post: SourcePost, _ indexed: Indexed, options: BuildOptions) -> SourcePost {
        guard post.body.isEmpty, let cache = options.cache, cache.isHollow(post.sourcePath) else { return post }
        let loader = SiteLoader(fileSystem: options.fileSystem, excluding: options.excluded)
        let (whole, _) = loader.loadPost(
            root: indexed.files.root, path: post.sourcePath, kind: post.kind, isBundle: post.isBundle,
            config: indexed.index.config)
        return whole ?? post
    }

    /// The posts of `paths` read and resolved whole again, the others as they are.
    static func whole(_ posts: [ResolvedPost], _ paths: Set<String>, _ indexed: Indexed, options: BuildOptions) -> [ResolvedPost] {
        let resolver = resolver(indexed, options: options)
        let inFeed = SiteModel.feedSources(indexed.published)
        return posts.parallelMap { post in
            let path = post.source.sourcePath
            guard paths.contains(path) else { return post }
            let source = complete(post.source, indexed, options: options)
            guard let resolved = resolver.resolve(source, forFeed: inFeed.contains(path)).0 else { return post }
            options.cache?.completed(path)
            options.cache?.store(post.source, indexKey: indexed.resolutionKey, result: resolved)
            return resolved
        }
    }

    /// The plan again, with whole posts, when a page to be made (not kept from the last
    /// build) shows a hollow post's content: a neighbour's title changed, or the theme did.
    /// After this, a post still hollow has its page kept, so its links were checked against
    /// the last build's paths, all of which the site still has: no new problem can be found in
    /// it, and no message needs its Markdown for a line.
    static func completePages(
        _ plan: Plan, _ posts: Resolved, site: SiteSource, indexed: Indexed, theme: Theme, options: BuildOptions
    ) -> (Resolved, Plan) {
        guard let cache = options.cache else { return (posts, plan) }
        // A kept page's links were checked against the paths the last build's site had:
        // with one of those gone, every page is made and checked again.
        if let last = cache.checkedPaths, !plan.urls.files.isSuperset(of: last) { cache.dropKeptPages() }
        let made = plan.jobs.filter { cache.page(SiteIndex.filePath(of: $0.path), key: $0.key) == nil }
        let hollow = Set(made.compactMap(\.origin).filter(cache.isHollow))
        guard !hollow.isEmpty else { return (posts, plan) }
        var posts = posts
        posts.published = whole(posts.published, hollow, indexed, options: options)
        var same: [Diagnostic] = []  // the first plan's problems again
        return (posts, Self.plan(site, indexed, posts, theme, options: options, problems: &same))
    }
}
