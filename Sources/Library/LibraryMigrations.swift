import GRDB

/// The library schema as append-only migrations. Never edit a registered migration: add one.
/// Migrations use SQL and table definitions only, never application types.
enum LibraryMigrations {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-tracks-analyses-tracklists-factors-graph", migrate: createTracksAnalysesTracklistsFactorsGraph)
        migrator.registerMigration("v2-analysis-drift-tuning-feature-version", migrate: addAnalysisDriftTuningFeatureVersion)
        migrator.registerMigration("v3-graph-adjacency-blobs", migrate: packGraphAdjacencyInBlobs)
        migrator.registerMigration("v4-saved-sets", migrate: createSavedSets)
        migrator.registerMigration("v5-planning-revision", migrate: addPlanningRevision)
        migrator.registerMigration("v6-canonical-paths", migrate: canonicalPaths)
        migrator.registerMigration("v7-analysis-structure", migrate: addAnalysisStructure)
        migrator.registerMigration("v8-saved-set-names", migrate: addSavedSetNames)
        migrator.registerMigration("v9-service-features", migrate: createServiceFeatures)
        migrator.registerMigration("v10-track-overrides", migrate: createTrackOverrides)
        return migrator
    }

    /// Migration v1: tracks, analyses, tracklists and their entries, factors, graph edges and settings.
    static func createTracksAnalysesTracklistsFactorsGraph(_ db: Database) throws {
        try db.create(table: "track") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("path", .text).unique()
            t.column("fileSize", .integer)
            t.column("modifiedAt", .double)
            t.column("contentHash", .text)
            t.column("artist", .text).notNull().defaults(to: "")
            t.column("title", .text).notNull().defaults(to: "")
            t.column("album", .text).notNull().defaults(to: "")
            t.column("genre", .text).notNull().defaults(to: "")
            t.column("comment", .text).notNull().defaults(to: "")
            t.column("duration", .double).notNull().defaults(to: 0)
            t.column("matchKey", .text).notNull().indexed()
        }
        try db.create(table: "analysis") { t in
            t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
            t.column("version", .integer).notNull()
            t.column("duration", .double).notNull()
            t.column("bpm", .double).notNull()
            t.column("firstBeat", .double).notNull()
            t.column("tempoConfidence", .double).notNull()
            t.column("keyName", .text).notNull()
            t.column("keyConfidence", .double).notNull()
            t.column("loudness", .double).notNull()
            t.column("loudnessRange", .double).notNull()
            t.column("energy", .integer).notNull()
            t.column("features", .blob).notNull()
        }
        try db.create(table: "tracklist") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("source", .text).notNull()
            t.column("externalId", .text).notNull()
            t.column("name", .text).notNull().defaults(to: "")
            t.uniqueKey(["source", "externalId"])
        }
        try db.create(table: "tracklistEntry") { t in
            t.column("tracklistId", .integer).notNull().references("tracklist", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("trackId", .integer).notNull().references("track", onDelete: .cascade).indexed()
            t.primaryKey(["tracklistId", "position"])
        }
        try db.create(table: "factor") { t in
            t.column("trackId", .integer).notNull().references("track", onDelete: .cascade)
            t.column("kind", .text).notNull()
            t.column("vector", .blob).notNull()
            t.primaryKey(["trackId", "kind"])
        }
        try db.create(table: "graphEdge") { t in
            t.column("sourceId", .integer).notNull().references("track", onDelete: .cascade)
            t.column("targetId", .integer).notNull().references("track", onDelete: .cascade)
            t.column("score", .double).notNull()
            t.column("als", .double).notNull()
            t.column("content", .double).notNull()
            t.column("bpm", .double).notNull()
            t.column("key", .double).notNull()
            t.column("energy", .double).notNull()
            t.primaryKey(["sourceId", "targetId"])
        }
        try db.create(table: "setting") { t in
            t.primaryKey("name", .text)
            t.column("value", .text).notNull()
        }
    }

    /// Migration v2: tempo drift, tuning, the feature version and chroma on analyses.
    static func addAnalysisDriftTuningFeatureVersion(_ db: Database) throws {
        try db.alter(table: "analysis") { t in
            t.add(column: "tempoDrift", .double).notNull().defaults(to: 0)
            t.add(column: "tempoVariable", .boolean).notNull().defaults(to: false)
            t.add(column: "tuningCents", .double).notNull().defaults(to: 0)
            t.add(column: "featureVersion", .integer).notNull().defaults(to: 0)
            t.add(column: "chroma", .blob)
        }
    }

    /// Migration v7: bars, phrases, sections and mix points on analyses (JSON of
    /// ``TrackStructure``; null for analyses before version 8, which the next scan redoes).
    static func addAnalysisStructure(_ db: Database) throws {
        try db.alter(table: "analysis") { t in
            t.add(column: "structure", .text)
        }
    }

    /// Migration v8: the name a DJ gave a stored set (null for the versions the planner and
    /// every edit store on their own); named sets are listed and never pruned.
    static func addSavedSetNames(_ db: Database) throws {
        try db.alter(table: "savedSet") { t in
            t.add(column: "name", .text)
        }
        try db.create(index: "savedSet_name", on: "savedSet", columns: ["name"])
    }

    /// Migration v9: what a streaming service says about a library track (Spotify's tempo, key,
    /// energy and loudness from a playlist export), one row per track and service.
    static func createServiceFeatures(_ db: Database) throws {
        try db.create(table: "serviceFeatures") { t in
            t.column("trackId", .integer).notNull().references("track", onDelete: .cascade)
            t.column("service", .text).notNull()
            t.column("externalId", .text).notNull()
            t.column("bpm", .double)
            t.column("key", .text)
            t.column("energy", .double)
            t.column("loudness", .double)
            t.primaryKey(["trackId", "service"])
        }
    }

    /// Migration v3: one row per source track with its edges packed in a blob (EdgeBlob): a
    /// 100k-track graph of 2.4M edges stores in about a second instead of 25, and loads as fast.
    /// The graph is derived data, so the old table is dropped and the graph rebuilt on the next
    /// plan.
    static func packGraphAdjacencyInBlobs(_ db: Database) throws {
        try db.drop(table: "graphEdge")
        try db.create(table: "graphAdjacency") { t in
            t.primaryKey("sourceId", .integer).references("track", onDelete: .cascade)
            t.column("edges", .blob).notNull()
        }
    }

    /// Migration v4: planned sets the API answered with, so `GET /sets/{id}` and its exports work
    /// later.
    static func createSavedSets(_ db: Database) throws {
        try db.create(table: "savedSet") { t in
            t.primaryKey("id", .text)
            t.column("createdAt", .double).notNull().indexed()
            t.column("document", .blob).notNull()
        }
    }

    /// Migration v5: a counter that every change to what the planner reads bumps (tracks, analyses,
    /// factors, the graph, the transition weights), so a process can keep the loaded graph until it
    /// moves; saved sets and tracklists do not count.
    static func addPlanningRevision(_ db: Database) throws {
        // Literal names: a registered migration never changes (`LibrarySettingTests` checks that
        // they match ``LibrarySetting``).
        try db.execute(sql: "INSERT OR IGNORE INTO setting (name, value) VALUES ('planning-revision', '0')")
        let bump = "UPDATE setting SET value = CAST(value AS INTEGER) + 1 WHERE name = 'planning-revision'"
        for table in ["track", "analysis", "factor", "graphAdjacency"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: "CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table) BEGIN \(bump); END")
            }
        }
        for event in ["INSERT", "UPDATE"] {
            try db.execute(sql: "CREATE TRIGGER weights_\(event.lowercased())_revision AFTER \(event) ON setting "
                           + "WHEN NEW.name = 'transition-weights' BEGIN \(bump); END")
        }
    }

    /// Migration v10: what a DJ corrected by hand (tempo, grid, bar 1, key), one row per track,
    /// apart from the analysis so that no rescan overwrites it, with the content hash of the
    /// audio it was made on. A change is a change to what the planner reads.
    static func createTrackOverrides(_ db: Database) throws {
        try db.create(table: "trackOverride") { t in
            t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
            t.column("bpm", .double)
            t.column("firstBeat", .double)
            t.column("downbeat", .double)
            t.column("key", .text)
            t.column("contentHash", .text).notNull()
        }
        let bump = "UPDATE setting SET value = CAST(value AS INTEGER) + 1 WHERE name = 'planning-revision'"
        for event in ["INSERT", "UPDATE", "DELETE"] {
            try db.execute(sql: "CREATE TRIGGER trackOverride_\(event.lowercased())_revision AFTER \(event) ON trackOverride BEGIN \(bump); END")
        }
    }
}
