import Yams
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// The generators a blog can move in from.
public enum SourceGenerator: String, CaseIterable, Sendable {
    case hexo, jekyll, hugo
}

/// A post or page of the blog being moved in, as it will be written into the new site.
struct ImportedPost {
    /// Its file in the old site, relative to the old site's folder (`_posts/2019-05-21-a.md`).
    var origin: String
    /// Its path as the old generator saw it, when that is not `origin`: Hugo's content path
    /// through a mount (`content/blog/a.md` for `content/en/blog/a.md`), which `ref` names.
    var generatorPath: String?
    /// Its file in the new site (`posts/2019/2019-05-21-a.md`, `posts/kyoto/index.md`).
    var target: String
    var kind: ContentKind = .post
    var body: String
    /// The line of the old file the body starts on, to report constructs at their old lines.
    var bodyLine = 1
    var title = ""
    var date: PostDate?
    var updated: PostDate?
    var tags: [String] = []
    var categories: [String] = []
    /// The last part of its URL (written only when it is not the file's own name).
    var slug = ""
    var draft = false
    var summary: String?
    /// Its address under the old generator, then the other old addresses it answered at.
    var oldURLs: [String] = []
    /// Old addresses that must redirect to it in the new site.
    var aliases: [String] = []
    /// The old front matter's other keys, kept as they were (`author`, `image`, `toc`).
    var kept: [(String, Node)] = []
    /// Files published with it (a bundle's, an asset folder's): old path → new path.
    var assets: [(String, String)] = []
}

/// What `blog import` found and did: the report it prints.
public struct ImportReport: Sendable {
    public var generator: SourceGenerator
    public var posts = 0
    public var pages = 0
    public var images = 0
    public var files = 0
    /// Each construct converted, by kind (`Liquid {% post_url %} → link to the post's file`), with its count.
    public var converted: [String: Int] = [:]
    /// Each construct left for the writer, at its line of the old site's file.
    public var notConverted: [Diagnostic] = []
    /// Files of the old site not brought over, and why (list pages, layouts).
    public var skipped: [(path: String, reason: String)] = []
    /// The new site's own build, run right after: its problems.
    public var buildProblems: [Diagnostic] = []

    mutating func count(_ kind: String, _ n: Int = 1) { converted[kind, default: 0] += n }
}

/// The whole new site, before it is written.
struct ImportedSite {
    var generator: SourceGenerator
    /// `blog.yaml`, in order.
    var settings: [(String, Node)] = []
    var posts: [ImportedPost] = []
    /// Other files: old path → new path (`img/a.png` → `static/img/a.png`).
    var files: [(String, String)] = []
    var report: ImportReport
    /// Old addresses of list pages left behind (Hugo's `/blog/` and its aliases): each
    /// becomes a page in `static/` that sends readers to the home page.
    var listAddresses: [String] = []
    /// The old site's excerpt marker (Jekyll's `excerpt_separator`), made `<!--more-->`.
    var excerptSeparator: String?
    /// Hugo's `enableEmoji`: `:rocket:` codes in posts showed as emoji.
    var emojiCodes = false

    init(generator: SourceGenerator) {
        self.generator = generator
        report = ImportReport(generator: generator)
    }

    /// Reads one file; when its front matter cannot be read, says so at its line and copies
    /// it as it is to `fallback`, where the new site's build reports it again, with the
    /// rest of the import going on: every problem in one round.
    mutating func reading<T>(_ path: String, fallback: String, _ read: (inout ImportReport) throws -> T?) -> T? {
        do {
            return try read(&report)
        } catch let failure as Metadata.Failure {
            report.notConverted.append(.error(failure.file, line: failure.line, failure.message + "; the file is copied as it is"))
        } catch {
            report.notConverted.append(.error(path, line: 1, "\(error); the file is copied as it is"))
        }
        files.append((path, fallback))
        return nil
    }
}

extension Node {
    /// A string as the new front matter writes it: plain, or quoted when YAML would read it
    /// as something else (`2020`, `true`, `null`, `2019-01-03`), so that every reader of the
    /// file, not only `blog`, sees the writer's text.
    static func text(_ value: String) -> Node {
        let plain = Node(value)
        guard Resolver.default.resolveTag(of: plain) != .str else { return plain }
        return Node(value, Tag(.str), .singleQuoted)
    }
    static func list(_ values: [String]) -> Node { .sequence(Node.Sequence(values.map(Node.text), .implicit, .flow)) }
    static func flag(_ value: Bool) -> Node { Node(value ? "true" : "false", Tag(.bool)) }
}
