// CCmarkGFM: the system library cmark-gfm (with its GitHub extensions) as a Swift module, for
// BriefMarkdown alone. Depends on the libcmark-gfm-dev and libcmark-gfm-extensions-dev packages (pkg-config).
#ifndef BRIEF_CCMARKGFM_SHIM_H
#define BRIEF_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
