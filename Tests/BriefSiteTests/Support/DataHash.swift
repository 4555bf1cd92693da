import BriefModel
import BriefTemplate

/// The hash of template data, stable across processes: equal data, equal hash; a changed string, number,
/// flag, key or list anywhere in it changes it. `PageFingerprintsTests` compares it with each page's
/// fingerprint, to catch a value that reaches a page but not its fingerprint.
///
/// Kinds are kept apart (`"1"` differs from `1`, `[]` from `{}`), lists by their order and length, and
/// dictionaries by their entries whatever the order Swift keeps them in (each entry is hashed on its own
/// and the entries' hashes are added, as `Hasher` does for a `Set`).
enum DataHash {
    /// The hash of `value`, walking it all.
    static func of(_ value: TemplateValue) -> UInt64 {
        switch value {
        case .null: return 0x4E55_4C4C
        case .bool(let flag): return flag ? 0x5452_5545 : 0x4641_4C53
        case .number(let number): return ContentHash.mix(number.bitPattern ^ Kind.number)
        case .string(let text): return ContentHash.of(text, seed: Kind.string)
        case .list(let items): return list(items.map(of))
        case .dictionary(let entries): return dictionary(entries.lazy.map { ($0.key, of($0.value)) })
        }
    }

    /// The hash of a list whose items hash to `items`, in order.
    static func list(_ items: [UInt64]) -> UInt64 {
        var f = Fingerprint(Kind.list)
        f.add(items.count)
        for item in items { f.add(item) }
        return f.value
    }

    /// The hash of a dictionary whose values hash to the given hashes, in any order.
    static func dictionary(_ entries: some Sequence<(key: String, hash: UInt64)>) -> UInt64 {
        var count = 0
        var sum: UInt64 = 0
        for (key, hash) in entries {
            count += 1
            sum &+= ContentHash.mix(ContentHash.of(key, seed: Kind.key) &+ ContentHash.mix(hash ^ Kind.entry))
        }
        var f = Fingerprint(Kind.dictionary)
        f.add(count)
        f.add(sum)
        return f.value
    }

    /// Seeds that keep the kinds of value apart.
    private enum Kind {
        static let number: UInt64 = 0x6E75_6D62_6572
        static let string: UInt64 = 0x7374_7269_6E67
        static let list: UInt64 = 0x6C69_7374
        static let dictionary: UInt64 = 0x6469_6374
        static let key: UInt64 = 0x6B65_79
        static let entry: UInt64 = 0x656E_7472_79
    }
}
