import Foundation
import MARCKit

typealias MARCKitFlavor = MARCFlavor
typealias MARCKitEncoding = MARCEncoding

/// A terminal progress bar with rate and time left, drawn on standard error.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var records = 0

    init(total: Int, enabled: Bool) {
        self.total = max(total, 1)
        self.enabled = enabled
    }

    func update(bytes: Int, records: Int) {
        self.records = records
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = Date()
        draw(bytes: bytes)
    }

    func finish() {
        guard enabled else { return }
        draw(bytes: total)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(bytes: Int) {
        let fraction = min(1, Double(bytes) / Double(total))
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(records) / elapsed
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %3.0f%%  %d records  %.0f rec/s  ETA %ds  ", bar, fraction * 100, records, rate, Int(eta))
        FileHandle.standardError.write(Data(line.utf8))
    }
}
