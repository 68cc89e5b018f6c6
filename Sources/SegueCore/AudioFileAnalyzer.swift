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
    private let analyzer: TrackAnalyzer

    /// Creates an analyser with the given estimator parameters.
    public init(analyzer: TrackAnalyzer = TrackAnalyzer()) { self.analyzer = analyzer }

    /// Analyses the file at `path`.
    /// - Throws: ``SegueError`` naming the file when it cannot be decoded or is too short.
    public func analyze(path: String) throws(SegueError) -> Result {
        // Decoded blocks go straight into the analysis session: memory stays flat on long mixes.
        var started: Swift.Result<TrackAnalysisSession, AnalysisError>?
        let analyzer = self.analyzer
        let decoded = Swift.Result<StreamFormat, AudioIOError> { () throws(AudioIOError) -> StreamFormat in
            var source: StreamFormat?
            return try decoder.stream(path: path, sampleRate: TrackAnalyzer.analysisSampleRate, onStart: { format in
                source = format
                started = Swift.Result { () throws(AnalysisError) -> TrackAnalysisSession in try analyzer.session(sampleRate: format.sampleRate, sourceChannels: format.sourceChannels) }
            }, onSourceFrames: { frames in
                // Loudness on the file's own channels and rate (BS.1770), not on the mono downmix.
                if case .success(let session) = started, let source {
                    session.addSourceFrames(frames, channels: source.sourceChannels, sampleRate: source.sourceSampleRate)
                }
            }) { block in
                if case .success(let session) = started { session.add(block) }
            }
        }
        if case .failure(let error) = decoded { throw SegueError(.ioFailure, error.description) }
        let session: TrackAnalysisSession
        switch started {
        case .success(let value): session = value
        case .failure(let error): throw SegueError(.invalidInput, "\(path): \(error)")
        case nil: throw SegueError(.ioFailure, "\(path): no audio stream")
        }
        let analysis: TrackAnalysis
        do { analysis = try session.finish() } catch {
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
