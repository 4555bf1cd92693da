import BriefModel
import BriefTemplate

@testable import BriefSite

/// The hash of template data, as `PageHash` makes it: `PageFingerprintsTests` compares it with each page's
/// fingerprint, to catch a value that reaches a page but not its fingerprint.
enum DataHash {
    /// The hash of `value`, walking it all.
    static func of(_ value: TemplateValue) -> PageHash {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .list(let items): return .list(items.map(of))
        case .dictionary(let entries):
            var fields: PageHash.Fields = [:]
            for (key, value) in entries { fields.add(key, of(value)) }
            return .dictionary(fields)
        }
    }
}

/// `PageHash` that walks stories' content instead of taking their content hash: `PageData<WalkedHash>` hashes
/// exactly what `PageData<TemplateValue>` builds, when both are built by the same code.
struct WalkedHash: PageValue {
    var hash: PageHash

    struct Fields: PageFields {
        var hashes: PageHash.Fields = [:]

        init(dictionaryLiteral elements: (String, WalkedHash)...) {
            for (key, value) in elements { add(key, value) }
        }

        mutating func add(_ key: String, _ value: WalkedHash) { hashes.add(key, value.hash) }
    }

    static func string(_ text: String) -> WalkedHash { WalkedHash(hash: .string(text)) }
    static func number(_ number: Double) -> WalkedHash { WalkedHash(hash: .number(number)) }
    static func bool(_ flag: Bool) -> WalkedHash { WalkedHash(hash: .bool(flag)) }
    static var null: WalkedHash { WalkedHash(hash: .null) }
    static func list(_ items: [WalkedHash]) -> WalkedHash { WalkedHash(hash: .list(items.map(\.hash))) }
    static func dictionary(_ fields: Fields) -> WalkedHash { WalkedHash(hash: .dictionary(fields.hashes)) }
    static func addContent(of story: Story, to fields: inout Fields, _ add: (inout Fields) -> Void) {
        add(&fields)
    }
}
