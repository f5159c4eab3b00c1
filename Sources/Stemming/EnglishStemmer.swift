/// The Snowball English (Porter2) stemmer, written from the published algorithm
/// (snowballstem.org, `english.sbl`). Input is expected in lower case; words with letters outside
/// a–z are returned unchanged.
public enum EnglishStemmer {
    public static func stem(_ word: String) -> String {
        // Letters outside ASCII (as in «françois») take a placeholder byte of 128 or more, which the
        // algorithm treats as a consonant, and are put back at the end.
        var others: [Unicode.Scalar] = []
        var b: [UInt8] = []
        b.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                b.append(UInt8(scalar.value))
            } else {
                guard others.count < 128 else { return word }
                b.append(UInt8(128 + others.count))
                others.append(scalar)
            }
        }
        guard b.count > 2 else { return word }
        if let special = exceptions1[word] { return special }
        if b.first == 39 { b.removeFirst() }
        var s = Porter2(b)
        s.prelude()
        s.markRegions()
        s.step1a()
        s.step1b()
        s.step1c()
        s.step2()
        s.step3()
        s.step4()
        s.step5()
        var out = String.UnicodeScalarView()
        for byte in s.b {
            if byte >= 128 {
                out.append(others[Int(byte) - 128])
            } else {
                out.append(Unicode.Scalar(byte == 89 ? 121 : byte))
            }
        }
        return String(out)
    }

    static let exceptions1: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
        "only": "onli", "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
        "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
}

/// The working state of one Porter2 run over ASCII bytes ("Y" marks a consonant y).
struct Porter2 {
    var b: [UInt8]
    var p1 = 0
    var p2 = 0

    init(_ b: [UInt8]) { self.b = b }

    var string: String { String(decoding: b, as: UTF8.self) }

