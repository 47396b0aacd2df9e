#ifndef JIANZHENG_ZLIB_SHIM_H
#define JIANZHENG_ZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro; raw deflate (no zlib header), as in ZIP entries.
static inline int jz_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}
#endif
