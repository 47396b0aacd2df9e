#ifndef JIANZHENG_CLIBXML2_SHIM_H
#define JIANZHENG_CLIBXML2_SHIM_H
// libxml2 for Swift. ICU is hidden because Foundation on Linux carries its own ICU module and the two
// clash ("'UErrorCode' has different definitions") on a clean build; nothing here needs the ICU fields.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/HTMLparser.h>

/// xmlFree is a function-like macro on Debian builds; Swift cannot call it.
static inline void jz_xmlFree(void *pointer) { xmlFree(pointer); }
#endif
