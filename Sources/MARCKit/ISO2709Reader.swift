import Foundation

/// One step of reading a file: a record, or a record that had to be skipped, with its number
/// (1-based, in file order).
public enum MARCReadResult: Sendable {
    /// `raw` holds the record's bytes when the reader was asked for them (`keepCanonical`) and
    /// they are as `ISO2709Writer` would write them.
    case record(number: Int, record: MARCRecord, raw: [UInt8]?)
    case failure(number: Int, error: MARCError)
}

/// Reads ISO 2709 records one at a time from a file or from bytes, with a fixed-size buffer, so
/// memory stays flat whatever the file size. A record whose length is wrong is read up to its
/// terminator, so one bad length never loses the rest of the file; a record that cannot be read
/// at all is reported and skipped.
public final class ISO2709Reader: Sequence, IteratorProtocol {
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    private let file: UnsafeMutablePointer<FILE>?
    private let encoding: MARCEncoding?
    /// Keep a record's bytes only when they equal its encoding (see `ISO2709Parser.parseNoting`).
    public var keepCanonical = false
    private var number = 0
    /// Bytes consumed so far, for progress reporting.
    public private(set) var bytesRead = 0

    static let chunk = 1 << 20

    /// Opens `path`; `encoding` nil means detect it per record.
    public init(path: String, encoding: MARCEncoding? = nil) throws {
        guard let f = fopen(path, "rb") else { throw MARCError.unrecognised("cannot open \(path)") }
        file = f
        buffer = [UInt8](repeating: 0, count: Self.chunk * 2)
        self.encoding = encoding
    }

    /// Reads from bytes already in memory.
    public init(bytes: [UInt8], encoding: MARCEncoding? = nil) {
        file = nil
        buffer = bytes
        end = bytes.count
        eof = true
        self.encoding = encoding
    }

    deinit { if let file { fclose(file) } }

    /// Ensures at least `count` bytes from `start` are buffered, unless the file ends first.
    private func fill(_ count: Int) {
        guard !eof, end - start < count else { return }
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { p in
                _ = memmove(p.baseAddress!, p.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if buffer.count < count + Self.chunk { buffer.append(contentsOf: [UInt8](repeating: 0, count: count + Self.chunk - buffer.count)) }
        while end < count && !eof {
            let n = buffer.withUnsafeMutableBufferPointer { p in fread(p.baseAddress! + end, 1, p.count - end, file) }
            if n == 0 { eof = true }
            end += n
        }
    }

    public func next() -> MARCReadResult? {
        // Line breaks or blanks between records are tolerated.
        while true {
            fill(1)
            guard start < end else { return nil }
            let b = buffer[start]
            if b == 0x0A || b == 0x0D || b == 0x20 || b == 0x1A { advance(1) } else { break }
        }
        number += 1
        fill(5)
        let available = end - start
        let declared = available >= 5 ? lengthPrefix() : nil
        var length = declared
        if let l = length {
            fill(l)
            if l < 25 || end - start < l || buffer[start + l - 1] != ISO2709Parser.recordTerminator { length = nil }
        }
        if length == nil {
            // The length is not a number, or does not end on a record terminator (a length
            // counted in characters, say): the record runs to its terminator, and the parser
            // notes the disagreement.
            guard let t = findTerminator() else {
                let have = end - start
                let text = String(decoding: buffer[start..<(start + Swift.min(5, have))], as: UTF8.self)
                advance(have)
                if let declared, declared > have { return .failure(number: number, error: .truncated(expected: declared, available: have)) }
                return .failure(number: number, error: have < 25 ? .truncated(expected: 25, available: have) : .invalidLength(text))
            }
            length = t + 1 - start
        }
        let frame = length!
        let result: MARCReadResult
        let s = start
        do {
            var (record, canonical) = try buffer.withUnsafeBufferPointer { p throws(MARCError) in
                try ISO2709Parser.parseNoting(UnsafeBufferPointer(rebasing: p[s..<(s + frame)]), encoding: encoding)
            }
            for i in record.warnings.indices { record.warnings[i].recordNumber = number }
            result = .record(number: number, record: record, raw: keepCanonical && canonical ? Array(buffer[s..<(s + frame)]) : nil)
        } catch {
            result = .failure(number: number, error: error)
        }
        advance(frame)
        return result
    }

    /// The index of the next record terminator, reading on as needed; nil when the file ends
    /// first or no terminator comes within `maxRecord` bytes (the rest is then not a record).
    private func findTerminator() -> Int? {
        var from = start
        while true {
            if let i = buffer[from..<end].firstIndex(of: ISO2709Parser.recordTerminator) { return i }
            if eof || end - start >= Self.maxRecord { return nil }
            let scanned = end - start
            fill(scanned + Self.chunk)
            from = start + scanned
        }
    }

    /// ISO 2709 allows 99,999 bytes; a length counted in characters of up to four bytes each
    /// could stand for four times that.
    static let maxRecord = 400_000

    private func advance(_ n: Int) {
        start += n
        bytesRead += n
    }

    private func lengthPrefix() -> Int? {
        buffer.withUnsafeBufferPointer { ISO2709Parser.digits($0, start, 5) }
    }
}
