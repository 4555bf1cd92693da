import BriefModel

/// Merges the copies of one text into one sequence of blocks: each block once, in
/// reading order, the longest faithful version of each paragraph, every heading any copy has.
///
/// Copies are aligned on exact text first (hash lookups), then on shared first or last
/// words (a paragraph cut short or resumed mid-way), and only near the current position
/// on containment and overlap, so the work stays linear in the size of the text.
enum CopyMerger {
    /// - Parameter isChunked: whether the text was cut into parts, which repeat text; a text in one
    ///   piece keeps a paragraph it repeats (a summary's "Participants: …" in every section).
    static func merge(_ copies: [[Block]], isChunked: Bool = true) -> [Block] {
        if !isChunked && copies.count == 1 { return stitch(copies[0]) }
        guard var merged = copies.first.map(dedupe) else { return [] }
        for copy in copies.dropFirst() {
            merged = merge(merged, with: copy)
        }
        // Stitching halves together can recreate a paragraph that is already there.
        return dedupe(stitch(merged))
    }

    /// Drops exact repeats, keeping the first.
    static func dedupe(_ blocks: [Block]) -> [Block] {
        var seen: [UInt64: [Int]] = [:]
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            let hash = ContentHash.of(block.key)
            if let earlier = seen[hash], earlier.contains(where: { result[$0].key == block.key }) { continue }
            seen[hash, default: []].append(result.count)
            result.append(block)
        }
        return result
    }

    /// What a block of the incoming copy is, relative to the merged blocks.
    private enum Match {
        /// Already there, at this index (equal or a part of it).
        case contained(Int)
        /// Holds the block at this index and more: the longer version replaces it.
        case longer(Int)
        /// Continues the block at this index past its end: joined into one.
        case overlaps(Int, joined: String)
    }

    /// Merged blocks by hashes of their whole text and of their first and last words
    /// (candidates only: every hit is checked against the text).
    private struct Index {
        var exact: [UInt64: [Int]] = [:]
        var head: [UInt64: [Int]] = [:]
        var tail: [UInt64: [Int]] = [:]

        init(_ blocks: [Block]) {
            for (i, block) in blocks.enumerated() {
                exact[ContentHash.of(block.key), default: []].append(i)
                if let h = CopyMerger.head(block.key) { head[h, default: []].append(i) }
                if let t = CopyMerger.tail(block.key) { tail[t, default: []].append(i) }
            }
        }
    }

    /// Signatures of at least three words, so that short fragments are only matched nearby.
    static let signatureWords = 3

    /// The hash of the first three words, nil when there are fewer.
    static func head(_ key: String) -> UInt64? {
        key.withBytes { bytes in
            var spaces = 0
            for (i, b) in bytes.enumerated() where b == 0x20 {
                spaces += 1
                if spaces == signatureWords { return ContentHash.of(UnsafeBufferPointer(rebasing: bytes[..<i])) }
            }
            return nil
        }
    }

    /// The hash of the last three words, nil when there are fewer.
    static func tail(_ key: String) -> UInt64? {
        key.withBytes { bytes in
            var spaces = 0
            var i = bytes.count
            while i > 0 {
                i -= 1
                if bytes[i] == 0x20 {
                    spaces += 1
                    if spaces == signatureWords {
                        return ContentHash.of(UnsafeBufferPointer(rebasing: bytes[(i + 1)...]))
                    }
                }
            }
            return nil
        }
    }

    static func merge(_ base: [Block], with incoming: [Block]) -> [Block] {
        var merged = base
        let index = Index(base)
        var removed = Set<Int>()
        // Incoming blocks that match nothing, keyed by the merged index they follow (-1: the start).
        var inserts: [Int: [Block]] = [:]
        var cursor = -1
        var pendingKeys = Set<String>()
        pendingKeys.reserveCapacity(8)

        for block in incoming {
            guard let match = find(block, in: merged, index: index, cursor: cursor, removed: removed) else {
                if pendingKeys.insert(block.key).inserted { inserts[cursor, default: []].append(block) }
                continue
            }
            switch match {
            case .contained(let i):
                if block.isHeading && !merged[i].isHeading && merged[i].key == block.key { merged[i].isHeading = true }
                cursor = max(cursor, i)
            case .longer(let i):
                replace(&merged[i], with: block, text: block.text)
                // The longer block may also cover the following pieces (a paragraph split by a chunk break).
                var j = i + 1
                while j < merged.count, !merged[j].isHeading, merged[i].key.containsBytes(merged[j].key) {
                    removed.insert(j)
                    j += 1
                }
                cursor = max(cursor, j - 1)
            case .overlaps(let i, let joined):
                replace(&merged[i], with: block, text: joined)
                merged[i].cutAfter = block.cutAfter
                cursor = max(cursor, i)
            }
        }

        var result: [Block] = inserts[-1] ?? []
        result.reserveCapacity(merged.count + inserts.count)
        for i in merged.indices {
            if !removed.contains(i) { result.append(merged[i]) }
            if let after = inserts[i] { result += after }
        }
        return result
    }

    private static func replace(_ block: inout Block, with longer: Block, text: String) {
        let wasHeading = block.isHeading
        let start = (block.line, block.cutBefore)
        block.text = text
        block.key = Block.key(for: text)
        block.isHeading = wasHeading && longer.isHeading
        block.endLine = longer.endLine
        block.endRaw = longer.endRaw
        block.cutAfter = longer.cutAfter
        if text == longer.text {
            block.line = longer.line
            block.cutBefore = longer.cutBefore
        } else {
            (block.line, block.cutBefore) = start
        }
    }

    private static func find(_ block: Block, in merged: [Block], index: Index, cursor: Int, removed: Set<Int>) -> Match?
    {
        let key = block.key
        func pick(_ candidates: [Int]?, _ test: (Int) -> Bool) -> Int? {
            guard let candidates else { return nil }
            let usable = candidates.filter { !removed.contains($0) && test($0) }
            return usable.first { $0 > cursor } ?? usable.last
        }
        if let i = pick(
            index.exact[ContentHash.of(key)], { merged[$0].key == key || merged[$0].key.containsBytes(key) })
        {
            return .contained(i)
        }
        if block.isHeading { return nil }
        if let h = head(key) {
            if let i = pick(index.head[h], { !merged[$0].isHeading && merged[$0].key.hasPrefixBytes(key) }) {
                return .contained(i)
            }
            if let i = pick(index.head[h], { !merged[$0].isHeading && key.hasPrefixBytes(merged[$0].key) }) {
                return .longer(i)
            }
        }
        if let t = tail(key) {
            if let i = pick(index.tail[t], { !merged[$0].isHeading && merged[$0].key.hasSuffixBytes(key) }) {
                return .contained(i)
            }
            if let i = pick(index.tail[t], { !merged[$0].isHeading && key.hasSuffixBytes(merged[$0].key) }) {
                return .longer(i)
            }
        }
        // Short fragments, pieces from the middle and overlapping halves: only near the current position.
        guard !merged.isEmpty else { return nil }
        let window = max(0, cursor - 2)...max(0, min(merged.count - 1, cursor + 6))
        for i in window where !removed.contains(i) && !merged[i].isHeading {
            let other = merged[i].key
            if other.containsBytes(key) { return .contained(i) }
            if other.utf8.count >= 12 && key.containsBytes(other) { return .longer(i) }
        }
        for i in window where !removed.contains(i) && !merged[i].isHeading {
            if let joined = overlapJoin(merged[i], block) { return .overlaps(i, joined: joined) }
        }
        return nil
    }

    /// Joins `first` and `second` when the end of `first` is repeated at the start of `second`
    /// (at least a few words), as when two chunks overlap around a cut.
    static func overlapJoin(_ first: Block, _ second: Block) -> String? {
        let a = Array(first.text)
        let b = Array(second.text)
        let minimum = 16
        guard a.count >= minimum, b.count >= minimum, !TextRules.endsSentence(first.text) || first.cutAfter else {
            return nil
        }
        let probe = Array(b.prefix(minimum))
        let aKey = Array(Block.key(for: first.text))
        let probeKey = Array(Block.key(for: String(probe)))
        guard aKey.count == a.count, probeKey.count == probe.count else { return nil }
        var start = aKey.count - probeKey.count
        let bKey = Array(Block.key(for: second.text))
        guard bKey.count == b.count else { return nil }
        while start >= 0 {
            if aKey[start..<(start + probeKey.count)].elementsEqual(probeKey) {
                let overlap = aKey.count - start
                if overlap <= bKey.count && aKey[start...].elementsEqual(bKey[..<overlap]) {
                    return String(a) + String(b[overlap...])
                }
            }
            start -= 1
        }
        return nil
    }

    /// Joins neighbouring paragraphs that are two halves of one: the first stops at a cut
    /// mid-sentence and the second resumes it, in lower case or repeating the words before the cut.
    static func stitch(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        for block in blocks {
            guard var last = result.last, !last.isHeading, !block.isHeading, last.cutAfter, block.cutBefore,
                !TextRules.endsSentence(last.text)
            else {
                result.append(block)
                continue
            }
            if let joined = overlapJoin(last, block) {
                last.text = joined
            } else if TextRules.startsAsContinuation(block.text) {
                last.text += " " + block.text
            } else {
                result.append(block)
                continue
            }
            last.key = Block.key(for: last.text)
            last.endLine = block.endLine
            last.endRaw = block.endRaw
            last.cutAfter = block.cutAfter
            result[result.count - 1] = last
        }
        return result
    }
}
