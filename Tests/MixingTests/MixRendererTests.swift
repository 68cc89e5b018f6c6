import AudioIO
import DJModel
import Foundation
import Mixing
import Testing

/// Renders short sets of click tracks and checks what a DJ would hear: beats of both decks together
/// through a tempo ramp, every track at the target loudness, the peak under the ceiling, and
/// nothing left under the output name when a render stops.
@Suite struct MixRendererTests {
    /// A folder with two click tracks of 48 s (124 and 127 BPM, first beat at 0): a 2 ms burst
    /// on every beat over a 220 Hz tone, so each deck's beats can be found to the sample in
    /// the stems.
    struct Fixture {
        let folder: String
        let tracks: [MixTrack]

        /// `tone` is the 220 Hz tone's amplitude, `burst` the beat bursts'.
        init(tone: Double = 0.2, burst: Double = 0.6) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-render-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var tracks: [MixTrack] = []
            for (index, bpm) in [124.0, 127.0].enumerated() {
                let rate = 44_100.0, count = Int(48 * rate)
                var samples = (0..<count).map { Float(tone * sin(2 * Double.pi * 220 * Double($0) / rate)) }
                var beat = 0
                while true {
                    let start = Int((Double(beat) * 60 / bpm * rate).rounded())
                    guard start + 44 < count else { break }
                    // A 2 ms, 3 kHz burst with a sharp edge and a quick decay.
                    for offset in 0..<88 {
                        samples[start + offset] += Float(burst * exp(-Double(offset) / 30) * sin(2 * Double.pi * 3000 * Double(offset) / rate))
                    }
                    beat += 1
                }
                let path = "\(folder)/track\(index).wav"
                try AudioEncoder().write(channels: [samples, samples], sampleRate: 44_100, to: path, bitDepth: .twentyFour)
                tracks.append(MixTrack(path: path, name: "Track \(index)", bpm: bpm, firstBeat: 0, duration: Double(count) / rate))
            }
            self.tracks = tracks
        }

