import BriefModel
import BriefTemplate

/// What `PageData` builds a page's data as: `TemplateValue`s, to draw the page, or a `PageHash`, to tell
/// whether the page changed since the last build. One piece of code builds both, so a value that reaches a
/// page reaches its fingerprint too.
package protocol PageValue: Sendable {
    /// A dictionary being built: its entries are added once each, under distinct keys.
    associatedtype Fields: PageFields, Sendable where Fields.Value == Self

    /// A text.
    static func string(_ text: String) -> Self
    /// A number.
    static func number(_ number: Double) -> Self
    /// A flag.
    static func bool(_ flag: Bool) -> Self
    /// No value (a story without a date, the first story's previous neighbour).
    static var null: Self { get }
    /// A list, in order.
    static func list(_ items: [Self]) -> Self
    /// A dictionary.
    static func dictionary(_ fields: Fields) -> Self
    /// Adds to `fields` what `add` adds from `story`'s own content alone (its HTML, its key figures). Template
    /// values run `add`; a hash takes the story's content hash instead, made once when the source was processed,
    /// so that deciding whether a page changed costs no Markdown or text search.
    static func addContent(of story: Story, to fields: inout Fields, _ add: (inout Fields) -> Void)
}

/// The entries of a dictionary `PageValue`, added one at a time or written as a literal.
package protocol PageFields: ExpressibleByDictionaryLiteral where Key == String {
    /// Adds the entry `key`, which the fields must not have yet.
    mutating func add(_ key: String, _ value: Value)
}

extension Dictionary: PageFields where Key == String {
    /// Adds the entry `key`.
    package mutating func add(_ key: String, _ value: Value) { self[key] = value }
}

extension TemplateValue: PageValue {
    /// Runs `add`: a page that is drawn shows its stories' content.
    package static func addContent(
        of story: Story, to fields: inout [String: TemplateValue], _ add: (inout [String: TemplateValue]) -> Void
    ) {
        add(&fields)
    }
}

/// A page's data as one number: equal data, equal hash; a changed text, number, flag, key or list anywhere in it
/// changes it. Stories' content enters by the story's content hash (`addContent`).
///
/// Kinds are kept apart (`"1"` differs from `1`, `[]` from `{}`), lists by their order and length, dictionaries by
/// their entries (see `Fields`).
package struct PageHash: PageValue, Equatable {
    /// The hash.
    package let value: UInt64

    /// The hash `value`.
    package init(_ value: UInt64) { self.value = value }

    /// The hash of a text, by its bytes.
    package static func string(_ text: String) -> PageHash { PageHash(ContentHash.of(text, seed: Kind.string)) }
    /// The hash of a number, by its bits.
    package static func number(_ number: Double) -> PageHash {
        PageHash(ContentHash.mix(number.bitPattern ^ Kind.number))
    }
    /// The hash of a flag.
    package static func bool(_ flag: Bool) -> PageHash { PageHash(flag ? 0x5452_5545 : 0x4641_4C53) }
    /// The hash of no value.
    package static let null = PageHash(0x4E55_4C4C)

    /// The hash of a list, by its items in order.
    package static func list(_ items: [PageHash]) -> PageHash {
        var f = Fingerprint(Kind.list)
        f.add(items.count)
        for item in items { f.add(item.value) }
        return PageHash(f.value)
    }

    /// The hash of a dictionary, by its entries in any order.
    package static func dictionary(_ fields: Fields) -> PageHash {
        var f = Fingerprint(Kind.dictionary)
        f.add(fields.count)
        f.add(fields.sum)
        return PageHash(f.value)
    }

    /// Adds the story's content hash, which covers everything `add` could add.
    package static func addContent(of story: Story, to fields: inout Fields, _ add: (inout Fields) -> Void) {
        fields.add("content", PageHash(story.hash))
    }

    /// The entries of a dictionary. A literal's keys are fixed by the code that writes it, so its values are
    /// hashed in order, without their keys (hashing the keys was a third of the work); an entry added on its own
    /// may be there or not, so it is hashed with its key, and added entries are summed, in any order.
    package struct Fields: PageFields {
        /// How many entries there are.
        var count = 0
        /// The literal's values, in order, and the sum of the added entries' hashes.
        var sum: UInt64 = 0

        /// Fields with the given entries.
        package init(dictionaryLiteral elements: (String, PageHash)...) {
            var literal = Fingerprint(Kind.literal)
            for (_, value) in elements { literal.add(value.value) }
            count = elements.count
            sum = literal.value
        }

        /// Adds the entry `key`.
        package mutating func add(_ key: String, _ value: PageHash) {
            count += 1
            sum &+= ContentHash.mix(ContentHash.of(key, seed: Kind.key) &+ ContentHash.mix(value.value ^ Kind.entry))
        }
    }

    /// Seeds that keep the kinds of value apart.
    private enum Kind {
        static let number: UInt64 = 0x6E75_6D62_6572
        static let string: UInt64 = 0x7374_7269_6E67
        static let list: UInt64 = 0x6C69_7374
        static let dictionary: UInt64 = 0x6469_6374
        static let key: UInt64 = 0x6B65_79
        static let entry: UInt64 = 0x656E_7472_79
        static let literal: UInt64 = 0x6C69_7465_7261_6C
    }
}
