import AlmanacStore
import Testing

struct PostgresURLTests {
    @Test func readsEveryPartOfAURL() throws {
        let url = try PostgresURL(parsing: "postgresql://ar%40chive:p%2Fss@db.example:6543/almanac?sslmode=require")
        #expect(url.username == "ar@chive")
        #expect(url.password == "p/ss")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.database == "almanac")
        #expect(url.tls == .require)
        #expect(url.socketDirectory == nil)
    }

    @Test func fillsInWhatLibpqFillsIn() throws {
        let url = try PostgresURL(parsing: "postgres://almanac@localhost")
        #expect(url.port == 5432)
        #expect(url.database == "almanac")
        #expect(url.password == nil)
        #expect(url.tls == .prefer)
    }

    @Test func readsIPv6HostsAndSocketFolders() throws {
        #expect(try PostgresURL(parsing: "postgres://a@[::1]:5433/db").host == "::1")
        let socket = try PostgresURL(parsing: "postgres://a@localhost:5433/db?host=/run/postgresql")
        #expect(socket.socketDirectory == "/run/postgresql")
    }

    @Test func neverShowsThePassword() throws {
        let url = try PostgresURL(parsing: "postgres://a:secret@h:1/d")
        #expect(url.description == "postgres://a:***@h:1/d")
        let error = #expect(throws: PostgresURLError.self) { try PostgresURL(parsing: "postgres://a:secret@h:1/d/e") }
        #expect(error?.description.contains("secret") == false)
        #expect(error?.description.contains("postgres://a:***@h:1/d/e") == true)
    }

    @Test(arguments: [
        ("postgres://h/db", "names no user"),
        ("postgres://a@/db", "names no host"),
        ("postgres://a@h:99999/db", "port"),
        ("postgres://a@h/db/more", "just the database name"),
        ("postgres://a@h/db?sslmode=sometimes", "sslmode must be one of"),
        ("postgres://a@h/db?host=relative", "absolute path"),
        ("postgres://a@h/db?pool=3", "unknown parameter 'pool'"),
    ])
    func saysWhatIsWrong(url: String, reason: String) {
        let error = #expect(throws: PostgresURLError.self) { try PostgresURL(parsing: url) }
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
    }

    @Test func tellsURLsFromPaths() throws {
        #expect(try StoreLocation("postgres://a@h/db") == .postgres(PostgresURL(parsing: "postgres://a@h/db")))
        #expect(try StoreLocation("POSTGRESQL://a@h/db") == .postgres(PostgresURL(parsing: "postgresql://a@h/db")))
        #expect(try StoreLocation("almanac.sqlite") == .sqlite(path: "almanac.sqlite"))
        #expect(try StoreLocation("postgres.sqlite") == .sqlite(path: "postgres.sqlite"))
        #expect(try StoreLocation("/data/postgres:old/a.sqlite") == .sqlite(path: "/data/postgres:old/a.sqlite"))
    }
}
