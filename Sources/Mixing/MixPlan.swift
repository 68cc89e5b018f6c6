import DJModel

/// Where every deck plays on the mix's timeline: each track's passages (straight at its own tempo,
/// or following a transition's tempo ramp) and each transition's overlap. Times are seconds; a
/// passage maps mix time to file time exactly, so both decks of an overlap reach each beat at
/// the same moment.
public struct MixPlan: Sendable {
    /// One passage of a deck: from `mixStart` to `mixEnd` on the mix's timeline, starting at
    /// `sourceStart` in the file; straight (file time runs with mix time) without a ramp, else
    /// the file's beats follow the ramp's beats.
    public struct Passage: Hashable, Sendable {
        /// Start on the mix's timeline, seconds.
        public var mixStart: Double
        /// End on the mix's timeline, seconds.
        public var mixEnd: Double
        /// File time at `mixStart`, seconds.
        public var sourceStart: Double
        /// The tempo ramp followed, `nil` for the track's own tempo.
        public var ramp: TempoRamp?

        /// File time at mix time `time` (inside the passage), for a deck of `beatPeriod` seconds.
        public func sourceTime(atMix time: Double, beatPeriod: Double) -> Double {
            guard let ramp else { return sourceStart + (time - mixStart) }
            return sourceStart + ramp.beat(atSeconds: time - mixStart) * beatPeriod
        }
    }

    /// One track on the timeline.
    public struct Deck: Sendable {
        /// The track.
        public var track: MixTrack
        /// Its passages in order; contiguous.
        public var passages: [Passage]
        /// Where it stops sounding (after its passages for an echo-out's tail).
        public var mixEnd: Double
        /// Where it starts sounding.
        public var mixStart: Double { passages.first?.mixStart ?? mixEnd }
        /// Its solo part (no other deck sounding), for measuring its loudness in the mix.
        public var solo: ClosedRange<Double>
    }

    /// One transition on the timeline.
    public struct Overlap: Hashable, Sendable {
        /// Index of the outgoing deck (the incoming one is the next).
        public var outgoing: Int
        /// How it is mixed.
        public var technique: MixTechnique
        /// Where the outgoing deck reaches its out cue and the incoming one starts, seconds.
        public var start: Double
        /// Where the overlap ends (the outgoing deck is silent from here), seconds.
        public var end: Double
        /// The tempo ramp through it (constant for a cut or an echo-out: the incoming deck plays
        /// at its own tempo).
        public var ramp: TempoRamp
        /// Beats into the overlap where the bass changes deck.
        public var bassSwapBeat: Double
        /// Silence inserted before the incoming deck (a track that could not be played), seconds.
        public var gap: Double
        /// What the self-check measured before the overlap, and what was done (``TransitionMix/alignment``).
        public var alignment: BeatAlignment?
    }

    /// The decks, in play order.
    public var decks: [Deck]
    /// The transitions, `overlaps[i]` from deck `i` to deck `i + 1`.
    public var overlaps: [Overlap]
    /// The mix's length, seconds.
    public var duration: Double { decks.last?.mixEnd ?? 0 }

