/*
 * paths.c - report files as the workbook shows and links them: shown
 * relative to the reports' root, linked relative to the workbook's own
 * folder (so that a workbook written by wip-cron -o OUTDIR links back to
 * the reports, not into OUTDIR/reports/...).
 *
 * A file's folder is made canonical once (realpath reads every link on
 * the way and the current folder: three readlink calls and a getcwd for
 * each file of the bench's corpus) and kept; the file itself is resolved
 * only when it is a symbolic link.
 */
#define _GNU_SOURCE /* tdestroy */
#include <limits.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crtools.h"
#include "paths.h"

static char *
dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

int
wip_paths_init(wip_paths *p, char *const *args, size_t nargs,
	       const char *output)
{
	struct stat st;
	size_t i, n;
	char *dir, *slash;

	memset(p, 0, sizeof(*p));
	if (nargs > 0 && (p->roots = calloc(nargs, sizeof(*p->roots))) == NULL)
		return -1;
	for (i = 0; i < nargs; i++) {
		if (stat(args[i], &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		n = strlen(args[i]);
		while (n > 1 && args[i][n - 1] == '/')
			n--;
		if ((p->roots[p->nroots] = dup_n(args[i], n)) == NULL)
			return -1;
		p->nroots++;
	}
	if (output == NULL || strcmp(output, "-") == 0)
		dir = dup_n(".", 1);
	else if ((slash = strrchr(output, '/')) == NULL)
		dir = dup_n(".", 1);
	else
		dir = dup_n(output,
			    slash == output ? 1 : (size_t)(slash - output));
	if (dir == NULL)
		return -1;
	p->base = realpath(dir, NULL);
	free(dir);
	return 0;
}

void
wip_paths_free(wip_paths *p)
{
	size_t i;

	for (i = 0; i < p->nroots; i++)
		free(p->roots[i]);
	free(p->roots);
	free(p->base);
	memset(p, 0, sizeof(*p));
}

/* The path from folder `from` to file `to`, both absolute and
 * canonical: the common folders skipped, one "../" per folder left. */
static char *
relative(const char *from, const char *to)
{
	size_t lf, lt, ups = 0, i;
	char *out;

	for (;;) {
		while (*from == '/')
			from++;
		while (*to == '/')
			to++;
		lf = strcspn(from, "/");
		lt = strcspn(to, "/");
		if (lf == 0 || lf != lt || strncmp(from, to, lf) != 0 ||
		    to[lt] != '/')
			break;
		from += lf;
		to += lt;
	}
	while (*from != '\0') {
		while (*from == '/')
			from++;
		if (*from == '\0')
			break;
		ups++;
		from += strcspn(from, "/");
	}
	if ((out = malloc(ups * 3 + strlen(to) + 1)) == NULL)
		return NULL;
	for (i = 0; i < ups; i++)
		memcpy(out + i * 3, "../", 3);
	strcpy(out + ups * 3, to);
	return out;
}

/* A folder as given and its canonical path (NULL: it cannot be
 * resolved). */
struct dir {
	char *real;
	char given[];
};

static int
dir_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dir *)a)->given,
		      ((const struct dir *)b)->given);
}

static void
dir_free(void *p)
{
	free(((struct dir *)p)->real);
	free(p);
}

/* The canonical path of `file`, malloc'd; NULL when it cannot be found
 * (errno ENOENT and the like) or on memory (ENOMEM). */
static char *
canonical(wip_dirs *dirs, const char *file)
{
	const char *slash = strrchr(file, '/');
	const char *name = slash != NULL ? slash + 1 : file;
	size_t n = slash != NULL ? (size_t)(slash - file) : 1;
	struct dir *key, *d, **found;
	struct stat st;
	char *abs;

	if (lstat(file, &st) != 0)
		return NULL;
	if (S_ISLNK(st.st_mode) || slash == file)
		return realpath(file, NULL);
	if ((key = malloc(sizeof(*key) + n + 1)) == NULL)
		return NULL;
	memcpy(key->given, slash != NULL ? file : ".", n);
	key->given[n] = '\0';
	key->real = NULL;
	if ((found = tsearch(key, &dirs->tree, dir_cmp)) == NULL) {
		free(key);
		return NULL;
	}
	if ((d = *found) != key)
		free(key);
	else
		d->real = realpath(d->given, NULL);
	if (d->real == NULL)
		return NULL;
	n = strlen(d->real);
	if ((abs = malloc(n + 1 + strlen(name) + 1)) == NULL)
		return NULL;
	memcpy(abs, d->real, n);
	abs[n] = '/';
	strcpy(abs + (n > 1 ? n + 1 : n), name);
	return abs;
}

void
wip_dirs_free(wip_dirs *dirs)
{
	tdestroy(dirs->tree, dir_free);
	dirs->tree = NULL;
}

int
wip_paths_of(const wip_paths *p, wip_dirs *dirs, const char *file, char **shown,
	     char **link)
{
	size_t i, n, best = 0;
	char *abs;

	*shown = *link = NULL;
	for (i = 0; i < p->nroots; i++) {
		n = strlen(p->roots[i]);
		if (n > best && strncmp(file, p->roots[i], n) == 0 &&
		    file[n] == '/')
			best = n;
	}
	*shown = best > 0 ? dup_n(file + best + 1, strlen(file + best + 1))
			  : dup_n(file, strlen(file));
	if (*shown == NULL)
		return -1;
	if (p->base == NULL || file[0] == '<')
		return 0;
	if ((abs = canonical(dirs, file)) == NULL)
		return 0;
	*link = relative(p->base, abs);
	free(abs);
	return *link != NULL ? 0 : -1;
}
