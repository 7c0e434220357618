/* cli.c - inputs, diagnostics, clock and version for every tool. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "parallel.h"

/* Per thread: a worker's messages go to its item's buffer. */
static _Thread_local cli_said *said;

FILE *
cli_messages(void)
{
	if (said == NULL || said->oom)
		return stderr;
	/* made at the first message: most items say nothing, and a memory
	 * stream for each cost some 15,000 instructions an input */
	if (said->fp == NULL &&
	    (said->fp = open_memstream(&said->text, &said->len)) == NULL) {
		said->oom = 1; /* cli_said_end says so */
		return stderr;
	}
	return said->fp;
}

int
cli_said_begin(cli_said *s)
{
	s->text = NULL;
	s->len = 0;
	s->fp = NULL;
	s->oom = 0;
	said = s;
	return 0;
}

int
cli_said_end(cli_said *s)
{
	int rc = s->oom ? -1 : 0;

	if (s->fp != NULL && fclose(s->fp) == EOF)
		rc = -1;
	said = NULL;
	s->fp = NULL;
	return rc;
}

void
cli_said_flush(cli_said *s)
{
	if (s->len > 0)
		fwrite(s->text, 1, s->len, stderr);
	free(s->text);
	s->text = NULL;
	s->len = 0;
}

int
cli_jobs_option(const char *prog, const char *arg, int *jobs)
{
	if (cli_jobs_arg(arg, jobs) == 0)
		return 0;
	cli_error(prog, "-j takes a number of jobs from 1 to 1024, not '%s'",
		  arg);
	return -1;
}

void
cli_error(const char *prog, const char *fmt, ...)
{
	FILE *fp = cli_messages();
	va_list ap;

	fprintf(fp, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(fp, _(fmt), ap);
	va_end(ap);
	fputc('\n', fp);
}

void
cli_version(const char *prog)
{
	printf("%s (crtools) %s\n", prog, CR_VERSION);
}

void
cli_usage_error(const char *prog, const char *usage)
{
	fputs(_(usage), stderr);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), prog);
}

