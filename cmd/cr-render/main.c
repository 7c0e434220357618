/*
 * cr-render - convert and present contact reports (SPEC 7).
 *
 * The conversions (md, yaml, json) take any number of reports; the reading
 * formats (html, txt, pdf, eml) and md render exactly one. A report that
 * cannot be read (syntax, encoding, limit) is refused; lint findings are
 * cr-lint's business and do not stop rendering.
 *
 * Built three times, because loading shared libraries costs more than
 * most renderings: bin/cr-render (CR_RENDER_LIGHT) links only libyaml and
 * cmark-gfm (taken in where their archives are, see the Makefile), so
 * that it starts in a millisecond; for pdf it executes
 * cr-render-pdf (CR_RENDER_PDF), the same program linked with pango and
 * cairo (some 40 libraries), and for eml cr-render-full, linked with GMime
 * as well (some 50). Each is looked for beside the program, then in
 * ../libexec/crtools/; cr-render-full, which does everything, stands in
 * for a missing cr-render-pdf.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* What this build renders itself (see above). */
#if defined(CR_RENDER_LIGHT)
#define HAVE_PDF 0
#define HAVE_EML 0
#elif defined(CR_RENDER_PDF)
#define HAVE_PDF 1
#define HAVE_EML 0
#else
#define HAVE_PDF 1
#define HAVE_EML 1
#endif

#if HAVE_PDF
#include <malloc.h>
#include <sys/mman.h>

#include "cr_labels.h"
#include "pdf_fonts.h"
#endif

static const char *prog = "cr-render";

enum format { F_MD, F_YAML, F_JSON, F_HTML, F_TXT, F_PDF, F_EML };

static const char *const format_names[] = {"md",  "yaml", "json", "html",
					   "txt", "pdf",  "eml",  NULL};

struct opts {
	enum format to;
	cr_form from;
	cr_write_opts w;
	int audience_given;
	const char *out;
	const char *config; /* --config: the house style */
};

/* The house style as read, kept until the end (w points into it). */
struct style {
	cr_house_style hs;
	cli_input file, logo;
};

static const char usage_text[] =
    N_("usage: cr-render [--to md|yaml|json|html|txt|pdf|eml] "
       "[--lang en|vi|zh|ru]\n"
       "       [--audience client|internal] [--now DATETIME] "
       "[--from yaml|md]\n"
       "       [--from-address ADDR] [--config FILE] [--agenda] "
       "[-o FILE] "
       "[FILE ...]\n");

static void
help(void)
{
	fputs(_(usage_text), stdout);
	fputs(_("\n"
		"Converts and presents contact reports.\n"
		"\n"
		"  --to FORMAT          output format (default md)\n"
		"  --lang LANG          language of the labels\n"
		"  --audience WHO       client (leaves out internal notes) or "
		"internal\n"
		"  --now DATETIME       fix the clock (overdue marks, e-mail "
		"Date)\n"
		"  --from yaml|md       the form of every input\n"
		"  --from-address ADDR  eml: the sender when the author has "
		"no address\n"
		"  --config FILE        the house style instead of the nearest "
		".cr-render.yaml\n"
		"  --agenda             html, txt, pdf, eml: the agenda sent "
		"before the contact\n"
		"  -o FILE              write FILE atomically instead of "
		"stdout\n"
		"  -h, --help           this help\n"
		"  --version            the version\n"
		"\n"
		"See cr-render(1) for every format and cr-report(5) for the "
		"file format.\n"),
	      stdout);
}

static int
lookup(const char *s, const char *const *names)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

enum {
	O_TO = 256,
	O_LANG,
	O_AUD,
	O_NOW,
	O_FROM,
	O_FROMADDR,
	O_CONFIG,
	O_AGENDA,
	O_VER
};
static const struct option longopts[] = {
    {"to", required_argument, NULL, O_TO},
    {"lang", required_argument, NULL, O_LANG},
    {"audience", required_argument, NULL, O_AUD},
    {"now", required_argument, NULL, O_NOW},
    {"from", required_argument, NULL, O_FROM},
    {"from-address", required_argument, NULL, O_FROMADDR},
    {"config", required_argument, NULL, O_CONFIG},
    {"agenda", no_argument, NULL, O_AGENDA},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, O_VER},
    {NULL, 0, NULL, 0}};
