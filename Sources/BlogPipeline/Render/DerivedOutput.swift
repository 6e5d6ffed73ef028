import Foundation
import BlogCore
import BlogMarkdown

/// A kind of file made from the whole site (`SiteModel`) rather than by a template for one
/// page: the feed, the sitemap, the redirects of aliases — and whatever comes next (image
/// variants, a search index). Each says which paths it writes (planned with the pages, so
/// links to them are checked like any), a key of everything it is made from (the build makes
/// it again only when the key changes), and its files. Adding one is a type conforming here
/// and a line in `DerivedOutputs.all`.
package protocol DerivedOutput: Sendable {
    /// For `--verbose` and the cache.
    var name: String { get }
    /// The output paths `make` writes, known before it is made (links to them are checked);
    /// `make` may write more under the same folder when their number depends on what it
    /// makes (the search index's term shards). A build reuses the paths last made.
    func paths(_ model: SiteModel) -> [String]
    /// A digest of all it is made from.
    func key(_ model: SiteModel) -> UInt64
    func make(_ model: SiteModel) -> [OutputFile]
    /// The same, given each post's own HTML: an output made from the posts' whole text (the
    /// search index) reads it here, since a post restored without its text (`ResolvedPost`
    /// of a saved build) is read again only through `content`.
    func make(_ model: SiteModel, content: @escaping PostContent) -> [OutputFile]
}

extension DerivedOutput {
    package func make(_ model: SiteModel, content: @escaping PostContent) -> [OutputFile] { make(model) }
}

package enum DerivedOutputs {
    package static let all: [any DerivedOutput] = all()

    /// - Parameter searchTerms: the posts' terms the search index was last made from.
    package static func all(searchTerms: SearchTermsStore? = nil) -> [any DerivedOutput] {
        [AtomFeed(), Sitemap(), AliasRedirects(), SearchOutput(terms: searchTerms)]
    }
}

/// `/feed.xml`: the latest posts, with their content and absolute URLs.
package struct AtomFeed: DerivedOutput {
    package var name: String { "feed" }
    package func paths(_ model: SiteModel) -> [String] { ["feed.xml"] }

    package func key(_ model: SiteModel) -> UInt64 {
        Digest.of { d in
            d.add(model.index.configDigest)
            for post in model.posts.prefix(Feeds.feedSize) { d.add(post.digest) }
        }
    }

    package func make(_ model: SiteModel) -> [OutputFile] {
        [Feeds.atom(index: model.index, posts: Array(model.posts.prefix(Feeds.feedSize)))]
    }
}

/// `/sitemap.xml`: every page a search engine should know.
package struct Sitemap: DerivedOutput {
    package var name: String { "sitemap" }
    package func paths(_ model: SiteModel) -> [String] { ["sitemap.xml"] }

    package func key(_ model: SiteModel) -> UInt64 {
        Digest.of { d in
            d.add(model.index.configDigest)
            for post in model.posts + model.pages {
                d.add(post.path)
                d.add(post.source.updated.map(\.iso8601) ?? post.date?.iso8601 ?? "")
            }
            d.add((model.years + model.tags + model.categories).map(\.path))
        }
    }

    package func make(_ model: SiteModel) -> [OutputFile] { [Feeds.sitemap(index: model.index, model: model)] }
}

/// A page at each alias of a post, sending readers on to the post.
package struct AliasRedirects: DerivedOutput {
    package var name: String { "redirects" }
    package func paths(_ model: SiteModel) -> [String] {
        model.index.sourceByAlias.compactMap { alias, source in
            guard model.index.pathBySource[source] != nil, let path = SiteIndex.aliasPath(alias) else { return nil }
            return SiteIndex.filePath(of: path)
        }
    }

    package func key(_ model: SiteModel) -> UInt64 {
        Digest.of { d in
            d.add(model.index.configDigest)
            for (alias, source) in model.index.sourceByAlias.sorted(by: { $0.key < $1.key }) {
                d.add(alias)
                d.add(model.index.pathBySource[source] ?? "")
            }
        }
    }

    package func make(_ model: SiteModel) -> [OutputFile] { Feeds.redirects(index: model.index) }
}
