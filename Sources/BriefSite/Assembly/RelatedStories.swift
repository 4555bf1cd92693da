import BriefModel

/// Finds, for every story, up to five others that share the most companies, newest first among equals.
///
/// Each company contributes only the stories nearest in time to the one at hand (its
/// list is newest first), which keeps the work linear in the number of stories even
/// when one company is in thousands of them.
enum RelatedStories {
    static let count = 5
    static let neighboursPerCompany = 100

    /// - Parameter storyCompanies: per story, the indices of its companies in `companies`.
    static func fill(_ stories: inout [Story], companies: [CompanyEntry], storyCompanies: [[Int]]) {
        guard stories.count > 1 else { return }
        // Runs of stories in parallel, each with its own tally.
        let total = stories.count
        let run = max(256, total / (Parallel.threads * 4))
        let runs = Parallel.map((total + run - 1) / run) { part -> [[Int]] in
            var shared = [Int](repeating: 0, count: total)
            var touched: [Int] = []
            return ((part * run)..<min(total, (part + 1) * run)).map { id in
                for company in storyCompanies[id] {
                    let list = companies[company].storyIDs
                    // Story ids grow as dates fall, so the list is sorted and can be searched.
                    let position = lowerBound(list, id)
                    let low = max(0, position - neighboursPerCompany / 2)
                    let high = min(list.count, low + neighboursPerCompany)
                    for other in list[low..<high] where other != id {
                        if shared[other] == 0 { touched.append(other) }
                        shared[other] += 1
                    }
                }
                let related = best(touched, shared)
                for other in touched { shared[other] = 0 }
                touched.removeAll(keepingCapacity: true)
                return related
            }
        }
        for (id, related) in runs.joined().enumerated() { stories[id].related = related }
    }

    /// The `count` stories sharing the most companies, lower ids (newer) first among equals, without sorting them all.
    private static func best(_ candidates: [Int], _ shared: [Int]) -> [Int] {
        var top: [Int] = []
        top.reserveCapacity(count + 1)
        func ranksBefore(_ a: Int, _ b: Int) -> Bool { shared[a] != shared[b] ? shared[a] > shared[b] : a < b }
        for candidate in candidates {
            if top.count == count, let last = top.last, !ranksBefore(candidate, last) { continue }
            var i = top.count
            while i > 0, ranksBefore(candidate, top[i - 1]) { i -= 1 }
            top.insert(candidate, at: i)
            if top.count > count { top.removeLast() }
        }
        return top
    }

    private static func lowerBound(_ list: [Int], _ value: Int) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
