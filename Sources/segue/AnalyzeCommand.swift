import ArgumentParser
import Analysis
import Foundation
import SegueCore
import DJModel

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse audio files without a library and print CSV (path,duration,bpm,key,camelot,energy,loudness) or JSON lines (also confidences, beat grid, drift, tuning, Open Key, loudness range, pitch-class profile).")

    enum OutputFormat: String, ExpressibleByArgument { case csv, jsonl }

    @Argument(help: "Audio files.")
    var files: [String]

    @Option(help: "csv or jsonl.")
    var format: OutputFormat = .csv

    @Option(help: "Key profile: \(KeyProfile.named.keys.sorted().joined(separator: ", ")).")
    var keyProfile: String = "learned"

    @Option(help: "Lowest frequency of the key's spectral peaks, Hz.")
    var keyLowHz: Double = KeyConfiguration.standard.peakRange.lowerBound

    @Option(help: "Highest frequency of the key's spectral peaks, Hz.")
    var keyHighHz: Double = KeyConfiguration.standard.peakRange.upperBound

    @Option(help: "Weight of the bass-register (< 200 Hz) profile added to the key profile (0…2).")
    var keyBassWeight: Double = KeyConfiguration.standard.bassWeight

    @Option(help: "Peaks below this frequency count in proportion to it (Hz; 0 = off).")
    var keyBassRampHz: Double = KeyConfiguration.standard.bassRampHz

    @Option(help: "Report tempi only within LOW-HIGH BPM (e.g. 88-175; it must hold an octave).")
    var bpmRange: BPMRangeArgument?

    func run() throws {
        guard let profile = KeyProfile.named[keyProfile] else {
            throw ValidationError("unknown key profile '\(keyProfile)'; use one of \(KeyProfile.named.keys.sorted().joined(separator: ", "))")
        }
        guard keyLowHz >= 20, keyHighHz >= 2 * keyLowHz else { throw ValidationError("key peak range must start at 20 Hz or more and span an octave") }
        let key = try KeyConfiguration(profile: profile, bassWeight: keyBassWeight, peakRange: keyLowHz...keyHighHz, bassRampHz: keyBassRampHz)
        let tempo = try bpmRange.map { try TempoConfiguration.within($0.range) } ?? .standard
        let analyzer = AudioFileAnalyzer(analyzer: TrackAnalyzer(tempo: tempo, key: key))
        if format == .csv {
            // The header is a contract (README, `analyze`); the other measurements are in --format jsonl.
            print("path,duration,bpm,key,camelot,energy,loudness")
        }
        var succeeded = 0
        for file in files {
            do {
                let result = try analyzer.analyze(path: file)
                let a = result.analysis
                switch format {
                case .csv:
                    let fields = [CSVField.quoteText(file), String(format: "%.2f", a.duration), String(format: "%.2f", a.tempo.bpm), a.key.name,
                                  a.key.camelot, String(a.energy), String(format: "%.1f", a.loudness)]
                    print(fields.joined(separator: ","))
                case .jsonl:
                    var object: [String: Any] = [
                        "path": file, "duration": a.duration, "bpm": a.tempo.bpm, "bpm_confidence": a.tempo.confidence,
                        "first_beat": a.tempo.firstBeat, "tempo_drift": a.tempo.drift, "variable_tempo": a.tempo.isVariable,
                        "tuning_cents": a.tuningCents, "chroma": a.chroma, "key": a.key.name, "camelot": a.key.camelot, "open_key": a.key.openKey,
                        "key_confidence": a.keyConfidence, "energy": a.energy, "loudness": a.loudness, "loudness_range": a.loudnessRange,
                        "artist": result.metadata.artist, "title": result.metadata.title,
                    ]
                    if let structure = a.structure {
                        object["downbeat"] = structure.downbeat
                        object["bar_confidence"] = structure.barConfidence
                        object["phrases"] = structure.phrases
                        object["sections"] = structure.sections.map { ["label": $0.label.rawValue, "start": $0.start, "end": $0.end] }
                        object["mix_in"] = structure.mixIn
                        object["mix_out"] = structure.mixOut
                    }
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                    print(String(decoding: data, as: UTF8.self))
                }
                succeeded += 1
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            }
        }
        if succeeded == 0 { throw ExitCode(1) }
    }
}

