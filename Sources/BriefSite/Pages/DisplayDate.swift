import BriefModel

/// Dates as pages show them: "28 November 2026", with an ISO form for `<time datetime>`.
enum DisplayDate {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    static func text(_ date: ContentDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
