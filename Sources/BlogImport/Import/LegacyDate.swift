import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// The dates other generators accept, which are looser than `blog`'s: `2019-11-8 9:32:00`,
/// `2021/9/30 0:00:00`, trailing spaces, `2021-01-16T20:40:03-06:00`, `2018-09-14`. A date
/// without an offset is in the old site's time zone, as the old generator read it.
enum LegacyDate {
    static func parse(_ text: String, timeZone: TimeZone) -> PostDate? {
        let text = trimmed(text)
        let numbers = text.split(whereSeparator: { !$0.isNumber }).map(String.init)
        guard numbers.count >= 3, numbers[0].count == 4,
            let year = Int(numbers[0]), let month = Int(numbers[1]), let day = Int(numbers[2]),
            numbers[1].count <= 2, numbers[2].count <= 2
        else { return nil }
        var time = CivilTime(year: year, month: month, day: day)
        // The time, when there is one, and an offset after it (`Z`, `+08:00`, `-0600`).
        let afterDate = text.dropFirst(numbers[0].count + numbers[1].count + numbers[2].count + 2)
        let clock = afterDate.drop { $0 == " " || $0 == "T" || $0 == "t" }
        var rest = Substring(clock)
        if let colon = clock.firstIndex(of: ":"), clock.distance(from: clock.startIndex, to: colon) <= 2,
            let hour = Int(clock[..<colon])
        {
            let parts = clock.prefix { $0.isNumber || $0 == ":" || $0 == "." }
            let pieces = parts.split(separator: ":")
            guard pieces.count >= 2, let minute = Int(pieces[1]) else { return nil }
            time.hour = hour
            time.minute = minute
            if pieces.count > 2 { time.second = Int(pieces[2].prefix { $0.isNumber }) ?? 0 }
            rest = clock[parts.endIndex...]
        }
        guard time.isValid else { return nil }
        let zone = trimmed(String(rest))
        let offset: Int
        if zone.isEmpty {
            offset = DateParser.offsetOf(localTime: time, in: timeZone)
        } else if zone == "Z" || zone == "z" || zone == "UTC" {
            offset = 0
        } else if let explicit = explicitOffset(zone) {
            offset = explicit
        } else {
            return nil
        }
        return PostDate(secondsSince1970: time.secondsSince1970 - Int64(offset), offsetSeconds: offset)
    }

    /// `+08:00`, `+0800`, `-06`
    private static func explicitOffset(_ text: String) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter(\.isNumber)
        guard digits.count == 2 || digits.count == 4, let hours = Int(digits.prefix(2)), hours <= 14 else { return nil }
        let minutes = digits.count == 4 ? Int(digits.suffix(2)) ?? 0 : 0
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// As the new front matter writes it: `2019-11-08 09:32:00 +08:00`, which `blog` reads
    /// back as the same moment shown the same way.
    static func written(_ date: PostDate) -> String {
        "\(date.day) \(date.clock) \(date.offset(separator: ":"))"
    }
}
