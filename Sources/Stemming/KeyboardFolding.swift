/// Kazakh letters read as the Russian-keyboard letters people type for them.
///
/// A Russian keyboard has no ә, ғ, қ, ң, ө, ұ, ү, һ, і, so readers type the nearest Russian
/// letter: «кошпенділер» for «Көшпенділер». Folding both the index's derived key and the query
/// (`DerivedKey`) lets the two meet. The map is the one in the issue and in common use.
public enum KeyboardFolding {
    /// ә→а, ғ→г, қ→к, ң→н, ө→о, ұ ү→у, һ→х, і→и; other scalars are kept.
    @inline(__always)
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x04D9: "а"  // ә
        case 0x0493: "г"  // ғ
        case 0x049B: "к"  // қ
        case 0x04A3: "н"  // ң
        case 0x04E9: "о"  // ө
        case 0x04B1, 0x04AF: "у"  // ұ ү
        case 0x04BB: "х"  // һ
        case 0x0456: "и"  // і
        default: s
        }
    }

    public static func fold(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for s in word.unicodeScalars { out.append(fold(s)) }
        return String(out)
    }

    /// Whether `s` is one of the lower-case letters Kazakh has and Russian lacks.
    @inline(__always)
    public static func isKazakhLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x04D9, 0x0493, 0x049B, 0x04A3, 0x04E9, 0x04B1, 0x04AF, 0x04BB, 0x0456: true
        default: false
        }
    }
}
