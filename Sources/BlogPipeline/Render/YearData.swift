/// Year pages and the archives chart as template data (documented in the theme's README).

/// `year` of a year's page: the year in review.
struct YearSummary: Sendable {
    /// An item of `year.numbers`: one of the year's totals next to the year before.
    struct Number: Sendable {
        /// `posts`, `words`, …: stable, for class names.
        var key: String
        var label: String
        var value: Int
        var previous: Int
        var valueText: String
        var previousText: String
        /// `+3`, `−2` (a real minus sign) or `±0`.
        var change: String
        /// `up`, `down` or `same`.
        var trend: String
    }

    /// An item of `year.per_month`: every month, with or without posts.
    struct MonthBar: Sendable {
        var month: String
        var name: String
        var posts: Int
        var words: Int
    }

    /// An item of `year.most_linked`.
    struct LinkedPost: Sendable {
        var title: String
        var url: String
        var count: Int
        var countLabel: String
    }

    var year: String
    var url: String
    var count: Int
    var words: Int
    var readingMinutes: Int
    var activeMonths: Int
    var longestStreak: Int
    /// The calendar year before, whether or not it had posts.
    var previousYear: String
    /// The year before had posts, so comparing with it means something.
    var hasPreviousYear: Bool
    var numbers: [Number]
    var perMonth: [MonthBar]
    var postsChart: String
    var wordsChart: String
    var months: [MonthPosts]
    var tags: [TermCount]
    var categories: [TermCount]
    var mostLinked: [LinkedPost]
    var wordsText: String
    var first: PostSummary?
    var last: PostSummary?
    var longest: PostSummary?
    /// The post that sums up the year (`year_summary` in its front matter).
    var featured: PostSummary?
    /// The previous and next years with posts.
    var prev: YearLink?
    var next: YearLink?

    var hasMostLinked: Bool { !mostLinked.isEmpty }
    var hasCategories: Bool { !categories.isEmpty }
    var hasTags: Bool { !tags.isEmpty }
}

extension PageData {
    /// The year's page data, but for its neighbours (`prev`, `next`) and `featured`, which
    /// depend on the rest of the blog.
    func yearReview(_ review: YearReview, previous: YearReview?, path: String) -> YearSummary {
        let name = pad(review.year, 4)
        let before = previous?.totals ?? YearReview.Totals()
        let t = review.totals
        let numbers: [(String, String, Int, Int)] = [
            ("posts", "Posts", t.posts, before.posts),
            ("words", "Words", t.words, before.words),
            ("reading_minutes", "Minutes of reading", t.readingMinutes, before.readingMinutes),
            ("active_months", "Months with posts", t.activeMonths, before.activeMonths),
            ("longest_streak", "Longest run of months", t.longestStreak, before.longestStreak),
        ]
        let months = (1...12).map { month in
            YearSummary.MonthBar(month: pad(month), name: monthName(month), posts: review.postsPerMonth[month - 1],
                                 words: review.wordsPerMonth[month - 1])
        }
        func withWords(_ post: ResolvedPost?) -> PostSummary? {
            post.flatMap { summaries([$0]).first }
        }
        return YearSummary(
            year: name, url: index.url(path), count: t.posts, words: t.words, readingMinutes: t.readingMinutes,
            activeMonths: t.activeMonths, longestStreak: t.longestStreak,
            previousYear: pad(review.year - 1, 4), hasPreviousYear: previous != nil,
            numbers: numbers.map { key, label, value, old in
                let change = value - old
                return YearSummary.Number(
                    key: key, label: label, value: value, previous: old, valueText: grouped(value),
                    previousText: grouped(old),
                    change: change > 0 ? "+\(change)" : change < 0 ? "−\(-change)" : "±0",
                    trend: change > 0 ? "up" : change < 0 ? "down" : "same")
            },
            perMonth: months,
            postsChart: BarChart(
                bars: months.map { m in
                    .init(label: m.name, value: m.posts, description: "\(m.name): \(m.posts) post\(m.posts == 1 ? "" : "s")")
                },
                title: "Posts per month in \(name)", cssClass: "chart-posts").svg(),
            wordsChart: BarChart(
                bars: months.map { m in .init(label: m.name, value: m.words, description: "\(m.name): \(m.words) words") },
                title: "Words per month in \(name)", cssClass: "chart-words").svg(),
            months: self.months(review.posts, year: name),
            tags: groups(review.tags),
            categories: groups(review.categories),
            mostLinked: review.mostLinked.prefix(5).map {
                .init(title: $0.post.title, url: index.url($0.post.path), count: $0.count,
                      countLabel: "\($0.count) post\($0.count == 1 ? "" : "s")")
            },
            wordsText: grouped(t.words),
            first: withWords(review.first), last: withWords(review.last), longest: withWords(review.longest))
    }

    /// Posts per year over the whole blog, a bar a year (empty years too), each bar a link.
    func postsPerYearChart() -> String {
        let counts = Dictionary(uniqueKeysWithValues: model.years.map { (Int($0.name) ?? 0, ($0.posts.count, $0.path)) })
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return "" }
        let bars = (first...last).map { year -> BarChart.Bar in
            let (count, path) = counts[year] ?? (0, "")
            return .init(label: String(year), value: count,
                         description: "\(year): \(count) post\(count == 1 ? "" : "s")",
                         link: count > 0 ? index.url(path) : nil)
        }
        return BarChart(bars: bars, title: "Posts per year", cssClass: "chart-years").svg()
    }

    /// 12345 → `12,345`: the digits grouped, the same whatever the machine's locale.
    func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var result = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (n < 0 ? "−" : "") + result
    }

    /// `Jan`…`Dec`, or `1月`…`12月` for Chinese and Japanese sites.
    func monthName(_ month: Int) -> String {
        let language = config.language.lowercased()
        if language.hasPrefix("zh") || language.hasPrefix("ja") { return "\(month)月" }
        if language.hasPrefix("ko") { return "\(month)월" }
        return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
    }
}
