import AlmanacStore
import Hummingbird

/// `GET /api/v1/stats`: how much the archive holds.
extension ArchiveAPI {
    func stats() async throws -> Response {
        try JSONBody.response(try await store.fetchStats())
    }
}