static const char shortopts[] = "o:h";

/* Parses the command line; returns optind, or -1 after a usage error,
 * -2 after --help or --version. */
static int
parse_args(int argc, char *argv[], struct opts *o)
{
	int c, v, now_given = 0;

	memset(o, 0, sizeof(*o));
	o->to = F_MD;
	o->w.lang = CR_LANG_INVALID;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case O_TO:
			if ((v = lookup(optarg, format_names)) < 0) {
				cli_error(prog,
					  "--to '%s': use md, yaml, json, "
					  "html, txt, pdf or eml",
					  optarg);
				return -1;
			}
			o->to = (enum format)v;
			break;
		case O_LANG:
			if ((o->w.lang = cr_lang_lookup(optarg)) ==
			    CR_LANG_INVALID) {
				cli_error(prog,
					  "--lang '%s': use en, vi, zh "
					  "or ru",
					  optarg);
				return -1;
			}
			break;
		case O_AUD:
			if (strcmp(optarg, "client") == 0)
				o->w.audience = CR_AUDIENCE_CLIENT;
			else if (strcmp(optarg, "internal") == 0)
				o->w.audience = CR_AUDIENCE_INTERNAL;
			else {
				cli_error(prog,
					  "--audience '%s': use client "
					  "or internal",
					  optarg);
				return -1;
			}
			o->audience_given = 1;
			break;
		case O_NOW:
			if (cli_parse_now(optarg, &o->w.now, &o->w.now_offset,
					  prog) == -1)
				return -1;
			now_given = 1;
			break;
		case O_FROM:
			if ((v = cli_form_lookup(optarg)) < 0) {
				cli_error(prog, "--from '%s': use yaml or md",
					  optarg);
				return -1;
			}
			o->from = (cr_form)v;
			break;
		case O_FROMADDR:
			o->w.from_address = optarg;
			break;
		case O_CONFIG:
			o->config = optarg;
			break;
		case O_AGENDA:
			o->w.agenda = 1;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'h':
			help();
			return -2;
		case O_VER:
			cli_version(prog);
			return -2;
		default:
			cli_usage_error(prog, usage_text);
			return -1;
		}
	}
	/* People read html, txt, pdf and e-mail: the client's copy unless
	 * told otherwise. Conversions keep everything (SPEC 7). */
	if (!o->audience_given)
		o->w.audience =
		    o->to >= F_HTML ? CR_AUDIENCE_CLIENT : CR_AUDIENCE_INTERNAL;
	if (o->w.agenda && o->to < F_HTML) {
		cli_error(prog,
			  "--agenda is for html, txt, pdf and eml; --to %s "
			  "converts the whole report",
			  format_names[o->to]);
		return -1;
	}
	if (!now_given)
		cli_now(&o->w.now, &o->w.now_offset);
	return optind;
}

/* Drops all but the unknown-field warnings: the keys and sections a
 * conversion keeps (SPEC 7) are named on stderr. */
static void
only_kept_keys(cr_diags *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->len; i++) {
		if (d->items[i].rule == CR_RULE_UNKNOWN_FIELD)
			d->items[n++] = d->items[i];
	}
	d->len = n;
}

/* Reads every input; prints the diagnostics of a file whose report cannot
 * be read, and for a conversion the warnings about unknown keys it keeps.
 * Returns the exit status so far. */
