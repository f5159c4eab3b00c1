/// A word being stemmed from its end, with a left limit that suffixes may not cross
/// (Snowball's backward mode with `setlimit`).
struct SuffixWord {
    var chars: [Unicode.Scalar]
    var limit = 0

    init(_ chars: [Unicode.Scalar]) { self.chars = chars }

    func endsWith(_ suffix: [Unicode.Scalar]) -> Bool {
        let n = chars.count
        let k = suffix.count
        guard k <= n - limit else { return false }
        var i = 0
        while i < k {
            if chars[n - k + i] != suffix[i] { return false }
            i += 1
        }
        return true
    }

    /// The longest of `suffixes` that ends the word inside the limit (Snowball's `among`).
    func longestMatch(_ suffixes: [[Unicode.Scalar]]) -> [Unicode.Scalar]? {
        var best: [Unicode.Scalar]?
        for s in suffixes where s.count > (best?.count ?? 0) && endsWith(s) { best = s }
        return best
    }

    mutating func removeLast(_ k: Int) { chars.removeLast(k) }

    /// Removes the longest matching suffix; returns whether one was removed.
    mutating func removeLongest(_ suffixes: [[Unicode.Scalar]]) -> Bool {
        guard let m = longestMatch(suffixes) else { return false }
        removeLast(m.count)
        return true
    }
}
