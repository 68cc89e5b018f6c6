import AudioIO
import DJModel
import Foundation
import SegueCore
import TrackSynth
import Testing

/// A DJ's corrections survive rescans and re-analysis, and are held back (kept, flagged) when the
/// file's audio changes, never applied to other audio.
@Suite struct TrackOverrideTests {
    private func writeHouse(bpm: Double, seed: UInt64, to path: String) throws {
        let spec = try SynthesisSpec(style: .house, bpm: bpm, key: MusicalKey(tonic: 9, mode: .minor), duration: 30, seed: seed,
                                     sampleRate: 22050, djIntroOutro: false)
        let samples = TrackSynthesizer().render(spec)
        try? FileManager.default.removeItem(atPath: path)
        try AudioEncoder().write(channels: [samples, samples], sampleRate: 22050, to: path)
    }

    @Test func overridesSurviveReanalysisAndAreHeldBackWhenTheAudioChanges() throws {
        let folder = NSTemporaryDirectory() + "segue-overrides-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/Someone - Groove.wav"
        try writeHouse(bpm: 124, seed: 3, to: file)
        try withTemporaryLibraryPath("overrides") { library in
            let core = try Segue(libraryPath: library)
            try core.scan([folder], jobs: 1)
            let track = try core.resolveTrack(file)
            let measured = try #require(track.analysis)
            #expect(abs(measured.tempo.bpm - 124) < 1)
            try core.updateOverrides(id: track.id.rawValue, with: TrackOverridePatch(bpm: .set(62), key: .set(MusicalKey(parsing: "3A")!)))

            // Analysed again (a BPM range re-analyses every file): the corrections still apply.
            let rescanned = try core.scan([folder], jobs: 1, bpmRange: 100...200)
            #expect(rescanned.analysed == 1)
            let kept = try core.resolveTrack(file)
            #expect(kept.analysis?.tempo.bpm == 62 && kept.analysis?.key.camelot == "3A")
            #expect(kept.overrides?.needsReview == false)

            // Other audio at the same path: kept, flagged, not applied.
            try writeHouse(bpm: 128, seed: 4, to: file)
            try core.scan([folder], jobs: 1)
            let changed = try core.resolveTrack(file)
            #expect(changed.overrides?.needsReview == true && changed.overrides?.bpm == 62)
            #expect(abs((changed.analysis?.tempo.bpm ?? 0) - 128) < 1, "the measured tempo of the new audio applies")
            let detail = try core.trackDetail(id: changed.id.rawValue)
            #expect(detail.overrides?.needsReview == true && abs(detail.bpm - 128) < 1)

            // Setting them again confirms them for the new audio.
            try core.updateOverrides(id: changed.id.rawValue, with: TrackOverridePatch(bpm: .set(64)))
            let confirmed = try core.resolveTrack(file)
            #expect(confirmed.overrides?.needsReview == false && confirmed.analysis?.tempo.bpm == 64)
        }
    }

    @Test func aDownbeatMovesTheGridAndKeepsEveryCueOnABar() throws {
        let structure = TrackStructure(downbeat: 1.9, barConfidence: 0.5, phrases: [1.9, 17.9, 33.9],
                                       sections: [TrackSection(label: .intro, start: 1.9, end: 17.9), TrackSection(label: .main, start: 17.9, end: 60)],
                                       mixIn: 17.9, mixOut: 33.9)
        let analysis = TrackAnalysis(duration: 60, tempo: Tempo(bpm: 120, firstBeat: 0.4, confidence: 0.2), key: MusicalKey(tonic: 0, mode: .major),
                                     keyConfidence: 0.3, loudness: -9, loudnessRange: 4, energy: 6, features: FeatureVector([]), structure: structure)
        let corrected = TrackOverrides(downbeat: 2.15).applied(to: analysis)
        #expect(abs(corrected.tempo.firstBeat - 0.15) < 1e-9 && corrected.tempo.confidence == 1)
        let bar = 2.0
        #expect(abs(corrected.structure!.downbeat - 0.15) < 1e-9)
        for time in corrected.structure!.phrases + [corrected.structure!.mixIn, corrected.structure!.mixOut] {
            let bars = (time - 0.15) / bar
            #expect(abs(bars - bars.rounded()) < 1e-9, "\(time) on a bar line")
        }
        #expect(corrected.structure!.sections.last!.end == 60, "the last section still ends with the track")
        let flagged = TrackOverrides(bpm: 60, needsReview: true).applied(to: analysis)
        #expect(flagged == analysis)
    }
}
