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
/// memory stays flat whatever the file size. A broken record is reported and skipped; the reader
/// finds the next record by its terminator, so one bad length never loses the rest of the file.
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
        let length = available >= 5 ? lengthPrefix() : nil
        guard let length, length >= 25 else {
            let text = String(decoding: buffer[start..<(start + Swift.min(5, available))], as: UTF8.self)
            skipToTerminator()
            return .failure(number: number, error: .invalidLength(text))
        }
        fill(length)
        if end - start < length || buffer[start + length - 1] != ISO2709Parser.recordTerminator {
            // The length is wrong or the file ends early: resynchronise on the terminator.
            let have = end - start
            let skipped = skipToTerminator()
            return .failure(number: number, error: skipped ? .invalidLength("\(length)") : .truncated(expected: length, available: have))
        }
        let result: MARCReadResult
        let s = start
        do {
            let (record, canonical) = try buffer.withUnsafeBufferPointer { p throws(MARCError) in
                try ISO2709Parser.parseNoting(UnsafeBufferPointer(rebasing: p[s..<(s + length)]), encoding: encoding)
            }
            result = .record(number: number, record: record, raw: keepCanonical && canonical ? Array(buffer[s..<(s + length)]) : nil)
        } catch {
            result = .failure(number: number, error: error)
        }
        advance(length)
        return result
    }

    private func advance(_ n: Int) {
        start += n
        bytesRead += n
    }

    private func lengthPrefix() -> Int? {
        var value = 0
        for i in start..<(start + 5) {
            let d = buffer[i] &- 0x30
            guard d <= 9 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    /// Moves past the next record terminator; returns false when the file ended without one.
    @discardableResult
    private func skipToTerminator() -> Bool {
        while true {
            if let i = buffer[start..<end].firstIndex(of: ISO2709Parser.recordTerminator) {
                advance(i + 1 - start)
                return true
            }
            advance(end - start)
            if eof { return false }
            fill(1)
            if start >= end { return false }
        }
    }
}
