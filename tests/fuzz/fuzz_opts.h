/*
 * fuzz_opts.h - the options the reading targets check and write with:
 * every part of a report written (internal audience, the report's own
 * language), the agency profile's checks on a fixed day.
 */
#ifndef CR_FUZZ_OPTS_H
#define CR_FUZZ_OPTS_H

#include "crtools.h"

static inline void
fuzz_opts(cr_write_opts *w, cr_check_opts *c)
{
	cr_write_opts all = {.lang = CR_LANG_INVALID,
			     .audience = CR_AUDIENCE_INTERNAL};

	*w = all;
	cr_check_opts_init(c, CR_PROFILE_AGENCY);
	c->now = 1795000000; /* 2026-11-18 */
}

#endif
