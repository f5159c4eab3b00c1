import Foundation
import MARCKit
import Stemming

/// How to read an import file; nil fields are detected.
struct ImportOptions: Sendable, Equatable {
    enum Syntax: String, Sendable, CaseIterable {
        case iso2709, marcxml, csv

        /// A command's `--syntax`: nil when not given, a clear failure when not one of the three.
        static func option(_ raw: String?) throws -> Syntax? {
            guard let raw else { return nil }
            guard let v = Syntax(rawValue: raw) else { throw CommandFailure("--syntax must be iso2709, marcxml or csv") }
            return v
        }
    }
    var syntax: Syntax?
    var flavor: MARCFlavor?
    var encoding: MARCEncoding?

    /// «syntax=marcxml;flavor=unimarc», as kept on an import job.
    var serialized: String {
        [("syntax", syntax?.rawValue), ("flavor", flavor?.rawValue), ("encoding", encoding?.rawValue)]
            .compactMap { k, v in v.map { "\(k)=\($0)" } }.joined(separator: ";")
    }

    init(syntax: Syntax? = nil, flavor: MARCFlavor? = nil, encoding: MARCEncoding? = nil) {
        self.syntax = syntax
        self.flavor = flavor
        self.encoding = encoding
    }

    /// Reads the overrides a person or a client chose. On the page an empty choice means detect;
    /// the API takes a missing parameter for that and refuses an empty one.
    static func parse(syntax: String?, flavor: String?, encoding: String?, emptyMeansDetect: Bool = true) -> (ImportOptions, FieldErrors) {
        var options = ImportOptions()
        var errors = FieldErrors()
        let (syntax, flavor, encoding) =
            emptyMeansDetect
            ? (syntax.flatMap { $0.isEmpty ? nil : $0 }, flavor.flatMap { $0.isEmpty ? nil : $0 }, encoding.flatMap { $0.isEmpty ? nil : $0 })
            : (syntax, flavor, encoding)
        if let s = syntax {
            if let v = Syntax(rawValue: s) { options.syntax = v } else { errors.add("syntax", "validation.choice") }
        }
        if let f = flavor {
            if let v = MARCFlavor(rawValue: f) { options.flavor = v } else { errors.add("flavor", "validation.choice") }
        }
        if let e = encoding {
            if let v = MARCEncoding(rawValue: e) { options.encoding = v } else { errors.add("encoding", "validation.choice") }
        }
        return (options, errors)
    }

    init(serialized: String) {
        for pair in serialized.split(separator: ";") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { continue }
            switch kv[0] {
            case "syntax": syntax = Syntax(rawValue: kv[1])
            case "flavor": flavor = MARCFlavor(rawValue: kv[1])
            case "encoding": encoding = MARCEncoding(rawValue: kv[1])
            default: break
            }
        }
    }
}

/// One item from a file being imported.
enum SourceItem: Sendable {
    case record(PreparedRecord)
    /// `code` names the reason for a report in the reader's language (MARCError.code); `reason`
    /// keeps the technical detail, which is the same in every language.
    case failure(number: Int, reason: String, code: String?)
    case progress(bytes: Int)
    /// The file could not be read at all (unreadable, or not MARC).
    case fatal(String)
}

/// Reads and prepares records on a thread of its own and hands them over through a bounded
/// buffer: the parser works on one core while the database writes on the other, and memory stays
/// flat because the reader waits when the buffer is full.
enum RecordSource {
    /// Batches in flight; each holds up to `batch` items, so a handful of hand-overs per thousand
    /// records instead of one each.
    static let capacity = 48
    static let batch = 256

    /// Hands items over one at a time; taking one frees a slot for the reader thread.
    final class Items {
        private var iterator: AsyncStream<[SourceItem]>.Iterator
        private let slots: DispatchSemaphore
        private var pending: [SourceItem] = []
        private var index = 0
        /// Written records go back to the reader thread to be freed there (see `Recycler`).
        let recycler: Recycler
        let stop: Stop

        init(_ stream: AsyncStream<[SourceItem]>, _ slots: DispatchSemaphore, _ recycler: Recycler, _ stop: Stop) {
            iterator = stream.makeAsyncIterator()
            self.slots = slots
            self.recycler = recycler
            self.stop = stop
        }

        /// An import that ends early (its job failed) lets the reader go: otherwise it would wait
        /// for a free slot for ever, holding its buffered records and the open file.
        deinit {
            stop.cancel()
            // Enough for a full buffer and the one wait in progress: libdispatch refuses to free a
            // semaphore left below its starting value.
            for _ in 0...RecordSource.capacity { slots.signal() }
        }

        func next() async -> SourceItem? {
            if index < pending.count {
                index += 1
                return pending[index - 1]
            }
            guard let batch = await iterator.next() else { return nil }
            slots.signal()
            pending = batch
            index = 0
            return await next()
        }
    }

