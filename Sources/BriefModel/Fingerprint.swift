/// Combines values into one hash, in order: the fingerprint of what a page or file is made of.
package struct Fingerprint {
    /// The hash of everything added so far.
    package private(set) var value: UInt64

    /// An empty fingerprint; different seeds keep fingerprints of different kinds of thing apart.
    package init(_ seed: UInt64 = 0) { value = seed ^ 0x2545_F491_4F6C_DD1D }

    /// Adds a number.
    package mutating func add(_ x: UInt64) { value = ContentHash.mix(value ^ x) &+ 0x9E37_79B9_7F4A_7C15 }
    /// Adds a number.
    package mutating func add(_ x: Int) { add(UInt64(bitPattern: Int64(x))) }
    /// Adds a flag.
    package mutating func add(_ x: Bool) { add(x ? 1 as UInt64 : 2) }
    /// Adds a text by its content hash.
    package mutating func add(_ text: String) { add(ContentHash.of(text)) }
    /// Adds an optional text; nil adds a marker of its own, so nil and "" differ.
    package mutating func add(_ text: String?) { if let text { add(text) } else { add(0x5A5A as UInt64) } }
    /// Adds a date with its time and offset; nil adds a marker of its own.
    package mutating func add(_ date: ContentDate?) {
        guard let date else {
            add(0 as UInt64)
            return
        }
        add(date.year * 10000 + date.month * 100 + date.day)
        add(date.secondsOfDay ?? -1)
        add(date.utcOffset ?? Int.min)
    }
}
