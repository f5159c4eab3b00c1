/// The endings `KazakhStemmer` removes, each with the letters it may follow.
///
/// Kazakh endings change their first consonant by what precedes them: after a vowel the
/// genitive is «-ның», after р, л, й, з, ж it is «-дың», after a voiceless consonant «-тың».
/// Checking the letter before an ending keeps roots that merely end like one («кітапхана» is not
/// кітапха + «-на»). Letter classes: V vowels; Z voiced consonants and sonorants (у too: тау·ы);
/// N nasals; S voiceless consonants. After the third-person possessive the case endings begin
/// with н (кітаб·ы·на); those are listed with the possessive, as one ending.
enum KazakhEndings {
    struct Ending {
        let suffix: [Unicode.Scalar]
        let after: Set<Unicode.Scalar>
        /// Letters the stem must keep: more where many roots end like the ending (ақын, орын
        /// for «-ын»; ғылым, білім for «-ым»; кү·ні, ба·сы), two otherwise.
        let minimumStem: Int
        /// A case ending that carries the third-person possessive before it (кітаб·ы·н).
        let withPossessive: Bool
        var vowelInitial: Bool { suffix.first.map(KazakhEndings.isVowel) ?? false }
    }

    struct Table {
        let cases: [Ending]
        let possessives: [Ending]
        let plurals: [Ending]
    }

    static let vowels: Set<Unicode.Scalar> = Set("аәеёиіоөуұүыэюя".unicodeScalars)
    static func isVowel(_ s: Unicode.Scalar) -> Bool { vowels.contains(s) }

    private static let classes: [Character: String] = [
        "V": "аәеёиіоөуұүыэюя", "Z": "рлйузжбвгдғ", "N": "мнң", "S": "пткқсшфхһцчщ",
        // Plural endings follow their own split: -лар after vowels, р and й; -дар after л, з, ж
        // and nasals; -тар after voiceless and voiced stops.
        "L": "аәеёиіоөуұүыэюярй", "D": "лзжмнң", "T": "пткқсшфхһцчщбвгдғ",
    ]

    /// Case endings; «ын»-type rows are a possessive and a case ending together.
    private static let caseRows = [
        "ның нің : VN", "дың дің : Z", "тың тің : S",  // genitive
        "ны ні : V 3", "ды ді : ZN", "ты ті : S",  // accusative
        "ға ге : VZN", "қа ке : S",  // dative
        "да де : VZN", "та те : S",  // locative
        "дан ден : VZ", "нан нен : N", "тан тен : S -с",  // ablative (not the «-стан» of names)
        "мен : VZN", "бен : Z", "пен : S",  // instrumental
        "дағы дегі : VZN", "тағы тегі : S",  // "the one in"
    ]

    /// Third-person possessive (ы, і after a consonant, сы, сі after a vowel) followed by a case.
    private static let possessiveCaseRows = [
        "ын ін : SZN 3 -ш", "сын сін : V", "ына іне ында інде ынан інен ының інің ымен імен ындағы індегі : SZN -ш",
        "сына сіне сында сінде сынан сінен сының сінің сымен сімен сындағы сіндегі : V",
    ]

    /// No bare «-м», «-ң» after a vowel and «-ым», «-ің» only on longer stems: far more roots end
    /// so (адам, өлең, ғылым, білім) than catalogue titles say "my" or "your". Nor «-ы» after ш,
    /// which ends the agent nouns (жазушы, оқушы).
    private static let possessiveRows = [
        "ы і : SZN -ш", "ым ім ың ің : SZN 4", "ымыз іміз ыңыз іңіз : SZN", "сы сі : V 3", "мыз міз ңыз ңіз : V",
    ]

    private static let pluralRows = ["лар лер : L", "дар дер : D", "тар тер : T"]

    static let plain = table(fold: false)
    static let folded = table(fold: true)

    private static func table(fold: Bool) -> Table {
        let cases = endings(caseRows, withPossessive: false, fold: fold) + endings(possessiveCaseRows, withPossessive: true, fold: fold)
        return Table(
            cases: sorted(cases), possessives: sorted(endings(possessiveRows, withPossessive: false, fold: fold)),
            plurals: sorted(endings(pluralRows, withPossessive: false, fold: fold)))
    }

    /// Longest first, so that «дарды» is tried before «ды»; the order among equals is the table's.
    private static func sorted(_ e: [Ending]) -> [Ending] {
        e.enumerated().sorted { ($0.element.suffix.count, -$0.offset) > ($1.element.suffix.count, -$1.offset) }.map(\.element)
    }

    /// Rows read «suffixes : classes [minimum stem] [-letters not allowed before]».
    private static func endings(_ rows: [String], withPossessive: Bool, fold: Bool) -> [Ending] {
        func f(_ s: Substring) -> [Unicode.Scalar] { s.unicodeScalars.map { fold ? KeyboardFolding.fold($0) : $0 } }
        return rows.flatMap { row -> [Ending] in
            let halves = row.split(separator: ":")
            let spec = halves[1].split(separator: " ")
            let excluded = Set(spec.dropFirst().filter { $0.hasPrefix("-") }.flatMap { f($0.dropFirst()) })
            let after = Set(spec[0].flatMap { f(Substring(classes[$0]!)) }).subtracting(excluded)
            let minimum = spec.dropFirst().first { !$0.hasPrefix("-") }.map { Int($0)! } ?? 2
            return halves[0].split(separator: " ").map { Ending(suffix: f($0), after: after, minimumStem: minimum, withPossessive: withPossessive) }
        }
    }
}
