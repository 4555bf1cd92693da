/// BCP 47 (RFC 5646) language tags, as `lang` attributes and feeds take them: `en`, `pt-BR`,
/// `zh-Hant-TW`, `sr-Latn-RS`, `de-CH-1996`, `x-klingon`. Checked for form, not against the registry,
/// so that `english` or `en_US` is caught while any real tag passes.
enum LanguageTag {
    static func isValid(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let alphanumeric = { (subtag: String) in subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard subtags.allSatisfy({ (1...8).contains($0.count) && alphanumeric($0) }) else { return false }
        var rest = subtags[...]
        let first = rest.removeFirst()
        // Private use ("x-…") and the grandfathered "i-…" tags.
        if ["x", "i"].contains(first.lowercased()) { return !rest.isEmpty }
        guard (2...3).contains(first.count), first.allSatisfy(\.isLetter) else { return false }
        var extlangs = 0
        while let next = rest.first, next.count == 3, next.allSatisfy(\.isLetter), extlangs < 3 {
            rest.removeFirst()
            extlangs += 1
        }
        if let next = rest.first, next.count == 4, next.allSatisfy(\.isLetter) { rest.removeFirst() }  // script
        // Region: two letters or three digits.
        if let next = rest.first,
            next.count == 2 && next.allSatisfy(\.isLetter) || next.count == 3 && next.allSatisfy(\.isNumber)
        {
            rest.removeFirst()
        }
        while let next = rest.first, isVariant(next) { rest.removeFirst() }
        // Extensions ("u-ca-buddhist") and private use ("x-…"): a singleton, then subtags of 2 to 8 (1 to 8 for x).
        while let singleton = rest.first, singleton.count == 1 {
            rest.removeFirst()
            let minimum = singleton.lowercased() == "x" ? 1 : 2
            var count = 0
            while let next = rest.first, next.count >= minimum, next.count > 1 || singleton.lowercased() == "x" {
                rest.removeFirst()
                count += 1
            }
            if count == 0 { return false }
        }
        return rest.isEmpty
    }

    /// "1996", "fonipa", "valencia": 5 to 8 characters, or 4 starting with a digit.
    private static func isVariant(_ subtag: String) -> Bool {
        (5...8).contains(subtag.count) || subtag.count == 4 && subtag.first!.isNumber
    }
}
