/*
 * output.c - atomic output: a temporary file beside the target (unnamed
 * with O_TMPFILE where the file system has it), fsync, link or rename.
 * Streams (standard output, FIFOs, devices) are written into, never
 * replaced. The name of a named temporary file is kept in a process-wide
 * slot so that a signal handler can remove it: that state lives in cmd/,
 * never in lib/.
 */
#define _GNU_SOURCE /* O_TMPFILE, program_invocation_short_name */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The temporary file to remove when a signal stops the tool. */
static char cleanup_path[4096];
static volatile sig_atomic_t cleanup_armed;
/* Standard output's failure was already said (by cli_output_commit). */
static int stdout_reported;

static void
on_signal(int sig)
{
	if (cleanup_armed)
		unlink(cleanup_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
arm_cleanup(const char *tmp)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
	struct sigaction sa;
	size_t i;

	if (strlen(tmp) >= sizeof(cleanup_path))
		return;
	cleanup_armed = 0;
	memcpy(cleanup_path, tmp, strlen(tmp) + 1);
	cleanup_armed = 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

static void
disarm_cleanup(void)
{
	cleanup_armed = 0;
}

/*
 * At exit, standard output is flushed and closed and a failure said, as
 * gnulib's close_stdout does: `--help > /dev/full` is an error too. Every
 * tool links this file, so the handler is registered for all of them.
 */
static void
close_stdout(void)
{
	int bad;

	errno = 0;
	bad = fflush(stdout) == EOF || ferror(stdout);
	if (!bad && fclose(stdout) == EOF)
		bad = 1;
	if (!bad || errno == EPIPE || stdout_reported)
		return;
	fprintf(stderr, "%s: standard output: %s\n",
		program_invocation_short_name,
		errno != 0 ? strerror(errno) : "write error");
	_exit(CLI_EXIT_FAIL);
}

__attribute__((constructor)) static void
register_close_stdout(void)
{
	atexit(close_stdout);
}

static int
same_as_input(const struct stat *st, const cli_inputs *ins)
{
	size_t i;

	for (i = 0; ins != NULL && i < ins->len; i++) {
		const cli_input *in = &ins->items[i];
		struct stat is;

		/* one the walk did not stat and no reading did since (one
		 * ignored by .cr-lint.yaml, say) is stat'ed now */
		if (in->has_stat
			? in->dev == st->st_dev && in->ino == st->st_ino
			: in->walked && stat(in->path, &is) == 0 &&
			      is.st_dev == st->st_dev &&
			      is.st_ino == st->st_ino)
			return 1;
	}
	return 0;
}

/* The file a symbolic link at path ends at (malloc'd), following every
 * link; a dangling link gives the path it points to. NULL with errno. */
static char *
link_target(const char *path)
{
	char buf[PATH_MAX], *cur, *next;
	const char *slash;
	struct stat st;
	ssize_t n;
	int hops;

	if ((cur = realpath(path, NULL)) != NULL || errno != ENOENT)
		return cur;
	/* dangling: follow by hand until a name that does not exist */
	if ((cur = strdup(path)) == NULL)
		return NULL;
	for (hops = 0; hops < 40; hops++) {
		if (lstat(cur, &st) == -1 || !S_ISLNK(st.st_mode))
			return cur;
		if ((n = readlink(cur, buf, sizeof(buf) - 1)) == -1)
			break;
		buf[n] = '\0';
		slash = strrchr(cur, '/');
		if (buf[0] == '/' || slash == NULL)
			next = strdup(buf);
		else if ((next = malloc((size_t)(slash - cur) + n + 2)) != NULL)
			sprintf(next, "%.*s/%s", (int)(slash - cur), cur, buf);
		free(cur);
		if ((cur = next) == NULL)
			return NULL;
	}
	free(cur);
	errno = ELOOP;
	return NULL;
}

/* Whether st is the file standard output is open on. */
static int
is_stdout(const struct stat *st)
{
	struct stat out;

	return fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == st->st_dev &&
	       out.st_ino == st->st_ino;
}

/* Opens a stream target (FIFO, device, standard output) to write into. */
static int
open_direct(cli_output *o, const char *path, const struct stat *st,
	    const cli_inputs *ins, const char *prog)
{
	int fd;

	if (same_as_input(st, ins)) {
		cli_error(prog,
			  "%s: is also an input; refusing to write into it",
			  path);
		return -1;
	}
	if (is_stdout(st)) {
		o->fp = stdout; /* /dev/stdout, /dev/fd/1, ... */
		return 0;
	}
	if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) == -1 ||
	    (o->fp = fdopen(fd, "wb")) == NULL) {
		cli_error(prog, "%s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	return 0;
}

/* An unnamed file in dir, if the file system and /proc allow it. */
static int
open_anon(cli_output *o, const char *dir, mode_t mode)
{
	int fd;

	if (access("/proc/self/fd", X_OK) == -1)
		return -1;
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
	if (fd >= 0) {
		o->anon = 1;
		snprintf(o->reopen, sizeof(o->reopen), "/proc/self/fd/%d", fd);
	}
	return fd;
}

/*
 * Linux cannot rename an unnamed file over an existing one: commit names
 * it .NAME.PID.N, then renames that over NAME. A SIGKILL between those
 * two system calls leaves the name behind; the next write of NAME removes
 * such files of processes that no longer run.
 */
static void
remove_stale(const char *dir, const char *base)
{
	size_t n = strlen(base);
	struct dirent *e;
	char *end, path[PATH_MAX];
	long pid;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		const char *s = e->d_name;

		if (s[0] != '.' || strncmp(s + 1, base, n) != 0 ||
		    s[n + 1] != '.')
			continue;
		pid = strtol(s + n + 2, &end, 10);
		if (end == s + n + 2 || *end != '.' || pid <= 0 ||
		    strspn(end + 1, "0123456789") != strlen(end + 1) ||
		    end[1] == '\0')
			continue;
		if (kill((pid_t)pid, 0) == -1 && errno == ESRCH &&
		    snprintf(path, sizeof(path), "%s/%s", dir, s) <
			(int)sizeof(path))
			unlink(path);
	}
	closedir(dp);
}

int
cli_output_open(cli_output *o, const char *path, const cli_inputs *ins,
		int flags, const char *prog)
{
	struct stat st, lst;
	const char *slash, *shown = path;
	char *target = NULL, *dir = NULL;
	size_t dirlen, len;
	mode_t mode, mask;
	int fd = -1, exists;

	memset(o, 0, sizeof(*o));
	o->noclobber = (flags & CLI_OUT_NOCLOBBER) != 0;
	if (path == NULL || strcmp(path, "-") == 0) {
		if (fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode) &&
		    same_as_input(&st, ins)) {
			cli_error(prog, "standard output is also an input; "
					"refusing to write over it");
			return -1;
		}
		o->fp = stdout;
		return 0;
	}
	if (*path == '\0') {
		cli_error(prog, "the output file name is empty");
		return -1;
	}
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		cli_error(prog, "%s: is a directory", path);
		return -1;
	}
	if (exists && (!S_ISREG(st.st_mode) || is_stdout(&st)))
		return open_direct(o, path, &st, ins, prog);
	if (exists && same_as_input(&st, ins)) {
		cli_error(prog,
			  "%s: is also an input; refusing to write over "
			  "it",
			  path);
		return -1;
	}
	if (exists && o->noclobber) {
		cli_error(prog, "%s: exists; use --force to replace it", path);
		return -1;
	}
	/* a symbolic link stays: its target is replaced */
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		if ((target = link_target(path)) == NULL) {
			cli_error(prog, "%s: %s", path, strerror(errno));
			return -1;
		}
		path = target;
	}
	if (exists && access(path, W_OK) == -1) {
		cli_error(prog, "%s: %s", shown, strerror(errno));
		goto fail;
	}
	if (exists && st.st_nlink > 1) {
		cli_error(prog,
			  "%s: has %lu hard links; replacing it would split "
			  "them",
			  shown, (unsigned long)st.st_nlink);
		goto fail;
	}
	mask = umask(0);
	umask(mask);
	mode = exists ? (st.st_mode & 07777) : (0666 & ~mask);
	slash = strrchr(path, '/');
	dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	len = strlen(path) + 32;
	if ((o->path = strdup(path)) == NULL ||
	    (dir = malloc(dirlen + 2)) == NULL)
		goto oom;
	if (dirlen > 0)
		snprintf(dir, dirlen + 2, "%.*s", (int)dirlen, path);
	else
		strcpy(dir, ".");
	remove_stale(dir, path + dirlen);
	if ((fd = open_anon(o, dir, mode)) == -1) {
		if ((o->tmp = malloc(len)) == NULL)
			goto oom;
		snprintf(o->tmp, len, "%.*s.%s.XXXXXX", (int)dirlen, path,
			 path + dirlen);
		if ((fd = mkstemp(o->tmp)) == -1) {
			cli_error(prog,
				  "%s: cannot create a file beside it: %s",
				  shown, strerror(errno));
			goto fail;
		}
		arm_cleanup(o->tmp);
		snprintf(o->reopen, sizeof(o->reopen), "%s", "");
	}
	free(dir);
	dir = NULL;
	if (exists && geteuid() == 0)
		(void)fchown(fd, st.st_uid, st.st_gid);
	if (fchmod(fd, mode) == -1 || (o->fp = fdopen(fd, "wb")) == NULL) {
		cli_error(prog, "%s: %s", shown, strerror(errno));
		close(fd);
		cli_output_abort(o);
		free(target);
		return -1;
	}
	free(target);
	return 0;
