/*
 * output.c - atomic output: a temporary file beside the target, fsync,
 * rename. The temporary file's name is kept in a process-wide slot so that
 * a signal handler can remove it: that state lives in cmd/, never in lib/.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The temporary file to remove when a signal stops the tool. */
static char cleanup_path[4096];
static volatile sig_atomic_t cleanup_armed;

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

static int
same_as_input(const struct stat *st, const cli_inputs *ins)
{
	size_t i;

	for (i = 0; ins != NULL && i < ins->len; i++)
		if (ins->items[i].has_stat && ins->items[i].dev == st->st_dev &&
		    ins->items[i].ino == st->st_ino)
			return 1;
	return 0;
}

int
cli_output_open(cli_output *o, const char *path, const cli_inputs *ins,
		int flags, const char *prog)
{
	struct stat st;
	const char *slash;
	size_t dirlen, len;
	mode_t mode, mask;
	int fd, exists;

	memset(o, 0, sizeof(*o));
	o->noclobber = (flags & CLI_OUT_NOCLOBBER) != 0;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		cli_error(prog, "%s: is a directory", path);
		return -1;
	}
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
	mask = umask(0);
	umask(mask);
	mode = exists ? (st.st_mode & 07777) : (0666 & ~mask);
	slash = strrchr(path, '/');
	dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	len = strlen(path) + 32;
	if ((o->path = strdup(path)) == NULL || (o->tmp = malloc(len)) == NULL)
		goto oom;
	snprintf(o->tmp, len, "%.*s.%s.XXXXXX", (int)dirlen, path,
		 path + dirlen);
	if ((fd = mkstemp(o->tmp)) == -1) {
		cli_error(prog, "%s: cannot create a file beside it: %s", path,
			  strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		goto fail;
	}
	arm_cleanup(o->tmp);
	if (fchmod(fd, mode) == -1 || (o->fp = fdopen(fd, "wb")) == NULL) {
		cli_error(prog, "%s: %s", o->tmp, strerror(errno));
		close(fd);
		cli_output_abort(o);
		return -1;
	}
	return 0;
oom:
	cli_error(prog, "%s: out of memory", path);
fail:
	free(o->path);
	o->path = NULL;
	return -1;
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

int
cli_output_commit(cli_output *o, const char *prog)
{
	const char *what;
	int err = 0;

	if (o->fp == stdout) {
		if (fflush(stdout) == EOF || ferror(stdout)) {
			/* A reader that went away is not our failure. */
			if (errno != EPIPE)
				cli_error(prog, "standard output: %s",
					  strerror(errno));
			o->fp = NULL;
			return -1;
		}
		o->fp = NULL;
		return 0;
	}
	what = o->path;
	if (fflush(o->fp) == EOF || ferror(o->fp) || fsync(fileno(o->fp)) == -1)
		err = errno != 0 ? errno : EIO;
	if (fclose(o->fp) == EOF && err == 0)
		err = errno;
	o->fp = NULL;
	if (err == 0 && o->noclobber) {
		/* link() fails if the target appeared meanwhile. */
		if (link(o->tmp, o->path) == -1)
			err = errno;
		else
			unlink(o->tmp);
	} else if (err == 0 && rename(o->tmp, o->path) == -1)
		err = errno;
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