int
cli_form_lookup(const char *s)
{
	if (strcmp(s, "yaml") == 0 || strcmp(s, "yml") == 0)
		return CR_FORM_YAML;
	if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
		return CR_FORM_MD;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

int
cli_use_color(FILE *fp)
{
	const char *nc = getenv("NO_COLOR");

	if (nc != NULL && *nc != '\0')
		return 0;
	return isatty(fileno(fp));
}

void
cli_diags_print(FILE *fp, const cr_diags *d, size_t from, int color)
{
	static const char *const colors[] = {[CR_SEV_OFF] = "",
					     [CR_SEV_NOTE] = "\033[1;36m",
					     [CR_SEV_WARNING] = "\033[1;35m",
					     [CR_SEV_ERROR] = "\033[1;31m"};
	cr_buf f, m, b, raw;
	const char *file;
	size_t i, at;

	/* Plain diagnostics go out in one buffer, written in large pieces
	 * (stderr is unbuffered: a write() each otherwise). */
	cr_buf_init(&b);
	for (i = from; i < d->len; i++) {
		const cr_diag *g = &d->items[i];

		if (!color) {
			at = b.len;
			if (cr_diag_format(d, g, &b) != 0) {
				/* out of memory: what was whole, then on */
				if (at > 0)
					fwrite(b.data, 1, at, fp);
				cr_buf_free(&b);
				cr_buf_init(&b);
			} else if (b.len >= 1 << 16) {
				fwrite(b.data, 1, b.len, fp);
				b.len = 0;
			}
			continue;
		}
		/* escaped as by cr_diag_format: no raw control reaches
		 * the terminal */
		cr_buf_init(&f);
		cr_buf_init(&m);
		file = cr_diag_file(d, g);
		cr_utf8_escape(&f, file, strlen(file), CR_ESC_KEEP_TAB);
		cr_buf_init(&raw);
		cr_diag_message(d, g, &raw);
		cr_utf8_escape(&m, raw.data != NULL ? raw.data : "", raw.len,
			       CR_ESC_KEEP_TAB);
		if (raw.oom)
			m.oom = 1;
		cr_buf_free(&raw);
		cr_buf_putc(&f, '\0');
		cr_buf_putc(&m, '\0');
		if (!f.oom && !m.oom)
			fprintf(fp,
				"\033[1m%s:%d:%d:\033[0m %s%s:\033[0m %s "
				"[%s]\n",
				f.data, g->pos.line, g->pos.column,
				colors[g->severity],
				cr_severity_name(g->severity), m.data,
				cr_rule_name(g->rule));
		cr_buf_free(&f);
		cr_buf_free(&m);
	}
	if (b.len > 0)
		fwrite(b.data, 1, b.len, fp);
	cr_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* The clock                                                           */

void
cli_now(long long *now, int *offset)
{
	*now = (long long)time(NULL);
	*offset = cr_local_offset(*now);
}

int
cli_parse_now(const char *arg, long long *now, int *offset, const char *prog)
{
	cr_datetime dt;

	if (cr_datetime_parse(arg, &dt) == -1) {
		cli_error(prog,
			  "--now '%s' is not a date; write e.g. "
			  "2026-11-20 or 2026-11-20T14:00+07:00",
			  arg);
		return -1;
	}
	cr_datetime_resolve(&dt, NULL);
	*now = cr_datetime_epoch(&dt, 0);
	*offset = dt.offset;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Inputs                                                              */

static int
has_report_ext(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL &&
	       (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0 ||
		strcmp(dot, ".md") == 0);
}

/* Whether an input with this (device, inode) is already in the list. */
/* The (device, inode)s of the inputs, so that a file named twice is one
 * input: open addressing, a power of two of slots, at most half full
 * (100,000 inputs compared pairwise would be 5e9 comparisons). */
struct seen_key {
	dev_t dev;
	ino_t ino;
	int used;
};

struct cli_seen {
	struct seen_key *slot;
	size_t mask, len;
};

static size_t
seen_hash(dev_t dev, ino_t ino)
{
	unsigned long long h = (unsigned long long)ino * 0x9E3779B97F4A7C15ULL;

	return (size_t)((h ^ (h >> 29)) + (unsigned long long)dev);
}

/* 1 if (dev, ino) was there, else 0 and it is added; -1 on memory. */
static int
seen_add(struct cli_seen *s, dev_t dev, ino_t ino)
{
	size_t i;

	if (2 * (s->len + 1) > s->mask + 1) {
		struct cli_seen g = {NULL, s->mask ? 2 * s->mask + 1 : 63, 0};

		if ((g.slot = calloc(g.mask + 1, sizeof(*g.slot))) == NULL)
			return -1;
		for (i = 0; s->slot != NULL && i <= s->mask; i++)
			if (s->slot[i].used)
				(void)seen_add(&g, s->slot[i].dev,
					       s->slot[i].ino);
		free(s->slot);
		*s = g;
	}
	for (i = seen_hash(dev, ino) & s->mask; s->slot[i].used;
	     i = (i + 1) & s->mask)
		if (s->slot[i].dev == dev && s->slot[i].ino == ino)
			return 1;
	s->slot[i].dev = dev;
	s->slot[i].ino = ino;
	s->slot[i].used = 1;
	s->len++;
	return 0;
}

static void
seen_free(cli_inputs *ins)
{
	if (ins->seen != NULL)
		free(ins->seen->slot);
	free(ins->seen);
	ins->seen = NULL;
}

/* Records what st says of in: its device and inode. */
static void
input_stat_set(cli_input *in, const struct stat *st)
{
	in->has_stat = 1;
	in->dev = st->st_dev;
	in->ino = st->st_ino;
}

int
cli_input_taken(cli_inputs *ins, const cli_input *in)
{
	/* walked, with one link and nothing named: it can be no other
	 * input (a folder is walked once), and is not kept in the set
	 * (100,000 inputs would be 6 MiB of it) */
	if (!in->has_stat || (in->walked && !in->linked && ins->named == 0))
		return 0;
	if (ins->taken == NULL &&
	    (ins->taken = calloc(1, sizeof(*ins->taken))) == NULL)
		return -1;
	return seen_add(ins->taken, in->dev, in->ino);
}

void
cli_inputs_stat(cli_inputs *ins)
{
	struct stat st;
	size_t i;

	for (i = 0; i < ins->len; i++) {
		cli_input *in = &ins->items[i];

		if (in->walked && !in->has_stat && stat(in->path, &st) == 0 &&
		    S_ISREG(st.st_mode))
			input_stat_set(in, &st);
	}
}

/* 1 if an input is the file st is about, else 0 (and it is one now);
 * -1 on memory. */
static int
inputs_have(cli_inputs *ins, const struct stat *st)
{
	size_t i;

	if (ins->seen == NULL) {
		if ((ins->seen = calloc(1, sizeof(*ins->seen))) == NULL)
			return -1;
		for (i = 0; i < ins->len; i++)
			if (ins->items[i].has_stat &&
			    seen_add(ins->seen, ins->items[i].dev,
				     ins->items[i].ino) == -1)
				return -1;
	}
	return seen_add(ins->seen, st->st_dev, st->st_ino);
}

/* Appends an input; the same file (device, inode) a second time, by any
 * spelling, is dropped: it is one input. */
static int
inputs_push(cli_inputs *ins, const char *name, const char *path,
	    const struct stat *st, int walked)
{
	cli_input *in;

	int had;

	if (st != NULL && (had = inputs_have(ins, st)) != 0)
		return had > 0 ? 0 : -1;
	if (ins->len == ins->cap) {
		size_t cap = ins->cap ? ins->cap * 2 : 16;
		cli_input *p = realloc(ins->items, cap * sizeof(*p));

		if (p == NULL)
			return -1;
		ins->items = p;
		ins->cap = cap;
	}
	in = &ins->items[ins->len];
	memset(in, 0, sizeof(*in));
	in->name = strdup(name);
	/* a walk's inputs are named by their path: one copy for both */
	in->path = path == NULL					 ? NULL
		   : in->name != NULL && strcmp(path, name) == 0 ? in->name
								 : strdup(path);
	if (in->name == NULL || (path != NULL && in->path == NULL)) {
		cli_input_free_names(in);
		return -1;
	}
	in->form = path != NULL ? cr_form_from_path(path) : CR_FORM_AUTO;
	in->walked = walked;
	ins->named += !walked;
	if (st != NULL)
		input_stat_set(in, st);
	ins->len++;
	return 0;
}

/* Standard input, with its (device, inode) when it is a regular file, so
 * that `-o FILE < FILE` is seen as writing over an input. */
static int
inputs_push_stdin(cli_inputs *ins)
{
	struct stat st;
	int reg = fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);

	return inputs_push(ins, "<stdin>", NULL, reg ? &st : NULL, 0);
}

static int
input_name_cmp(const void *a, const void *b)
{
	return strcmp(((const cli_input *)a)->name,
		      ((const cli_input *)b)->name);
}

/* One walk over the folders of the command line. */
struct walk {
	cli_inputs *ins;
	const char *prog;
	struct stat *dirs; /* folders walked so far, by (device, inode) */
	size_t ndirs, cap;
};

static void
walk_note(const struct walk *w, const char *path, const char *what)
{
	fprintf(stderr, "%s: %s: note: %s\n", w->prog, path, what);
}

/* Records a folder; 1 if it was walked already, -1 on memory. */
static int
walk_seen(struct walk *w, const struct stat *st)
{
	size_t i;

	for (i = 0; i < w->ndirs; i++)
		if (w->dirs[i].st_dev == st->st_dev &&
		    w->dirs[i].st_ino == st->st_ino)
			return 1;
	if (w->ndirs == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		struct stat *p = realloc(w->dirs, cap * sizeof(*p));

		if (p == NULL)
			return -1;
		w->dirs = p;
		w->cap = cap;
	}
	w->dirs[w->ndirs++] = *st;
	return 0;
}

/* Whether a symbolic link at `path` leads to `dir` or one of its
 * parents, where following it would walk the walk again. */
static int
leads_above(const char *path, const char *dir)
{
	char *t = realpath(path, NULL), *d = realpath(dir, NULL);
	size_t n;
	int up = 0;

	if (t != NULL && d != NULL) {
		n = strlen(t);
		up = strncmp(d, t, n) == 0 &&
		     (d[n] == '\0' || d[n] == '/' || strcmp(t, "/") == 0);
	}
	free(t);
	free(d);
	return up;
}

/* Whether a Markdown text opens with front matter: a "---" line (of its
 * first 15 bytes, as looked at since the walk first did). */
static int
opens_front_matter(const char *data, size_t len)
{
	char buf[16];
	const char *p = buf;

	if (len > sizeof(buf) - 1)
		len = sizeof(buf) - 1;
	memcpy(buf, data, len);
	buf[len] = '\0';
	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (strncmp(p, "---", 3) != 0)
		return 0;
	for (p += 3; *p == ' ' || *p == '\t'; p++)
		;
	return *p == '\n' || *p == '\r' || *p == '\0';
}

/* Whether a Markdown file opens with front matter. */
static int
has_front_matter(const char *path)
{
	char buf[16];
	ssize_t n;
	/* O_NONBLOCK: what the walk saw as a regular file may be a FIFO by
	 * now, and a read of it must not wait */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

	if (fd == -1)
		return 1; /* let the reading say why */
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return 1; /* not a file after all: the reading says so */
	return opens_front_matter(buf, (size_t)n);
}

/* A folder's entry: its name and what readdir says it is (DT_*). */
struct entry {
	char *name;
	unsigned char type;
};

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
		      ((const struct entry *)b)->name);
}

