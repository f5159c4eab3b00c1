/// The time data of a run of consecutive visits that makes feasibility checks O(1) (Vidal et al.,
/// "A hybrid genetic algorithm with adaptive diversity management for a large class of vehicle
/// routing problems with time-windows", 2013).
///
/// Lateness is not forbidden but turned into "time warp": arriving after a window closes is
/// allowed by travelling back in time, and the amount is penalised. With the duration, the time
/// warp and the earliest and latest start of a segment, two segments joined by one edge give the
/// data of the whole in constant time, so any move that cuts routes into prefixes, a few nodes and
/// suffixes is evaluated without walking the route.
struct TimeSegment {
    /// Time from the start of the first service to the end of the last, waiting included.
    var duration: Int
    var timeWarp: Int
    /// Earliest start of the first service that causes no avoidable waiting.
    var early: Int
    /// Latest start of the first service that causes no extra time warp.
    var late: Int

    /// The segment of a single node (or depot) with its window and service time.
    @inline(__always) init(service: Int, early: Int, late: Int) {
        duration = service
        timeWarp = 0
        self.early = early
        self.late = late
    }

    @inline(__always) init(duration: Int, timeWarp: Int, early: Int, late: Int) {
        self.duration = duration
        self.timeWarp = timeWarp
        self.early = early
        self.late = late
    }

    /// `self` followed by `next`, with `travel` between the last node of `self` and the first of
    /// `next`.
    @inline(__always) func then(_ next: TimeSegment, travel: Int) -> TimeSegment {
        let delta = duration - timeWarp + travel
        let wait = max(next.early - delta - late, 0)
        let warp = max(early + delta - next.late, 0)
        return TimeSegment(
            duration: duration + next.duration + travel + wait, timeWarp: timeWarp + next.timeWarp + warp,
            early: max(next.early - delta, early) - wait, late: min(next.late - delta, late) + warp)
    }
}
