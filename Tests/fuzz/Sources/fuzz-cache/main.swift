import BriefCache
import FuzzSupport

/// Bytes as the cache holds them: read as a pack, as a record past its checksum and as a state past its
/// checksum. Nothing may trap, and no reading finds more records than the bytes have room for (24 bytes
/// of key, length and checksum each).
fuzz { bytes in
    let found = CacheReading.read(bytes)
    if found.intact + found.damaged > bytes.count / 24 + 1 {
        fatalError("\(found.intact) intact and \(found.damaged) damaged records in \(bytes.count) bytes")
    }
}