static int
read_all(cli_inputs *ins, cr_form from, int conversion, cr_reports *rs)
{
	int status = CLI_EXIT_OK, color = cli_use_color(stderr);
	size_t i, j, first;
	cr_diags d;

	for (i = 0; i < ins->len; i++) {
		cli_input *in = &ins->items[i];
		int broken = 0;

		if (cli_input_load(in, prog) == -1) {
			status = CLI_EXIT_FAIL;
			continue;
		}
		cr_diags_init(&d);
		first = rs->len;
		if (cli_input_parse(in, from, rs, &d) == -1) {
			cli_error(prog, "%s: out of memory", in->name);
			cr_diags_free(&d);
			return CLI_EXIT_FAIL;
		}
		cli_input_unload(in);
		for (j = first; j < rs->len; j++)
			broken |= rs->items[j]->broken;
		if (broken) {
			cli_diags_print(stderr, &d, 0, color);
			cli_error(prog,
				  "%s: cannot be read as a report; "
				  "nothing rendered",
				  in->name);
			if (status == CLI_EXIT_OK)
				status = CLI_EXIT_INPUT;
		} else if (conversion) {
			only_kept_keys(&d);
			cli_diags_print(stderr, &d, 0, color);
		}
		cr_diags_free(&d);
	}
	return status;
}

/* The logo's path: as written when absolute, else beside the style. */
static char *
logo_path(const char *style, const char *logo)
{
	const char *slash = strrchr(style, '/');
	size_t dl = slash != NULL ? (size_t)(slash - style) + 1 : 0;
	char *p;

	if (logo[0] == '/' || dl == 0)
		return strdup(logo);
	if ((p = malloc(dl + strlen(logo) + 1)) != NULL) {
		memcpy(p, style, dl);
		strcpy(p + dl, logo);
	}
	return p;
}

/*
 * Reads the house style (--config, else the nearest .cr-render.yaml) and
 * its logo into st and o->w. Any problem of the file is an error: it is
 * printed, and the status is 2, as for a missing file. 0 when there is
 * no house style.
 */
static int
style_load(struct opts *o, struct style *st)
{
	char *path = o->config != NULL
			 ? strdup(o->config)
			 : cli_config_find(CR_HOUSE_STYLE_FILE, prog);
	const char *type;
	cr_diags d;
	size_t k;
	int status = CLI_EXIT_FAIL;

	if (path == NULL)
		return o->config != NULL ? CLI_EXIT_FAIL : CLI_EXIT_OK;
	st->file.name = st->file.path = path;
	if (cli_input_load(&st->file, prog) == -1)
		return CLI_EXIT_FAIL;
	if (st->file.too_big) {
		cli_error(prog, "%s: too large for a house style", path);
		return CLI_EXIT_FAIL;
	}
	cr_diags_init(&d);
	if (cr_house_style_read(st->file.data, st->file.len, path, &st->hs,
				&d) == -1) {
		cli_error(prog, "%s: out of memory", path);
		goto out;
	}
	if (d.len > 0) {
		for (k = 0; k < d.len; k++)
			d.items[k].severity = CR_SEV_ERROR;
		cli_diags_print(stderr, &d, 0, cli_use_color(stderr));
		cli_error(prog, "%s: fix the house style first", path);
		goto out;
	}
	o->w.agency = st->hs.agency;
	o->w.reply_hours = st->hs.reply_hours;
	if (st->hs.logo != NULL) {
		if ((st->logo.path = logo_path(path, st->hs.logo)) == NULL) {
			cli_error(prog, "out of memory");
			goto out;
		}
		st->logo.name = st->logo.path;
		if (cli_input_load(&st->logo, prog) == -1)
			goto out;
		type = cr_logo_type((const unsigned char *)st->logo.data,
				    st->logo.len);
		if (st->logo.too_big || type == NULL) {
			cli_error(prog,
				  "%s: the logo %s is neither a PNG nor "
				  "an SVG file",
				  path, st->logo.path);
			goto out;
		}
		o->w.logo = (const unsigned char *)st->logo.data;
		o->w.logo_len = st->logo.len;
	}
	status = CLI_EXIT_OK;
out:
	cr_diags_free(&d);
	return status;
}

static void
style_free(struct style *st)
{
	cr_house_style_free(&st->hs);
	cli_input_unload(&st->file);
	cli_input_unload(&st->logo);
	free(st->file.path);
	free(st->logo.path);
}

