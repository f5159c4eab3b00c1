import Foundation

/// The name a person's file is shown under. A browser sends whatever name the file had, and a
/// script sends anything at all: a NUL (which PostgreSQL refuses, issue 19 finding 14), path parts
/// such as `../../etc/passwd` or `C:\Users\x\photo.jpg`, line breaks that would split a header,
/// and right-to-left overrides that make `gpj.exe` look like `exe.jpg`. The name is only ever shown
/// and offered back on download; the file on disk is named by a random id and the detected type.
enum FileNames {
    static let maxLength = 200

    static func clean(_ raw: String) -> String {
        // Only the last path part, whichever separator the sender's system used.
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.precomposedStringWithCanonicalMapping.unicodeScalars.filter { !refused($0) }
        var name = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".")))
        if name.count > maxLength {
            // Keep the extension, so that a shortened name still says what the file is.
            let ext = name.split(separator: ".").count > 1 ? "." + (name.split(separator: ".").last.map(String.init) ?? "") : ""
            let keep = ext.count < 16 ? ext : ""
            name = String(name.prefix(maxLength - keep.count)) + keep
        }
        return name.isEmpty ? "file" : name
    }

    /// Control characters, C1 controls and the bidirectional formatting characters.
    static func refused(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
            || (0x2066...0x2069).contains(s.value) || s.value == 0x200E || s.value == 0x200F || s.value == 0xFEFF
    }
}