    static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121 }

    func ends(_ s: String) -> Bool {
        let n = s.utf8.count
        guard n <= b.count else { return false }
        var i = b.count - n
        for c in s.utf8 {
            if b[i] != c { return false }
            i += 1
        }
        return true
    }

    /// Replaces the last `count` bytes with `with`.
    mutating func replace(_ count: Int, _ with: String) {
        b.removeLast(count)
        b.append(contentsOf: with.utf8)
    }

    func longest(_ list: [String]) -> String? {
        var best: String?
        var bestCount = -1
        for s in list {
            let n = s.utf8.count
            if n > bestCount && ends(s) {
                best = s
                bestCount = n
            }
        }
        return best
    }

    func inR1(_ suffix: String) -> Bool { b.count - suffix.utf8.count >= p1 }
    func inR2(_ suffix: String) -> Bool { b.count - suffix.utf8.count >= p2 }

    mutating func prelude() {
        if b.first == 121 { b[0] = 89 }
        var i = 1
        while i < b.count {
            if b[i] == 121 && Porter2.isVowel(b[i - 1]) { b[i] = 89 }
            i += 1
        }
    }

    mutating func markRegions() {
        let n = b.count
        p1 = n
        p2 = n
        let word = string
        var i: Int
        if let prefix = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"].first(where: { word.hasPrefix($0) }) {
            i = prefix.utf8.count
        } else {
            guard let after = pastVowelThenConsonant(from: 0) else { return }
            i = after
        }
        p1 = i
        guard let after2 = pastVowelThenConsonant(from: i) else { return }
        p2 = after2
    }

    /// The position after the first consonant that follows a vowel, from `start`.
    func pastVowelThenConsonant(from start: Int) -> Int? {
        var i = start
        while i < b.count && !Porter2.isVowel(b[i]) { i += 1 }
        guard i < b.count else { return nil }
        while i < b.count && Porter2.isVowel(b[i]) { i += 1 }
        guard i < b.count else { return nil }
        return i + 1
    }

    /// A short syllable ends at `end` (exclusive); a word ending in "past" counts as one.
    func shortSyllable(endingAt end: Int) -> Bool {
        if end >= 4 && b[(end - 4)..<end].elementsEqual("past".utf8) { return true }
        if end >= 3 {
            let c1 = b[end - 3], v = b[end - 2], c2 = b[end - 1]
            if !Porter2.isVowel(c1) && Porter2.isVowel(v) && !Porter2.isVowel(c2) && c2 != 119 && c2 != 120 && c2 != 89 {
                return true
            }
        }
        if end == 2 { return Porter2.isVowel(b[0]) && !Porter2.isVowel(b[1]) }
        return false
    }

    var isShortWord: Bool { p1 >= b.count && shortSyllable(endingAt: b.count) }

    func hasVowel(before end: Int) -> Bool {
        var i = 0
        while i < end {
            if Porter2.isVowel(b[i]) { return true }
            i += 1
        }
        return false
    }

    mutating func step1a() {
        if let s = longest(["'", "'s", "'s'"]) { b.removeLast(s.utf8.count) }
        guard let s = longest(["sses", "ied", "ies", "s", "us", "ss"]) else { return }
        switch s {
        case "sses": replace(4, "ss")
        case "ied", "ies": replace(3, b.count > 4 ? "i" : "ie")
        case "s":
            // Delete if the part before the letter preceding the s contains a vowel.
            if b.count >= 3 && hasVowel(before: b.count - 2) { b.removeLast() }
        default: break
        }
    }

    mutating func step1b() {
        guard let s = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
        let n = s.utf8.count
        let stem = b.count - n
        if s == "eed" || s == "eedly" {
            // succeed, proceed and exceed keep their ending.
            let word = String(decoding: b[..<stem], as: UTF8.self)
            if inR1(s) && !["succ", "proc", "exc"].contains(word) { replace(n, "ee") }
            return
        }
        if s == "ing" {
            let before = String(decoding: b[..<stem], as: UTF8.self)
            // evening, canning, inning, earring, herring and outing stay whole.
            if ["even", "cann", "inn", "earr", "herr", "out"].contains(before) { return }
            // lying, dying, tying: a consonant, then "ying", is the whole word.
            if stem == 2 && b[1] == 121 && !Porter2.isVowel(b[0]) {
                replace(4, "ie")
                return
            }
        }
        guard hasVowel(before: stem) else { return }
        b.removeLast(n)
        if ends("at") || ends("bl") || ends("iz") {
            b.append(101)
        } else if let last = b.last, b.count >= 2, b[b.count - 2] == last, Array("bdfgmnprt".utf8).contains(last) {
            // add, ebb, egg, odd: a, e or o and a double letter make the whole word; keep it.
            let wholeShort = b.count == 3 && (b[0] == 97 || b[0] == 101 || b[0] == 111)
            if !wholeShort { b.removeLast() }
        } else if b.count == p1 && shortSyllable(endingAt: b.count) {
            b.append(101)
        }
    }

    mutating func step1c() {
        guard let last = b.last, last == 121 || last == 89, b.count > 2, !Porter2.isVowel(b[b.count - 2]) else { return }
        b[b.count - 1] = 105
    }

    static let step2Rules: [String: String] = [
        "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent", "izer": "ize", "ization": "ize",
        "ational": "ate", "ation": "ate", "ator": "ate", "alism": "al", "aliti": "al", "alli": "al", "fulness": "ful",
        "ousli": "ous", "ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble", "ogi": "og",
        "fulli": "ful", "lessli": "less", "li": "", "ogist": "og",
    ]
    static let step2Keys = Array(step2Rules.keys)

    mutating func step2() {
        let rules = Porter2.step2Rules
        guard let s = longest(Porter2.step2Keys), inR1(s) else { return }
        let n = s.utf8.count
        switch s {
        case "ogi":
            if b.count > 3 && b[b.count - 4] == 108 { replace(n, "og") }
        case "li":
            if b.count > 2 && Array("cdeghkmnrt".utf8).contains(b[b.count - 3]) { b.removeLast(2) }
        default:
            replace(n, rules[s]!)
        }
    }

    static let step3Rules: [String: String] = [
        "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic", "ical": "ic", "ful": "",
        "ness": "", "ative": "",
    ]
    static let step3Keys = Array(step3Rules.keys)

    mutating func step3() {
        let rules = Porter2.step3Rules
        guard let s = longest(Porter2.step3Keys), inR1(s) else { return }
        if s == "ative" {
            if inR2(s) { b.removeLast(5) }
        } else {
            replace(s.utf8.count, rules[s]!)
        }
    }

    static let step4List = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
    ]

    mutating func step4() {
        guard let s = longest(Porter2.step4List), inR2(s) else { return }
        if s == "ion" {
            let k = b.count - 4
            if k >= 0 && (b[k] == 115 || b[k] == 116) { b.removeLast(3) }
        } else {
            b.removeLast(s.utf8.count)
        }
    }

    mutating func step5() {
        guard let last = b.last else { return }
        if last == 101 {
            if inR2("e") || (inR1("e") && !shortSyllable(endingAt: b.count - 1)) { b.removeLast() }
        } else if last == 108 {
            if inR2("l") && b.count >= 2 && b[b.count - 2] == 108 { b.removeLast() }
        }
    }
}