static void
entries_free(struct entry *es, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(es[i].name);
	free(es);
}

/* Appends the report files below dir, recursing. Returns the number of
 * problems reported, or -1 on memory. */
static int
walk(struct walk *w, const char *dir, int depth)
{
	struct entry *names = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *e;
	int bad = 0;
	DIR *dp;

	if (depth > 256) {
		cli_error(w->prog, "%s: folders nested too deep; skipped", dir);
		return 1;
	}
	if ((dp = opendir(dir)) == NULL) {
		cli_error(w->prog, "%s: %s", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct entry *p = realloc(names, nc * sizeof(*p));

			if (p == NULL)
				goto oom;
			names = p;
			cap = nc;
		}
		if ((names[n].name = strdup(e->d_name)) == NULL)
			goto oom;
		names[n++].type = e->d_type;
	}
	/* closed before the entries are looked at: walking /dev/fd or
	 * /proc/self/fd must not meet the walk's own folders */
	closedir(dp);
	dp = NULL;
	if (n > 1)
		qsort(names, n, sizeof(*names), entry_cmp);
	for (i = 0; i < n && bad >= 0; i++) {
		const char *name = names[i].name;
		size_t dl = strlen(dir), nl = strlen(name);
		int slash = dl > 0 && dir[dl - 1] != '/';
		char *path = malloc(dl + (size_t)slash + nl + 1);
		struct stat st, lst;
		int link, gone, r;

		if (path == NULL)
			goto oom;
		/* dir "/" name, by hand: snprintf was a third of the walk */
		memcpy(path, dir, dl);
		path[dl] = '/';
		memcpy(path + dl + slash, name, nl + 1);
		if (names[i].type == DT_REG) {
			/* a regular file by its entry: taken without a stat,
			 * a Markdown one looked into once it is read */
			if (!has_report_ext(name))
				;
			else if (inputs_push(w->ins, path, path, NULL, 1) == -1)
				bad = -1;
			else
				w->ins->items[w->ins->len - 1].peek =
				    strcmp(strrchr(name, '.'), ".md") == 0;
			free(path);
			continue;
		}
		/* a link is stat'ed again to find what it leads to */
		if (lstat(path, &lst) == 0 && !S_ISLNK(lst.st_mode)) {
			st = lst;
			link = gone = 0;
		} else {
			link = 1;
			gone = stat(path, &st) == -1;
		}
		if (gone) {
			/* Vanished, or a dangling link: a report file gone
			 * between listing and reading is worth saying. */
			if (has_report_ext(name)) {
				cli_error(w->prog, "%s: %s", path,
					  strerror(errno));
				bad++;
			}
		} else if (S_ISDIR(st.st_mode)) {
			if (link && leads_above(path, dir))
				walk_note(w, path,
					  "a link to this folder or one above "
					  "it; not followed");
			else if ((r = walk_seen(w, &st)) == 1)
				walk_note(w, path,
					  "a folder already walked; not "
					  "followed again");
			else if (r < 0)
				bad = -1;
			else {
				r = walk(w, path, depth + 1);
				bad = r < 0 ? -1 : bad + r;
			}
		} else if (!has_report_ext(name))
			;
		else if (!S_ISREG(st.st_mode))
			walk_note(w, path, "not a regular file; skipped");
		else if (strcmp(strrchr(name, '.'), ".md") == 0 &&
			 !has_front_matter(path))
			; /* a README.md among the reports */
		else if (inputs_push(w->ins, path, path, &st, 1) == -1)
			bad = -1;
		free(path);
	}
	entries_free(names, n);
	return bad;
oom:
	if (dp != NULL)
		closedir(dp);
	entries_free(names, n);
	return -1;
}

