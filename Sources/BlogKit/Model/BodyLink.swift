import Foundation

/// A URL a post's body puts in its page, with where it is written.
public struct BodyLink: Sendable, Hashable {
    /// As the page has it.
    var url: String
    /// As the writer wrote it.
    var written: String
    var isImage: Bool
    /// Where a file of the site folder was looked for, for the message.
    var lookedIn: String?
    /// False for a URL known to lead somewhere (a post, a copied file) or out of the site.
    var check: Bool
    /// Lines of the body: cmark's start line of the block, and its end.
    var estimate: Int
    var blockEnd: Int

    /// The line of the file the URL is written on; computed only for a problem.
    func line(in post: SourcePost) -> Int {
        Self.locate(written, in: post.body, from: estimate, to: blockEnd) + post.bodyLineOffset
    }

    /// The line of `body` where `url` is written: cmark gives inline nodes no line, and
    /// counting line breaks misses those inside code spans.
    static func locate(_ url: String, in body: String, from estimate: Int, to end: Int) -> Int {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard !url.isEmpty, estimate >= 1, estimate <= lines.count else { return estimate }
        for number in estimate...max(estimate, min(end, lines.count)) where lines[number - 1].contains(url) {
            return number
        }
        return estimate
    }
}
