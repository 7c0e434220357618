/*
 * inject_errors.c - an LD_PRELOAD library that makes output fail on cue,
 * for the tests of atomic output (after jq's src/inject_errors.c). As
 * root, permissions do not stop a write, and a full disk cannot be had
 * on demand; this can.
 *
 *   CR_INJECT=CALL:WHAT   CALL one of mkstemp, fwrite, fsync, rename;
 *                         WHAT an errno name (ENOSPC, EROFS, EIO, EACCES)
 *                         or a signal to raise there (TERM, KILL)
 *   CR_INJECT=fifo:NAME   a file whose path ends in NAME is replaced by a
 *                         FIFO just before open() opens it: a report
 *                         swapped between a walk and the read
 *   CR_INJECT=read:short  read() of a regular file gives at most 7 bytes
 *                         at a time, as some FUSE file systems do
 *
 * Only writes to regular files other than standard output and error
 * are touched, so that the tool can still say what went wrong.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What to do in `call`: 0 nothing, >0 an errno to fail with, <0 a signal
 * to raise (negated). */
static int
cue(const char *call)
{
	const char *e = getenv("CR_INJECT"), *what;
	size_t n = strlen(call);

	if (e == NULL || strncmp(e, call, n) != 0 || e[n] != ':')
		return 0;
	what = e + n + 1;
	if (strcmp(what, "ENOSPC") == 0)
		return ENOSPC;
	if (strcmp(what, "EROFS") == 0)
		return EROFS;
	if (strcmp(what, "EIO") == 0)
		return EIO;
	if (strcmp(what, "EACCES") == 0)
		return EACCES;
	if (strcmp(what, "TERM") == 0)
		return -SIGTERM;
	if (strcmp(what, "KILL") == 0)
		return -SIGKILL;
	return 0;
}

/* Acts on the cue: raises the signal, or sets errno and returns 1. */
static int
act(const char *call)
{
	int c = cue(call);

	if (c < 0)
		raise(-c);
	if (c > 0) {
		errno = c;
		return 1;
	}
	return 0;
}

static int
regular_output(int fd)
{
	struct stat st;

	return fd > 2 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

static void
swap_for_fifo(const char *path)
{
	const char *e = getenv("CR_INJECT");
	size_t n, m;

	if (e == NULL || strncmp(e, "fifo:", 5) != 0)
		return;
	n = strlen(path);
	m = strlen(e + 5);
	if (n >= m && strcmp(path + n - m, e + 5) == 0 && unlink(path) == 0)
		mkfifo(path, 0644);
}

/* An unnamed temporary file (O_TMPFILE) fails on the mkstemp cue too:
 * both make the file beside the target. */
int
open(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE
		   ? va_arg(ap, int)
		   : 0;
	va_end(ap);
	if ((flags & O_TMPFILE) == O_TMPFILE && act("mkstemp"))
		return -1;
	swap_for_fifo(path);
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "open");
	return real(path, flags, mode);
}

ssize_t
read(int fd, void *p, size_t n)
{
	static ssize_t (*real)(int, void *, size_t);
	const char *e = getenv("CR_INJECT");
	struct stat st;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "read");
	if (e != NULL && strcmp(e, "read:short") == 0 && n > 7 &&
	    fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		n = 7;
	return real(fd, p, n);
}

int
mkstemp(char *tmpl)
{
	static int (*real)(char *);

	if (act("mkstemp"))
		return -1;
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "mkstemp");
	return real(tmpl);
}

size_t
fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
	static size_t (*real)(const void *, size_t, size_t, FILE *);

	if (regular_output(fileno(fp)) && act("fwrite"))
		return 0;
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "fwrite");
	return real(p, size, n, fp);
}

int
fsync(int fd)
{
	static int (*real)(int);

	if (regular_output(fd) && act("fsync"))
		return -1;
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	return real(fd);
}

int
rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);

	if (act("rename"))
		return -1;
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "rename");
	return real(from, to);
}
