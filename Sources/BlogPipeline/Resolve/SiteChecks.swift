import BlogCore
import BlogMarkdown

/// What `blog check` looks at beyond what a build needs: things a writer would want to
/// know before publishing, reported as warnings with their lines.
package enum SiteChecks {
    /// Links to `#fragments` that no heading of the target has, and posts without tags.
    package static func problems(_ posts: [ResolvedPost]) -> [Diagnostic] {
        var ids: [String: Set<String>] = [:]
        for post in posts { ids[post.source.sourcePath] = Set(post.toc.map(\.id)) }
        var problems: [Diagnostic] = []
        for post in posts {
            for link in post.fragmentLinks {
                guard let targetIDs = ids[link.target], !targetIDs.contains(link.fragment) else { continue }
                let target = link.target == post.source.sourcePath ? "this post" : link.target
                problems.append(.warning(
                    post.source.sourcePath, line: link.line,
                    "link to '#\(link.fragment)': \(target) has no heading with that id"))
            }
            if post.source.kind == .post && post.source.tags.isEmpty {
                problems.append(.warning(post.source.sourcePath, line: post.source.line(ofKey: "tags") ?? 1, "post has no tags"))
            }
        }
        return problems
    }
}

/// A link to a heading of a post: checked once every post's headings are known.
public struct FragmentLink: Sendable, Hashable {
    public var target: String
    public var fragment: String
    public var line: Int

    package init(target: String, fragment: String, line: Int) {
        self.target = target
        self.fragment = fragment
        self.line = line
    }
}
