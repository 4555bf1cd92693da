/// A list that grows, cut into pages of `size` items: the first page stays at the list's own address
/// (`briefings/index.html`), the others go to `page/N/` below it (`briefings/page/2/index.html`).
///
/// An empty list still has one page, which says there is nothing yet.
public struct Pagination: Sendable, Hashable {
    public var count: Int
    public var size: Int

    public init(count: Int, size: Int) {
        self.count = count
        self.size = max(1, size)
    }

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
