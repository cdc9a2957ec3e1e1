import HabitatContent
import HabitatCore

extension BuildRun {
    /// Stage 0 of a CLI build: the snapshot of the sources. When the previous build recorded
    /// the same one, its output is this build's output: the build reports its warnings again
    /// and stops, without parsing anything. Any other case (a file changed, added or removed,
    /// another option, engine or theme, a file too recent to be trusted) takes the normal path.
    mutating func upToDate() -> Bool {
        guard options.write, options.incremental, !options.inPlace, session == nil else { return false }
        let taken = SourceSnapshot.take(options)
        snapshot = taken
        defer { lap("instantané") }
        guard taken.settled, let recorded = BuildManifest.loadSnapshot(from: options.outputDir),
              recorded.snapshot == taken.digest else { return false }
        diagnostics.append(contentsOf: recorded.warnings)
        omittedWarnings = recorded.omittedWarnings
        report.upToDate = true
        options.progress?("rien n'a changé depuis la construction précédente : rien à écrire")
        return true
    }

    /// Puts this build's snapshot and warnings into the manifest it writes (a build whose
    /// snapshot cannot be trusted records none, so the next one takes the normal path).
    func recordSnapshot(in manifest: inout BuildManifest, _ parsed: [ParsedFile]) {
        manifest.snapshot = snapshot?.vouched(by: parsed, contentDir: options.contentDir, settle: options.settle)?.digest
        guard manifest.snapshot != nil else { return }
        manifest.warnings = diagnostics.sorted.filter { $0.severity == .warning }
        manifest.omittedWarnings = diagnostics.droppedWarnings
    }
}
