/// What a one-shot command leaves to the operating system. Freeing a reviewed national catalogue — millions of
/// objects, one at a time, on one core — takes several hundred milliseconds after the output is written and gives
/// back nothing the process's exit would not. A command that is about to return hands its largest values here
/// instead of letting them go; the workbench, which runs on, never does.
enum ProcessMemory {
    /// Keeps `values` alive until the process exits.
    static func leaveToExit(_ values: Any...) {
        _ = Unmanaged.passRetained(Kept(values))
    }

    private final class Kept {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }
}
