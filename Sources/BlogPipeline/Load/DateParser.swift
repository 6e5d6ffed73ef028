import Foundation
import BlogCore
import BlogMarkdown

/// Reads the date forms writers use in front matter: `2016-12-31`, `2016-12-31 10:00`,
/// `2016-12-31 10:00:00`, each optionally followed by `+0800`, `+08:00` or `Z`, and ISO 8601
/// with `T`; the hour may have one digit. A date without an offset is in `timeZone` (the site's).
package enum DateParser {
    package static func parse(_ text: String, timeZone: TimeZone) -> PostDate? {
        var scanner = DigitScanner(trimmed(text))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2)
        else { return nil }
        var time = CivilTime(year: year, month: month, day: day)
        if scanner.skip("T") || scanner.skip(" ") {
            // `8:30:00+00:00`: Hugo and Jekyll take a one-digit hour, and blogs moved from them have it.
            guard let hour = scanner.number(digits: 2) ?? scanner.number(digits: 1), scanner.skip(":"),
                let minute = scanner.number(digits: 2)
            else { return nil }
            time.hour = hour
            time.minute = minute
            if scanner.skip(":") {
                guard let second = scanner.number(digits: 2) else { return nil }
                time.second = second
                if scanner.skip(".") { scanner.skipDigits() }  // fractions of a second
            }
        }
        guard time.isValid else { return nil }
        _ = scanner.skip(" ")
        let offset: Int
        if scanner.isAtEnd {
            offset = offsetOf(localTime: time, in: timeZone)
        } else if let explicit = scanner.offset(), scanner.isAtEnd {
            offset = explicit
        } else {
            return nil
        }
        return PostDate(secondsSince1970: time.secondsSince1970 - Int64(offset), offsetSeconds: offset)
    }

    /// The offset of `timeZone` at a wall-clock time (twice, to land right around DST changes).
    package static func offsetOf(localTime: CivilTime, in timeZone: TimeZone) -> Int {
        let local = localTime.secondsSince1970
        let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - Int64(guess))))
    }

    /// The `2016-12-31-` prefix of an exported post's file name, and the rest of the name.
    package static func datePrefix(of name: String, timeZone: TimeZone) -> (PostDate, String)? {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count > 11, scalars[10] == "-",
            let date = parse(String(String.UnicodeScalarView(scalars[0..<10])), timeZone: timeZone)
        else { return nil }
        return (date, String(String.UnicodeScalarView(scalars[11...])))
    }
}

extension PostDate {
    /// A date as front matter may write it; nil when it cannot be read.
    public static func parse(_ text: String, timeZone: TimeZone) -> PostDate? {
        DateParser.parse(text, timeZone: timeZone)
    }

    /// This moment, shown in `timeZone`.
    public static func now(in timeZone: TimeZone, at date: Date = Date()) -> PostDate {
        PostDate(secondsSince1970: Int64(date.timeIntervalSince1970), offsetSeconds: timeZone.secondsFromGMT(for: date))
    }
}

/// A cursor over ASCII digits and punctuation.
private struct DigitScanner {
    package let scalars: [Unicode.Scalar]
    package var index = 0

    package init(_ text: String) { scalars = Array(text.unicodeScalars) }

    package var isAtEnd: Bool { index == scalars.count }

    package mutating func skip(_ c: Unicode.Scalar) -> Bool {
        guard index < scalars.count, scalars[index] == c else { return false }
        index += 1
        return true
    }

    package mutating func number(digits: Int) -> Int? {
        guard index + digits <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[index..<index + digits] {
            guard let digit = scalar.asciiDigit else { return nil }
            value = value * 10 + digit
        }
        index += digits
        return value
    }

    package mutating func skipDigits() {
        while index < scalars.count, scalars[index].asciiDigit != nil { index += 1 }
    }

    /// `Z`, `+0800`, `+08:00`, `-05`
    package mutating func offset() -> Int? {
        if skip("Z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours <= 14 else { return nil }
        _ = skip(":")
        let minutes = isAtEnd ? 0 : number(digits: 2)
        guard let minutes, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}

extension Unicode.Scalar {
    package var asciiDigit: Int? {
        value >= 48 && value <= 57 ? Int(value - 48) : nil
    }
}
