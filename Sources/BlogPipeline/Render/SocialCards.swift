import Foundation
import BlogCore

/// A page's card for when its link is shared (Open Graph, Twitter, schema.org's JSON-LD):
/// a post is an article with its dates, tags and first image; other pages, the site's.
package enum SocialCards {
    package static func card(title: String, description: String?, url: String, post: ResolvedPost?, index: SiteIndex) -> SocialCard {
        let config = index.config
        let image = post?.image.map { $0.isExternal ? $0.path : index.absoluteURL($0.path) }
        let isArticle = post?.source.kind == .post
        let published = isArticle ? post?.date?.iso8601 : nil
        let modified = isArticle ? (post?.source.updated ?? post?.date)?.iso8601 : nil
        var ld: [String: JSONLD] = [
            "@context": .text("https://schema.org"),
            "@type": .text(isArticle ? "BlogPosting" : url == index.absoluteURL("") ? "WebSite" : "WebPage"),
            isArticle ? "headline" : "name": .text(title),
            "url": .text(url),
        ]
        if let description { ld["description"] = .text(description) }
        if let image { ld["image"] = .text(image) }
        if let published { ld["datePublished"] = .text(published) }
        if let modified { ld["dateModified"] = .text(modified) }
        if isArticle {
            ld["mainEntityOfPage"] = .text(url)
            if !config.author.isEmpty { ld["author"] = .object(["@type": .text("Person"), "name": .text(config.author)]) }
            if let tags = post?.source.tags, !tags.isEmpty { ld["keywords"] = .text(tags.joined(separator: ", ")) }
        }
        return SocialCard(
            type: isArticle ? "article" : "website", title: title, description: description, url: url,
            locale: config.language.replacingOccurrences(of: "-", with: "_"), image: image,
            imageWidth: image == nil ? nil : post?.image?.size?.width, imageHeight: image == nil ? nil : post?.image?.size?.height,
            publishedTime: published, modifiedTime: modified, tags: isArticle ? post?.source.tags ?? [] : [],
            jsonLD: JSONLD.object(ld).text)
    }
}

/// The little JSON a card needs, written with its keys in order and `<`, `>`, `&` escaped, so
/// that no text of the writer's can close the `<script>` it stands in.
package enum JSONLD {
    case text(String)
    case object([String: JSONLD])

    package var text: String {
        switch self {
        case .text(let value): return Self.quoted(value)
        case .object(let fields):
            return "{" + fields.sorted { $0.key < $1.key }.map { Self.quoted($0.key) + ":" + $0.value.text }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ value: String) -> String { jsonQuoted(value) }
}
