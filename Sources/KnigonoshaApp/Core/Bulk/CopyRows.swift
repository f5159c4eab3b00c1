import Foundation
import NIOCore

/// Rows in PostgreSQL's `COPY … FROM STDIN` text format: fields separated by tabs, rows ended by
/// a newline, `\N` for NULL, and a backslash, tab, newline or carriage return inside a value
/// escaped. Values are written straight into one buffer, so a batch costs no per-value objects.
struct CopyRows: Sendable {
    private(set) var buffer: ByteBuffer
    private(set) var count = 0
    private var atRowStart = true

    init(capacity: Int = 1 << 16) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    mutating func add(_ value: String?) {
        separate()
        guard var value else { return writeNull() }
        value.withUTF8 { bytes in
            // Most values have nothing to escape: they are copied whole.
            guard bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    mutating func add(_ value: Int?) {
        separate()
        guard let value else { return writeNull() }
        buffer.writeString(String(value))
    }

    mutating func add(_ value: UUID?) {
        separate()
        guard let value else { return writeNull() }
        buffer.writeString(value.uuidString)
    }

    mutating func add(_ value: Bool) {
        separate()
        buffer.writeStaticString(value ? "t" : "f")
    }

    /// A `timestamptz` given as the text `CopyRows.timestamp` made (format once, write often).
    mutating func add(timestamp: String) {
        separate()
        buffer.writeString(timestamp)
    }

    /// A `bytea` in hex form: `\x` then two digits a byte, the backslash itself escaped. Written
    /// straight into the buffer's memory: byte by byte through `writeInteger`, a catalogue's MARC
    /// (a quarter of a gigabyte for the Library of Congress file) took a quarter of the import's time.
    mutating func add(bytes: [UInt8]) {
        separate()
        buffer.writeStaticString("\\\\x")
        let count = bytes.count * 2
        guard count > 0 else { return }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { out in
            let digits: (UInt8) -> UInt8 = { $0 < 10 ? 0x30 + $0 : 0x57 + $0 }
            bytes.withUnsafeBufferPointer { input in
                var i = 0
                for byte in input {
                    out[i] = digits(byte >> 4)
                    out[i + 1] = digits(byte & 0x0F)
                    i += 2
                }
            }
            return count
        }
    }

    mutating func endRow() {
        buffer.writeInteger(UInt8(0x0A))
        atRowStart = true
        count += 1
    }

    /// A moment as PostgreSQL reads a `timestamptz` (UTC, to the microsecond).
    static func timestamp(_ date: Date) -> String {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        return date.formatted(style)
    }

    private mutating func separate() {
        if atRowStart {
            atRowStart = false
        } else {
            buffer.writeInteger(UInt8(0x09))
        }
    }

    private mutating func writeNull() { buffer.writeStaticString("\\N") }
}
