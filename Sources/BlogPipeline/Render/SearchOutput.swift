import BlogCore
import BlogMarkdown

/// `/search/…`: the search index of the site's posts and pages (`SearchIndex`), which the
/// search page's script reads. Drafts are never in it, even in a build with `--drafts`: a
/// preview's index is the published one. Off with `search: {enabled: false}`.
package struct SearchOutput: DerivedOutput {
    package static let folder = "search/"
    /// The theme's asset the search page loads (`assets/search.js`).
    package static let script = "search.js"

    package var name: String { "search" }
    /// The posts' terms from the build before (`BlogIncremental` keeps them in `.blog/`).
    package var terms: SearchTermsStore?

    package init(terms: SearchTermsStore? = nil) { self.terms = terms }

    /// What is indexed: the posts (newest first, which makes a document's number its
    /// recency), then the pages.
    static func documents(_ model: SiteModel) -> [ResolvedPost] {
        guard model.index.config.searchEnabled else { return [] }
        return (model.posts + model.pages).filter { !$0.source.draft }
    }

    /// The manifest and document shards; the term shards are as many as the postings' size
    /// asks, known once made (`SearchIndex.files`).
    package func paths(_ model: SiteModel) -> [String] {
        guard model.index.config.searchEnabled else { return [] }
        return SearchIndex.plannedPaths(docs: Self.documents(model).count).map { Self.folder + $0 }
    }

    /// The posts' digests cover their text, title, date, tags and draft state; the config's
    /// the language dates are written in, and whether search is on.
    package func key(_ model: SiteModel) -> UInt64 {
        Digest.of { d in
            d.add(model.index.configDigest)
            for post in Self.documents(model) {
                d.add(post.path)
                d.add(post.digest)
            }
        }
    }

    package func make(_ model: SiteModel) -> [OutputFile] { make(model, content: { $0.content }) }

    package func make(_ model: SiteModel, content: @escaping PostContent) -> [OutputFile] {
        guard model.index.config.searchEnabled else { return [] }
        let interface = Interface(config: model.index.config)
        let index = model.index
        let store = terms ?? SearchTermsStore()
        let posts = Self.documents(model)
        let docs = posts.parallelMap { post in
            SearchDocument(
                url: index.url(post.path), title: post.title, date: post.date.map(interface.date) ?? "",
                terms: store.terms(digest: post.digest) {
                    SearchTerms(title: post.title, tags: post.source.tags, text: SearchText(html: content(post)))
                })
        }
        store.retain(Set(posts.map(\.digest)))
        return SearchIndex.files(docs).map { file in
            OutputFile.text(Self.folder + file.path, file.text, origin: "the search index")
        }
    }
}
