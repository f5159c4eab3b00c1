#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A loopback port nobody listens on, from the kernel (bind to port 0), for a test that runs a
/// real server. A random pick from a range collided with other servers on the machine (the
/// browser suite's, schemathesis's) and failed with "Address already in use".
enum FreePort {
    static func next() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { return Int.random(in: 20_000...40_000) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
