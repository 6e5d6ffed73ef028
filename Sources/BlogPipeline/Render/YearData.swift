import BlogCore
import BlogMarkdown

/// Year pages and the archives chart as template data (documented in the theme's README).

/// `year` of a year's page: the year in review.
package struct YearSummary: Sendable {
    /// An item of `year.numbers`: one of the year's totals next to the year before.
    package struct Number: Sendable {
        /// `posts`, `words`, …: stable, for class names.
        package var key: String
        package var label: String
        package var value: Int
        package var previous: Int
        package var valueText: String
        package var previousText: String
        /// `+3`, `−2` (a real minus sign) or `±0`.
        package var change: String
        /// `up`, `down` or `same`.
        package var trend: String
        /// `vs 12 in 2015`, in the site's language.
        package var compared: String
    }

    /// An item of `year.per_month`: every month, with or without posts.
    package struct MonthBar: Sendable {
        package var month: String
        package var name: String
        package var posts: Int
        package var words: Int
    }

    /// An item of `year.most_linked`.
    package struct LinkedPost: Sendable {
        package var title: String
        package var url: String
        package var count: Int
        package var countLabel: String
    }

    package var year: String
    package var url: String
    package var count: Int
    package var words: Int
    package var readingMinutes: Int
    package var activeMonths: Int
    package var longestStreak: Int
    /// The calendar year before, whether or not it had posts.
    package var previousYear: String
    /// The year before had posts, so comparing with it means something.
    package var hasPreviousYear: Bool
    /// `No posts in 2015, so nothing to compare with.`, in the site's language.
    package var nothingToCompare: String
    package var numbers: [Number]
    package var perMonth: [MonthBar]
    package var postsChart: String
    package var wordsChart: String
    package var months: [MonthPosts]
    package var tags: [TermCount]
    package var categories: [TermCount]
    package var mostLinked: [LinkedPost]
    package var wordsText: String
    package var first: PostSummary?
    package var last: PostSummary?
    package var longest: PostSummary?
    /// The post that sums up the year (`year_summary` in its front matter).
    package var featured: PostSummary?
    /// The previous and next years with posts.
    package var prev: YearLink?
    package var next: YearLink?

    package var hasMostLinked: Bool { !mostLinked.isEmpty }
    package var hasCategories: Bool { !categories.isEmpty }
    package var hasTags: Bool { !tags.isEmpty }
}

extension PageData {
    /// The year's page data, but for its neighbours (`prev`, `next`) and `featured`, which
    /// depend on the rest of the blog.
    package func yearReview(_ review: YearReview, previous: YearReview?, path: String) -> YearSummary {
        let name = pad(review.year, 4)
        let before = previous?.totals ?? YearReview.Totals()
        let t = review.totals
        let numbers: [(String, Int, Int)] = [
            ("posts", t.posts, before.posts),
            ("words", t.words, before.words),
            ("reading_minutes", t.readingMinutes, before.readingMinutes),
            ("active_months", t.activeMonths, before.activeMonths),
            ("longest_streak", t.longestStreak, before.longestStreak),
        ]
        let months = (1...12).map { month in
            YearSummary.MonthBar(month: pad(month), name: interface.month(month), posts: review.postsPerMonth[month - 1],
                                 words: review.wordsPerMonth[month - 1])
        }
        func withWords(_ post: ResolvedPost?) -> PostSummary? {
            post.flatMap { summaries([$0]).first }
        }
        return YearSummary(
            year: name, url: index.url(path), count: t.posts, words: t.words, readingMinutes: t.readingMinutes,
            activeMonths: t.activeMonths, longestStreak: t.longestStreak,
            previousYear: pad(review.year - 1, 4), hasPreviousYear: previous != nil,
            nothingToCompare: interface.text("nothing_to_compare", ["year": pad(review.year - 1, 4)]),
            numbers: numbers.map { key, value, old in
                let change = value - old
                return YearSummary.Number(
                    key: key, label: interface["stat." + key], value: value, previous: old, valueText: interface.number(value),
                    previousText: interface.number(old),
                    change: change > 0 ? "+" + interface.number(change) : change < 0 ? interface.number(change) : "±0",
                    trend: change > 0 ? "up" : change < 0 ? "down" : "same",
                    compared: interface.text("compared", ["previous": interface.number(old), "year": pad(review.year - 1, 4)]))
            },
            perMonth: months,
            postsChart: BarChart(
                bars: months.map { m in
                    .init(label: m.name, value: m.posts, description: "\(m.name): " + interface.count("posts_count", m.posts))
                },
                title: interface.text("posts_per_month_in", ["year": name]), cssClass: "chart-posts").svg(),
            wordsChart: BarChart(
                bars: months.map { m in .init(label: m.name, value: m.words, description: "\(m.name): " + interface.count("words", m.words)) },
                title: interface.text("words_per_month_in", ["year": name]), cssClass: "chart-words").svg(),
            months: self.months(review.posts, year: name),
            tags: groups(review.tags),
            categories: groups(review.categories),
            mostLinked: review.mostLinked.prefix(5).map {
                .init(title: $0.post.title, url: index.url($0.post.path), count: $0.count,
                      countLabel: interface.count("linked_from", $0.count))
            },
            wordsText: interface.number(t.words),
            first: withWords(review.first), last: withWords(review.last), longest: withWords(review.longest))
    }

    /// Posts per year over the whole blog, a bar a year (empty years too), each bar a link.
    package func postsPerYearChart() -> String {
        let counts = Dictionary(uniqueKeysWithValues: model.years.map { (Int($0.name) ?? 0, ($0.posts.count, $0.path)) })
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return "" }
        let bars = (first...last).map { year -> BarChart.Bar in
            let (count, path) = counts[year] ?? (0, "")
            return .init(label: String(year), value: count,
                         description: "\(year): " + interface.count("posts_count", count),
                         link: count > 0 ? index.url(path) : nil)
        }
        return BarChart(bars: bars, title: interface["posts_per_year"], cssClass: "chart-years").svg()
    }
}
