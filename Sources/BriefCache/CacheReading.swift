/// The cache's readers for a caller outside the package: the fuzz target, which hands them any bytes.
/// Whatever the bytes, a reader returns; it never traps, and takes time and memory in proportion to them.
public enum CacheReading {
    /// Reads `bytes` three ways and says what was found: as a pack file (the records that pass their
    /// checksum, and those that fail it), as the bytes of a record that passed its checksum, and as the
    /// body of a state file that passed its checksum, so that the decoders behind the checksums are reached.
    public static func read(_ bytes: [UInt8]) -> (intact: Int, damaged: Int, record: Bool, state: Bool) {
        let pack = BuildCache.parsePack(bytes)
        let intact = pack.records.values.filter { BuildCache.decodeRecord($0) != nil }.count
        let record = BuildCache.decodeRecord(bytes[...]) != nil
        let state = (try? BuildState(decodingBody: bytes[...])) != nil
        return (intact, pack.damaged + pack.records.count - intact, record, state)
    }
}
