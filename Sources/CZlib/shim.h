// zlib from the system (Debian: zlib1g-dev), for compressing page text in SQLite archives.
#include <zlib.h>