int
cli_inputs_collect(cli_inputs *ins, char *const *args, int nargs, int walkd,
		   const char *prog)
{
	struct walk w;
	struct stat st;
	size_t from;
	int i, bad = 0, r;

	memset(&w, 0, sizeof(w));
	w.ins = ins;
	w.prog = prog;
	if (nargs == 0) {
		bad = inputs_push_stdin(ins) == -1 ? -1 : 0;
		seen_free(ins);
		return bad;
	}
	for (i = 0; i < nargs && bad >= 0; i++) {
		const char *a = args[i];

		if (strcmp(a, "-") == 0) {
			if (inputs_push_stdin(ins) == -1)
				bad = -1;
			continue;
		}
		if (stat(a, &st) == -1) {
			cli_error(prog, "%s: %s", a, strerror(errno));
			bad++;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			if (inputs_push(ins, a, a, &st, 0) == -1)
				bad = -1;
			continue;
		}
		if (!walkd) {
			cli_error(prog, "%s: is a directory", a);
			bad++;
			continue;
		}
		if ((r = walk_seen(&w, &st)) != 0) {
			if (r < 0)
				bad = -1;
			continue;
		}
		from = ins->len;
		if ((r = walk(&w, a, 0)) < 0)
			bad = -1;
		else
			bad += r;
		/* the byte order of the full path, as documented */
		if (ins->len - from > 1)
			qsort(ins->items + from, ins->len - from,
			      sizeof(*ins->items), input_name_cmp);
	}
	free(w.dirs);
	seen_free(ins);
	return bad;
}

