import Foundation
import BlogCore
import BlogMarkdown

/// A new post's file (`blog new`): where it goes and what it starts with. Pure: the command
/// checks that nothing is there and writes it.
public struct NewPost: Sendable {
    /// Site-relative: `posts/2026/hello.md` or `posts/2026/hello/index.md`.
    public var path: String
    public var text: String

    /// - Parameters:
    ///   - date: the post's date, shown in the site's time zone.
    ///   - slug: the writer's own; else from the title's Latin letters and digits, or, for
    ///     a title with none (`你好`), from the date.
    public static func make(title: String, slug: String?, date: PostDate, bundle: Bool) -> NewPost {
        let name = slug.map(slugify).flatMap { $0.isEmpty ? nil : $0 } ?? latinSlug(title) ?? date.day
        let year = pad(date.year, 4)
        let path = bundle ? "posts/\(year)/\(name)/index.md" : "posts/\(year)/\(name).md"
        let stamp = "\(date.day) \(date.clock) \(date.offset(separator: ""))"
        let text = """
            ---
            title: \(Scaffold.yamlQuoted(title))
            date: \(stamp)
            tags: []
            ---


            """
        return NewPost(path: path, text: text)
    }

    /// `用 Swift 写博客` → `swift`; nil when the title has no Latin letter or digit.
    static func latinSlug(_ title: String) -> String? {
        let latin = String(title.unicodeScalars.map { $0.isASCII ? Character($0) : " " })
        let slug = slugify(latin)
        return slug.contains(where: { $0.isLetter }) ? slug : nil
    }
}
