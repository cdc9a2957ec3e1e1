import Foundation

/// The render time of one kind of page (fiche, commune…): CPU time of its jobs on their threads,
/// so that it does not count the time a job waited for a core.
public struct RenderTime: Sendable {
    public let kind: String
    public let pages: Int
    public let seconds: Double

    static func byKind(_ jobs: [PageJob], _ results: [Renderer.Result]) -> [RenderTime] {
        var totals: [String: (Int, Double)] = [:]
        for (job, r) in zip(jobs, results) {
            let t = totals[job.kindName, default: (0, 0)]
            totals[job.kindName] = (t.0 + 1, t.1 + r.seconds)
        }
        return totals.map { RenderTime(kind: $0.key, pages: $0.value.0, seconds: $0.value.1) }
            .sorted { ($0.seconds, $0.kind) > ($1.seconds, $1.kind) }
    }
}

/// CPU time of the calling thread.
enum ThreadClock {
    static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
