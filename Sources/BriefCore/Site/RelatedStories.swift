/// Finds, for every story, up to five others that share the most companies, newest first among equals.
///
/// Each company contributes only the stories nearest in time to the one at hand (its
/// list is newest first), which keeps the work linear in the number of stories even
/// when one company is in thousands of them.
enum RelatedStories {
    static let count = 5
    static let neighboursPerCompany = 100

    static func fill(_ stories: inout [Story], companies: [CompanyEntry]) {
        guard stories.count > 1 else { return }
        let lists = Dictionary(companies.map { ($0.company.slug, $0.storyIDs) }, uniquingKeysWith: { a, _ in a })
        var shared = [Int](repeating: 0, count: stories.count)
        var touched: [Int] = []
        for id in stories.indices {
            for mention in stories[id].companies {
                guard let list = lists[mention.slug] else { continue }
                // Story ids grow as dates fall, so the list is sorted and can be searched.
                let position = lowerBound(list, id)
                let low = max(0, position - neighboursPerCompany / 2), high = min(list.count, low + neighboursPerCompany)
                for other in list[low..<high] where other != id {
                    if shared[other] == 0 { touched.append(other) }
                    shared[other] += 1
                }
            }
            touched.sort { (shared[$1], $0) < (shared[$0], $1) }
            stories[id].related = Array(touched.prefix(count))
            for other in touched { shared[other] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
    }

    private static func lowerBound(_ list: [Int], _ value: Int) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
