import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// The quickest answer to a save of a post while previewing: the post's own page, made
/// against the last build's index and grouping, before the whole site is brought up to date.
/// Only when the save moved nothing (the same `Placement`, and the same lines for the
/// index's errors); otherwise nil, and the whole incremental build answers.
extension SiteBuilder {
    public static func editedPages(_ options: BuildOptions) -> BuildResult? {
        guard let cache = options.cache, let source = cache.source, let cachedIndex = cache.index,
            let model = cache.model, let theme = cache.theme, let changed = options.changedPaths, !changed.isEmpty
        else { return nil }
        var site = source
        if let origin = options.origin { site.config.baseURL = origin + site.config.basePath }
        let loader = SiteLoader(fileSystem: options.fileSystem, excluding: options.excluded)
        let files = SiteFiles(root: site.root, fileSystem: options.fileSystem, staticFiles: cachedIndex.staticFiles)
        var resolver = PostResolver(index: cachedIndex.index, files: files)
        resolver.images = variantStore(root: site.root, config: cachedIndex.index.config)
        var result = BuildResult()
        var edited: [ResolvedPost] = []
        for absolute in changed {
            guard absolute.hasPrefix(site.root + "/") else { return nil }
            let path = String(absolute.dropFirst(site.root.count + 1))
            guard let (kind, isBundle) = site.markdownFiles[path],
                let old = model.posts.first(where: { $0.source.sourcePath == path })
            else { return nil }
            let (post, problems) = loader.loadPost(root: site.root, path: path, kind: kind, isBundle: isBundle, config: site.config)
            guard let post, problems.isEmpty, IndexInput(post) == IndexInput(old.source) else { return nil }
            let (resolved, resolveProblems) = resolver.resolve(post)
            guard let resolved, resolveProblems.isEmpty, resolved.placement == old.placement else { return nil }
            // Kept for the whole build that follows, which then need not parse it again.
            cache.store(post, indexKey: cachedIndex.key, result: resolved, problems: [])
            edited.append(resolved)
        }
        let renderer = SiteRenderer(model: model, theme: theme, summaries: cache.summaries)
        result.files = cache.pages(for: renderer.jobs(edited: edited), render: renderer.render)
        result.partial = true
        return result
    }
}
