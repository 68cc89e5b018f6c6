import Foundation
import SegueCore
import SegueTools

/// A small demo library (16 tracks of 45–75 s at 22.05 kHz), built once per test process.
enum SmallDemo {
    static let report: Result<DemoReport, SegueError> = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segue-core-demo-\(UUID().uuidString)").path
        let options = Segue.DemoOptions.quick(tracks: 16, seconds: 45...75, setMinutes: 4, bridgeMinutes: 2)
        return Result { () throws(SegueError) in try Segue.runDemo(directory: directory, options: options) }
    }()
}
