import DJModel
import GRDB

extension TrackLibrary {
    /// Stores what services say about library tracks, replacing what the same service said
    /// before, in one transaction.
    public func storeServiceFeatures(_ features: [(track: TrackID, features: ServiceFeatures)]) throws(LibraryError) {
        guard !features.isEmpty else { return }
        try write { db in
            for (track, item) in features {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO serviceFeatures (trackId, service, externalId, bpm, key, energy, loudness)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [track.rawValue, item.service, item.externalId, item.bpm, item.key?.name, item.energy, item.loudness])
            }
        }
    }

    /// What services say about track `id`, by service name.
    public func serviceFeatures(of id: TrackID) throws(LibraryError) -> [ServiceFeatures] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT service, externalId, bpm, key, energy, loudness FROM serviceFeatures WHERE trackId = ? ORDER BY service",
                             arguments: [id.rawValue]).map { row in
                ServiceFeatures(service: row["service"], externalId: row["externalId"], bpm: row["bpm"],
                                key: (row["key"] as String?).flatMap(MusicalKey.init(parsing:)), energy: row["energy"], loudness: row["loudness"])
            }
        }
    }
}
