import Fluent
import TextKit
import Vapor

/// A branch as the API reads and writes it.
struct BranchPayload: Content {
    var code: String?
    var name_ru: String?
    var name_kk: String?
    var address: String?
    var phone: String?
    var latitude: Double?
    var longitude: Double?
}

/// A branch as the API returns it.
struct BranchDTO: Content {
    var id: UUID
    var code: String
    var name_ru: String
    var name_kk: String
    var address: String
    var phone: String
    var latitude: Double?
    var longitude: Double?

    init(_ b: Branch) {
        id = b.id!
        code = b.code
        name_ru = b.nameRu
        name_kk = b.nameKk
        address = b.address
        phone = b.phone
        latitude = b.latitude
        longitude = b.longitude
    }
}

enum BranchService {
    /// Validates `payload` and copies it onto `branch`; nothing is saved when there are errors.
    static func apply(_ payload: BranchPayload, to branch: Branch, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        func text(_ value: String?, _ field: String, max: Int = 200) -> String {
            errors.text(value, field, required: true, max: max) ?? ""
        }
        let code = text(payload.code, "code", max: 20)
        let nameRu = text(payload.name_ru, "name_ru")
        let nameKk = text(payload.name_kk, "name_kk")
        let address = text(payload.address, "address", max: 300)
        let phoneText = text(payload.phone, "phone", max: 40)
        let phone = PhoneNumber(parsing: phoneText)
        if !phoneText.isEmpty && phone == nil { errors.add("phone", "validation.phone") }
        errors.merge(Coordinates.validate(latitude: payload.latitude, longitude: payload.longitude))
        if !code.isEmpty && errors["code"] == nil {
            var taken = Branch.query(on: db).filter(\.$code == code)
            if let id = branch.id { taken = taken.filter(\.$id != id) }
            if try await taken.count() > 0 { errors.add("code", "branch.code_taken") }
        }
        guard errors.isEmpty else { return errors }
        branch.code = code
        branch.nameRu = nameRu
        branch.nameKk = nameKk
        branch.address = address
        branch.phone = phone?.e164 ?? phoneText
        branch.latitude = payload.latitude
        branch.longitude = payload.longitude
        return errors
    }
}

/// Geographic coordinates, checked for range and given as a pair.
enum Coordinates {
    static func validate(latitude: Double?, longitude: Double?) -> FieldErrors {
        var errors = FieldErrors()
        if let lat = latitude, !(lat.isFinite && (-90...90).contains(lat)) { errors.add("latitude", "validation.latitude") }
        if let lon = longitude, !(lon.isFinite && (-180...180).contains(lon)) { errors.add("longitude", "validation.longitude") }
        if (latitude == nil) != (longitude == nil) {
            errors.add(latitude == nil ? "latitude" : "longitude", "validation.coordinates_pair")
        }
        return errors
    }

    /// Parses a form value, accepting a decimal comma.
    static func parse(_ text: String?, field: String, into errors: inout FieldErrors) -> Double? {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty else { return nil }
        guard let value = Double(t), value.isFinite else {
            errors.add(field, "validation.number")
            return nil
        }
        return value
    }
}
