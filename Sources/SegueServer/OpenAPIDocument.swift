/// The API described as OpenAPI 3.0 (`GET /openapi.json`). `ServerTests` checks that every route
/// the server answers is described here and that every path described answers.
enum OpenAPIDocument {
    /// The document, as JSON text.
    static let json = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "Segue",
    "version": "1.0.0",
    "description": "Plan DJ sets from a music library: search tracks, plan sets and bridges, export them for DJ software. Errors are {\"error\": message} with a 4xx status; every response carries X-Request-Id. Requests whose Host is not the bound address, localhost or an --allowed-host name get 421; state-changing requests with a foreign Origin get 403; JSON bodies must be sent as application/json (415). HEAD answers as GET without a body; OPTIONS answers 204 with Allow."
  },
  "paths": {
    "/health": {
      "get": {"summary": "Liveness and library size", "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}}}
    },
    "/tracks": {
      "get": {
        "summary": "Search analysed tracks (paged, filtered)",
        "parameters": [
          {"name": "query", "in": "query", "schema": {"type": "string"}, "description": "Words matched in artist, title, album, genre and path"},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}},
          {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
          {"name": "bpmMin", "in": "query", "schema": {"type": "number"}},
          {"name": "bpmMax", "in": "query", "schema": {"type": "number"}},
          {"name": "key", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true, "description": "Key name (A minor, F#m), Camelot (8A) or Open Key (1m); repeat for several"},
          {"name": "energyMin", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10}},
          {"name": "energyMax", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10}},
          {"name": "genre", "in": "query", "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "A page of tracks", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TrackPage"}}}},
          "400": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/tracks/{id}": {
      "get": {
        "summary": "A track and its whole analysis",
        "parameters": [{"$ref": "#/components/parameters/TrackId"}],
        "responses": {
          "200": {"description": "The track", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TrackDetail"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/tracks/{id}/similar": {
      "get": {
        "summary": "The most similar tracks with every score",
        "parameters": [
          {"$ref": "#/components/parameters/TrackId"},
          {"name": "by", "in": "query", "schema": {"type": "string", "enum": ["als", "content", "combined"], "default": "combined"}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 10}}
        ],
        "responses": {
          "200": {"description": "Neighbours, best first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SimilarResponse"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/sets": {
      "post": {
        "summary": "Plan a set from a seed (beam search); the answer is stored under its id",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetRequest"}}}},
        "responses": {
          "403": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"},
          "200": {"description": "The set", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetDocument"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/bridges": {
      "post": {
        "summary": "Fill the gap between two tracks (A*); the answer is stored under its id",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BridgeRequest"}}}},
        "responses": {
          "403": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"},
          "200": {"description": "The bridge", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetDocument"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/sets/{id}": {
      "get": {
        "summary": "A set or bridge planned earlier",
        "parameters": [{"$ref": "#/components/parameters/SetId"}],
        "responses": {
          "200": {"description": "The set", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetDocument"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/sets/{id}/export": {
      "get": {
        "summary": "Download a stored set for DJ software",
        "parameters": [
          {"$ref": "#/components/parameters/SetId"},
          {"name": "format", "in": "query", "required": true, "schema": {"type": "string", "enum": ["m3u8", "json", "csv", "rekordbox", "traktor", "serato", "xspf"]}},
          {"name": "pathPrefix", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true, "description": "FROM=TO, repeatable"},
          {"name": "name", "in": "query", "schema": {"type": "string"}, "description": "Playlist or crate name"},
          {"name": "volume", "in": "query", "schema": {"type": "string", "default": "Macintosh HD"}, "description": "Traktor: the system volume's name"},
          {"name": "volumeRoot", "in": "query", "schema": {"type": "string"}, "description": "Serato: the drive root crate paths are relative to"}
        ],
        "responses": {
          "200": {"description": "The file, as an attachment", "content": {
            "audio/x-mpegurl": {"schema": {"type": "string"}}, "application/json": {"schema": {"$ref": "#/components/schemas/SetDocument"}},
            "text/csv": {"schema": {"type": "string"}}, "application/xml": {"schema": {"type": "string"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}, "application/xspf+xml": {"schema": {"type": "string"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/sets/{id}/positions/{position}/alternatives": {
      "get": {
        "summary": "Tracks that could take one position of a stored set, best first",
        "parameters": [
          {"$ref": "#/components/parameters/SetId"},
          {"name": "position", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 0}, "description": "0 = the first track"},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}}
        ],
        "responses": {
          "200": {"description": "Candidates with the transitions they would make", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AlternativesResponse"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/sets/{id}/replace": {
      "post": {
        "summary": "Replace one track of a stored set; the edited set is stored under a new id",
        "parameters": [{"$ref": "#/components/parameters/SetId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["position", "track"],
          "properties": {"position": {"type": "integer", "minimum": 0}, "track": {"type": "string"}}}}}},
        "responses": {
          "403": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"},
          "200": {"description": "The edited set", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetDocument"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/tracklists": {
      "post": {
        "summary": "Import a tracklist or playlist file (the body) as DJ-set data",
        "parameters": [
          {"name": "format", "in": "query", "required": true, "schema": {"type": "string", "enum": ["csv", "txt", "text", "m3u", "m3u8", "xml", "nml", "crate", "xspf", "json"]}},
          {"name": "name", "in": "query", "schema": {"type": "string"}, "description": "Uploading the same name again replaces its sets"}
        ],
        "requestBody": {"required": true, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
        "responses": {
          "403": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"},
          "200": {"description": "What the import did", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/scans": {
      "post": {
        "summary": "Scan a folder on the server's machine in the background",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["folder"], "properties": {"folder": {"type": "string"}, "bpmRange": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2, "description": "tempi reported within [low, high] BPM (an octave, e.g. [88, 175]); every file found is analysed again"}}}}}},
        "responses": {
          "403": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"},
          "202": {"description": "The job, running", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ScanStatus"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/scans/{id}": {
      "get": {
        "summary": "A scan job's state and, once finished, its report",
        "parameters": [{"$ref": "#/components/parameters/SetId"}],
        "responses": {
          "200": {"description": "The job", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ScanStatus"}}}},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/scans/{id}/events": {
      "get": {
        "summary": "A scan job's progress as server-sent events (stage, step, warning, stageFinished, then finished or failed)",
        "parameters": [{"$ref": "#/components/parameters/SetId"}],
        "responses": {
          "200": {"description": "An event stream; each data line is a ScanEvent", "content": {"text/event-stream": {"schema": {"$ref": "#/components/schemas/ScanEvent"}}}},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/openapi.json": {
      "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3", "content": {"application/json": {"schema": {"type": "object"}}}}}}
    }
  },
  "components": {
    "parameters": {
      "TrackId": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
      "SetId": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9]{1,64}$"}}
    },
    "responses": {
      "Error": {"description": "What went wrong", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
      "Health": {"type": "object", "properties": {"status": {"type": "string"}, "tracks": {"type": "integer"}}},
      "Track": {
        "type": "object",
        "required": ["id", "path", "artist", "title", "duration", "bpm", "key", "camelot", "energy", "start"],
        "properties": {
          "id": {"type": "integer"}, "path": {"type": "string"}, "artist": {"type": "string"}, "title": {"type": "string"},
          "duration": {"type": "number"}, "bpm": {"type": "number"}, "key": {"type": "string", "example": "A minor"},
          "camelot": {"type": "string", "example": "8A"}, "energy": {"type": "integer", "minimum": 1, "maximum": 10},
          "start": {"type": "number"}, "album": {"type": "string"}, "genre": {"type": "string"}, "firstBeat": {"type": "number"}
        }
      },
      "TrackPage": {"type": "object", "properties": {"tracks": {"type": "array", "items": {"$ref": "#/components/schemas/Track"}}, "total": {"type": "integer"}}},
      "TrackDetail": {
        "type": "object",
        "properties": {
          "track": {"$ref": "#/components/schemas/Track"}, "album": {"type": "string"}, "genre": {"type": "string"}, "comment": {"type": "string"},
          "bpm": {"type": "number"}, "firstBeat": {"type": "number"}, "tempoConfidence": {"type": "number"},
          "tempoDriftPercent": {"type": "number"}, "tempoVariable": {"type": "boolean"},
          "key": {"type": "string"}, "camelot": {"type": "string"}, "openKey": {"type": "string"}, "keyConfidence": {"type": "number"},
          "tuningCents": {"type": "number"}, "loudness": {"type": "number"}, "loudnessRange": {"type": "number"},
          "energy": {"type": "integer"}, "inTracklists": {"type": "boolean"}
        }
      },
      "Components": {
        "type": "object",
        "properties": {"als": {"type": "number"}, "content": {"type": "number"}, "bpm": {"type": "number"}, "key": {"type": "number"}, "energy": {"type": "number"}}
      },
      "SimilarResponse": {
        "type": "object",
        "properties": {
          "by": {"type": "string"},
          "similar": {"type": "array", "items": {"type": "object", "properties": {
            "track": {"$ref": "#/components/schemas/Track"}, "score": {"type": "number"}, "components": {"$ref": "#/components/schemas/Components"}}}}
        }
      },
      "AlternativesResponse": {
        "type": "object",
        "properties": {
          "position": {"type": "integer"},
          "alternatives": {"type": "array", "items": {"type": "object", "properties": {
            "track": {"$ref": "#/components/schemas/Track"}, "score": {"type": "number"},
            "incoming": {"$ref": "#/components/schemas/Transition"}, "outgoing": {"$ref": "#/components/schemas/Transition"}}}}
        }
      },
      "ImportReport": {
        "type": "object",
        "properties": {"tracklists": {"type": "integer"}, "matched": {"type": "integer"}, "unmatched": {"type": "integer"}, "unknown": {"type": "integer"},
                       "fuzzy": {"type": "integer"}, "ambiguous": {"type": "integer"}, "ambiguousExamples": {"type": "array", "items": {"type": "string"}}}
      },
      "ScanStatus": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "folder": {"type": "string"}, "state": {"type": "string", "enum": ["running", "finished", "failed"]},
          "events": {"type": "integer"}, "done": {"type": "integer"}, "total": {"type": "integer"}, "found": {"type": "integer"},
          "analysed": {"type": "integer"}, "unchanged": {"type": "integer"}, "failures": {"type": "array", "items": {"type": "string"}},
          "error": {"type": "string"}, "stopped": {"type": "boolean", "description": "Whether the scan has returned (a stalled job is failed at once and stops after its current file)"}
        }
      },
      "ScanEvent": {
        "type": "object",
        "properties": {"type": {"type": "string", "enum": \#(ScanEventType.jsonEnum)}, "name": {"type": "string"}, "done": {"type": "integer"}, "total": {"type": "integer"},
                       "item": {"type": "string"}, "message": {"type": "string"}}
      },
      "Transition": {
        "type": "object",
        "properties": {"from": {"type": "integer"}, "to": {"type": "integer"}, "score": {"type": "number"},
                       "components": {"$ref": "#/components/schemas/Components"}, "explanation": {"type": "string"}}
      },
      "Quality": {
        "type": "object",
        "properties": {"transitions": {"type": "integer"}, "harmonicShare": {"type": "number"}, "meanTempoChangePercent": {"type": "number"},
                       "maxTempoChangePercent": {"type": "number"}, "energyArcError": {"type": "number"}, "durationErrorPercent": {"type": "number"},
                       "artistRepeats": {"type": "integer"}, "meanSimilarity": {"type": "number"}}
      },
      "SetDocument": {
        "type": "object",
        "required": ["kind", "seed", "duration", "tracks", "transitions"],
        "properties": {
          "id": {"type": "string"}, "kind": {"type": "string", "enum": ["set", "bridge"]}, "seed": {"type": "string"},
          "duration": {"type": "number"}, "note": {"type": "string"}, "targetMinutes": {"type": "number"}, "requestedMinutes": {"type": "number"},
          "energyTargets": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}, "description": "[position 0…1, energy] pairs of the arc"},
          "tracks": {"type": "array", "items": {"$ref": "#/components/schemas/Track"}},
          "transitions": {"type": "array", "items": {"$ref": "#/components/schemas/Transition"}},
          "quality": {"$ref": "#/components/schemas/Quality"},
          "alternatives": {"type": "array", "items": {"$ref": "#/components/schemas/SetDocument"}}
        }
      },
      "EnergyCurve": {
        "oneOf": [
          {"type": "string", "description": "flat, rise, peak, wave, or points like 0:4,0.7:8,1:6"},
          {"type": "array", "items": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}, "description": "[[position 0…1, energy 1…10], …]"}
        ]
      },
      "PlanRules": {
        "type": "object",
        "properties": {
          "keyRule": {"type": "string", "enum": ["any", "strict", "mixxx", "energy-boost"]}, "keyLock": {"type": "boolean"},
          "halfDoubleTime": {"type": "boolean"}, "maxStepPercent": {"type": "number"}, "maxDriftPercent": {"type": "number"},
          "artistSpacing": {"type": "integer"}, "albumSpacing": {"type": "integer"},
          "exclude": {"type": "array", "items": {"type": "string"}}, "excludeTags": {"type": "array", "items": {"type": "string"}},
          "includeTags": {"type": "array", "items": {"type": "string"}}
        }
      },
      "SetRequest": {
        "type": "object",
        "required": ["seed", "minutes"],
        "properties": {
          "seed": {"type": "string", "description": "Track id, path, 'Artist - Title' or a playlist file"},
          "minutes": {"type": "number", "minimum": 1, "maximum": 600},
          "energy": {"$ref": "#/components/schemas/EnergyCurve"}, "beamWidth": {"type": "integer"},
          "rules": {"$ref": "#/components/schemas/PlanRules"},
          "pins": {"type": "object", "additionalProperties": {"type": "string"}, "description": "position (1…) → track"},
          "alternatives": {"type": "integer", "minimum": 1, "maximum": 10}
        }
      },
      "BridgeRequest": {
        "type": "object",
        "required": ["from", "to", "minutes"],
        "properties": {
          "from": {"type": "string"}, "to": {"type": "string"}, "minutes": {"type": "number", "minimum": 1, "maximum": 600},
          "toleranceMinutes": {"type": "number", "minimum": 0, "maximum": 60},
          "rules": {"$ref": "#/components/schemas/PlanRules"}, "alternatives": {"type": "integer", "minimum": 1, "maximum": 10}
        }
      }
    }
  }
}
"""#
}
