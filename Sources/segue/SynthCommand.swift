import ArgumentParser
import AudioIO
import Foundation
import SegueCore
import TrackSynth
import DJModel

extension DJStyle: ExpressibleByArgument {}

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Synthesise a track with a known style, tempo and key (WAV, AIFF, FLAC, OGG or MP3 by extension).")

    @Option(help: "Style: \(DJStyle.allCases.map(\.rawValue).joined(separator: ", ")).") var style: DJStyle = .house
    @Option(help: "Tempo in BPM.") var bpm: Double = 124
    @Option(help: "Key, e.g. 'A minor', 'F#m' or '8A'.") var key: String = "A minor"
    @Option(help: "Length in seconds.") var seconds: Double = 30
    @Option(help: "Sample rate in Hz.") var sampleRate: Int = 44100
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Artist tag.") var artist: String = "TrackSynth"
    @Option(help: "Title tag (default: style, tempo and key).") var title: String?
    @Option(help: "Added white noise relative to the mix RMS (0 = none).") var noise: Float = 0
    @Option(help: "Reverb amount 0…1.") var reverb: Float = 0
    @Option(help: "Tuning: deviation of A4 from 440 Hz in cents (−50…50).") var tuning: Double = 0
    @Option(help: "Output file.") var out: String

    func run() throws {
        guard let musicalKey = MusicalKey(parsing: key) else { throw ValidationError("'\(key)' is not a key (try 'A minor', 'F#m' or '8A')") }
        let spec = try SynthesisSpec(style: style, bpm: bpm, key: musicalKey, duration: seconds, seed: seed, sampleRate: sampleRate,
                                     noiseLevel: noise, reverb: reverb, djIntroOutro: seconds >= 60, tuningCents: tuning)
        let samples = TrackSynthesizer().render(spec)
        let name = title ?? "\(style.displayName) \(bpm) BPM \(musicalKey.name)"
        try AudioEncoder().write(channels: [samples], sampleRate: sampleRate, to: out,
                                 metadata: TrackMetadata(artist: artist, title: name, album: "TrackSynth", genre: style.displayName))
        Console.say("Wrote \(out): \(style.displayName), \(bpm) BPM, \(musicalKey.name) (\(musicalKey.camelot)), \(seconds) s")
    }
}
