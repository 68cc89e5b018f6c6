import Foundation
import Hummingbird
import SegueCore

/// `POST /sets/{id}/render` (202 with the job; 409 while another render runs), `GET
/// /renders/{id}`, `GET /renders/{id}/events` (progress as server-sent events), `GET
/// /renders/{id}/audio` (the mix as MP3 once finished) and `GET
/// /sets/{id}/transitions/{n}/preview` (about 40 s around transition n as MP3, rendered on
/// request and kept).
struct RenderRoutes {
    /// The use cases.
    let core: Segue
    /// The render jobs and previews of this server.
    let renders: RenderJobs

    /// The five routes.
    var routes: RouteCollection<BasicRequestContext> {
        let collection = RouteCollection(context: BasicRequestContext.self)
        collection.post(RouterPath(APIRoute.render.routerPath)) { [core, renders] _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            let layout = try await BlockingWork.run { () throws in
                let set = try core.savedSet(id: id)
                do throws(SegueError) { return try core.renderLayout(forStored: set) } catch {
                    throw ServerError(status: error.kind == .notFound ? 404 : 400, message: error.message)
                }
            }
            return try JSONResponses.encode(try renders.start(layout: layout, setId: id).status, status: .accepted)
        }
        collection.get(RouterPath(APIRoute.renderJob.routerPath)) { [renders] _, context -> Response in
            try JSONResponses.encode(try renders.job(context.parameters.get("id") ?? "").status)
        }
        collection.get(RouterPath(APIRoute.renderEvents.routerPath)) { [renders] _, context -> Response in
            let job = try renders.job(context.parameters.get("id") ?? "")
            return ScanEventStream.response { job.events(from: $0) }
        }
        collection.get(RouterPath(APIRoute.renderAudio.routerPath)) { [renders] request, context -> Response in
            try CrossSiteMedia.refuse(request)
            let job = try renders.job(context.parameters.get("id") ?? "")
            switch job.state {
            case .running: throw ServerError(status: 409, message: "the render is still running; follow \(APIRoute.renderEvents.rawValue)")
            case .failed: throw ServerError(status: 404, message: "the render failed: \(job.status.error ?? "unknown error")")
            case .finished: return try AudioFileResponse.mp3(at: job.path, fileName: "segue-mix-\(job.setId).mp3")
            }
        }
        collection.get(RouterPath(APIRoute.transitionPreview.routerPath)) { [core, renders] request, context -> Response in
            try CrossSiteMedia.refuse(request)
            let id = context.parameters.get("id") ?? ""
            guard let number = context.parameters.get("n").flatMap({ Int($0) }) else {
                throw ServerError(status: 400, message: "the transition must be a whole number (1 = into the second track)", field: "n")
            }
            let set = try await BlockingWork.run { try core.savedSet(id: id) }
            let path = try await renders.preview(setId: id, number: number) { path throws(SegueError) in
                _ = try core.renderTransitionPreview(ofStored: set, number: number, to: path)
            }
            return try AudioFileResponse.mp3(at: path, fileName: "segue-transition-\(number).mp3")
        }
        return collection
    }
}