#if HAVE_EML
/* Names every participant the message leaves out (SPEC 7). */
static int
warn_left_out(const cr_report *r)
{
	const cr_person **left;
	size_t n, i;

	if (cr_eml_left_out(r, &left, &n) == -1) {
		cli_error(prog, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++)
		cli_error(
		    prog, "%s: warning: %s is left out of the message: %s",
		    r->file, left[i]->name.s != NULL ? left[i]->name.s : "?",
		    left[i]->email.s != NULL && left[i]->email.s[0] != '\0'
			? "the e-mail address is not a plain one "
			  "(local@domain)"
			: "no e-mail address");
	free(left);
	return 0;
}
#endif

static int
render_one(const cr_report *r, const struct opts *o, cr_buf *out)
{
	switch (o->to) {
	case F_MD:
		return cr_write_md(r, &o->w, out);
	case F_YAML:
		return cr_write_yaml(r, &o->w, out);
	case F_JSON:
		return cr_write_json(r, &o->w, out);
	case F_HTML:
		return cr_render_html(r, &o->w, out);
	case F_TXT:
		return cr_render_txt(r, &o->w, out);
	case F_PDF:
#if HAVE_PDF
		return cr_render_pdf(r, &o->w, out);
#else
		break; /* cr-render-pdf's */
#endif
	case F_EML:
#if HAVE_EML
		return cr_render_eml(r, &o->w, out);
#else
		break; /* cr-render-full's */
#endif
	}
	return -1;
}

/*
 * Renders every report into out: a YAML stream ("---" before each document
 * when there are several), a JSON array when several, else exactly one.
 */
static int
render_all(const cr_reports *rs, const struct opts *o, cr_buf *out)
{
	const char *why;
	size_t i;

	if (rs->len != 1 && o->to != F_YAML && o->to != F_JSON) {
		cli_error(prog,
			  "--to %s renders one report, and the input "
			  "holds %zu; use --to yaml or json for several",
			  format_names[o->to], rs->len);
		return CLI_EXIT_FAIL;
	}
	for (i = 0; i < rs->len; i++) {
		const cr_report *r = rs->items[i];

		if (o->to >= F_HTML || o->w.audience == CR_AUDIENCE_CLIENT) {
			why = cr_render_refusal(r, &o->w);
#if HAVE_EML
			if (why == NULL && o->to == F_EML)
				why = cr_eml_refusal(r, &o->w);
#endif
			if (why != NULL) {
				cli_error(prog, "%s: %s", r->file, why);
				return CLI_EXIT_INPUT;
			}
		}
#if HAVE_EML
		if (o->to == F_EML && warn_left_out(r) == -1)
			return CLI_EXIT_FAIL;
#endif
		if (o->to == F_YAML && rs->len > 1 && cr_buf_puts(out, "---\n"))
			goto oom;
		if (o->to == F_JSON && rs->len > 1 &&
		    cr_buf_puts(out, i == 0 ? "[\n" : ",\n") == -1)
			goto oom;
		if (render_one(r, o, out) == -1) {
			if (o->to == F_PDF || o->to == F_EML)
				cli_error(prog, "%s: the %s could not be made",
					  r->file, format_names[o->to]);
			else
				goto oom;
			return CLI_EXIT_FAIL;
		}
	}
	if (o->to == F_JSON && rs->len > 1 && cr_buf_puts(out, "]\n") == -1)
		goto oom;
	return CLI_EXIT_OK;
oom:
	cli_error(prog, "out of memory");
	return CLI_EXIT_FAIL;
}

#if HAVE_PDF
/*
 * Makes the PDF renderer's fontconfig configuration (lib/pdf_fonts.c) the
 * process's current one before pango starts: pango's start-up then finds
 * fontconfig initialised and does not load the system's configuration
 * (dozens of files parsed, every installed font listed). Where the
 * renderer's families are not found, fontconfig is left as it is. Returns
 * the configuration made current (kept by fontconfig until the process
 * ends), or NULL.
 */
static int
fonts_init(FcConfig **own)
{
	FcConfig *c;

	*own = NULL;
	if (cr_pdf_fonts_new(&c) == -1)
		return -1;
	if (c != NULL && !FcConfigSetCurrent(c))
		FcConfigDestroy(c);
	else
		*own = c;
	return 0;
}

/*
 * Opens the Chinese faces for cairo (cr_pdf_faces_open) when a report is
 * rendered in Chinese: opening them costs a millisecond each, which a
 * report in another language would pay for nothing.
 */
static int
faces_init(FcConfig *own, const cr_reports *rs, const cr_write_opts *w,
	   cr_pdf_faces **faces)
{
	size_t i;

	*faces = NULL;
	for (i = 0; i < rs->len; i++)
		if (cr_render_lang(rs->items[i], w) == CR_LANG_ZH)
			return cr_pdf_faces_open(own, faces);
	return 0;
}

/*
 * The heap of a program that makes a PDF. cairo 1.16 copies a CFF font's
 * whole table each time it looks at it, twice a face: some 16 MiB for
 * Noto Sans CJK, four times over for a Chinese report. glibc serves each
 * copy from fresh pages (mmap), and zeroing and mapping them one by one
 * (4 KiB) cost more than the rest of the page. Big blocks come from the
 * heap instead, which keeps what is freed (no trim), and the heap's first
 * tens of MiB are offered to the kernel as huge pages (madvise; nothing
 * is touched, and where transparent huge pages are off nothing changes).
 */
static void
heap_tune(void)
{
	const size_t big = (size_t)30 << 20, huge = (size_t)2 << 20;
	uintptr_t a, z;
	char *p;

	if (!mallopt(M_MMAP_THRESHOLD, 32 << 20) ||
	    !mallopt(M_TRIM_THRESHOLD, 256 << 20) ||
	    !mallopt(M_TOP_PAD, 34 << 20) || (p = malloc(big)) == NULL)
		return; /* another allocator (a sanitizer's): as it is */
	a = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	z = ((uintptr_t)sbrk(0)) & ~(huge - 1);
	if (z > a && z - a <= (size_t)128 << 20)
		(void)madvise((void *)a, z - a, MADV_HUGEPAGE);
	free(p);
	(void)mallopt(M_TOP_PAD, 128 << 10); /* glibc's default */
}
#endif

#if !HAVE_PDF || !HAVE_EML
/*
 * Runs the first of the programs named that is installed beside this one
 * or in ../libexec/crtools/, with the same arguments. Returns only on
 * failure, having said why unless `quiet`.
 */
static int
exec_other(char *argv[], const char *const *names, size_t nnames, int quiet)
{
	static const char *const where[] = {"", "../libexec/crtools/"};
	char self[PATH_MAX], path[PATH_MAX + 64], *slash;
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	size_t i, k;

	if (n <= 0) {
		if (!quiet)
			cli_error(prog, "cannot find where cr-render is: %s",
				  strerror(errno));
		return CLI_EXIT_FAIL;
	}
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) != NULL)
		slash[1] = '\0';
	for (k = 0; k < nnames; k++)
		for (i = 0; i < sizeof(where) / sizeof(where[0]); i++) {
			snprintf(path, sizeof(path), "%s%s%s", self, where[i],
				 names[k]);
			if (access(path, X_OK) == 0) {
				execv(path, argv);
				if (!quiet)
					cli_error(prog, "%s: %s", path,
						  strerror(errno));
				return CLI_EXIT_FAIL;
			}
		}
	if (!quiet)
		cli_error(prog,
			  "cr-render-full, which makes PDFs and e-mails, is "
			  "not installed beside %s",
			  self);
	return CLI_EXIT_FAIL;
}

