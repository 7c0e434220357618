/*
 * xlsx.h - the WIP as an XLSX workbook through libxlsxwriter. It lives in
 * cmd/ rather than lib/ because libxlsxwriter prints its own errors on
 * stderr, which the library never does, and writes to a file path.
 */
#ifndef CR_WIP_XLSX_H
#define CR_WIP_XLSX_H

#include "crtools.h"
#include "paths.h"

/*
 * Writes the workbook to `path` (created or truncated): sheets WIP (w's
 * rows), Jobs, Reports, Agreements (v) and Owners; the document's
 * creation time is w->now, so the same rows and now give the same bytes.
 * (Kept to 1900-9999, valid W3CDTF.) File cells are shown and linked
 * through `paths`. The number of dated reports goes into the document's
 * subject. The views' sheets are written on up to `jobs` threads; the
 * bytes are the same whatever their number.
 * libxlsxwriter's own log lines are kept from the user; a failure is
 * reported as "PROG: SHOWN: REASON" (SHOWN the output as the user knows
 * it, never a temporary file). 0, or -1.
 */
int wip_xlsx_write(const cr_wip *w, const cr_wip_views *v,
		   const wip_paths *paths, int jobs, const char *path,
		   const char *shown, const char *prog);

#endif
