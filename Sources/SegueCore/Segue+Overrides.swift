import DJModel
import Library

extension Segue {
    /// Applies `patch` to the overrides of track `id` (tempo, grid, bar 1, key), stamped with the
    /// file's current content hash, and rebuilds the track graph when there is one, so that the
    /// graph, planning, rendering and every export use the corrected values at once.
    ///
    /// - Returns: the track's detail, with its overrides beside the measured values.
    /// - Throws: ``SegueError`` `.notFound` for a missing or unanalysed track; `.invalidInput`
    ///   naming the field for a grid position past the end of the track.
    @discardableResult
    public func updateOverrides(id: Int64, with patch: TrackOverridePatch) throws(SegueError) -> TrackDetail {
        guard let track = try libraryCall({ try library.track(id: TrackID(id)) }), let analysis = track.analysis else {
            throw SegueError(.notFound, "no analysed track with id \(id)")
        }
        let updated = patch.applied(to: track.overrides ?? TrackOverrides())
        for (field, value) in [("firstBeat", updated.firstBeat), ("downbeat", updated.downbeat)] {
            if let value, value >= analysis.duration {
                throw SegueError(.invalidInput, String(format: "'%@' must be within the track (0…%.3f s), got %.3f", field, analysis.duration, value))
            }
        }
        try libraryCall { try library.storeOverrides(updated, for: TrackID(id)) }
        if try libraryCall({ try library.hasGraph() }) { try buildGraph() }
        return try trackDetail(id: id)
    }
}
