/// Kazakhstan's public holidays that fall on the same date every year (Labour Code, art. 84, and
/// the Law on Holidays). A library loads them for a year and then edits the list: Kurban Ait moves
/// with the lunar calendar, and the government moves days off by decree, so those are entered by
/// hand.
public enum KazakhstanHolidays {
    /// (month, day, name key) for each fixed-date holiday.
    public static let fixed: [(month: Int, day: Int, key: String)] = [
        (1, 1, "new_year"), (1, 2, "new_year"), (1, 7, "orthodox_christmas"), (3, 8, "womens_day"),
        (3, 21, "nauryz"), (3, 22, "nauryz"), (3, 23, "nauryz"), (5, 1, "unity_day"), (5, 7, "defender_day"),
        (5, 9, "victory_day"), (7, 6, "capital_day"), (8, 30, "constitution_day"), (10, 25, "republic_day"),
        (12, 16, "independence_day"),
    ]

    /// The fixed-date holidays of `year`, with their name keys.
    public static func days(in year: Int) -> [(day: Day, key: String)] {
        fixed.map { (Day(year: year, month: $0.month, day: $0.day), $0.key) }
    }
}
