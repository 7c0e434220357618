/*
 * cr-lint - checks contact reports (SPEC 6): every finding of every file
 * in one pass, as "FILE:LINE:COL: SEVERITY: MESSAGE [RULE]", JSON, SARIF
 * (sarif.c) or GitHub workflow commands (github.c).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "email.h"
#include "formats.h"
#include "parallel.h"

static const char *prog = "cr-lint";

enum { FMT_GNU, FMT_JSON, FMT_SARIF, FMT_GITHUB };

static const char *const format_names[] = {[FMT_GNU] = "gnu",
					   [FMT_JSON] = "json",
					   [FMT_SARIF] = "sarif",
					   [FMT_GITHUB] = "github"};
#define NFORMATS (sizeof(format_names) / sizeof(format_names[0]))

struct args {
	int format;
	int pass, quiet, strict;
	int now_given;
	long long now;
	int now_offset;
	cr_form from;
	int jobs; /* -j */
	const char *config;
	char **context; /* --context PATH, in order */
	int ncontext;
	int enable[CR_RULE__COUNT], disable[CR_RULE__COUNT];
};

/* A list of links (what the collection checks read of each report). */
struct links {
	cr_link **items;
	size_t len, cap;
};

/* Where each diagnostic comes from; of each report, once checked, only
 * its link is kept (memory per report). */
struct lint {
	cli_inputs ins;
	struct links ln;
	unsigned char *broken; /* per input: a report of it is broken */
	cr_diags d;
	unsigned *d_input; /* input index of each diagnostic */
	size_t d_cap;
	cli_inputs ctx;	     /* --context files not among the inputs */
	struct links ctx_ln; /* their links, for the collection checks */
	int failed;	     /* an I/O failure: exit 2 */
};

static const char usage_text[] =
    N_("usage: cr-lint [--format gnu|json|sarif|github] [--pass] [--quiet]\n"
       "       [--strict] [--enable RULE] [--disable RULE] [--config FILE]\n"
       "       [--context PATH] [--now DATETIME] [--from yaml|md] [-j N]\n"
       "       [FILE|DIR ...]\n");

static void
help(void)
{
	fputs(_(usage_text), stdout);
	fputs(
	    _("\nChecks contact reports; exits 1 when there is an error.\n\n"
	      "  --format FORMAT    gnu: FILE:LINE:COL lines (default), json, "
	      "sarif (2.1.0),\n"
	      "                     github (Actions annotations)\n"
	      "  --pass             copy each input without errors to "
	      "stdout\n"
	      "  -q, --quiet        print only what counts as an error\n"
	      "  --strict           warnings count as errors\n"
	      "  --enable RULE      turn a rule on (repeatable)\n"
	      "  --disable RULE     turn a rule off (repeatable)\n"
	      "  --config FILE      instead of the nearest .cr-lint.yaml\n"
	      "  --context PATH     reports read for the cross-file checks "
	      "only (repeatable)\n"
	      "  --now DATETIME     fix the clock (e.g. "
	      "2026-11-20T14:00+07:00)\n"
	      "  --from yaml|md     the form of every input\n"
	      "  -j, --jobs N       check N files at once (default: one per "
	      "processor)\n"
	      "  -h, --help         this help\n"
	      "  --version          the version\n\n"
	      "See cr-lint(1) for the rules and the configuration file.\n"),
	    stdout);
}

static int
rule_arg(const char *s, int *set)
{
	int r = cr_rule_lookup(s);

	if (r < 0) {
		cli_error(prog, "unknown rule '%s'; see cr-lint(1)", s);
		return -1;
	}
	set[r] = 1;
	return 0;
}

