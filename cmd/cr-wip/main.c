/*
 * cr-wip - collects many contact reports into one WIP report (SPEC 8):
 * the actions, or with --by the jobs, the report ledger or the decision
 * log; txt, md, csv, tsv, json, html, ics or xlsx.
 */
#include <errno.h>
#include <limits.h>
#include <getopt.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../cr-lint/config.h"
#include "cli.h"
#include "ics.h"
#include "parallel.h"
#include "paths.h"
#include "xlsx.h"

static const char *prog = "cr-wip";

enum { TO_ICS = CR_WIP_HTML + 1, TO_XLSX };

struct args {
	int to; /* cr_wip_format, TO_ICS or TO_XLSX */
	cr_wip_view by;
	int wide;
	int max_issue_hours;	/* -1: from .cr-lint.yaml, else 24 */
	long long since, until; /* days since 1970; LLONG_MIN/MAX: open */
	cr_wip_filter filter;
	int raw, quiet, strict;
	int jobs; /* -j */
	int now_given;
	long long now;
	int now_offset;
	cr_form from;
	const char *output;
};

static const char usage_text[] =
    N_("usage: cr-wip [--by action|job|report|agreement]\n"
       "       [--to txt|md|csv|tsv|json|html|ics|xlsx] [-o FILE] [--raw] "
       "[--wide]\n"
       "       [--since DATE] [--until DATE] [--max-issue-hours N]\n"
       "       [--status LIST|all] [--client NAME] [--project NAME]\n"
       "       [--owner NAME] [--overdue] [--due-within DAYS]\n"
       "       [--now DATETIME] [--from yaml|md] [--quiet] [--strict]\n"
       "       [-j N] [FILE|DIR ...]\n");

static void
help(void)
{
	fputs(_(usage_text), stdout);
	fputs(
	    _("\nCollects contact reports into one WIP report.\n\n"
	      "  --by VIEW          action (default), job, report, agreement\n"
	      "  --to FORMAT        txt (default), md, csv, tsv, json, html, "
	      "ics, xlsx\n"
	      "  --since DATE       only reports dated on or after DATE\n"
	      "  --until DATE       only reports dated on or before DATE\n"
	      "  --wide             txt: full width on a terminal too\n"
	      "  --max-issue-hours N  --by report: late after N hours\n"
	      "  -o, --output FILE  write FILE atomically instead of stdout\n"
	      "  --raw              csv/tsv: no ' before =, +, -, @\n"
	      "  --status LIST      open,done,blocked,dropped or all "
	      "(default open,blocked)\n"
	      "  --client NAME      only this client (ignoring case)\n"
	      "  --project NAME     only this project (ignoring case)\n"
	      "  --owner NAME       only actions this person owns (ignoring "
	      "case)\n"
	      "  --overdue          only overdue actions\n"
	      "  --due-within DAYS  only actions due within DAYS days\n"
	      "  --now DATETIME     fix today (e.g. 2026-11-20T09:00+07:00)\n"
	      "  --from yaml|md     the form of every input\n"
	      "  -q, --quiet        no progress line\n"
	      "  --strict           write nothing if a report cannot be read\n"
	      "  -j, --jobs N       read N files at once (default: one per "
	      "processor)\n"
	      "  -h, --help         this help\n"
	      "  --version          the version\n\n"
	      "See cr-wip(1) for the merge rules and the columns.\n"),
	    stdout);
}

static int
to_lookup(const char *s)
{
	static const char *const names[] = {"txt",  "md",   "csv", "tsv",
					    "json", "html", "ics", "xlsx"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* "open,done" or "all" into status bits. */
static int
status_arg(const char *arg, unsigned *bits)
{
	char *copy, *tok, *save = NULL;
	cr_status s;
	int rc = 0;

	if (strcmp(arg, "all") == 0) {
		*bits = CR_WIP_STATUS_ALL;
		return 0;
	}
	if ((copy = strdup(arg)) == NULL) {
		cli_error(prog, "out of memory");
		return -1;
	}
	*bits = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		if ((s = cr_status_lookup(tok)) == CR_STATUS_INVALID) {
			cli_error(prog,
				  "--status: '%s' is not open, done, blocked, "
				  "dropped or all",
				  tok);
			rc = -1;
			break;
		}
		*bits |= CR_WIP_STATUS(s);
	}
	free(copy);
	if (rc == 0 && *bits == 0) {
		cli_error(prog, "--status needs at least one status");
		rc = -1;
	}
	return rc;
}

static int
days_arg(const char *arg, long long *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < 0 || v > 1000000) {
		cli_error(prog,
			  "--due-within takes a number of days, not "
			  "'%s'",
			  arg);
		return -1;
	}
	*out = v;
	return 0;
}

