import BriefModel

/// The briefings of one day, as a daily paper prints them: the front page shows the newest edition,
/// and the archives list editions by day.
public struct Edition: Sendable, Hashable {
    /// The day, without a time; nil for the one edition of all undated briefings.
    public var day: Day?
    /// Indices into `SiteModel.briefings`, in the site's order (newest first).
    public var briefings: [Int]

    /// A calendar day: the key of an edition and of the archives.
    public struct Day: Sendable, Hashable, Comparable {
        /// The year.
        public var year: Int
        /// The month, 1 to 12.
        public var month: Int
        /// The day of the month.
        public var day: Int

        /// The day of a date, dropping its time and offset.
        public init(_ date: ContentDate) {
            (year, month, day) = (date.year, date.month, date.day)
        }

        /// Calendar order, oldest first.
        public static func < (a: Day, b: Day) -> Bool {
            (a.year, a.month, a.day) < (b.year, b.month, b.day)
        }

        /// `YYYY-MM-DD`, for `<time datetime>` and anchors.
        public var iso: String {
            (ContentDate(year: year, month: month, day: day)?.isoDay) ?? ""
        }
    }

    /// The editions of `briefings` (newest first, undated last): one per day, newest first, then the undated one.
    public static func group(_ briefings: [Briefing]) -> [Edition] {
        var editions: [Edition] = []
        var index: [Day?: Int] = [:]
        for (i, briefing) in briefings.enumerated() {
            let day = briefing.date.map(Day.init)
            if let k = index[day] {
                editions[k].briefings.append(i)
            } else {
                index[day] = editions.count
                editions.append(Edition(day: day, briefings: [i]))
            }
        }
        // Briefings come newest first, so days do too; sorting again only guards a date with an offset.
        return editions.enumerated().sorted { a, b in
            switch (a.element.day, b.element.day) {
            case (let x?, let y?): return x != y ? y < x : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// The date archives: years, and months within them, newest first, each with its editions.
public struct Archive: Sendable, Hashable {
    /// One month of the archive, with a page of its own.
    public struct Month: Sendable, Hashable {
        /// The year the month belongs to, for its page's address and title.
        public var year: Int
        /// The month, 1 to 12.
        public var month: Int
        /// Indices into `SiteModel.editions`, newest first.
        public var editions: [Int]
        /// The month's briefings, newest first, edition after edition.
        public var briefings: [Int]
    }

    /// One year of the archive, with a page listing its months.
    public struct Year: Sendable, Hashable {
        /// The year, for its page's address and title.
        public var year: Int
        /// Newest first.
        public var months: [Month]
        /// The year's briefings, newest first, month after month.
        public var briefings: [Int] { months.flatMap(\.briefings) }
        /// How many briefings the year holds, shown beside it in the archive.
        public var count: Int { months.reduce(0) { $0 + $1.briefings.count } }
    }

    /// The years that have dated briefings, newest first.
    public var years: [Year]
    /// The briefings of the undated edition, listed on an archive page of their own.
    public var undated: [Int]

    /// Sorts editions (newest first, as `Edition.group` returns them) into years and months.
    public init(_ editions: [Edition]) {
        var years: [Year] = []
        var undated: [Int] = []
        for (e, edition) in editions.enumerated() {
            guard let day = edition.day else {
                undated += edition.briefings
                continue
            }
            if years.last?.year != day.year { years.append(Year(year: day.year, months: [])) }
            let y = years.count - 1
            if years[y].months.last?.month != day.month {
                years[y].months.append(Month(year: day.year, month: day.month, editions: [], briefings: []))
            }
            let m = years[y].months.count - 1
            years[y].months[m].editions.append(e)
            years[y].months[m].briefings += edition.briefings
        }
        self.years = years
        self.undated = undated
    }

    /// The month holding `day`, as (year index, month index).
    public func position(of day: Edition.Day) -> (year: Int, month: Int)? {
        guard let y = years.firstIndex(where: { $0.year == day.year }),
            let m = years[y].months.firstIndex(where: { $0.month == day.month })
        else { return nil }
        return (y, m)
    }
}
