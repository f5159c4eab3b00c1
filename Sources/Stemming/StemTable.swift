/// Remembers the index stems of folded words, keyed by their UTF-8 bytes: catalogues repeat their
/// words, and a byte key is hashed and compared without the Unicode normalisation that a `String`
/// key costs. Keys and stems live in one byte arena; the table is emptied when it holds
/// `limit` words, so memory stays bounded on any file.
final class StemTable {
    private struct Entry {
        var hash: UInt64
        var key: Int32
        var keyCount: Int32
        var value: Int32
        var valueCount: Int32
    }

    private var slots: [Int32]
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    private let limit: Int

    init(limit: Int = 500_000) {
        self.limit = limit
        slots = [Int32](repeating: -1, count: 1 << 16)
    }

    /// Appends the index terms of `word` (`SearchAnalyzer.indexStems`) joined by spaces.
    func appendStems(of word: WordBuffer, to out: inout [UInt8]) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: word.hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            let e = entries[index]
            if e.hash == word.hash && Int(e.keyCount) == word.bytes.count && matches(e, word.bytes) {
                out.append(contentsOf: arena[Int(e.value)..<Int(e.value + e.valueCount)])
                return
            }
            slot = (slot + 1) & mask
        }
        let stems = Array(SearchAnalyzer.indexStems(String(decoding: word.bytes, as: UTF8.self)).joined(separator: " ").utf8)
        out.append(contentsOf: stems)
        insert(word, stems: stems)
    }

    private func matches(_ e: Entry, _ key: [UInt8]) -> Bool {
        var i = 0
        var a = Int(e.key)
        while i < key.count {
            if arena[a] != key[i] { return false }
            i += 1
            a += 1
        }
        return true
    }

    private func insert(_ word: WordBuffer, stems: [UInt8]) {
        if entries.count >= limit || arena.count > 64 << 20 {
            entries.removeAll(keepingCapacity: true)
            arena.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = -1 }
        }
        let entry = Entry(
            hash: word.hash, key: Int32(arena.count), keyCount: Int32(word.bytes.count), value: Int32(arena.count + word.bytes.count),
            valueCount: Int32(stems.count))
        arena.append(contentsOf: word.bytes)
        arena.append(contentsOf: stems)
        entries.append(entry)
        if entries.count * 2 > slots.count { grow() } else { place(entries.count - 1) }
    }

    private func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for i in entries.indices { place(i) }
    }
}