static int
parse_args(int argc, char **argv, struct args *a)
{
	enum {
		O_FORMAT = 256,
		O_PASS,
		O_STRICT,
		O_ENABLE,
		O_DISABLE,
		O_CONFIG,
		O_CONTEXT,
		O_NOW,
		O_FROM,
		O_VERSION
	};
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, O_FORMAT},
	    {"pass", no_argument, NULL, O_PASS},
	    {"quiet", no_argument, NULL, 'q'},
	    {"strict", no_argument, NULL, O_STRICT},
	    {"enable", required_argument, NULL, O_ENABLE},
	    {"disable", required_argument, NULL, O_DISABLE},
	    {"config", required_argument, NULL, O_CONFIG},
	    {"context", required_argument, NULL, O_CONTEXT},
	    {"now", required_argument, NULL, O_NOW},
	    {"from", required_argument, NULL, O_FROM},
	    {"jobs", required_argument, NULL, 'j'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, O_VERSION},
	    {NULL, 0, NULL, 0}};
	char **ctx;
	size_t k;
	int c, f;

	a->jobs = cli_jobs_default();
	while ((c = getopt_long(argc, argv, "hj:q", longopts, NULL)) != -1) {
		switch (c) {
		case O_FORMAT:
			for (k = 0; k < NFORMATS; k++)
				if (strcmp(optarg, format_names[k]) == 0)
					break;
			if (k == NFORMATS) {
				cli_error(prog,
					  "--format is gnu, json, sarif or "
					  "github, not '%s'",
					  optarg);
				return -1;
			}
			a->format = (int)k;
			break;
		case O_PASS:
			a->pass = 1;
			break;
		case 'q':
			a->quiet = 1;
			break;
		case O_STRICT:
			a->strict = 1;
			break;
		case O_ENABLE:
			if (rule_arg(optarg, a->enable) == -1)
				return -1;
			break;
		case O_DISABLE:
			if (rule_arg(optarg, a->disable) == -1)
				return -1;
			if (lint_rule_fixed((cr_rule)cr_rule_lookup(optarg))) {
				cli_error(prog,
					  "--disable %s: syntax, encoding "
					  "and limit cannot be turned off",
					  optarg);
				return -1;
			}
			break;
		case O_CONFIG:
			a->config = optarg;
			break;
		case O_CONTEXT:
			if (strcmp(optarg, "-") == 0) {
				cli_error(prog, "--context takes files or "
						"folders, not standard input");
				return -1;
			}
			/* argv outlives the arguments: keep pointers */
			ctx = realloc(a->context,
				      (size_t)(a->ncontext + 1) * sizeof(*ctx));
			if (ctx == NULL) {
				cli_error(prog, "out of memory");
				return -1;
			}
			a->context = ctx;
			a->context[a->ncontext++] = optarg;
			break;
		case O_NOW:
			if (cli_parse_now(optarg, &a->now, &a->now_offset,
					  prog) == -1)
				return -1;
			a->now_given = 1;
			break;
		case O_FROM:
			if ((f = cli_form_lookup(optarg)) < 0) {
				cli_error(prog,
					  "--from is yaml or md, not '%s'",
					  optarg);
				return -1;
			}
			a->from = (cr_form)f;
			break;
		case 'j':
			if (cli_jobs_option(prog, optarg, &a->jobs) == -1)
				return -1;
			break;
		case 'h':
			help();
			exit(CLI_EXIT_OK);
		case O_VERSION:
			cli_version(prog);
			exit(CLI_EXIT_OK);
		default:
			cli_usage_error(prog, usage_text);
			return -1;
		}
	}
	return 0;
}

/* Records the input of diagnostics [from, len). */
static int
mark_diags(struct lint *l, size_t from, size_t input)
{
	size_t i;

	if (l->d.len > l->d_cap) {
		size_t cap = l->d.len * 2;
		unsigned *p = realloc(l->d_input, cap * sizeof(*p));
		if (p == NULL)
			return -1;
		l->d_input = p;
		l->d_cap = cap;
	}
	for (i = from; i < l->d.len; i++)
		l->d_input[i] = (unsigned)input;
	return 0;
}

