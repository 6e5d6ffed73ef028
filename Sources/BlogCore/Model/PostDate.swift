/// A moment as the writer wrote it: seconds since 1970 (UTC), plus the UTC offset in which it
/// is shown, so `2016-12-31 23:30 +0800` stays on the 31st in every page.
public struct PostDate: Sendable, Hashable, Comparable {
    public var secondsSince1970: Int64
    public var offsetSeconds: Int

    public init(secondsSince1970: Int64, offsetSeconds: Int) {
        self.secondsSince1970 = secondsSince1970
        self.offsetSeconds = offsetSeconds
    }

    public static func < (a: PostDate, b: PostDate) -> Bool {
        a.secondsSince1970 < b.secondsSince1970
    }

    /// The wall-clock fields in the date's own offset.
    public var local: CivilTime { CivilTime(secondsSince1970: secondsSince1970 + Int64(offsetSeconds)) }

    public var year: Int { local.year }
    public var month: Int { local.month }

    /// `2016-12-31`
    public var day: String {
        let t = local
        return "\(pad(t.year, 4))-\(pad(t.month))-\(pad(t.day))"
    }

    /// RFC 3339, as Atom and `<time datetime>` want: `2016-12-31T10:00:00+08:00`.
    public var iso8601: String {
        "\(day)T\(clock)" + offset(separator: ":")
    }

    /// `10:00:00`, in the date's own offset.
    public var clock: String {
        let t = local
        return "\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))"
    }

    /// The UTC offset: `+08:00` (RFC 3339) or, without separator, `+0800` (as front matter
    /// is often written).
    public func offset(separator: String) -> String {
        let minutes = abs(offsetSeconds) / 60
        return (offsetSeconds < 0 ? "-" : "+") + pad(minutes / 60) + separator + pad(minutes % 60)
    }
}

/// Calendar fields of a moment, computed without Foundation's calendars (which are slow when
/// called for every post) using Howard Hinnant's days-from-civil algorithms.
public struct CivilTime: Sendable, Hashable {
    public var year, month, day, hour, minute, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }

    package init(secondsSince1970 s: Int64) {
        let days = Int(s >= 0 ? s / 86400 : (s - 86399) / 86400)
        let secondsOfDay = Int(s - Int64(days) * 86400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(
            year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
            hour: secondsOfDay / 3600, minute: secondsOfDay / 60 % 60, second: secondsOfDay % 60)
    }

    /// Seconds since 1970 if these fields were UTC.
    package var secondsSince1970: Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
    }

    package var isValid: Bool {
        guard (1...12).contains(month), day >= 1, hour < 24, minute < 60, second < 61 else {
            return false
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
