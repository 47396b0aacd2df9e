#ifndef JIANZHENG_SQLITE_SHIM_H
#define JIANZHENG_SQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a destructor: bound text is copied by SQLite.
static inline void (*jz_sqlite_transient(void))(void *) {
    return SQLITE_TRANSIENT;
}
#endif
