import Testing

@testable import Routing

/// Links pasted from the four map services, and «lat, lon» as typed, give the same point; what is
/// not a point gives nothing (issue 15, §3).
struct MapLinkTests {
    @Test(arguments: [
        "50.4111, 80.2275",
        "50.4111 80.2275",
        "https://www.google.com/maps/@50.4111,80.2275,17z",
        "https://www.google.com/maps/place/Abai+St/@50.4111,80.2275,18z/data=!3m1",
        "https://maps.google.com/?q=50.4111,80.2275",
        "https://yandex.kz/maps/162/semey/?ll=80.2275%2C50.4111&z=16",
        "https://yandex.ru/maps/?pt=80.2275,50.4111&z=17&l=map",
        "https://2gis.kz/semey/geo/70000001027412345/80.2275,50.4111",
        "https://2gis.kz/semey?m=80.2275%2C50.4111%2F16",
        "https://www.openstreetmap.org/#map=17/50.4111/80.2275",
        "https://www.openstreetmap.org/?mlat=50.4111&mlon=80.2275#map=17/50.4111/80.2275",
    ])
    func test_each_service_gives_the_point(_ link: String) throws {
        let p = try #require(MapLink.point(link), "\(link)")
        #expect(abs(p.latitude - 50.4111) < 1e-9 && abs(p.longitude - 80.2275) < 1e-9, "\(link)")
    }

    @Test(arguments: ["", "Семей, ул. Абая 10", "95, 80", "50.41", "https://example.com/", "https://yandex.kz/maps/?ll=abc", "NaN, 1"])
    func test_what_is_not_a_point_gives_nothing(_ text: String) {
        #expect(MapLink.point(text) == nil, "\(text)")
    }
}
