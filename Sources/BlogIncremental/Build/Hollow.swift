import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// Posts the cache holds hollow: restored from the last command-line build (`SavedBuild`)
/// without their Markdown and HTML (`PostBody.onDisk`), which most builds after an edit never
/// need. Each step that does need them for a post reads that post's file again here.
extension SiteBuilder {
    /// The post with its body (`.text`), or nil when its file no longer holds what the last
    /// build read — changed with its size and time kept, or gone. The cache is then marked
    /// (`BuildCache.distrusted`) and the build starts again cold (`SiteBuilder.build`).
    package static func complete(_ post: SourcePost, _ indexed: Indexed, options: BuildOptions) -> SourcePost? {
        guard case .onDisk(let digest) = post.body else { return post }
        let loader = SiteLoader(fileSystem: options.fileSystem, excluding: options.excluded)
        // The load's problems are the ones the last build found in the same file, restored
        // with the site and reported already.
        let (whole, _) = loader.loadPost(
            root: indexed.files.root, path: post.sourcePath, kind: post.kind, isBundle: post.isBundle,
            config: indexed.index.config)
        guard let whole, whole.body.digest == digest, sameButBody(whole, post) else {
            options.cache?.distrust(post.sourcePath)
            return nil
        }
        return whole
    }

    /// The front matter as the save has it: what the rest of the build used.
    private static func sameButBody(_ whole: SourcePost, _ hollow: SourcePost) -> Bool {
        var whole = whole
        whole.body = hollow.body
        return whole == hollow
    }

    /// The posts of `paths` read and resolved whole again, the others as they are.
    package static func whole(_ posts: [ResolvedPost], _ paths: Set<String>, _ indexed: Indexed, options: BuildOptions) -> [ResolvedPost] {
        let resolver = resolver(indexed, options: options)
        let inFeed = SiteModel.feedSources(indexed.published)
        return posts.parallelMap { post in
            let path = post.source.sourcePath
            guard paths.contains(path) else { return post }
            guard let source = complete(post.source, indexed, options: options),
                let resolved = resolver.resolve(source, forFeed: inFeed.contains(path)).0
            else { return post }
            options.cache?.store(post.source, indexKey: indexed.resolutionKey, result: resolved, problems: [])
            return resolved
        }
    }

    /// The plan again, with whole posts, when a page to be made (not kept from the last
    /// build) shows a hollow post's content: a neighbour's title changed, or the theme did.
    /// After this, a post still hollow has its page kept, so its links were checked against
    /// the last build's paths, all of which the site still has: no new problem can be found in
    /// it, and no message needs its Markdown for a line.
    package static func completePages(
        _ plan: Plan, _ posts: Resolved, site: SiteSource, indexed: Indexed, theme: Theme, options: BuildOptions
    ) -> (Resolved, Plan) {
        guard let cache = options.cache else { return (posts, plan) }
        // A kept page's links were checked against the paths the last build's site had:
        // with one of those gone, every page is made and checked again.
        if let last = cache.checkedPaths, !plan.urls.files.isSuperset(of: last) { cache.dropKeptPages() }
        let made = Set(plan.jobs.filter { cache.page(SiteIndex.filePath(of: $0.path), key: $0.key) == nil }.compactMap(\.origin))
        let hollow = Set(posts.published.filter { $0.source.body.text == nil && made.contains($0.source.sourcePath) }.map(\.source.sourcePath))
        guard !hollow.isEmpty else { return (posts, plan) }
        var posts = posts
        posts.published = whole(posts.published, hollow, indexed, options: options)
        var same: [Diagnostic] = []  // the first plan's problems again
        return (posts, Self.plan(site, indexed, posts, theme, options: options, problems: &same))
    }
}
