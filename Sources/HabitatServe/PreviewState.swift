import Foundation
import HabitatCore
import HabitatSite

/// What the preview server knows of the last build, and the pages listening for changes.
actor PreviewState {
    private(set) var generation = 0
    private(set) var errors: [Diagnostic] = []
    /// The line each error points at, read when the build is recorded (the file may change later).
    private var excerpts: [SourceLocation: String] = [:]

    /// The source line of each error with a line number (files relative to where `serve` runs).
    static func excerpts(of diagnostics: [Diagnostic]) -> [SourceLocation: String] {
        var out: [SourceLocation: String] = [:]
        var files: [String: [Substring]] = [:]
        for d in diagnostics.prefix(50) where d.location.line > 0 {
            if files[d.location.file] == nil {
                guard let data = FileManager.default.contents(atPath: d.location.file), data.count < 20_000_000 else { continue }
                files[d.location.file] = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let lines = files[d.location.file], d.location.line <= lines.count else { continue }
            var line = String(lines[d.location.line - 1])
            if line.hasSuffix("\r") { line.removeLast() }
            out[d.location] = line.count > 300 ? String(line.prefix(300)) + "…" : line
        }
        return out
    }
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    /// Registers a listener (one open page); events are server-sent-event frames.
    func listen() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        listeners[id] = continuation
        continuation.yield("event: bonjour\ndata: {\"generation\":\(generation)}\n\n")
        return (id, stream)
    }

    func forget(_ id: UUID) {
        listeners[id]?.finish()
        listeners[id] = nil
    }

    /// Records a build and tells every open page: reload, or show the errors.
    func record(_ report: BuildReport, milliseconds: Double) {
        let errs = report.diagnostics.filter { $0.severity == .error }
        errors = errs
        excerpts = Self.excerpts(of: errs)
        let frame: String
        if errs.isEmpty {
            generation += 1
            frame = "event: rechargement\ndata: {\"generation\":\(generation),\"pages_rendues\":\(report.pagesRendered),\"ms\":\(Int(milliseconds.rounded()))}\n\n"
        } else {
            frame = "event: erreur\ndata: \(errorsJSON())\n\n"
        }
        for c in listeners.values { c.yield(frame) }
    }

    /// A comment frame, so pages that went away are noticed and dropped.
    func ping() {
        for c in listeners.values { c.yield(": ping\n\n") }
    }

    /// Closes every event stream (server shutdown).
    func closeAll() {
        for c in listeners.values { c.finish() }
        listeners = [:]
    }

    func errorsJSON() -> String {
        JSONValue.object([
            ("generation", .number(Double(generation))),
            ("erreurs", .array(errors.map { d in
                .object([("fichier", .string(d.location.file)), ("ligne", .number(Double(d.location.line))),
                         ("colonne", .number(Double(d.location.column))), ("message", .string(d.text)),
                         ("code", .string(d.code)), ("texte", .string(d.description)),
                         ("extrait", excerpts[d.location].map { .string($0) } ?? .null)])
            })),
        ]).compact
    }
}