void
cli_input_unload(cli_input *in)
{
	free(in->data);
	in->data = NULL;
	in->len = 0;
}

void
cli_input_free_names(cli_input *in)
{
	if (in->path != in->name)
		free(in->path);
	free(in->name);
	in->name = in->path = NULL;
}

void
cli_inputs_free(cli_inputs *ins)
{
	size_t i;

	for (i = 0; i < ins->len; i++) {
		cli_input_unload(&ins->items[i]);
		cli_input_free_names(&ins->items[i]);
	}
	free(ins->items);
	seen_free(ins);
	if (ins->taken != NULL)
		free(ins->taken->slot);
	free(ins->taken);
	memset(ins, 0, sizeof(*ins));
}

/* Opens a named input without blocking on a FIFO put where a report
 * was; a walked file must still be the regular file the walk saw. The
 * descriptor, or -1 (said); *st is what it is. */
static int
open_input(const cli_input *in, const char *prog, struct stat *st)
{
	int fd;

	fd = open(in->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd == -1) {
		cli_error(prog, "%s: %s", in->name, strerror(errno));
		return -1;
	}
	if (fstat(fd, st) == -1) {
		cli_error(prog, "%s: %s", in->name, strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st->st_mode)) {
		cli_error(prog, "%s: is a directory", in->name);
		close(fd);
		return -1;
	}
	if (in->walked && (!S_ISREG(st->st_mode) ||
			   (in->has_stat && (st->st_dev != in->dev ||
					     st->st_ino != in->ino)))) {
		cli_error(prog,
			  "%s: replaced since the folder was read (%s); "
			  "skipped",
			  in->name,
			  S_ISREG(st->st_mode) ? "another file"
					       : "not a regular file");
		close(fd);
		return -1;
	}
	/* named on the command line: a FIFO or a device is read as given */
	if (!S_ISREG(st->st_mode))
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Up to n bytes from fd; 0 at the end, -1 on error (errno). */
static ssize_t
read_some(int fd, char *p, size_t n)
{
	ssize_t k;

	do
		k = read(fd, p, n);
	while (k == -1 && errno == EINTR);
	return k;
}

int
cli_input_load(cli_input *in, const char *prog)
{
	const size_t max = (size_t)CR_MAX_FILE_BYTES + 1;
	size_t cap = 65536, len = 0, size = (size_t)-1;
	struct stat st;
	ssize_t n;
	char *buf = NULL, *p;
	int fd = STDIN_FILENO;

	if (in->path != NULL) {
		if ((fd = open_input(in, prog, &st)) == -1)
			return -1;
		if (in->walked && !in->has_stat) /* by one thread: its own */
			input_stat_set(in, &st);
		in->linked = st.st_nlink > 1;
		/* a regular file in one read of a byte more than its size:
		 * when that read stops at the size, it is the end */
		if (S_ISREG(st.st_mode) && st.st_size >= 0 &&
		    (unsigned long long)st.st_size < max) {
			size = (size_t)st.st_size;
			cap = size + 2;
		}
	}
	for (;;) {
		size_t ask;

		if (len + 1 >= cap || buf == NULL) {
			if (buf != NULL)
				cap *= 2;
			if (cap > max + 1)
				cap = max + 1;
			if ((p = realloc(buf, cap)) == NULL) {
				cli_error(prog, "%s: out of memory", in->name);
				goto fail;
			}
			buf = p;
		}
		ask = cap - 1 - len;
		if ((n = read_some(fd, buf + len, ask)) == -1) {
			cli_error(prog, "%s: %s", in->name, strerror(errno));
			goto fail;
		}
		len += (size_t)n;
		if (len >= max) {
			len = max;
			in->too_big = 1;
			break;
		}
		/* (a short read before the size, as some FUSE file systems
		 * give, reads on) */
		if (n == 0 || (len == size && (size_t)n < ask))
			break;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	buf[len] = '\0';
	if (in->peek && !opens_front_matter(buf, len)) {
		free(buf); /* a README.md among the reports */
		return 1;
	}
	free(in->data);
	in->data = buf;
	in->len = len;
	return 0;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	free(buf);
	return -1;
}

int
cli_input_parse(const cli_input *in, cr_form force, cr_reports *out,
		cr_diags *d)
{
	cr_read_opts o;
	char *id = NULL;
	int rc;

	memset(&o, 0, sizeof(o));
	o.form = force != CR_FORM_AUTO ? force : in->form;
	if (o.form == CR_FORM_AUTO && in->data != NULL) {
		int unsure;

		o.form = cr_sniff_form(in->data, in->len, &unsure);
		if (unsure)
			fprintf(cli_messages(),
				"%s:1:1: note: read as %s, a guess: the text "
				"has both YAML keys and Markdown lines; give "
				"--from yaml or --from md to be sure\n",
				in->name,
				o.form == CR_FORM_MD ? "Markdown" : "YAML");
	}
	o.file = in->name;
	if (in->path != NULL && (id = cr_id_from_path(in->path)) == NULL)
		return -1;
	o.default_id = id;
	rc = cr_read(in->data != NULL ? in->data : "", in->len, &o, out, d);
	free(id);
	return rc;
}
