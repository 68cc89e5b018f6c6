import Foundation
import Analysis
import AudioIO
import DJModel

/// Decodes one audio file, reads its tags and analyses it: the unit of work of `scan` and `analyze`.
public struct AudioFileAnalyzer: Sendable {
    /// Tags, analysis and the decoded length of one file.
    public struct Result: Sendable {
        /// The file's tags (artist and title fall back to the file name when missing).
        public var metadata: TrackMetadata
        /// The analysis.
        public var analysis: TrackAnalysis
    }

    private let decoder = try! AudioDecoder()
    private let analyzer = TrackAnalyzer()

    /// Creates an analyser.
    public init() {}

    /// Analyses the file at `path`.
    /// - Throws: ``SegueError`` naming the file when it cannot be decoded or is too short.
    public func analyze(path: String) throws(SegueError) -> Result {
        let audio: DecodedAudio
        do { audio = try decoder.decode(path: path, sampleRate: TrackAnalyzer.analysisSampleRate) } catch {
            throw SegueError(.ioFailure, error.description)
        }
        let analysis: TrackAnalysis
        do { analysis = try analyzer.analyze(samples: audio.samples, sampleRate: audio.sampleRate, sourceChannels: audio.sourceChannels) } catch {
            throw SegueError(.invalidInput, "\(path): \(error)")
        }
        var metadata = TagReader().read(path: path).metadata
        if metadata.title.isEmpty {
            let name = (path as NSString).lastPathComponent
            let stem = (name as NSString).deletingPathExtension
            let parts = stem.components(separatedBy: " - ")
            if parts.count >= 2 && metadata.artist.isEmpty {
                metadata.artist = parts[0]
                metadata.title = parts.dropFirst().joined(separator: " - ")
            } else {
                metadata.title = stem
            }
        }
        return Result(metadata: metadata, analysis: analysis)
    }
}
