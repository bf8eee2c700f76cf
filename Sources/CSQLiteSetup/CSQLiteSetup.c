#include "CSQLiteSetup.h"

#include <sqlite3.h>

int almanac_sqlite_configure_process(void) {
    int threading = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (threading != SQLITE_OK) {
        return threading;
    }
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
