import BlogCore
import BlogMarkdown

/// The numbers of one year of a blog, computed from its posts: what the year page shows and
/// what themes get as data. Pure; the inputs are the resolved posts.
package struct YearReview {
    /// Counts that are compared with the year before.
    package struct Totals: Equatable {
        package var posts = 0
        package var words = 0
        package var readingMinutes = 0
        package var activeMonths = 0
        package var longestStreak = 0
    }

    package let year: Int
    /// Oldest first.
    package let posts: [ResolvedPost]
    package let totals: Totals
    package let postsPerMonth: [Int]
    package let wordsPerMonth: [Int]
    /// The year's tags and categories with their posts, most used first.
    package let tags: [SiteModel.Group]
    package let categories: [SiteModel.Group]
    /// Posts of the year by how many other posts link to them, most first (only linked ones).
    package let mostLinked: [(post: ResolvedPost, count: Int)]

    /// - Parameter inbound: for each source file, how many other posts link to it.
    /// - Parameter readingRate: words a minute (`Interface.readingRate`).
    package init(year: Int, posts: [ResolvedPost], inbound: [String: Int], readingRate: Int = 250) {
        self.year = year
        self.posts = posts.sorted { ($0.date?.secondsSince1970 ?? 0, $0.source.sourcePath) < ($1.date?.secondsSince1970 ?? 0, $1.source.sourcePath) }
        var perMonth = [Int](repeating: 0, count: 12)
        var wordsPerMonth = [Int](repeating: 0, count: 12)
        for post in posts {
            let month = (post.date?.month ?? 1) - 1
            perMonth[month] += 1
            wordsPerMonth[month] += post.words
        }
        postsPerMonth = perMonth
        self.wordsPerMonth = wordsPerMonth
        totals = Totals(
            posts: posts.count,
            words: posts.reduce(0) { $0 + $1.words },
            readingMinutes: posts.reduce(0) { $0 + WordCounter.readingMinutes(words: $1.words, perMinute: readingRate) },
            activeMonths: perMonth.filter { $0 > 0 }.count,
            longestStreak: Self.longestRun(perMonth))
        tags = SiteModel.group(posts, folder: "tags/") { $0.source.tags }.sorted(by: SiteModel.mostUsedFirst)
        categories = SiteModel.group(posts, folder: "categories/") { $0.source.categories }
            .sorted(by: SiteModel.mostUsedFirst)
        mostLinked = self.posts.compactMap { post in
            inbound[post.source.sourcePath].map { (post, $0) }
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.source.sourcePath < $1.0.source.sourcePath }
    }

    package var first: ResolvedPost? { posts.first }
    package var last: ResolvedPost? { posts.last }
    /// The post with the most words (the earlier one on a tie).
    package var longest: ResolvedPost? { posts.max { $0.words != $1.words ? $0.words < $1.words : $0.date ?? PostDate(secondsSince1970: 0, offsetSeconds: 0) > $1.date ?? PostDate(secondsSince1970: 0, offsetSeconds: 0) } }

    /// The longest run of consecutive months that have posts.
    package static func longestRun(_ perMonth: [Int]) -> Int {
        var best = 0
        var current = 0
        for count in perMonth {
            current = count > 0 ? current + 1 : 0
            best = max(best, current)
        }
        return best
    }

    /// For each post, how many other posts link to it (several links from one post count once).
    package static func inboundLinks(_ posts: [ResolvedPost]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for post in posts {
            for target in Set(post.linkedSources) where target != post.source.sourcePath {
                counts[target, default: 0] += 1
            }
        }
        return counts
    }
}