static int
view_lookup(const char *s)
{
	size_t i;

	for (i = 0; cr_wip_view_names[i] != NULL; i++)
		if (strcmp(s, cr_wip_view_names[i]) == 0)
			return (int)i;
	return -1;
}

/* A --since/--until date: the calendar day. */
static int
day_arg(const char *opt, const char *arg, long long *out)
{
	cr_datetime dt;

	if (cr_datetime_parse(arg, &dt) == -1 || dt.has_time) {
		cli_error(prog,
			  "--%s takes a date such as 2026-10-31, not '%s'", opt,
			  arg);
		return -1;
	}
	*out = cr_days_from_civil(dt.year, dt.month, dt.day);
	return 0;
}

static int
hours_arg(const char *arg, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < 0 || v > 100000) {
		cli_error(prog,
			  "--max-issue-hours takes a number of hours, "
			  "not '%s'",
			  arg);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int
parse_args(int argc, char **argv, struct args *a)
{
	enum {
		O_TO = 256,
		O_RAW,
		O_STATUS,
		O_CLIENT,
		O_PROJECT,
		O_OWNER,
		O_OVERDUE,
		O_DUE_WITHIN,
		O_NOW,
		O_FROM,
		O_STRICT,
		O_VERSION,
		O_BY,
		O_SINCE,
		O_UNTIL,
		O_WIDE,
		O_MAX_HOURS
	};
	static const struct option longopts[] = {
	    {"to", required_argument, NULL, O_TO},
	    {"output", required_argument, NULL, 'o'},
	    {"raw", no_argument, NULL, O_RAW},
	    {"status", required_argument, NULL, O_STATUS},
	    {"client", required_argument, NULL, O_CLIENT},
	    {"project", required_argument, NULL, O_PROJECT},
	    {"owner", required_argument, NULL, O_OWNER},
	    {"overdue", no_argument, NULL, O_OVERDUE},
	    {"due-within", required_argument, NULL, O_DUE_WITHIN},
	    {"now", required_argument, NULL, O_NOW},
	    {"from", required_argument, NULL, O_FROM},
	    {"quiet", no_argument, NULL, 'q'},
	    {"strict", no_argument, NULL, O_STRICT},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, O_VERSION},
	    {"by", required_argument, NULL, O_BY},
	    {"since", required_argument, NULL, O_SINCE},
	    {"until", required_argument, NULL, O_UNTIL},
	    {"wide", no_argument, NULL, O_WIDE},
	    {"max-issue-hours", required_argument, NULL, O_MAX_HOURS},
	    {"jobs", required_argument, NULL, 'j'},
	    {NULL, 0, NULL, 0}};
	int c, v;

	a->jobs = cli_jobs_default();
	while ((c = getopt_long(argc, argv, "hj:o:q", longopts, NULL)) != -1) {
		switch (c) {
		case O_TO:
			if ((v = to_lookup(optarg)) < 0) {
				cli_error(prog,
					  "--to is txt, md, csv, tsv, json, "
					  "html, ics or xlsx, not '%s'",
					  optarg);
				return -1;
			}
			a->to = v;
			break;
		case 'o':
			a->output = optarg;
			break;
		case O_BY:
			if ((v = view_lookup(optarg)) < 0) {
				cli_error(prog,
					  "--by is action, job, report or "
					  "agreement, not '%s'",
					  optarg);
				return -1;
			}
			a->by = (cr_wip_view)v;
			break;
		case O_SINCE:
			if (day_arg("since", optarg, &a->since) == -1)
				return -1;
			break;
		case O_UNTIL:
			if (day_arg("until", optarg, &a->until) == -1)
				return -1;
			break;
		case O_WIDE:
			a->wide = 1;
			break;
		case O_MAX_HOURS:
			if (hours_arg(optarg, &a->max_issue_hours) == -1)
				return -1;
			break;
		case O_RAW:
			a->raw = 1;
			break;
		case O_STATUS:
			if (status_arg(optarg, &a->filter.status) == -1)
				return -1;
			break;
		case O_CLIENT:
			a->filter.client = optarg;
			break;
		case O_PROJECT:
			a->filter.project = optarg;
			break;
		case O_OWNER:
			a->filter.owner = optarg;
			break;
		case O_OVERDUE:
			a->filter.overdue = 1;
			break;
		case O_DUE_WITHIN:
			if (days_arg(optarg, &a->filter.due_within) == -1)
				return -1;
			break;
		case O_NOW:
			if (cli_parse_now(optarg, &a->now, &a->now_offset,
					  prog) == -1)
				return -1;
			a->now_given = 1;
			break;
		case O_FROM:
			if ((v = cli_form_lookup(optarg)) < 0) {
				cli_error(prog,
					  "--from is yaml or md, not '%s'",
					  optarg);
				return -1;
			}
			a->from = (cr_form)v;
			break;
		case 'q':
			a->quiet = 1;
			break;
		case 'j':
			if (cli_jobs_option(prog, optarg, &a->jobs) == -1)
				return -1;
			break;
		case O_STRICT:
			a->strict = 1;
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
	if (a->to == TO_ICS && a->by != CR_WIP_BY_ACTION &&
	    a->by != CR_WIP_BY_JOB) {
		cli_error(prog, "--to ics is for --by action or --by job");
		return -1;
	}
	return 0;
}

/* The txt table's width: the terminal's ($COLUMNS, else the tty's) when
 * standard output is one and --wide is not given; 0 (full) otherwise. */
static size_t
txt_width(const struct args *a)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	long v;

	if (a->wide || (a->output != NULL && strcmp(a->output, "-") != 0) ||
	    !isatty(STDOUT_FILENO))
		return 0;
	if (env != NULL && (v = strtol(env, NULL, 10)) > 0 && v < 100000)
		return (size_t)v;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* max-issue-hours: the option, else the nearest .cr-lint.yaml's (with
 * its profile's default), else the agency profile's. */
static int
issue_hours(const struct args *a, const lint_config *cfg)
{
	cr_check_opts o;

	if (a->max_issue_hours >= 0)
		return a->max_issue_hours;
	cr_check_opts_init(&o,
			   cfg->has_profile ? cfg->profile : CR_PROFILE_AGENCY);
	lint_config_apply(cfg, &o);
	return o.max_issue_hours;
}

/* Whether a report is inside --since/--until (its date's calendar day in
 * its own offset); one without a valid date is kept (cr_wip_add says
 * why it is left out). */
static int
in_period(const cr_report *r, const struct args *a)
{
	long long day;

	if (r->broken || !r->date.valid)
		return 1;
	day = cr_days_from_civil(r->date.dt.year, r->date.dt.month,
				 r->date.dt.day);
	return day >= a->since && day <= a->until;
}

/* ------------------------------------------------------------------ */
/* Progress on a terminal                                              */

struct progress {
	int on;
	double start, last;
	size_t files, actions;
};

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* At most four updates a second, the first after a quarter of a second,
 * so a small collection shows none. */
static void
progress_tick(struct progress *p, int final)
{
	double t;

	if (!p->on)
		return;
	t = seconds();
	if (!final && t - p->last < 0.25)
		return;
	if (final) {
		if (p->last > p->start)
			fputs("\r\033[K", stderr);
		return;
	}
	p->last = t;
	fputs("\r\033[K", stderr);
	fprintf(stderr, _("%s: %zu files read, %zu actions found"), prog,
		p->files, p->actions);
	fflush(stderr);
}

/* ------------------------------------------------------------------ */

/* Whether a diagnostic says a report could not be read at all. */
static int
unreadable(const cr_diag *g)
{
	return g->severity >= CR_SEV_ERROR &&
	       (g->rule == CR_RULE_SYNTAX || g->rule == CR_RULE_ENCODING ||
		g->rule == CR_RULE_LIMIT);
}

/* Prints the diagnostics [from, len) that make cr-wip skip something
 * (with `all`, every one); the rest are cr-lint's to report. Returns how
 * many it printed. */
static size_t
print_skips(cr_diags *d, size_t from, int all, int color)
{
	size_t i, n = 0;
	cr_diags keep;

	cr_diags_init(&keep);
	cr_diags_sort(d, from);
	for (i = from; i < d->len; i++) {
		if (!all && !unreadable(&d->items[i]))
			continue;
		keep = *d; /* its names and values: one list, one item */
		keep.items = &d->items[i];
		keep.len = 1;
		cli_diags_print(stderr, &keep, 0, color);
		n++;
	}
	return n;
}

/* The workbook into the output: libxlsxwriter writes to a path, so to
 * the output's temporary file, or for a stream (standard output, a FIFO)
 * to an unnamed scratch file that is copied. */
static int
emit_xlsx(const cr_wip *w, const cr_wip_views *v, const wip_paths *paths,
	  int jobs, cli_output *o)
{
	const char *file = cli_output_file(o);
	const char *shown = o->path != NULL ? o->path : "standard output";
	char path[64];
	int fd, rc;

	if (file != NULL)
		return wip_xlsx_write(w, v, paths, jobs, file, shown, prog);
	if ((fd = cli_scratch(path, prog)) == -1)
		return -1;
	rc = wip_xlsx_write(w, v, paths, jobs, path, shown, prog);
	if (rc == 0)
		rc = cli_copy_out(fd, o, prog);
	close(fd);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Reading: files loaded and parsed on -j threads, taken in in order   */

/* What one input gave; a worker fills it, the reader takes it in. */
struct slot {
	cr_reports rs;
	cr_diags d;
	cli_said said; /* what loading and parsing had to say (stderr) */
	int skip;      /* ignored by .cr-lint.yaml, or no report */
	int failed;    /* could not be read */
};

struct reader {
	const struct args *a;
	cli_inputs *ins;
	const lint_config *cfg;
	struct slot *slots; /* window of them, input i in i % window */
	size_t window;
	cr_wip *w;
	cr_diags undated; /* cr_wip_add's, printed at the end */
	struct progress *pg;
	size_t skipped;
	int failed, color;
};

/* On a worker: load and parse input i into its slot, printing nothing. */
static int
read_one(size_t i, void *arg)
{
	struct reader *rd = arg;
	struct slot *s = &rd->slots[i % rd->window];
	cli_input *in = &rd->ins->items[i];
	int rc = 0;

	if (in->path != NULL && lint_config_ignored(rd->cfg, in->name)) {
		s->skip = 1; /* as cr-lint does */
		return 0;
	}
	if (cli_said_begin(&s->said) == -1)
		return -1;
	switch (cli_input_load(in, prog)) {
	case -1:
		s->failed = 1;
		break;
	case 1:
		s->skip = 1; /* no report */
		break;
	default:
		rc = cli_input_parse(in, rd->a->from, &s->rs, &s->d);
		cli_input_unload(in);
	}
	return cli_said_end(&s->said) == -1 || rc == -1 ? -1 : 0;
}

/* In input order: what input i said, its reports taken into the WIP
 * (and freed), the diagnostics that make cr-wip skip something. */
static int
take_one(size_t i, void *arg)
{
	struct reader *rd = arg;
	struct slot *s = &rd->slots[i % rd->window];
	size_t j;
	int rc = 0;

	cli_said_flush(&s->said);
	if (s->skip || s->failed) {
		rd->failed |= s->failed;
		s->skip = s->failed = 0;
		return 0;
	}
	if ((rc = cli_input_taken(rd->ins, &rd->ins->items[i])) != 0) {
		/* the same file as an input before it: that one counts */
		cr_reports_free(&s->rs);
		cr_diags_truncate(&s->d, 0);
		return rc == 1 ? 0 : -1;
	}
	for (j = 0; j < s->rs.len; j++) {
		cr_report *r = s->rs.items[j];

		/* outside --since/--until: not taken in */
		if (rc == 0 && in_period(r, rd->a)) {
			if (!r->broken)
				rd->pg->actions += r->actions.len;
			rc = cr_wip_add(rd->w, r, &rd->undated);
		}
		cr_report_free(r);
	}
	s->rs.len = 0;
	rd->skipped += print_skips(&s->d, 0, 0, rd->color);
	cr_diags_truncate(&s->d, 0); /* printed, or cr-lint's */
	rd->pg->files++;
	progress_tick(rd->pg, 0);
	return rc;
}

static void
reader_free(struct reader *rd)
{
	size_t i;

	for (i = 0; rd->slots != NULL && i < rd->window; i++) {
		cr_reports_free(&rd->slots[i].rs);
		cr_diags_free(&rd->slots[i].d);
		free(rd->slots[i].said.text);
	}
	free(rd->slots);
	cr_diags_free(&rd->undated);
}

/* Reads every input into w; -1 on memory. */
static int
read_all(struct reader *rd)
{
	size_t i;
	int jobs = rd->a->jobs;

	/* files ahead per thread: enough that a worker seldom waits for
	 * the reading thread to be scheduled (4 a thread: 9.25 s for
	 * 100,000 reports to csv; 16: 8.70 s), few enough that what is held
	 * at once stays a few hundred kilobytes. The reports are freed here,
	 * by the reading thread: freed by the workers instead, each freeing
	 * the other's, they contend for malloc's arenas (10.9 s). */
	rd->window = jobs > 1 ? (size_t)jobs * 16 : 1;
	if ((rd->slots = calloc(rd->window, sizeof(*rd->slots))) == NULL)
		return -1;
	for (i = 0; i < rd->window; i++)
		cr_diags_init(&rd->slots[i].d);
	cr_init(); /* the library's process-wide set-up, before threads */
	return cli_parallel(rd->ins->len, jobs, rd->window, read_one, take_one,
			    rd) != 0
		   ? -1
		   : 0;
}

int
main(int argc, char **argv)
{
	struct args a;
	struct progress pg;
	struct reader rd;
	cli_inputs ins;
	cli_output o;
	lint_config cfg;
	cr_wip w;
	cr_wip_views v;
	cr_wip_table t;
	cr_wip_write_opts wo;
	wip_paths paths;
	cr_buf out;
	int rc = CLI_EXIT_OK, failed = 0, color, bad, hours;

	cli_i18n_init();
	memset(&a, 0, sizeof(a));
	memset(&v, 0, sizeof(v));
	memset(&paths, 0, sizeof(paths));
	memset(&rd, 0, sizeof(rd));
	a.max_issue_hours = -1;
	a.since = LLONG_MIN;
	a.until = LLONG_MAX;
	memset(&ins, 0, sizeof(ins));
	memset(&cfg, 0, sizeof(cfg));
	memset(&pg, 0, sizeof(pg));
	cr_wip_filter_init(&a.filter);
	cr_diags_init(&rd.undated);
	cr_buf_init(&out);
	if (parse_args(argc, argv, &a) == -1)
		return CLI_EXIT_FAIL;
	if (!a.now_given)
		cli_now(&a.now, &a.now_offset);
	cr_wip_init(&w, a.now, a.now_offset);
	if (a.to != TO_XLSX)
		w.views = CR_WIP_VIEW(a.by); /* the workbook holds every view */
	if (a.to == TO_XLSX &&
	    (a.output == NULL || strcmp(a.output, "-") == 0) &&
	    isatty(STDOUT_FILENO)) {
		cli_error(prog, "--to xlsx writes a binary file: give -o FILE "
				"or redirect standard output");
		return CLI_EXIT_FAIL;
	}
	color = cli_use_color(stderr);
	pg.on = !a.quiet && isatty(STDERR_FILENO);
	pg.start = pg.last = pg.on ? seconds() : 0;

	if (lint_config_nearest(&cfg, prog) == -1)
		goto oom;
	hours = issue_hours(&a, &cfg);
	bad = cli_inputs_collect(&ins, argv + optind, argc - optind, 1, prog);
	if (bad < 0)
		goto oom;
	if (bad > 0)
		failed = 1;
	rd.a = &a;
	rd.ins = &ins;
	rd.cfg = &cfg;
	rd.w = &w;
	rd.pg = &pg;
	rd.color = color;
	if (read_all(&rd) == -1)
		goto oom;
	failed |= rd.failed;
	progress_tick(&pg, 1);
	if (cr_wip_build(&w) == -1)
		goto oom;
	rd.skipped += print_skips(&rd.undated, 0, 1, color);
	if (rd.skipped > 0)
		rc = CLI_EXIT_INPUT;
	if (a.strict && (rd.skipped > 0 || failed)) {
		cli_error(prog, "--strict: nothing written");
		goto out;
	}
	if (cr_wip_views_build(&v, &w, &a.filter, hours) == -1)
		goto oom;
	cr_wip_select(&w, &a.filter);
	if (wip_paths_init(&paths, argv + optind, (size_t)(argc - optind),
			   a.output) == -1)
		goto oom;
	cr_wip_table_init(&t, a.by, &w, &v);
	memset(&wo, 0, sizeof(wo));
	wo.raw = a.raw;
	wo.width = a.to == CR_WIP_TXT ? txt_width(&a) : 0;

	if (cli_output_open(&o, a.output, &ins, 0, prog) == -1) {
		failed = 1;
		goto out;
	}
	if (a.to == TO_XLSX) {
		if (emit_xlsx(&w, &v, &paths, a.jobs, &o) == -1) {
			cli_output_abort(&o);
			failed = 1;
			goto out;
		}
	} else {
		if (a.to == TO_ICS ? wip_ics_write(&t, &out, prog) == -1
				   : cr_wip_write(&t, (cr_wip_format)a.to, &wo,
						  &out) == -1) {
			cli_output_abort(&o);
			goto oom;
		}
		fwrite(out.data != NULL ? out.data : "", 1, out.len, o.fp);
	}
	if (cli_output_commit(&o, prog) == -1)
		failed = 1;
	goto out;
oom:
	cli_error(prog, "out of memory");
	failed = 1;
out:
	if (failed)
		rc = CLI_EXIT_FAIL;
	cr_wip_views_free(&v);
	wip_paths_free(&paths);
	cr_wip_free(&w);
	lint_config_free(&cfg);
	reader_free(&rd);
	cli_inputs_free(&ins);
	cr_buf_free(&out);
	return rc;
}
