import Foundation

/// A calendar date, with a time of day when the source gave one.
///
/// Dates come from front matter or a file name, never from the clock or a file's
/// modification time, so that builds are reproducible.
public struct ContentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, checked against the month's length (leap years included).
    public var day: Int
    /// Seconds after midnight, when a time was given.
    public var secondsOfDay: Int?
    /// The offset from UTC in seconds, when the time carried one.
    public var utcOffset: Int?

    /// A date, or nil when the day does not exist (2023-02-29) or the year is outside 1 to 9999.
    public init?(year: Int, month: Int, day: Int, secondsOfDay: Int? = nil, utcOffset: Int? = nil) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...ContentDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = secondsOfDay
        self.utcOffset = utcOffset
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM[:SS]` and `Z` or `±HH:MM`.
    public init?(parsing text: String) {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard s.count >= 10, let y = ContentDate.number(s, 0, 4), s[4] == UInt8(ascii: "-"),
            let m = ContentDate.number(s, 5, 2), s[7] == UInt8(ascii: "-"), let d = ContentDate.number(s, 8, 2)
        else { return nil }
        var seconds: Int?
        var offset: Int?
        if s.count > 10 {
            guard s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " "), s.count >= 16,
                let hh = ContentDate.number(s, 11, 2), s[13] == UInt8(ascii: ":"),
                let mm = ContentDate.number(s, 14, 2),
                hh < 24, mm < 60
            else { return nil }
            var i = 16
            var ss = 0
            if s.count >= i + 3, s[i] == UInt8(ascii: ":"), let parsed = ContentDate.number(s, i + 1, 2), parsed < 61 {
                ss = parsed
                i += 3
                if i < s.count, s[i] == UInt8(ascii: ".") {
                    i += 1
                    while i < s.count, (48...57).contains(s[i]) { i += 1 }
                }
            }
            seconds = hh * 3600 + mm * 60 + ss
            if i < s.count {
                if s[i] == UInt8(ascii: "Z"), i + 1 == s.count {
                    offset = 0
                } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), s.count == i + 6 || s.count == i + 5,
                    let oh = ContentDate.number(s, i + 1, 2)
                {
                    let minutesStart = s.count == i + 6 ? i + 4 : i + 3
                    guard let om = ContentDate.number(s, minutesStart, 2) else { return nil }
                    offset = (s[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
        }
        self.init(year: y, month: m, day: d, secondsOfDay: seconds, utcOffset: offset)
    }

    /// The date at the start of a file name such as `2024-05-01-tesla.txt`.
    public init?(fileName: String) {
        guard fileName.utf8.count >= 10 else { return nil }
        let prefix = String(decoding: Array(fileName.utf8.prefix(10)), as: UTF8.self)
        let next = fileName.utf8.dropFirst(10).first
        if let next, (48...57).contains(next) { return nil }
        self.init(parsing: prefix)
    }

    /// `YYYY-MM-DD`
    public var isoDay: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The day alone (`YYYY-MM-DD`), as pages and messages show it.
    public var description: String { isoDay }

    /// The instant this date stands for; a date without a zone is read in `timeZone`.
    public func instant(in timeZone: TimeZone) -> Date {
        let days = ContentDate.daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(secondsOfDay ?? 0)
        let offset: Int
        if let utcOffset {
            offset = utcOffset
        } else {
            let localNoon = Date(timeIntervalSince1970: Double(days * 86400 + 43200))
            offset = timeZone.secondsFromGMT(for: localNoon)
        }
        return Date(timeIntervalSince1970: Double(days) * 86400 + seconds - Double(offset))
    }

    /// Orders by day, then time of day (a date without one counts as midnight); the offset is ignored.
    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.secondsOfDay ?? 0) < (rhs.year, rhs.month, rhs.day, rhs.secondsOfDay ?? 0)
    }

    /// The decimal number in `count` ASCII digits from `start`, or nil when one is not a digit or missing.
    package static func number(_ s: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= s.count else { return nil }
        var value = 0
        for b in s[start..<start + count] {
            guard (48...57).contains(b) else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    /// How many days `month` has in `year`, leap years included.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm), free of calendar and locale settings.
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
