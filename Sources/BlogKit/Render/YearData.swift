/// Year pages and the archives chart as template data (documented in the theme's README).
extension PageData {
    func yearReview(_ review: YearReview, previous: YearReview?, path: String) -> [String: Any] {
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
        let months = (1...12).map { month -> [String: Any] in
            ["month": pad(month), "name": monthName(month), "posts": review.postsPerMonth[month - 1],
             "words": review.wordsPerMonth[month - 1]]
        }
        func withWords(_ post: ResolvedPost?) -> [String: Any]? {
            post.flatMap { summaries([$0]).first }
        }
        var data: [String: Any] = [
            "year": name, "url": index.url(path), "count": t.posts, "words": t.words,
            "reading_minutes": t.readingMinutes, "active_months": t.activeMonths, "longest_streak": t.longestStreak,
            "previous_year": pad(review.year - 1, 4), "has_previous_year": previous != nil,
            "numbers": numbers.map { key, label, value, old -> [String: Any] in
                let change = value - old
                return ["key": key, "label": label, "value": value, "previous": old,
                        "value_text": grouped(value), "previous_text": grouped(old),
                        "change": change > 0 ? "+\(change)" : change < 0 ? "−\(-change)" : "±0",
                        "trend": change > 0 ? "up" : change < 0 ? "down" : "same"]
            },
            "per_month": months,
            "posts_chart": BarChart(
                bars: months.map { m in
                    let count = m["posts"] as! Int
                    return .init(label: m["name"] as! String, value: count,
                                 description: "\(m["name"]!): \(count) post\(count == 1 ? "" : "s")")
                },
                title: "Posts per month in \(name)", cssClass: "chart-posts").svg(),
            "words_chart": BarChart(
                bars: months.map { m in
                    let words = m["words"] as! Int
                    return .init(label: m["name"] as! String, value: words, description: "\(m["name"]!): \(words) words")
                },
                title: "Words per month in \(name)", cssClass: "chart-words").svg(),
            "months": self.months(review.posts, year: name),
            "tags": groups(review.tags),
            "categories": groups(review.categories),
            "most_linked": review.mostLinked.prefix(5).map {
                ["title": $0.post.title, "url": index.url($0.post.path), "count": $0.count,
                 "count_label": "\($0.count) post\($0.count == 1 ? "" : "s")"] as [String: Any]
            },
            "has_most_linked": !review.mostLinked.isEmpty,
            "has_categories": !review.categories.isEmpty,
            "has_tags": !review.tags.isEmpty,
            "words_text": grouped(t.words),
        ]
        data["first"] = withWords(review.first)
        data["last"] = withWords(review.last)
        data["longest"] = withWords(review.longest)
        return data
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
