import BriefModel

/// Which documents hold which terms: the inverted index before it is split into files.
///
/// Built in `Parallel.threads` partitions, each owning the terms whose hash falls to it, so that no
/// two threads share a table; each partition reads the stories in document order, so every term's
/// documents come out in ascending order without sorting them.
struct Postings {
    /// One term and its documents, each as `document << 2 | flags` (1: in the heading, 2: in a company's name).
    struct Entry {
        var term: [UInt8]
        var documents: ArraySlice<UInt32>
    }

    static let inHeading: UInt32 = 1
    static let inCompany: UInt32 = 2

    /// The terms of every story, sorted by their bytes.
    static func build(_ model: SiteModel) -> [Entry] {
        let partitions = max(1, Parallel.threads)
        // Per story: the terms of its heading and companies with their flags, folded once, not once per partition.
        let named = Parallel.map(model.stories.count) { i -> [(term: [UInt8], flags: UInt32)] in
            let story = model.stories[i]
            var terms = SearchTerms.terms(of: story.heading).map { ($0, inHeading) }
            for company in story.companies { terms += SearchTerms.terms(of: company.name).map { ($0, inCompany) } }
            return terms
        }
        let parts = Parallel.map(partitions) { part in
            var partition = Partition(part: UInt64(part), of: UInt64(partitions))
            return partition.build(model, named)
        }
        return parts.joined().sorted { $0.term.lexicographicallyPrecedes($1.term) }
    }

    /// One partition's hash table of terms and its postings.
    private struct Partition {
        let part: UInt64
        let of: UInt64
        var table = TermTable()
        var termOf: [Int32] = []
        var values: [UInt32] = []
        /// Per term, the last document it was seen in and where, to merge a term met twice in one story.
        var lastDocument: [Int32] = []
        var lastSlot: [Int32] = []

        init(part: UInt64, of: UInt64) {
            self.part = part
            self.of = of
        }

        mutating func build(_ model: SiteModel, _ named: [[(term: [UInt8], flags: UInt32)]]) -> [Entry] {
            let count = model.stories.count
            // Document numbers count from the oldest story, so that new stories leave the old ones' numbers alone.
            for document in 0..<count {
                let story = count - 1 - document
                for (term, flags) in named[story] { add(term[...], Int32(document), flags) }
                model.stories[story].search.words.withUnsafeBufferPointer { words in
                    SearchTerms.forEachWord(words) { word in
                        if word.allSatisfy({ $0 < 0x80 }) {
                            if word.count > 1 { add(word, Int32(document), 0) }
                        } else {
                            for term in SearchTerms.fold(word) { add(term[...], Int32(document), 0) }
                        }
                    }
                }
            }
            return entries()
        }

        private mutating func add<C: Collection<UInt8>>(_ term: C, _ document: Int32, _ flags: UInt32) {
            let hash = StableHash.value(bytes: term)
            guard hash % of == part else { return }
            let id = table.id(of: term, hash: hash)
            if Int(id) == lastDocument.count {
                lastDocument.append(-1)
                lastSlot.append(0)
            }
            if lastDocument[Int(id)] == document {
                values[Int(lastSlot[Int(id)])] |= flags
                return
            }
            lastDocument[Int(id)] = document
            lastSlot[Int(id)] = Int32(values.count)
            termOf.append(id)
            values.append(UInt32(document) << 2 | flags)
        }

        /// The postings grouped by term (a counting sort, which keeps each term's documents in order).
        private func entries() -> [Entry] {
            var start = [Int](repeating: 0, count: table.count + 1)
            for id in termOf { start[Int(id) + 1] += 1 }
            for i in 0..<table.count { start[i + 1] += start[i] }
            var next = start
            var grouped = [UInt32](repeating: 0, count: values.count)
            for (id, value) in zip(termOf, values) {
                grouped[next[Int(id)]] = value
                next[Int(id)] += 1
            }
            return (0..<table.count).map {
                Entry(term: table.term(Int32($0)), documents: grouped[start[$0]..<start[$0 + 1]])
            }
        }
    }
}

/// An open-addressing table from terms (bytes) to dense ids, keeping the bytes in one arena.
struct TermTable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 1 << 12)

    var count: Int { hashes.count }

    func term(_ id: Int32) -> [UInt8] {
        Array(arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])])
    }

    /// The id of `term`, added when new.
    mutating func id<C: Collection<UInt8>>(of term: C, hash: UInt64) -> Int32 {
        if count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while slots[i] >= 0 {
            let id = Int(slots[i])
            if hashes[id] == hash, arena[Int(starts[id])..<Int(starts[id + 1])].elementsEqual(term) { return Int32(id) }
            i = (i + 1) & mask
        }
        slots[i] = Int32(count)
        hashes.append(hash)
        arena.append(contentsOf: term)
        starts.append(Int32(arena.count))
        return Int32(count - 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: hash >> 7) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}
