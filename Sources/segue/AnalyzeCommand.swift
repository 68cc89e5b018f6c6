import ArgumentParser
import Foundation
import SegueCore

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse audio files without a library and print CSV (path,duration,bpm,key,camelot,energy,loudness) or JSON lines.")

    enum OutputFormat: String, ExpressibleByArgument { case csv, jsonl }

    @Argument(help: "Audio files.")
    var files: [String]

    @Option(help: "csv or jsonl.")
    var format: OutputFormat = .csv

    func run() throws {
        let analyzer = AudioFileAnalyzer()
        if format == .csv { print("path,duration,bpm,key,camelot,energy,loudness") }
        var succeeded = 0
        for file in files {
            do {
                let result = try analyzer.analyze(path: file)
                let a = result.analysis
                switch format {
                case .csv:
                    let fields = [CSVField.quote(file), String(format: "%.2f", a.duration), String(format: "%.2f", a.tempo.bpm), a.key.name,
                                  a.key.camelot, String(a.energy), String(format: "%.1f", a.loudness)]
                    print(fields.joined(separator: ","))
                case .jsonl:
                    let object: [String: Any] = [
                        "path": file, "duration": a.duration, "bpm": a.tempo.bpm, "bpm_confidence": a.tempo.confidence,
                        "first_beat": a.tempo.firstBeat, "key": a.key.name, "camelot": a.key.camelot, "open_key": a.key.openKey,
                        "key_confidence": a.keyConfidence, "energy": a.energy, "loudness": a.loudness, "loudness_range": a.loudnessRange,
                        "artist": result.metadata.artist, "title": result.metadata.title,
                    ]
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