    /// Records are freed on the thread that made them. glibc's allocator locks the arena of the
    /// thread that allocated a block when another thread frees it; with the writer freeing every
    /// record the two threads fought over that lock (a quarter of a million records, a dozen
    /// allocations each). The reader empties the bin each time it hands a batch over.
    final class Recycler: @unchecked Sendable {
        private let lock = NSLock()
        private var bin: [[PreparedRecord]] = []

        func put(_ records: [PreparedRecord]) { lock.withLock { bin.append(records) } }

        /// The records are freed when `spent` goes, after the lock is let go.
        func empty() {
            var spent: [[PreparedRecord]] = []
            lock.withLock { swap(&spent, &bin) }
        }
    }

    /// Tells the reader thread that nobody takes its records any more, and tells (tests) when the
    /// thread has ended.
    final class Stop: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private let ended = DispatchSemaphore(value: 0)

        var isCancelled: Bool { lock.withLock { cancelled } }
        func cancel() { lock.withLock { cancelled = true } }
        func end() { ended.signal() }
        /// True when the reader thread ended within `seconds`.
        func waitForEnd(seconds: Double) -> Bool { ended.wait(timeout: .now() + seconds) == .success }
    }

    static func items(path: String, options: ImportOptions) -> Items {
        let slots = DispatchSemaphore(value: capacity)
        let recycler = Recycler()
        let stop = Stop()
        let (stream, continuation) = AsyncStream<[SourceItem]>.makeStream(bufferingPolicy: .unbounded)
        let thread = Thread {
            let analyzer = SearchAnalyzer()
            var buffer: [SourceItem] = []
            buffer.reserveCapacity(batch)
            func flush() {
                guard !buffer.isEmpty else { return }
                // Cancelled before or while waiting for a slot: nobody will take the batch.
                if !stop.isCancelled { slots.wait() }
                guard !stop.isCancelled else { return buffer.removeAll() }
                continuation.yield(buffer)
                buffer.removeAll(keepingCapacity: true)
                recycler.empty()
            }
            func send(_ item: SourceItem) {
                buffer.append(item)
                if buffer.count >= batch { flush() }
            }
            func handle(_ result: MARCReadResult) {
                switch result {
                case .record(let n, let r, let raw):
                    do {
                        send(.record(try PreparedRecord(number: n, record: r, flavor: options.flavor, analyzer: analyzer, encoded: raw)))
                    } catch {
                        send(.failure(number: n, reason: error.description, code: error.code))
                    }
                case .failure(let n, let e): send(.failure(number: n, reason: e.description, code: e.code))
                }
            }
            switch options.syntax ?? detectSyntax(path) {
            case .csv?:
                guard let data = FileManager.default.contents(atPath: path) else {
                    send(.fatal("cannot open the file"))
                    break
                }
                // CSV from spreadsheets comes in UTF-8 or, in Russian-language offices, Windows-1251.
                let text =
                    String(validating: data, as: UTF8.self)
                    ?? String(String.UnicodeScalarView(data.map { Windows1251Text.scalar($0) }))
                let (records, errors) = CSVCatalog.records(from: text)
                for e in errors { send(.failure(number: e.row, reason: e.reason, code: nil)) }
                for (row, record) in records where !stop.isCancelled {
                    do throws(MARCError) {
                        send(.record(try PreparedRecord(number: row, record: record, flavor: .marc21, analyzer: analyzer)))
                    } catch {
                        send(.failure(number: row, reason: error.description, code: error.code))
                    }
                }
                if records.isEmpty && errors.isEmpty { send(.fatal("the CSV file has no rows")) }
                send(.progress(bytes: data.count))
            case .marcxml?:
                guard let reader = MARCXMLReader(path: path) else {
                    send(.fatal("cannot open the file"))
                    break
                }
                // MARCXML cannot stop its parser midway; cancelled, it reads on without preparing.
                reader.read { if !stop.isCancelled { handle($0) } }
                if let error = reader.fatalError { send(.fatal(error.description)) }
            case .iso2709?:
                guard let reader = try? ISO2709Reader(path: path, encoding: options.encoding) else {
                    send(.fatal("cannot open the file"))
                    break
                }
                reader.keepCanonical = true
                var count = 0
                while !stop.isCancelled, let result = reader.next() {
                    handle(result)
                    count += 1
                    if count % 500 == 0 { send(.progress(bytes: reader.bytesRead)) }
                }
                send(.progress(bytes: reader.bytesRead))
            case nil:
                send(.fatal("the file is neither ISO 2709 nor MARCXML"))
            }
            flush()
            continuation.finish()
            stop.end()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return Items(stream, slots, recycler, stop)
    }

    /// ISO 2709 starts with five digits; MARCXML with «<»; CSV is named .csv or has a «title» header.
    static func detectSyntax(_ path: String) -> ImportOptions.Syntax? {
        if path.lowercased().hasSuffix(".csv") { return .csv }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        let bytes = Array(head).drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.first else { return nil }
        if first == 0x3C { return .marcxml }
        if bytes.count >= 24 && bytes.prefix(5).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .iso2709 }
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self).lowercased()
        if firstLine.contains("title") && (firstLine.contains(",") || firstLine.contains(";")) { return .csv }
        return nil
    }
}