static int
input_cmp(const void *a, const void *b)
{
	const cli_input *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

/* The input a diagnostic of the collection checks names. */
static size_t
input_of(cli_input **sorted, size_t n, const cli_inputs *ins, const char *file)
{
	cli_input key, *kp = &key, **hit;

	key.name = (char *)file;
	hit = bsearch(&kp, sorted, n, sizeof(*sorted), input_cmp);
	return hit != NULL ? (size_t)(*hit - ins->items) : ins->len;
}

/* --context: a file, known by device and inode whatever path names it. */
struct file_key {
	dev_t dev;
	ino_t ino;
	int ctx; /* 0 an input, 1 a context file */
	size_t idx;
};

static int
file_key_cmp(const void *a, const void *b)
{
	const struct file_key *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	if (x->ctx != y->ctx)
		return x->ctx - y->ctx;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/*
 * Collects the --context files into l->ctx, leaving out those that are
 * also inputs (an input is read once, as an input) or come twice. Missing
 * paths are reported and set l->failed. -1 on memory.
 */
static int
collect_context(struct lint *l, const struct args *a)
{
	cli_inputs *c = &l->ctx;
	struct file_key *keys;
	unsigned char *drop;
	size_t i, j, n = 0;
	int bad;

	if (a->ncontext == 0)
		return 0;
	if ((bad = cli_inputs_collect(c, a->context, a->ncontext, 1, prog)) < 0)
		return -1;
	/* what the walks did not stat, to know the files by */
	cli_inputs_stat(&l->ins);
	cli_inputs_stat(c);
	if (bad > 0)
		l->failed = 1;
	keys = malloc((l->ins.len + c->len + 1) * sizeof(*keys));
	drop = calloc(c->len + 1, 1);
	if (keys == NULL || drop == NULL) {
		free(keys);
		free(drop);
		return -1;
	}
	for (i = 0; i < l->ins.len + c->len; i++) {
		int isctx = i >= l->ins.len;
		const cli_input *in =
		    isctx ? &c->items[i - l->ins.len] : &l->ins.items[i];

		if (!in->has_stat)
			continue;
		keys[n].dev = in->dev;
		keys[n].ino = in->ino;
		keys[n].ctx = isctx;
		keys[n++].idx = isctx ? i - l->ins.len : i;
	}
	qsort(keys, n, sizeof(*keys), file_key_cmp);
	for (i = 1; i < n; i++)
		if (keys[i].ctx && keys[i].dev == keys[i - 1].dev &&
		    keys[i].ino == keys[i - 1].ino)
			drop[keys[i].idx] = 1;
	for (i = j = 0; i < c->len; i++) {
		if (drop[i])
			cli_input_free_names(&c->items[i]);
		else
			c->items[j++] = c->items[i];
	}
	c->len = j;
	free(keys);
	free(drop);
	return 0;
}

/* Room in ln for `more` links. -1 on memory. */
static int
links_room(struct links *ln, size_t more)
{
	size_t cap = ln->cap > 0 ? ln->cap : 16;
	cr_link **p;

	if (ln->len + more <= ln->cap)
		return 0;
	while (cap < ln->len + more)
		cap *= 2;
	if ((p = realloc(ln->items, cap * sizeof(*p))) == NULL)
		return -1;
	ln->items = p;
	ln->cap = cap;
	return 0;
}

/* Appends the links of rs, reports of the input named file, to ln. -1 on
 * memory. */
static int
links_push(struct links *ln, const cr_reports *rs, const char *file)
{
	size_t i;

	if (links_room(ln, rs->len) == -1)
		return -1;
	for (i = 0; i < rs->len; i++) {
		if ((ln->items[ln->len] = cr_link_new(rs->items[i], file)) ==
		    NULL)
			return -1;
		ln->len++;
	}
	return 0;
}

static void
links_free(struct links *ln)
{
	size_t i;

	for (i = 0; i < ln->len; i++)
		free(ln->items[i]);
	free(ln->items);
	memset(ln, 0, sizeof(*ln));
}

/* Reads the context reports; their own diagnostics are dropped: they are
 * not reported on. -1 on memory. */
static int
read_context(struct lint *l, const lint_config *cfg)
{
	cr_diags scratch;
	cr_reports rs;
	size_t i;
	int rc = 0;

	for (i = 0; i < l->ctx.len && rc == 0; i++) {
		cli_input *in = &l->ctx.items[i];

		if (lint_config_ignored(cfg, in->name))
			continue;
		if ((rc = cli_input_load(in, prog)) != 0) {
			l->failed |= rc == -1;
			rc = 0;
			continue;
		}
		cr_diags_init(&scratch);
		memset(&rs, 0, sizeof(rs));
		rc = cli_input_parse(in, CR_FORM_AUTO, &rs, &scratch);
		if (rc == 0)
			rc = links_push(&l->ctx_ln, &rs, in->name);
		cr_reports_free(&rs);
		cr_diags_free(&scratch);
		cli_input_unload(in);
	}
	return rc;
}

/*
 * The checks across reports, over the context reports and then the
 * inputs' (so that of two reports sharing an id, the one reported on, the
 * later, is the input).
 */
static int
check_collection(struct lint *l, const cr_check_opts *o)
{
	const cr_link **all;
	size_t n = l->ctx_ln.len + l->ln.len, i;
	int rc;

	if ((all = malloc((n + 1) * sizeof(*all))) == NULL)
		return -1;
	for (i = 0; i < l->ctx_ln.len; i++)
		all[i] = l->ctx_ln.items[i];
	for (i = 0; i < l->ln.len; i++)
		all[l->ctx_ln.len + i] = l->ln.items[i];
	rc = cr_check_links(all, n, o, &l->d);
	free(all);
	return rc;
}

/* Drops the diagnostics [from, len) that are about a context file. */
static void
drop_context_diags(struct lint *l, size_t from)
{
	size_t i, j, k;

	for (i = j = from; i < l->d.len; i++) {
		cr_diag *g = &l->d.items[i];
		const char *file = cr_diag_file(&l->d, g);
		int ctx = 0;

		if (l->d_input[i] == l->ins.len)
			for (k = 0; k < l->ctx.len && !ctx; k++)
				ctx = strcmp(file, l->ctx.items[k].name) == 0;
		if (ctx)
			continue;
		l->d_input[j] = l->d_input[i];
		l->d.items[j++] = *g;
	}
	l->d.len = j;
}

/* What one input gives once checked: the links of its reports and its
 * diagnostics, graded. */
struct slot {
	struct links ln;
	cr_diags d;
	int broken;    /* a report of it is broken */
	int failed;    /* it could not be read */
	cli_said said; /* what reading it had to say on stderr */
};

/* The inputs read, parsed and checked on -j threads: slots in a ring of
 * `window`, input i in slot i % window. */
struct job {
	struct lint *l;
	const struct args *a;
	const lint_config *cfg;
	const cr_check_opts *o;
	struct slot *slots;
	size_t window;
	lint_email_memo *emails; /* addresses already passed */
};

static void
slot_free(struct slot *s)
{
	links_free(&s->ln);
	cr_diags_free(&s->d);
	free(s->said.text);
	memset(s, 0, sizeof(*s));
}

/* Reads, parses and checks input i into its slot. -1 on memory. */
static int
check_input(struct job *j, size_t i, struct slot *s)
{
	cli_input *in = &j->l->ins.items[i];
	cr_reports rs;
	size_t k;
	int rc = 0;

	if (in->path != NULL && lint_config_ignored(j->cfg, in->name))
		return 0;
	switch (cli_input_load(in, prog)) {
	case -1:
		s->failed = 1;
		return 0;
	case 1:
		return 0; /* no report: nothing to say of it */
	}
	memset(&rs, 0, sizeof(rs));
	if (cli_input_parse(in, j->a->from, &rs, &s->d) == -1)
		rc = -1;
	for (k = 0; rc == 0 && k < rs.len; k++) {
		if (cr_check_report(rs.items[k], j->o, &s->d) == -1 ||
		    lint_check_emails(rs.items[k], &s->d, j->emails) == -1)
			rc = -1;
		if (rs.items[k]->broken)
			s->broken = 1;
	}
	if (rc == 0)
		rc = links_push(&s->ln, &rs, in->name);
	cr_reports_free(&rs);
	cr_diags_apply(&s->d, 0, j->o);
	if (!j->a->pass)
		cli_input_unload(in);
	return rc;
}

/* work(i) of cli_parallel: input i into its slot, what it has to say on
 * standard error gathered there. */
static int
work_input(size_t i, void *arg)
{
	struct job *j = arg;
	struct slot *s = &j->slots[i % j->window];
	int rc;

	memset(s, 0, sizeof(*s));
	cr_diags_init(&s->d);
	if (j->a->jobs <= 1) /* done(i) follows at once: say it now */
		return check_input(j, i, s);
	if (cli_said_begin(&s->said) == -1)
		return -1;
	rc = check_input(j, i, s);
	return cli_said_end(&s->said) == -1 ? -1 : rc;
}

/* done(i): the slot of input i taken into the collection, in input
 * order. */
static int
take_input(size_t i, void *arg)
{
	struct job *j = arg;
	struct lint *l = j->l;
	struct slot *s = &j->slots[i % j->window];
	size_t dfirst = l->d.len;
	int rc = 0, k;

	cli_said_flush(&s->said);
	if (s->failed)
		l->failed = 1;
	if ((k = cli_input_taken(&l->ins, &l->ins.items[i])) != 0) {
		/* the same file as an input before it: that one counts */
		slot_free(s);
		cli_input_unload(&l->ins.items[i]);
		return k == 1 ? 0 : -1;
	}
	l->broken[i] = (unsigned char)s->broken;
	if (links_room(&l->ln, s->ln.len) == -1 ||
	    cr_diags_move(&l->d, &s->d) == -1 || mark_diags(l, dfirst, i) == -1)
		rc = -1;
	else if (s->ln.len > 0) {
		memcpy(l->ln.items + l->ln.len, s->ln.items,
		       s->ln.len * sizeof(*s->ln.items));
		l->ln.len += s->ln.len;
		s->ln.len = 0;
	}
	slot_free(s);
	return rc;
}

/* Reads and checks every input; the collection checks at the end. */
static int
lint_all(struct lint *l, const struct args *a, const lint_config *cfg,
	 const cr_check_opts *o)
{
	cli_input **sorted = NULL;
	struct job j = {l, a, cfg, o, NULL, 0, NULL};
	const char *last = NULL;
	size_t i, dfirst, at = 0;
	int rc;

	/* inputs ahead per thread: enough that a worker seldom waits for
	 * the calling thread to be scheduled (32 a thread: 1-2 % less wall
	 * than 8 over 10,000 reports); the ring bounds what waits to be
	 * taken (an input's links and diagnostics: a few kilobytes) */
	j.window = (size_t)(a->jobs > 1 ? a->jobs : 1) * 32;
	if ((l->broken = calloc(l->ins.len + 1, 1)) == NULL ||
	    (j.slots = calloc(j.window, sizeof(*j.slots))) == NULL ||
	    (j.emails = lint_email_memo_new()) == NULL) {
		free(j.slots);
		return -1;
	}
	rc = cli_parallel(l->ins.len, a->jobs, j.window, work_input, take_input,
			  &j);
	for (i = 0; i < j.window; i++)
		slot_free(&j.slots[i]);
	free(j.slots);
	lint_email_memo_free(j.emails);
	if (rc != 0)
		return -1;
	if (read_context(l, cfg) == -1)
		return -1;
	dfirst = l->d.len;
	if (check_collection(l, o) == -1)
		return -1;
	if (l->d.len == dfirst)
		return 0;
	if ((sorted = malloc(l->ins.len * sizeof(*sorted))) == NULL)
		return -1;
	for (i = 0; i < l->ins.len; i++)
		sorted[i] = &l->ins.items[i];
	qsort(sorted, l->ins.len, sizeof(*sorted), input_cmp);
	if (mark_diags(l, dfirst, 0) == -1) {
		free(sorted);
		return -1;
	}
	for (i = dfirst; i < l->d.len; i++) {
		/* a file's findings come together: its name once */
		const char *file = cr_diag_file(&l->d, &l->d.items[i]);

		if (file != last) {
			last = file;
			at = input_of(sorted, l->ins.len, &l->ins, file);
		}
		l->d_input[i] = (unsigned)at;
	}
	free(sorted);
	drop_context_diags(l, dfirst);
	return 0;
}

/* Order of output: inputs in order, then position, then as found. */
struct order {
	size_t input, idx;
	int line, column;
};

static int
order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->input != y->input)
		return x->input < y->input ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The diagnostics in output order, without those --quiet hides: l->d's
 * items and d_input rearranged in place (a second array of diagnostics
 * would be the peak of a large run). */
static int
order_diags(struct lint *l, cr_severity least)
{
	const size_t done = (size_t)-1;
	struct order *ord;
	cr_diag *it = l->d.items, tmp;
	size_t i, j, k, n = 0;
	unsigned tmp_in;

	/* those hidden dropped first: --quiet sorts only what it prints */
	for (i = 0; i < l->d.len; i++)
		if (it[i].severity >= least) {
			l->d_input[n] = l->d_input[i];
			it[n++] = it[i];
		}
	l->d.len = n;
	if (l->d.len == 0)
		return 0;
	if ((ord = malloc(l->d.len * sizeof(*ord))) == NULL)
		return -1;
	for (i = 0; i < l->d.len; i++) {
		ord[i].input = l->d_input[i];
		ord[i].idx = i;
		ord[i].line = it[i].pos.line;
		ord[i].column = it[i].pos.column;
	}
	qsort(ord, l->d.len, sizeof(*ord), order_cmp);
	/* item i takes item ord[i].idx: each cycle of the permutation is
	 * followed once */
	for (i = 0; i < l->d.len; i++) {
		if (ord[i].idx == done)
			continue;
		tmp = it[i];
		tmp_in = l->d_input[i];
		for (j = i;; j = k) {
			k = ord[j].idx;
			ord[j].idx = done;
			if (k == i) {
				it[j] = tmp;
				l->d_input[j] = tmp_in;
				break;
			}
			it[j] = it[k];
			l->d_input[j] = l->d_input[k];
		}
	}
	free(ord);
	return 0;
}

static void
put_json(cr_buf *b, const cr_diags *d)
{
	size_t i;

	cr_buf_puts(b, "[");
	for (i = 0; i < d->len; i++) {
		const cr_diag *g = &d->items[i];
		cr_buf msg;

		cr_buf_init(&msg);
		if (cr_diag_message(d, g, &msg) == -1)
			b->oom = 1;
		cr_buf_puts(b, i > 0 ? ",\n  {\"file\": " : "\n  {\"file\": ");
		cr_json_string(b, cr_diag_file(d, g));
		cr_buf_printf(b,
			      ", \"line\": %d, \"column\": %d, "
			      "\"severity\": \"%s\", \"rule\": \"%s\", "
			      "\"message\": ",
			      g->pos.line, g->pos.column,
			      cr_severity_name(g->severity),
			      cr_rule_name(g->rule));
		cr_json_string(b, msg.data != NULL ? msg.data : "");
		cr_buf_free(&msg);
		cr_buf_puts(b, "}");
	}
	cr_buf_puts(b, d->len > 0 ? "\n]\n" : "]\n");
}

/* Prints the diagnostics in a machine format on fp (gnu goes to stderr
 * through cli_diags_print). */
static void
print_format(FILE *fp, int format, const cr_diags *d, const cr_check_opts *o,
	     int ok)
{
	cr_buf b;

	cr_buf_init(&b);
	if (format == FMT_JSON)
		put_json(&b, d);
	else if (format == FMT_SARIF)
		lint_sarif(&b, d, o, ok);
	else
		lint_github(&b, d);
	if (b.oom)
		cli_error(prog, "out of memory");
	else if (b.len > 0) /* github: nothing for a clean run */
		fwrite(b.data, 1, b.len, fp);
	cr_buf_free(&b);
}

/* Where a YAML text's first document starts: 0 when it opens with "---"
 * (after blank and comment lines), 1 when it opens with a directive
 * ("%YAML"), else -1. */
static int
yaml_opening(const char *s, size_t n)
{
	size_t i = 0, eol;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n) {
		for (eol = i; eol < n && s[eol] != '\n'; eol++)
			;
		size_t j = i;
		while (j < eol && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
			j++;
		if (j < eol && s[j] != '#') {
			if (j == i && eol - i >= 3 &&
			    memcmp(s + i, "---", 3) == 0 &&
			    (eol - i == 3 || s[i + 3] == ' ' ||
			     s[i + 3] == '\t' || s[i + 3] == '\r'))
				return 0;
			return j == i && s[i] == '%' ? 1 : -1;
		}
		i = eol + 1;
	}
	return -1;
}

/*
 * --pass: the inputs with nothing counting as an error, unchanged, in the
 * order given. Several YAML inputs make one valid stream: each one after
 * the first gets a line end if the text before lacks it, and a "---" line
 * unless it opens with one (a "..." line before a directive), and loses
 * its byte-order mark, which YAML allows only at the start of a stream.
 */
static int
pass_inputs(const struct lint *l, cr_severity fail, cr_form force)
{
	unsigned char *bad;
	size_t i;
	int any = 0, nl = 1;

	if ((bad = calloc(l->ins.len + 1, 1)) == NULL)
		return -1;
	for (i = 0; i < l->d.len; i++)
		if (l->d.items[i].severity >= fail)
			bad[l->d_input[i] < l->ins.len ? l->d_input[i]
						       : l->ins.len] = 1;
	for (i = 0; i < l->ins.len; i++) {
		const cli_input *in = &l->ins.items[i];
		const char *data = in->data;
		size_t len = in->len;
		cr_form form = force != CR_FORM_AUTO ? force : in->form;

		if (bad[i] || l->broken[i] || data == NULL)
			continue;
		if (form == CR_FORM_AUTO)
			form = cr_sniff(data, len);
		if (any && form == CR_FORM_YAML) {
			int open = yaml_opening(data, len);

			if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
				data += 3;
				len -= 3;
			}
			if (!nl)
				fputc('\n', stdout);
			if (open != 0)
				fputs(open == 1 ? "...\n" : "---\n", stdout);
		}
		fwrite(data, 1, len, stdout);
		if (len > 0) {
			nl = data[len - 1] == '\n';
			any = 1;
		}
	}
	free(bad);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cli_error(prog, "standard output: write error");
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct args a;
	struct lint l;
	lint_config cfg;
	cr_check_opts o = {0};
	cr_diags cd;
	char *found = NULL;
	const char *cfgpath;
	cr_severity fail;
	int rc = CLI_EXIT_OK, bad, i;

	cli_i18n_init();
	/* what the library and GMime share process-wide, readied before
	 * any -j thread starts */
	cr_init();
	lint_emails_init();
	memset(&a, 0, sizeof(a));
	memset(&l, 0, sizeof(l));
	memset(&cfg, 0, sizeof(cfg));
	cfg.max_issue_hours = -1;
	cr_diags_init(&cd);
	cr_diags_init(&l.d);
	if (parse_args(argc, argv, &a) == -1) {
		free(a.context);
		return CLI_EXIT_FAIL;
	}
	if (!a.now_given)
		cli_now(&a.now, &a.now_offset);

	/* the configuration: --config, else the nearest .cr-lint.yaml */
	cfgpath = a.config;
	if (cfgpath == NULL)
		cfgpath = found = lint_config_find(prog);
	if (cfgpath != NULL) {
		if (lint_config_load(&cfg, cfgpath, &cd, prog) == -1) {
			free(found);
			return CLI_EXIT_FAIL;
		}
		if (cd.len > 0) {
			size_t k;
			/* every problem of the configuration is an error */
			for (k = 0; k < cd.len; k++)
				cd.items[k].severity = CR_SEV_ERROR;
			cli_diags_print(stderr, &cd, 0, cli_use_color(stderr));
			cli_error(prog, "%s: fix the configuration first",
				  cfgpath);
			/* a reader of stdout still gets a whole document */
			if (a.format != FMT_GNU && !a.pass) {
				cr_diags none;
				cr_diags_init(&none);
				cr_check_opts_init(&o, CR_PROFILE_AGENCY);
				print_format(stdout, a.format, &none, &o, 0);
			}
			rc = CLI_EXIT_FAIL;
			goto out;
		}
	}
	o.now = a.now;
	o.now_offset = a.now_offset;
	lint_config_apply(&cfg, &o);
	for (i = 0; i < CR_RULE__COUNT; i++) {
		if (a.enable[i] && o.severity[i] == CR_SEV_OFF) {
			cr_severity def = cr_rule_default((cr_rule)i);
			o.severity[i] =
			    def != CR_SEV_OFF ? def : CR_SEV_WARNING;
		}
		if (a.disable[i])
			o.severity[i] = CR_SEV_OFF;
	}
	fail = a.strict ? CR_SEV_WARNING : CR_SEV_ERROR;

	bad = cli_inputs_collect(&l.ins, argv + optind, argc - optind, 1, prog);
	if (bad < 0 || l.ins.len >= UINT_MAX) /* d_input's indexes */
		goto oom;
	if (bad > 0)
		l.failed = 1;
	if (collect_context(&l, &a) == -1)
		goto oom;
	if (cr_check_opts_prepare(&o) == -1 ||
	    lint_all(&l, &a, &cfg, &o) == -1 ||
	    order_diags(&l, a.quiet ? fail : CR_SEV_NOTE) == -1)
		goto oom;
	if (a.format != FMT_GNU)
		print_format(a.pass ? stderr : stdout, a.format, &l.d, &o,
			     !l.failed);
	else
		cli_diags_print(stderr, &l.d, 0, cli_use_color(stderr));
	if (cr_diags_count(&l.d, 0, fail) > 0)
		rc = CLI_EXIT_INPUT;
	if (a.pass && pass_inputs(&l, fail, a.from) == -1)
		l.failed = 1;
	if (a.format != FMT_GNU && !a.pass &&
	    (fflush(stdout) == EOF || ferror(stdout))) {
		cli_error(prog, "standard output: write error");
		l.failed = 1;
	}
	if (l.failed)
		rc = CLI_EXIT_FAIL;
	goto out;
oom:
	cli_error(prog, "out of memory");
	rc = CLI_EXIT_FAIL;
out:
	cr_check_opts_free(&o);
	cli_inputs_free(&l.ins);
	cli_inputs_free(&l.ctx);
	links_free(&l.ln);
	links_free(&l.ctx_ln);
	free(a.context);
	free(l.broken);
	free(l.d_input);
	cr_diags_free(&l.d);
	cr_diags_free(&cd);
	lint_config_free(&cfg);
	free(found);
	return rc;
}