oom:
	cli_error(prog, "%s: out of memory", shown);
fail:
	if (fd != -1)
		close(fd);
	free(dir);
	free(target);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
	return -1;
}

const char *
cli_output_file(const cli_output *o)
{
	if (o->anon)
		return o->reopen;
	return o->tmp;
}

void
cli_output_abort(cli_output *o)
{
	if (o->fp != NULL && o->fp != stdout)
		fclose(o->fp);
	if (o->tmp != NULL) {
		unlink(o->tmp);
		disarm_cleanup();
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
}

/* Gives the unnamed file a name beside the target: .NAME.PID.N. */
static int
link_beside(cli_output *o)
{
	const char *slash = strrchr(o->path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - o->path) + 1 : 0;
	size_t len = strlen(o->path) + 48;
	unsigned n;

	if ((o->tmp = malloc(len)) == NULL)
		return ENOMEM;
	for (n = 0; n < 1000; n++) {
		snprintf(o->tmp, len, "%.*s.%s.%ld.%u", (int)dirlen, o->path,
			 o->path + dirlen, (long)getpid(), n);
		arm_cleanup(o->tmp);
		if (linkat(AT_FDCWD, o->reopen, AT_FDCWD, o->tmp,
			   AT_SYMLINK_FOLLOW) == 0)
			return 0;
		disarm_cleanup();
		if (errno != EEXIST)
			break;
	}
	free(o->tmp);
	o->tmp = NULL;
	return errno;
}

/* Puts the flushed temporary file in place: 0 or an errno. */
static int
put_in_place(cli_output *o)
{
	int err;

	if (o->anon && o->noclobber)
		/* linkat fails if the target appeared meanwhile */
		return linkat(AT_FDCWD, o->reopen, AT_FDCWD, o->path,
			      AT_SYMLINK_FOLLOW) == 0
			   ? 0
			   : errno;
	if (o->anon && (err = link_beside(o)) != 0)
		return err;
	if (o->noclobber) {
		if (link(o->tmp, o->path) == -1)
			return errno;
		unlink(o->tmp);
		return 0;
	}
	return rename(o->tmp, o->path) == -1 ? errno : 0;
}

/* A write error of a stream output, its cause named. */
static void
stream_error(const cli_output *o, const char *prog, int err)
{
	if (o->fp == stdout)
		cli_error(prog, "standard output: %s", strerror(err));
	else
		cli_error(prog, "output: %s", strerror(err));
}

int
cli_output_commit(cli_output *o, const char *prog)
{
	const char *what;
	int err = 0;

	if (o->path == NULL) {
		/* a stream: standard output, a FIFO, a device */
		errno = 0;
		if (fflush(o->fp) == EOF || ferror(o->fp)) {
			err = errno != 0 ? errno : EIO;
			/* A reader that went away is not our failure. */
			if (err != EPIPE)
				stream_error(o, prog, err);
			if (o->fp == stdout)
				stdout_reported = 1;
			else
				fclose(o->fp);
			o->fp = NULL;
			return -1;
		}
		if (o->fp != stdout && fclose(o->fp) == EOF) {
			cli_error(prog, "output: %s", strerror(errno));
			o->fp = NULL;
			return -1;
		}
		o->fp = NULL;
		return 0;
	}
	what = o->path;
	errno = 0;
	if (fflush(o->fp) == EOF || ferror(o->fp) || fsync(fileno(o->fp)) == -1)
		err = errno != 0 ? errno : EIO;
	if (err == 0)
		err = put_in_place(o);
	if (fclose(o->fp) == EOF && err == 0)
		err = errno;
	o->fp = NULL;
	if (err != 0) {
		if (err == EEXIST)
			cli_error(prog,
				  "%s: exists; use --force to replace "
				  "it",
				  what);
		else
			cli_error(prog, "%s: %s", what, strerror(err));
		cli_output_abort(o);
		return -1;
	}
	disarm_cleanup();
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
	return 0;
}

const char *
cli_tmpdir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir != NULL && *dir != '\0' ? dir : "/tmp";
}

int
cli_scratch(char path[64], const char *prog)
{
	const char *dir = cli_tmpdir();
	char tmpl[4096];
	int fd;

	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd == -1) {
		snprintf(tmpl, sizeof(tmpl), "%s/cr.XXXXXX", dir);
		if ((fd = mkstemp(tmpl)) == -1) {
			cli_error(prog, "%s: %s", dir, strerror(errno));
			return -1;
		}
		unlink(tmpl);
	}
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}

int
cli_copy_out(int fd, cli_output *o, const char *prog)
{
	char buf[65536];
	ssize_t n = 0;

	if (lseek(fd, 0, SEEK_SET) == 0)
		while ((n = read(fd, buf, sizeof(buf))) > 0 &&
		       fwrite(buf, 1, (size_t)n, o->fp) == (size_t)n)
			;
	if (n == 0)
		return 0;
	if (errno != EPIPE)
		stream_error(o, prog, errno);
	if (o->fp == stdout)
		stdout_reported = 1;
	return -1;
}