        /// A bass swap starting `outBars` bars into the first track.
        func plan(technique: MixTechnique = .bassSwap, beats: Int = 32, outBars: Double = 12) throws -> MixPlan {
            let mix = TransitionMix(outCue: outBars * 4 * tracks[0].beatPeriod, inCue: 0, beats: beats, technique: technique,
                                    bassSwapBeat: technique == .bassSwap ? beats / 2 : nil, tempoFrom: tracks[0].bpm, tempoTo: tracks[1].bpm,
                                    confident: true)
            return try MixPlan(tracks: tracks, mixes: [mix], firstInCue: 0)
        }
    }

    @Test func tempoRampsInvertAndLastAsLongAsTheirBeats() {
        let ramp = TempoRamp(from: 124, to: 127, beats: 32)
        #expect(abs(ramp.beat(atSeconds: ramp.seconds(atBeat: 13.5)) - 13.5) < 1e-9)
        // Between 32 beats at 124 and 32 beats at 127.
        #expect(ramp.duration < 32 * 60 / 124 && ramp.duration > 32 * 60 / 127)
        #expect(TempoRamp(from: 120, to: 120, beats: 8).duration == 4)
    }

    @Test func planLaysTheDecksOutBeatOnBeat() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let plan = try fixture.plan()
        #expect(plan.decks.count == 2 && plan.overlaps.count == 1)
        let overlap = plan.overlaps[0]
        #expect(abs(overlap.start - 12 * 4 * 60 / 124) < 1e-9)
        // Passages are contiguous, and at every beat of the overlap both decks are on a beat of their own.
        for deck in plan.decks {
            for (a, b) in zip(deck.passages, deck.passages.dropFirst()) { #expect(abs(a.mixEnd - b.mixStart) < 1e-9) }
        }
        let outgoing = plan.decks[0].passages.last!, incoming = plan.decks[1].passages.first!
        for beat in stride(from: 0.0, through: 32, by: 4) {
            let time = overlap.start + overlap.ramp.seconds(atBeat: beat)
            let outBeat = outgoing.sourceTime(atMix: time, beatPeriod: fixture.tracks[0].beatPeriod) / fixture.tracks[0].beatPeriod
            let inBeat = incoming.sourceTime(atMix: time, beatPeriod: fixture.tracks[1].beatPeriod) / fixture.tracks[1].beatPeriod
            #expect(abs(outBeat - (48 + beat)) < 1e-6 && abs(inBeat - beat) < 1e-6)
        }
        #expect(abs(plan.duration - (overlap.start + fixture.tracks[1].duration)) < overlap.ramp.duration)
    }

    @Test func overlapsThatDoNotFitAreShortenedOrCut() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        // 16 bars before the end of a 24-bar track leave room for 32 beats, not 64.
        let near = try fixture.plan(beats: 64, outBars: 16)
        #expect(near.overlaps[0].ramp.beats == 32)
        let end = try fixture.plan(beats: 64, outBars: 24.5)
        #expect(end.overlaps[0].technique == .cut)
    }

    @Test func renderedDecksHitTheirBeatsTogetherAtTheTarget() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let plan = try fixture.plan()
        let stems = "\(fixture.folder)/stems", out = "\(fixture.folder)/mix.flac"
        let report = try MixRenderer(plan: plan, options: RenderOptions(stemsFolder: stems)).render(to: out)
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(abs(report.duration - plan.duration) < 0.01)
        let names = try FileManager.default.contentsOfDirectory(atPath: stems).sorted()
        #expect(names == ["01-in.wav", "01-out.wav", "01.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder).allSatisfy { !$0.contains(".part") })
        let description = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(stems)/01.json"))) as? [String: Any]
        let start = try #require(description?["start"] as? Double), overlapStart = try #require(description?["overlapStart"] as? Double)
        #expect(abs(overlapStart - plan.overlaps[0].start) < 1e-6 && start < overlapStart)
        let outgoing = try AudioFileReader(path: "\(stems)/01-out.wav", sampleRate: 44_100).read(frames: 10_000_000)
        let incoming = try AudioFileReader(path: "\(stems)/01-in.wav", sampleRate: 44_100).read(frames: 10_000_000)
        let ramp = plan.overlaps[0].ramp
        let beats = stride(from: 1.0, to: ramp.beats, by: 1).map { overlapStart - start + ramp.seconds(atBeat: $0) }
        let offsets = ClickAlignment.offsets(out: outgoing, in: incoming, beatTimes: beats, sampleRate: 44_100).map(abs).sorted()
        try #require(offsets.count >= 24, "attacks found at \(offsets.count) of \(beats.count) beats")
        let median = offsets[offsets.count / 2], p95 = offsets[Int(Double(offsets.count - 1) * 0.95)]
        #expect(median < 5 && p95 < 15, "beat offsets between the decks: median \(median) ms, 95th percentile \(p95) ms")
        // Loudness and peak.
        for track in report.tracks {
            let loudness = try #require(track.mixLoudness, "\(track.name) not measured")
            #expect(abs(loudness - -14) <= 1, "\(track.name): \(loudness) LUFS in the mix")
        }
        #expect(try #require(report.truePeak) <= -1)
    }

    /// Quiet tracks with loud beats: the gain that brings them to the target drives every beat
    /// into the limiter, which takes loudness back; the renderer measures them through the limiter
    /// and makes that up, so they still reach the target.
    @Test func tracksBoostedIntoTheLimiterStillReachTheTarget() throws {
        let fixture = try Fixture(tone: 0.08, burst: 0.95)
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let report = try MixRenderer(plan: try fixture.plan()).render(to: "\(fixture.folder)/mix.wav")
        for track in report.tracks {
            let source = try #require(track.sourceLoudness), loudness = try #require(track.mixLoudness)
            #expect(track.gainDB > -14 - source + 0.2, "\(track.name): no make-up (\(source) LUFS, \(track.gainDB) dB)")
            #expect(abs(loudness - -14) <= 0.5, "\(track.name): \(loudness) LUFS in the mix")
        }
        #expect(try #require(report.truePeak) <= -1)
    }

    @Test func aCancelledRenderLeavesNoFile() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let out = "\(fixture.folder)/mix.wav"
        var polls = 0
        #expect(throws: MixingError.cancelled) {
            _ = try MixRenderer(plan: try fixture.plan()).render(to: out, isCancelled: { polls += 1; return polls > 6 })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder).sorted() == ["track0.wav", "track1.wav"])
    }

    @Test func aPreviewReelHoldsTheSecondsAroundEachTransition() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let out = "\(fixture.folder)/reel.wav"
        let report = try MixRenderer(plan: try fixture.plan(), options: RenderOptions(previewSeconds: 20)).render(to: out)
        #expect(abs(report.duration - 20) < 0.01)
        #expect(report.transitions.count == 1 && report.transitions[0].overlapStart < 10 && report.transitions[0].overlapEnd > 10)
        #expect(throws: MixingError.self) { try MixRenderer(plan: try fixture.plan(), options: RenderOptions(stemsFolder: "x", previewSeconds: 20)) }
    }
}
