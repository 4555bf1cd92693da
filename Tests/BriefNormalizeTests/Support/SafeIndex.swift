extension Array {
    /// The element at `index`, or nil: a broken rule makes a test fail, not crash the whole run.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
