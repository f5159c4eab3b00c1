import Vapor

/// Finds which methods the registered routes accept for a concrete path, for `405` answers.
enum MethodMatcher {
    static func methods(for path: String, in routes: Vapor.Routes) -> [HTTPMethod] {
        let parts = path.split(separator: "/").map(String.init)
        var found: [HTTPMethod] = []
        for route in routes.all where matches(route.path, parts) && !found.contains(route.method) {
            found.append(route.method)
        }
        return found
    }

    private static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        if pattern.last == .catchall { return parts.count >= pattern.count - 1 }
        guard pattern.count == parts.count else { return false }
        for (component, part) in zip(pattern, parts) {
            switch component {
            case .constant(let value) where value != part: return false
            default: continue
            }
        }
        return true
    }
}
