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

    /// The HTML of a post's own page, for the renderer: a post restored without its text is
    /// read and resolved again when, and only when, its page is made (a neighbour's title
    /// changed, or the theme did), once per build. No second plan: the jobs are the same.
    package static func pageContent(_ indexed: Indexed, options: BuildOptions) -> PostContent {
        guard options.cache != nil else { return { $0.content } }
        let made = MadeContent()
        let resolver = resolver(indexed, options: options)
        return { post in
            guard post.source.body.text == nil else { return post.content }
            return made.content(of: post.source.sourcePath) {
                // nil when the file betrayed the save: the build is then made again cold.
                complete(post.source, indexed, options: options).flatMap { resolver.resolve($0).0?.content } ?? ""
            }
        }
    }

    /// A page kept in the output by the last build had its links checked against the paths
    /// that site had: with one of those gone, every page is made and checked again. After
    /// this, a post still held without its text has its page kept, and no message needs its
    /// Markdown for a line.
    package static func dropStaleKeptPages(_ plan: Plan, options: BuildOptions) {
        guard let cache = options.cache, let last = cache.checkedPaths else { return }
        // Files a derived output decides the number of as it makes them (the search index's
        // term shards) are not planned; no page links to them.
        let unplanned = Set(cache.derived.values.flatMap(\.paths)).subtracting(plan.urls.files)
        guard !plan.urls.files.isSuperset(of: last.subtracting(unplanned)) else { return }
        cache.dropKeptPages()
    }
}

/// The pages' HTML of posts read again during one build, made once each from any thread.
private final class MadeContent: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: String] = [:]

    func content(of path: String, make: () -> String) -> String {
        if let known = lock.withLock({ made[path] }) { return known }
        let content = make()
        lock.withLock { made[path] = content }
        return content
    }
}
