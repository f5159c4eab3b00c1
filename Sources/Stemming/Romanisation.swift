/// Cyrillic spelt in ASCII, the way catalogues and people spell it.
///
/// `key` spells a derived key (`DerivedKey`) in ALA-LC without its diacritics, so that the index
/// holds ASCII tokens that both databases keep whole. `spellings` gives the few ways a Cyrillic
/// query word is commonly romanised, to find plain-ASCII records that were never given a derived
/// term: ALA-LC («Gorskii»), informal English («Gorsky», «Tolstoy»), GOST 7.79 («Gorskij»), Kazakh
/// Latin typed in ASCII («Qara», «joly») and English «c» for к («Carter»).
enum Romanisation {
    private typealias Table = [Unicode.Scalar: String]

    private static let alaLC: Table = table(
        "а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts "
            + "ч ch ш sh щ shch ъ _ ы y ь _ э e ю iu я ia ә a ғ gh қ q ң ng ө o ұ u ү u һ h і i")
    private static let informal = alaLC.merging(table("й y ю yu я ya ё yo ғ g қ k ң n")) { $1 }
    private static let gost = alaLC.merging(table("й j х x ц c щ shh ю yu я ya ё yo ғ g қ k ң n")) { $1 }
    private static let kazakh = alaLC.merging(table("ж j ғ g ң n й i х h")) { $1 }
    private static let englishC = informal.merging(table("к c х h")) { $1 }

    private static func table(_ pairs: String) -> Table {
        let p = pairs.split(separator: " ")
        var t: Table = [:]
        for k in stride(from: 0, to: p.count, by: 2) { t[p[k].unicodeScalars.first!] = p[k + 1] == "_" ? "" : String(p[k + 1]) }
        return t
    }

    private static func spell(_ word: String, _ t: Table) -> String? {
        var out = ""
        for s in word.unicodeScalars {
            if let r = t[s] {
                out += r
            } else if s.isASCII {
                out.unicodeScalars.append(s)
            } else {
                return nil
            }
        }
        return out
    }

    /// The ASCII spelling of a derived key (folded Cyrillic, digits, ASCII letters).
    static func key(_ cyrillic: String) -> String? { spell(cyrillic, alaLC) }

    /// The common ASCII spellings of a folded Cyrillic word, most formal first, without repeats.
    static func spellings(_ word: String) -> [String] {
        var out: [String] = []
        for (n, t) in [alaLC, informal, gost, kazakh, englishC].enumerated() {
            guard var s = spell(word, t) else { return [] }
            // Informal English ends «-ий», «-ый» in a single y (Gorsky, Dostoevsky).
            if n == 1 && (s.hasSuffix("iy") || s.hasSuffix("yy")) { s = String(s.dropLast(2)) + "y" }
            if !out.contains(s) { out.append(s) }
        }
        return out
    }

    /// An ASCII word with English digraphs spelt as Russian romanisations spell the sound:
    /// chr → kr, ph → f, x → ks, th → t after the first letter, ck → k («Christie» meets
    /// «kristi», «Agatha» «agata», «Maxim» «maksim»). Only these few, each in about one English
    /// word in a hundred, so that the plain-ASCII words given a derived term stay few
    /// (`docs/SEARCH.md`); a first th would add «the», «this», «that».
    static func phonetic(_ word: String) -> String {
        let b = Array(word.utf8)
        guard b.contains(where: { $0 == 0x68 || $0 == 0x78 || $0 == 0x6B }) else { return word }  // h, x, k
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            // Bytes, not `String.hasPrefix`: this runs once for each new word of an import.
            if let d = digraphs.first(where: { b[i...].starts(with: $0.from) && (i > 0 || $0.from != [0x74, 0x68]) }) {
                out += d.to
                i += d.from.count
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let digraphs = [("chr", "kr"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("x", "ks")].map {
        (from: Array($0.0.utf8), to: Array($0.1.utf8))
    }
}
