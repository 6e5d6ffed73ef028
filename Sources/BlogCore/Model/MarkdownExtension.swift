/// The Markdown that goes beyond CommonMark, as GitHub, Hugo, Jekyll and Hexo write it: all
/// on unless `blog.yaml` switches one off (`markdown: {extensions: {math: false}}`).
public enum MarkdownExtension: String, CaseIterable, Sendable, Hashable {
    case tables
    case strikethrough
    case autolinks
    case tasklists
    case footnotes
    /// `## Title {#id}` sets the heading's id.
    case headingIDs = "heading_ids"
    case math
    /// Emphasis next to CJK punctuation (`**「強調」**です`), which CommonMark's rules leave
    /// as asterisks.
    case cjkEmphasis = "cjk_emphasis"
    /// An image alone in its paragraph, with a title or a describing alt text, as a
    /// `<figure>` with that caption.
    case figures
    /// `> [!NOTE]` and the other GitHub alerts: a callout titled in the blog's language.
    case alerts

    public static let all = Set(allCases)
}
