import BriefModel

/// Recognizes the lines that start a chunk of a split text: "Part 2/5:", "PART 2 of 5", "[Part 2/5]",
/// "--- Part 2/5 ---", and a bare "2/5" or "(2/5)" alone on its line.
enum PartMarkers {
    struct Marker: Equatable {
        var index: Int
        var total: Int
        /// Text that followed the marker on the same line.
        var rest: String
    }

    /// Marks that may decorate a marker on either side.
    static let decoration = "[(*#-=_~ "

    static func parse(_ line: String) -> Marker? {
        // Cheap test first: a marker starts with "P", "p", a digit or a decoration.
        // A marker holds "/" or "of": most lines have neither.
        guard line.utf8.count >= 3, let first = line.utf8.first,
            first == UInt8(ascii: "P") || first == UInt8(ascii: "p") || (first >= 0x30 && first <= 0x39)
                || decoration.utf8.contains(first),
            line.containsByte(where: { $0 == UInt8(ascii: "/") || $0 | 0x20 == UInt8(ascii: "f") })
        else { return nil }
        var s = Substring(line).drop { decoration.contains($0) }
        let named = s.prefix(4).lowercased() == "part"
        if named {
            s = s.dropFirst(4).drop { $0 == " " }
        } else if !(s.first?.isNumber ?? false) {
            return nil
        }
        guard let k = number(&s) else { return nil }
        s = s.drop { $0 == " " }
        if s.first == "/" {
            s = s.dropFirst()
        } else if s.prefix(2).lowercased() == "of" {
            s = s.dropFirst(2)
        } else {
            return nil
        }
        s = s.drop { $0 == " " }
        guard let n = number(&s), k >= 1, n >= 1, k <= n, n <= 1000 else { return nil }
        // A bare "2/5" must stand alone, since "1/3 of revenue" is prose.
        if !named {
            return s.allSatisfy({ "])*#-=_~ :.".contains($0) }) && n > 1 ? Marker(index: k, total: n, rest: "") : nil
        }
        s = s.drop { "])*#=_~ ".contains($0) }
        let hadColon = s.first == ":" || s.first == "-" || s.first == "–" || s.first == "."
        s = s.drop { ":-–.])*#=_~".contains($0) }.drop { $0 == " " }
        // Text after the marker needs a colon, so that "Part 2 of 3 of the plan is…" stays prose.
        if !s.isEmpty && !hadColon { return nil }
        return Marker(index: k, total: n, rest: String(s))
    }

    private static func number(_ s: inout Substring) -> Int? {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let value = Int(digits) else { return nil }
        s = s.dropFirst(digits.count)
        return value
    }
}
