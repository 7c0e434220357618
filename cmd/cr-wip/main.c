/*
 * cr-wip - collects the actions of many contact reports into one WIP
 * report (SPEC 8): txt, md, csv, tsv, json or xlsx.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../cr-lint/config.h"
#include "cli.h"
#include "xlsx.h"

static const char *prog = "cr-wip";

enum { TO_XLSX = CR_WIP_JSON + 1 };

struct args {
	int to; /* cr_wip_format or TO_XLSX */
	cr_wip_filter filter;
	int raw, quiet, strict;
	int now_given;
	long long now;
	int now_offset;
	cr_form from;
	const char *output;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
		"usage: %s [--to txt|md|csv|tsv|json|xlsx] [-o FILE] [--raw]\n"
		"       [--status LIST|all] [--client NAME] [--project NAME]\n"
		"       [--owner NAME] [--overdue] [--due-within DAYS]\n"
		"       [--now DATETIME] [--from yaml|md] [--quiet] "
		"[--strict]\n"
		"       [FILE|DIR ...]\n",
		prog);
}

static void
help(void)
{
	usage(stdout);
	fputs(
	    _("\nCollects the actions of contact reports into one WIP "
	      "report.\n\n"
	      "  --to FORMAT        txt (default), md, csv, tsv, json, xlsx\n"
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
	      "  -h, --help         this help\n"
	      "  --version          the version\n\n"
	      "See cr-wip(1) for the merge rules and the columns.\n"),
	    stdout);
}

static int
to_lookup(const char *s)
{
	static const char *const names[] = {"txt", "md",   "csv",
					    "tsv", "json", "xlsx"};
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
		O_VERSION
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
	    {NULL, 0, NULL, 0}};
	int c, v;

	while ((c = getopt_long(argc, argv, "ho:q", longopts, NULL)) != -1) {
		switch (c) {
		case O_TO:
			if ((v = to_lookup(optarg)) < 0) {
				cli_error(prog,
					  "--to is txt, md, csv, tsv, json or "
					  "xlsx, not '%s'",
					  optarg);
				return -1;
			}
			a->to = v;
			break;
		case 'o':
			a->output = optarg;
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
			usage(stderr);
			return -1;
		}
	}
	return 0;
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
emit_xlsx(const cr_wip *w, size_t nreports, cli_output *o)
{
	const char *file = cli_output_file(o);
	const char *shown = o->path != NULL ? o->path : "standard output";
	char path[64];
	int fd, rc;

	if (file != NULL)
		return wip_xlsx_write(w, nreports, file, shown, prog);
	if ((fd = cli_scratch(path, prog)) == -1)
		return -1;
	rc = wip_xlsx_write(w, nreports, path, shown, prog);
	if (rc == 0)
		rc = cli_copy_out(fd, o, prog);
	close(fd);
	return rc;
}

int
main(int argc, char **argv)
{
	struct args a;
	struct progress pg;
	cli_inputs ins;
	cli_output o;
	lint_config cfg;
	cr_reports rs;
	cr_diags d;
	cr_wip w;
	cr_buf out;
	size_t i, j, from, skipped = 0, nread = 0;
	int rc = CLI_EXIT_OK, failed = 0, color, bad;

	cli_i18n_init();
	memset(&a, 0, sizeof(a));
	memset(&ins, 0, sizeof(ins));
	memset(&cfg, 0, sizeof(cfg));
	memset(&rs, 0, sizeof(rs));
	memset(&pg, 0, sizeof(pg));
	cr_wip_filter_init(&a.filter);
	cr_diags_init(&d);
	cr_buf_init(&out);
	if (parse_args(argc, argv, &a) == -1)
		return CLI_EXIT_FAIL;
	if (!a.now_given)
		cli_now(&a.now, &a.now_offset);
	cr_wip_init(&w, a.now, a.now_offset);
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
	bad = cli_inputs_collect(&ins, argv + optind, argc - optind, 1, prog);
	if (bad < 0)
		goto oom;
	if (bad > 0)
		failed = 1;
	for (i = 0; i < ins.len; i++) {
		cli_input *in = &ins.items[i];

		if (in->path != NULL && lint_config_ignored(&cfg, in->name))
			continue; /* as cr-lint does */
		if (cli_input_load(in, prog) == -1) {
			failed = 1;
			continue;
		}
		from = d.len;
		j = rs.len;
		if (cli_input_parse(in, a.from, &rs, &d) == -1)
			goto oom;
		cli_input_unload(in);
		for (; j < rs.len; j++) {
			if (!rs.items[j]->broken)
				pg.actions += rs.items[j]->actions.len;
			cr_report_strip(rs.items[j]);
		}
		skipped += print_skips(&d, from, 0, color);
		cr_diags_truncate(&d, from); /* printed, or cr-lint's */
		pg.files++;
		progress_tick(&pg, 0);
	}
	progress_tick(&pg, 1);
	from = d.len;
	if (cr_wip_build(&w, (const cr_report *const *)rs.items, rs.len, &d) ==
	    -1)
		goto oom;
	skipped += print_skips(&d, from, 1, color);
	for (i = 0; i < rs.len; i++)
		if (!rs.items[i]->broken && rs.items[i]->date.valid)
			nread++;
	if (skipped > 0)
		rc = CLI_EXIT_INPUT;
	if (a.strict && (skipped > 0 || failed)) {
		cli_error(prog, "--strict: nothing written");
		goto out;
	}
	cr_wip_select(&w, &a.filter);

	if (cli_output_open(&o, a.output, &ins, 0, prog) == -1) {
		failed = 1;
		goto out;
	}
	if (a.to == TO_XLSX) {
		if (emit_xlsx(&w, nread, &o) == -1) {
			cli_output_abort(&o);
			failed = 1;
			goto out;
		}
	} else {
		if (cr_wip_write(&w, (cr_wip_format)a.to, a.raw, &out) == -1) {
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
	cr_wip_free(&w);
	lint_config_free(&cfg);
	cr_reports_free(&rs);
	cr_diags_free(&d);
	cli_inputs_free(&ins);
	cr_buf_free(&out);
	return rc;
}
