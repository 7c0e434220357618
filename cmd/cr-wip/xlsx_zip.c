/*
 * xlsx_zip.c - the deflate level of the workbook's parts.
 *
 * libxlsxwriter (1.1.4, Debian's) has minizip deflate every part of the
 * workbook at zlib's default level, 6, and no option to choose another.
 * The sheets of a WIP are plain, repetitive XML (400 MB of it for 100,000
 * reports), and at level 6 their deflate is a third of cr-wip's time, on
 * one core, after every other core is done. Level 2, zlib's fast
 * strategy, does it in under half the time for a file some 20 % larger.
 *
 * This definition of minizip's zipOpenNewFileInZip4_64 is found by the
 * dynamic linker before libminizip's (a program's symbols come first), so
 * libxlsxwriter's call lands here; it passes the call on to minizip with
 * the level changed and nothing else. minizip records the level in each
 * part's flags (2 is "fast"), which the tests read back.
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>

#include <xlsxwriter/third_party/zip.h>

#define XLSX_DEFLATE_LEVEL 2

int
zipOpenNewFileInZip4_64(zipFile file, const char *filename,
			const zip_fileinfo *zipfi, const void *extra_local,
			uInt size_extra_local, const void *extra_global,
			uInt size_extra_global, const char *comment, int method,
			int level, int raw, int window_bits, int mem_level,
			int strategy, const char *password, uLong crc_crypting,
			uLong version_made_by, uLong flag_base, int zip64)
{
	__typeof__(zipOpenNewFileInZip4_64) *next; /* minizip's own */
	void *sym = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");

	if (sym == NULL)
		return ZIP_INTERNALERROR;
	*(void **)&next = sym; /* a function pointer from dlsym (POSIX) */
	if (method == Z_DEFLATED && !raw && level == Z_DEFAULT_COMPRESSION)
		level = XLSX_DEFLATE_LEVEL;
	return next(file, filename, zipfi, extra_local, size_extra_local,
		    extra_global, size_extra_global, comment, method, level,
		    raw, window_bits, mem_level, strategy, password,
		    crc_crypting, version_made_by, flag_base, zip64);
}
