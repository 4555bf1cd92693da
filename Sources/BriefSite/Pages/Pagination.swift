/// A list that grows, cut into pages of `size` items: the first page stays at the list's own address
/// (`briefings/index.html`), the others go to `page/N/` below it (`briefings/page/2/index.html`).
///
/// An empty list still has one page, which says there is nothing yet.
public struct Pagination: Sendable, Hashable {
    /// How many items the whole list holds.
    public var count: Int
    /// Items per page, at least 1.
    public var size: Int

    /// Cuts `count` items into pages of `size`; a size below 1 counts as 1.
    public init(count: Int, size: Int) {
        self.count = count
        self.size = max(1, size)
    }

    /// How many pages the list takes; at least 1, even for an empty list.
    public var pages: Int { max(1, (count + size - 1) / size) }

    /// The items of page `page` (from 1), as indices into the list.
    public func items(_ page: Int) -> Range<Int> {
        let start = min(count, (page - 1) * size)
        return start..<min(count, start + size)
    }

    /// The page (from 1) that shows item `index`.
    public func page(of index: Int) -> Int { index / size + 1 }

    /// The path of page `page` of the list whose first page is `folder` + `index.html`.
    public static func path(_ folder: String, page: Int) -> String {
        page <= 1 ? folder + "index.html" : folder + "page/\(page)/index.html"
    }
}
