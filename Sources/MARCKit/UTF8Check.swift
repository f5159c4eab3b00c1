import Foundation

/// Finds the first byte that breaks UTF-8, reading a file in fixed-size chunks.
enum UTF8Check {
    static func firstInvalidByte(path: String) -> Int? {
        guard let f = fopen(path, "rb") else { return 0 }
        defer { fclose(f) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var carry: [UInt8] = []
        var offset = 0
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress!, 1, $0.count, f) }
            if n == 0 { return carry.isEmpty ? nil : offset }
            var chunk = carry + buffer[0..<n]
            // Keep an incomplete sequence at the end for the next chunk.
            var cut = chunk.count
            var back = 0
            while back < 3 && cut > 0 && chunk[cut - 1] & 0xC0 == 0x80 {
                cut -= 1
                back += 1
            }
            if cut > 0 && chunk[cut - 1] >= 0xC0 { cut -= 1 } else { cut = chunk.count }
            carry = Array(chunk[cut...])
            chunk.removeLast(chunk.count - cut)
            if let bad = firstInvalidByte(chunk) { return offset + bad }
            offset += cut
        }
    }

    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var i = 0
        var decoder = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.parseScalar(from: &iterator) {
            case .valid(let s): i += s.count
            case .emptyInput: return nil
            case .error: return i
            }
        }
    }
}
