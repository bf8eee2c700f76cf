import PostgresNIO

extension PostgresStore {
    /// The TLS settings of `PostgresURL.TLSMode`, in the two shapes postgres-nio takes them.
    struct TLSSettings: Sendable {
        var connection: PostgresConnection.Configuration.TLS
        var client: PostgresClient.Configuration.TLS
    }

    /// libpq's meaning of `sslmode`: `prefer` and `require` encrypt without checking the certificate.
    static func tls(_ mode: PostgresURL.TLSMode) throws -> TLSSettings {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if mode != .verifyFull { configuration.certificateVerification = .none }
        switch mode {
        case .disable:
            return TLSSettings(connection: .disable, client: .disable)
        case .prefer:
            let context = try NIOSSLContext(configuration: configuration)
            return TLSSettings(connection: .prefer(context), client: .prefer(configuration))
        case .require, .verifyFull:
            let context = try NIOSSLContext(configuration: configuration)
            return TLSSettings(connection: .require(context), client: .require(configuration))
        }
    }
}
