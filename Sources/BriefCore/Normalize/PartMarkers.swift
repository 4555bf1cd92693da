/// Recognizes the lines that start a chunk of a split text: "Part 2/5:", "PART 2 of 5", "[Part 2/5]".
enum PartMarkers {
    struct Marker: Equatable {
        var index: Int
        var total: Int
        /// Text that followed the marker on the same line.
        var rest: String
    }

    static func parse(_ line: String) -> Marker? {
        // Cheap test first: a marker starts with "P", "p" or an opening mark.
        guard line.utf8.count >= 6, let first = line.utf8.first,
              first == UInt8(ascii: "P") || first == UInt8(ascii: "p") || first == UInt8(ascii: "[") || first == UInt8(ascii: "(")
                || first == UInt8(ascii: "*") || first == UInt8(ascii: "#") else { return nil }
        var s = Substring(line)
        if let f = s.first, "[(*#".contains(f) { s = s.drop { "[(*# ".contains($0) } }
        guard s.prefix(4).lowercased() == "part" else { return nil }
        s = s.dropFirst(4).drop { $0 == " " }
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
        s = s.drop { "])*".contains($0) }
        let hadColon = s.first == ":" || s.first == "-" || s.first == "–" || s.first == "."
        s = s.drop { ":-–.])*".contains($0) }.drop { $0 == " " }
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
