import Foundation
import HabitatCore
import HabitatSite
import Hummingbird
import ServiceLifecycle

/// `habitat serve`: builds, serves `Site/` on the loopback, rebuilds what a change touches and
/// tells open pages to reload (server-sent events), or shows the build errors over the page.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: Int
    public var pollInterval: Duration

    public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 8080, pollInterval: Duration = .milliseconds(100)) {
        self.options = options
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
    }

    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        let state = PreviewState()
        let session = BuildSession()
        var rebuildOptions = options
        rebuildOptions.searchIndex = false
        rebuildOptions.inPlace = true

        let start = ContinuousClock.now
        let first = await SiteBuilder.run(options, session: session)
        for d in first.diagnostics { log(d.description) }
        await state.record(first, milliseconds: Self.ms(since: start))

        let files = StaticFiles(root: options.outputDir)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await Self.respond(request, files: files, state: state)
        }
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "habitat"),
            onServerRunning: { channel in
                let p = channel.localAddress?.port ?? 0
                log("habitat: aperçu sur http://\(host):\(p)/ (Ctrl-C pour arrêter)")
            }
        )
        let watcher = Watcher(roots: [options.contentDir, options.themeDir] + Self.parentThemes(of: options.themeDir))
        let interval = pollInterval
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await state.ping()
            }
        }
        let watching = Task {
            var last = watcher.snapshot()
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let now = watcher.snapshot()
                guard Watcher.differ(last, now) else { continue }
                last = now
                let t = ContinuousClock.now
                let report = await SiteBuilder.run(rebuildOptions, session: session)
                let ms = Self.ms(since: t)
                for d in report.diagnostics where d.severity == .error { log(d.description) }
                log(report.succeeded ? "habitat: \(report.pagesRendered) page(s) rendue(s) en \(Int(ms)) ms (\(Self.stages(report)))"
                    : "habitat: erreur, le site affiché reste le dernier bon")
                await state.record(report, milliseconds: ms)
            }
        }
        // Ctrl-C (SIGINT) or SIGTERM stop the server gracefully; then stop watching.
        try await app.runService()
        watching.cancel()
        keepAlive.cancel()
        await state.closeAll()
    }

    /// "analyse 12 ms, résolution 40 ms, …": where a rebuild's time went.
    static func stages(_ report: BuildReport) -> String {
        report.stageTimes.map { "\($0.0) \(Int(($0.1 * 1000).rounded())) ms" }.joined(separator: ", ")
    }

    static func ms(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// The folders of the themes `dir` inherits (read from their `theme.yaml` by the theme loader).
    static func parentThemes(of dir: String) -> [String] {
        Theme.chain(dir: dir, displayDir: dir).folders.dropFirst().map(\.dir)
    }

    static func respond(_ request: Request, files: StaticFiles, state: PreviewState) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        switch path {
        case "/_habitat/evenements":
            let (id, stream) = await state.listen()
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody { writer in
                                // An open page must not hold the server when it stops (Ctrl-C).
                                try await withGracefulShutdownHandler {
                                    for await frame in stream { try await writer.write(ByteBuffer(string: frame)) }
                                } onGracefulShutdown: {
                                    Task { await state.forget(id) }
                                }
                                await state.forget(id)
                                try await writer.finish(nil)
                            })
        case "/_habitat/etat":
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: await state.errorsJSON())))
        case "/_habitat/apercu.css":
            return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: overlayStyle)))
        case "/_habitat/rechargement.js":
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: reloadScript)))
        default:
            let found = files.lookup(path)
            var bytes = found.bytes
            if found.contentType.hasPrefix("text/html") { bytes = Self.injectReloadScript(bytes) }
            return Response(status: found.status, headers: [.contentType: found.contentType, .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// Adds the live-reload script and the error overlay's stylesheet (external files: the pages'
    /// CSP forbids inline script and style).
    static func injectReloadScript(_ bytes: [UInt8]) -> [UInt8] {
        let tag = Array("<link rel=\"stylesheet\" href=\"/_habitat/apercu.css\"><script src=\"/_habitat/rechargement.js\" defer></script>".utf8)
        let marker = Array("</head>".utf8)
        guard let at = bytes.firstRange(of: marker) else { return bytes + tag }
        return Array(bytes[..<at.lowerBound]) + tag + Array(bytes[at.lowerBound...])
    }
}
