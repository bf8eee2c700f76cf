#ifndef ALMANAC_CSQLITE_SETUP_H
#define ALMANAC_CSQLITE_SETUP_H

/// Process-wide SQLite settings that only C can make: `sqlite3_config` takes variable arguments,
/// which Swift does not import.
///
/// Puts SQLite in multi-thread mode (no mutex taken on every call into a connection or statement;
/// GRDB already uses each connection from one thread at a time) and stops its count of allocated
/// memory (a global mutex and a `malloc_usable_size` on every allocation).
///
/// Takes effect only before SQLite initialises, that is before the process opens its first
/// connection; later it changes nothing and returns a nonzero SQLite result code. Returns 0 when
/// both settings were made.
int almanac_sqlite_configure_process(void);

#endif
