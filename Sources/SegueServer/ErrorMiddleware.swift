import Hummingbird
import SegueCore

/// Turns every error thrown below it into a `{ "error": message }` JSON response, so that no
/// request ever gets an HTML page or a dropped connection.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            return JSONResponses.error(error)
        } catch let error as SegueError {
            return JSONResponses.error(ServerError(error))
        } catch let error as HTTPError {
            return JSONResponses.error(ServerError(status: Int(error.status.code), message: error.body ?? error.status.reasonPhrase))
        } catch {
            context.logger.error("unhandled error: \(error)")
            return JSONResponses.error(ServerError(status: 500, message: "internal error"))
        }
    }
}