    /// Lays out `tracks` played from `firstInCue` in the first, joined by `mixes` (one per
    /// consecutive pair; `gaps[i]` seconds of silence before track `i + 1` when given). An overlap
    /// that would run past either track's end is shortened to the 8-beat multiple that fits, or
    /// becomes a cut; an out cue before the end of the incoming overlap moves to its end.
    /// - Throws: ``MixingError/invalidSet(_:)`` without tracks, for a track without tempo or
    ///   length, or when the mixes do not match the tracks.
    public init(tracks: [MixTrack], mixes: [TransitionMix], firstInCue: Double, gaps: [Double] = []) throws(MixingError) {
        guard !tracks.isEmpty else { throw .invalidSet("it has no tracks") }
        guard mixes.count == tracks.count - 1 else {
            throw .invalidSet("\(tracks.count) tracks need \(tracks.count - 1) transitions, found \(mixes.count)")
        }
        for track in tracks where !(track.bpm > 0 && track.duration > 0) {
            throw .invalidSet("\(track.name) has no tempo or no length")
        }
        var decks: [Deck] = [], overlaps: [Overlap] = []
        var mixTime = 0.0
        var sourceIn = min(max(0, firstInCue), tracks[0].duration)
        var incoming: (ramp: TempoRamp, beats: Double)?
        for (index, track) in tracks.enumerated() {
            var passages: [Passage] = []
            var source = sourceIn
            if let incoming {
                let length = incoming.ramp.duration
                passages.append(Passage(mixStart: mixTime, mixEnd: mixTime + length, sourceStart: source,
                                        ramp: incoming.ramp.isConstant && abs(incoming.ramp.from - track.bpm) < 0.001 ? nil : incoming.ramp))
                mixTime += length
                source += incoming.beats * track.beatPeriod
            }
            let soloStart = mixTime
            guard index < mixes.count else {
                passages.append(Passage(mixStart: mixTime, mixEnd: mixTime + max(0, track.duration - source), sourceStart: source, ramp: nil))
                let end = passages.last!.mixEnd
                decks.append(Deck(track: track, passages: passages, mixEnd: end, solo: soloStart...max(soloStart, end)))
                break
            }
            let mix = mixes[index], next = tracks[index + 1]
            let outCue = min(max(mix.outCue, source), track.duration)
            let nextIn = min(max(0, mix.inCue), next.duration)
            passages.append(Passage(mixStart: mixTime, mixEnd: mixTime + outCue - source, sourceStart: source, ramp: nil))
            mixTime += outCue - source
            let overlapStart = mixTime
            var technique = mix.technique
            // The overlap must fit in what is left of both tracks.
            var beats = Double(mix.beats)
            if technique == .blend || technique == .bassSwap {
                let room = min((track.duration - outCue) / track.beatPeriod, (next.duration - nextIn) / next.beatPeriod)
                if beats > room { beats = (room / 8).rounded(.down) * 8 }
                if beats < 8 { technique = .cut; beats = 0 }
            }
            let gap = index < gaps.count ? max(0, gaps[index]) : 0
            switch technique {
            case .blend, .bassSwap:
                let ramp = TempoRamp(from: track.bpm, to: next.bpm, beats: beats)
                passages.append(Passage(mixStart: mixTime, mixEnd: mixTime + ramp.duration, sourceStart: outCue,
                                        ramp: ramp.isConstant ? nil : ramp))
                let swap = technique == .bassSwap ? Double(mix.bassSwapBeat ?? Int(saturating: beats / 2)) : beats / 2
                overlaps.append(Overlap(outgoing: index, technique: technique, start: overlapStart, end: overlapStart + ramp.duration,
                                        ramp: ramp, bassSwapBeat: min(max(swap, 1), beats - 1), gap: 0, alignment: mix.alignment))
                decks.append(Deck(track: track, passages: passages, mixEnd: overlapStart + ramp.duration, solo: soloStart...overlapStart))
                incoming = (ramp, beats)
            case .echoOut:
                // The outgoing deck plays one more beat into the echo; the echo rings for the rest.
                let echoBeats = max(2, beats == 0 ? 8 : beats)
                let ramp = TempoRamp(from: track.bpm, to: track.bpm, beats: echoBeats)
                let feed = min(track.beatPeriod, track.duration - outCue)
                passages.append(Passage(mixStart: mixTime, mixEnd: mixTime + feed, sourceStart: outCue, ramp: nil))
                overlaps.append(Overlap(outgoing: index, technique: .echoOut, start: overlapStart, end: overlapStart + ramp.duration,
                                        ramp: ramp, bassSwapBeat: 0, gap: gap, alignment: mix.alignment))
                decks.append(Deck(track: track, passages: passages, mixEnd: overlapStart + ramp.duration, solo: soloStart...overlapStart))
                incoming = nil
            case .cut:
                let ramp = TempoRamp(from: track.bpm, to: track.bpm, beats: 0)
                overlaps.append(Overlap(outgoing: index, technique: .cut, start: overlapStart, end: overlapStart, ramp: ramp,
                                        bassSwapBeat: 0, gap: gap))
                decks.append(Deck(track: track, passages: passages, mixEnd: overlapStart, solo: soloStart...overlapStart))
                incoming = nil
            }
            mixTime = overlapStart + gap
            sourceIn = nextIn
        }
        self.decks = decks
        self.overlaps = overlaps
    }
}