#if !HAVE_PDF
/* cr-render-full makes PDFs too, with more libraries */
static const char *const pdf_progs[] = {"cr-render-pdf", "cr-render-full"};
#endif
static const char *const eml_progs[] = {"cr-render-full"};

/*
 * Hands a format this build does not make over to the program that makes
 * it; returns -1 when the format is this build's, else only when no such
 * program could be run (having said why unless `quiet`).
 */
static int
hand_over(int to, char *argv[], int quiet)
{
#if !HAVE_PDF
	if (to == F_PDF)
		return exec_other(argv, pdf_progs, 2, quiet);
#endif
#if !HAVE_EML
	if (to == F_EML)
		return exec_other(argv, eml_progs, 1, quiet);
#endif
	return -1;
}

/*
 * The format the command line asks for (the last --to), or -1: getopt
 * reads it once, saying nothing, so that the light build hands a PDF or
 * an e-mail over before it sets up anything of its own. The other program
 * reads the command line again and says what is wrong with it.
 */
static int
format_asked(int argc, char *argv[])
{
	int c, to = -1, err = opterr;

	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1)
		if (c == O_TO)
			to = lookup(optarg, format_names);
	opterr = err;
	optind = 1; /* parse_args reads it from the start */
	return to;
}
#endif

int
main(int argc, char *argv[])
{
	cli_inputs ins = {0};
	cr_reports rs = {0};
	struct style style = {0};
	struct opts o;
	cli_output out;
	cr_buf b;
	int first, status, bad;
#if HAVE_PDF
	FcConfig *own_fonts = NULL;
	cr_pdf_faces *faces = NULL;
#endif

#if !HAVE_PDF || !HAVE_EML
	(void)hand_over(format_asked(argc, argv), argv, 1);
#endif
	cli_i18n_init();
	if ((first = parse_args(argc, argv, &o)) < 0)
		return first == -2 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
#if !HAVE_PDF || !HAVE_EML
	if ((status = hand_over(o.to, argv, 0)) != -1)
		return status;
#endif
	if (o.to == F_PDF && (o.out == NULL || strcmp(o.out, "-") == 0) &&
	    isatty(STDOUT_FILENO)) {
		cli_error(prog, "a PDF is not for the terminal; use -o FILE "
				"or a pipe");
		return CLI_EXIT_FAIL;
	}
#if HAVE_PDF
	if (o.to == F_PDF)
		heap_tune();
	if ((o.to == F_PDF || o.to == F_EML) && fonts_init(&own_fonts) == -1) {
		cli_error(prog, "out of memory");
		return CLI_EXIT_FAIL;
	}
#endif
	/* The house style dresses the reading formats only. */
	if (o.to >= F_HTML && style_load(&o, &style) != CLI_EXIT_OK) {
		style_free(&style);
		return CLI_EXIT_FAIL;
	}
	bad = cli_inputs_collect(&ins, argv + first, argc - first, 0, prog);
	if (bad != 0) {
		cli_inputs_free(&ins);
		style_free(&style);
		return CLI_EXIT_FAIL;
	}
	status =
	    read_all(&ins, o.from,
		     o.to == F_MD || o.to == F_YAML || o.to == F_JSON, &rs);
	cr_buf_init(&b);
#if HAVE_PDF
	if (status == CLI_EXIT_OK && own_fonts != NULL &&
	    faces_init(own_fonts, &rs, &o.w, &faces) == -1) {
		cli_error(prog, "out of memory");
		status = CLI_EXIT_FAIL;
	}
#endif
	if (status == CLI_EXIT_OK)
		status = render_all(&rs, &o, &b);
	if (status == CLI_EXIT_OK) {
		if (cli_output_open(&out, o.out, &ins, 0, prog) == -1)
			status = CLI_EXIT_FAIL;
		else if (fwrite(b.data != NULL ? b.data : "", 1, b.len,
				out.fp) != b.len) {
			cli_output_abort(&out);
			cli_error(prog, "%s: write error",
				  o.out != NULL ? o.out : "standard output");
			status = CLI_EXIT_FAIL;
		} else if (cli_output_commit(&out, prog) == -1)
			status = CLI_EXIT_FAIL;
	}
	cr_buf_free(&b);
	cr_reports_free(&rs);
	cli_inputs_free(&ins);
	style_free(&style);
#if HAVE_PDF
	cr_pdf_faces_free(faces); /* cairo is done */
#endif
	return status;
}
