import Testing

/// Gives a suite its own `TemporaryPostgres` and stops it when the suite ends, even when tests fail.
struct TemporaryPostgresTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let postgres = TemporaryPostgres()
        do {
            try await TemporaryPostgres.$current.withValue(postgres) { try await function() }
        } catch {
            await postgres.stop()
            throw error
        }
        await postgres.stop()
    }
}

extension Trait where Self == TemporaryPostgresTrait {
    /// A throwaway PostgreSQL server for the suite, started when a test first asks for a database.
    static var temporaryPostgres: Self { Self() }
}

extension TemporaryPostgres {
    /// The server of the running suite; fails the test when the suite lacks `.temporaryPostgres`.
    static func required() throws -> TemporaryPostgres {
        guard let current else {
            throw TemporaryPostgresError("this suite needs the .temporaryPostgres trait")
        }
        return current
    }
}
