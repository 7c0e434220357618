/*
 * cr-new - start a contact report, or continue a thread (SPEC 5).
 *
 * The skeleton is a report model built here and written by the library's
 * canonical writers, so it reads back exactly. What the user still has to
 * write holds the placeholder TODO, which cr-lint reports as `placeholder`
 * until it is replaced; what cr-new fills itself is valid.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char *prog = "cr-new";
static const char TODO[] = "TODO";

struct opts {
	const char *title, *client, *project, *type, *date, *location;
	const char *author, *from, *out, *stage;
	const char **attendees, **agenda;
	size_t nattendees, nagenda;
	cr_lang lang;
	cr_form to;
	int force;
	long long now;
	int now_offset;
};

static const char usage_text[] =
    N_("usage: cr-new [--title TEXT] [--client NAME] [--project NAME] "
       "[--type TYPE]\n"
       "       [--date DATETIME] [--location TEXT] [--author NAME]\n"
       "       [--attendee PERSON ...] [--lang en|vi|zh|ru] "
       "[--to yaml|md]\n"
       "       [--agenda TEXT ...] [--stage STAGE] [--from PREVIOUS]\n"
       "       [--now DATETIME] [-o FILE [--force]]\n");

static void
help(void)
{
	fputs(_(usage_text), stdout);
	fputs(
	    _("\n"
	      "Writes a new contact report skeleton; --from continues a thread "
	      "and carries\nits open and blocked actions over.\n"
	      "\n"
	      "  --attendee PERSON  'Name (Role, Org) <email>', repeatable\n"
	      "  --agenda TEXT      a planned topic, repeatable\n"
	      "  --date DATETIME    later than now: a planned contact (the "
	      "agenda)\n"
	      "  --from PREVIOUS    the last report of the thread\n"
	      "  -o FILE            write FILE atomically; --force replaces "
	      "it\n"
	      "  -h, --help         this help\n"
	      "  --version          the version\n"
	      "\n"
	      "See cr-new(1) for every option and cr-report(5) for the "
	      "format.\n"),
	    stdout);
}

/* Appends s to a list of option values. */
static int
push_arg(const char ***list, size_t *n, const char *s)
{
	const char **p = realloc(*list, (*n + 1) * sizeof(*p));

	if (p == NULL)
		return -1;
	*list = p;
	p[(*n)++] = s;
	return 0;
}

static int
parse_args(int argc, char *argv[], struct opts *o)
{
	enum {
		O_TITLE = 256,
		O_CLIENT,
		O_PROJECT,
		O_TYPE,
		O_DATE,
		O_LOC,
		O_AUTHOR,
		O_ATT,
		O_LANG,
		O_TO,
		O_FROM,
		O_FORCE,
		O_NOW,
		O_AGENDA,
		O_STAGE,
		O_VER
	};
	static const struct option longopts[] = {
	    {"title", required_argument, NULL, O_TITLE},
	    {"client", required_argument, NULL, O_CLIENT},
	    {"project", required_argument, NULL, O_PROJECT},
	    {"type", required_argument, NULL, O_TYPE},
	    {"date", required_argument, NULL, O_DATE},
	    {"location", required_argument, NULL, O_LOC},
	    {"author", required_argument, NULL, O_AUTHOR},
	    {"attendee", required_argument, NULL, O_ATT},
	    {"agenda", required_argument, NULL, O_AGENDA},
	    {"stage", required_argument, NULL, O_STAGE},
	    {"lang", required_argument, NULL, O_LANG},
	    {"to", required_argument, NULL, O_TO},
	    {"from", required_argument, NULL, O_FROM},
	    {"force", no_argument, NULL, O_FORCE},
	    {"now", required_argument, NULL, O_NOW},
	    {"output", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, O_VER},
	    {NULL, 0, NULL, 0}};
	cr_datetime dt;
	int c, v, now_given = 0;

	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case O_TITLE:
			o->title = optarg;
			break;
		case O_CLIENT:
			o->client = optarg;
			break;
		case O_PROJECT:
			o->project = optarg;
			break;
		case O_LOC:
			o->location = optarg;
			break;
		case O_AUTHOR:
			o->author = optarg;
			break;
		case O_FROM:
			o->from = optarg;
			break;
		case O_FORCE:
			o->force = 1;
			break;
		case 'o':
			o->out = optarg;
			break;
		case O_TYPE:
			v = cr_type_lookup(optarg);
			if (v == CR_TYPE_INVALID || v == CR_TYPE_NONE) {
				cli_error(prog,
					  "--type '%s': use meeting, call, "
					  "video, visit, email or other",
					  optarg);
				return -1;
			}
			o->type = optarg;
			break;
		case O_DATE:
			if (cr_datetime_parse(optarg, &dt) == -1) {
				cli_error(prog,
					  "--date '%s' is not a date; write "
					  "e.g. 2026-11-20 14:00 +07:00",
					  optarg);
				return -1;
			}
			o->date = optarg;
			break;
		case O_ATT:
		case O_AGENDA:
			if ((c == O_ATT ? push_arg(&o->attendees,
						   &o->nattendees, optarg)
					: push_arg(&o->agenda, &o->nagenda,
						   optarg)) == -1) {
				cli_error(prog, "out of memory");
				return -1;
			}
			break;
		case O_STAGE:
			if (cr_stage_profile(optarg) == -1) {
				cli_error(prog,
					  "--stage '%s': use brief, debrief, "
					  "ideas, presentation, quotation, "
					  "production, report, closed "
					  "(agency) or identification, "
					  "qualification, cultivation, "
					  "solicitation, stewardship "
					  "(fundraising)",
					  optarg);
				return -1;
			}
			o->stage = optarg;
			break;
		case O_LANG:
			if ((o->lang = cr_lang_lookup(optarg)) ==
			    CR_LANG_INVALID) {
				cli_error(prog,
					  "--lang '%s': use en, vi, zh or "
					  "ru",
					  optarg);
				return -1;
			}
			break;
		case O_TO:
			if ((v = cli_form_lookup(optarg)) < 0) {
				cli_error(prog, "--to '%s': use yaml or md",
					  optarg);
				return -1;
			}
			o->to = (cr_form)v;
			break;
		case O_NOW:
			if (cli_parse_now(optarg, &o->now, &o->now_offset,
					  prog) == -1)
				return -1;
			now_given = 1;
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
	if (optind < argc) {
		cli_error(prog,
			  "unexpected argument '%s'; reports to continue "
			  "go with --from",
			  argv[optind]);
		return -1;
	}
	if (!now_given)
		cli_now(&o->now, &o->now_offset);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The previous report                                                 */

/*
 * Reads PREVIOUS; of a stream of several reports the latest by date is
 * the one continued. Returns the report (owned by rs), or NULL after
 * printing why (*status says 1 or 2).
 */
static cr_report *
read_previous(const char *path, cr_reports *rs, cli_inputs *ins, int *status)
{
	cr_report *best = NULL;
	cr_diags d;
	size_t i;

	*status = CLI_EXIT_FAIL;
	if (cli_inputs_collect(ins, (char *const *)&path, 1, 0, prog) != 0 ||
	    cli_input_load(&ins->items[0], prog) == -1)
		return NULL;
	cr_diags_init(&d);
	if (cli_input_parse(&ins->items[0], CR_FORM_AUTO, rs, &d) == -1) {
		cli_error(prog, "out of memory");
		cr_diags_free(&d);
		return NULL;
	}
	cli_input_unload(&ins->items[0]);
	for (i = 0; i < rs->len; i++) {
		cr_report *r = rs->items[i];

		if (r->broken) {
			cli_diags_print(stderr, &d, 0, cli_use_color(stderr));
			cli_error(prog, "%s: cannot be read as a report",
				  ins->items[0].name);
			cr_diags_free(&d);
			*status = CLI_EXIT_INPUT;
			return NULL;
		}
		if (best == NULL ||
		    (r->date.valid &&
		     (!best->date.valid ||
		      cr_datetime_epoch(&r->date.dt, 0) >=
			  cr_datetime_epoch(&best->date.dt, 0))))
			best = r;
	}
	cr_diags_free(&d);
	*status = CLI_EXIT_OK;
	return best;
}

/* ------------------------------------------------------------------ */
/* The skeleton                                                        */

static const cr_pos nopos = {0, 0, 0};

static int
set(cr_str *dst, const char *s)
{
	return cr_str_set(dst, s, nopos);
}

static int
copy_persons(cr_persons *dst, const cr_persons *src)
{
	size_t i;

	for (i = 0; i < src->len; i++) {
		const cr_person *s = &src->items[i];
		cr_person p;

		memset(&p, 0, sizeof(p));
		if (set(&p.name, s->name.s) == -1 ||
		    set(&p.role, s->role.s) == -1 ||
		    set(&p.org, s->org.s) == -1 ||
		    set(&p.email, s->email.s) == -1 ||
		    cr_persons_push(dst, &p) == -1) {
			cr_person_clear(&p);
			return -1;
		}
	}
	dst->given = src->len > 0;
	return 0;
}

/* Says that an action of an unknown status is carried as written: a
 * warning at the status, printed as every diagnostic is. */
static int
warn_status(const char *file, const cr_action *s)
{
	cr_diags d;

	cr_diags_init(&d);
	if (cr_diags_add(&d, file, s->status.pos, CR_RULE_BAD_VALUE,
			 "action '%s' has the status '%s', not open, done, "
			 "blocked or dropped; carried as written: correct it",
			 s->id.s != NULL ? s->id.s : "?", s->status.s) == -1) {
		cr_diags_free(&d);
		return -1;
	}
	d.items[0].severity = CR_SEV_WARNING;
	cli_diags_print(stderr, &d, 0, cli_use_color(stderr));
	cr_diags_free(&d);
	return 0;
}

/* Carries the open and blocked actions of prev, as they are, and those
 * whose status is none of the four (with a warning). */
static int
carry_actions(cr_report *r, const cr_report *prev)
{
	size_t i;

	for (i = 0; i < prev->actions.len; i++) {
		const cr_action *s = &prev->actions.items[i];
		cr_status st = cr_action_status(s);
		char due[32];
		cr_action a;

		if (!cr_action_open(s) && st != CR_STATUS_INVALID)
			continue;
		/* not one of the four: carried as written, never dropped */
		if (st == CR_STATUS_INVALID && warn_status(prev->file, s) == -1)
			return -1;
		memset(&a, 0, sizeof(a));
		/* The due as it was meant: a date-time keeps the offset it
		 * had in the previous report, whatever the new one's. */
		if (s->due.valid)
			cr_datetime_format(&s->due.dt, due);
		if (set(&a.id, s->id.s) == -1 ||
		    set(&a.what, s->what.s) == -1 ||
		    set(&a.who, s->who.s) == -1 ||
		    (s->due.raw.s != NULL &&
		     cr_date_set(&a.due, s->due.valid ? due : s->due.raw.s,
				 nopos) == -1) ||
		    set(&a.status, st == CR_STATUS_INVALID
				       ? s->status.s
				       : cr_status_name(st)) == -1 ||
		    set(&a.note, s->note.s) == -1 ||
		    cr_actions_push(r, &a) == -1) {
			cr_action_clear(&a);
			return -1;
		}
		r->actions.items[r->actions.len - 1].id_given = 1;
	}
	return 0;
}

/* The first line `git config KEY` prints, malloc'd; NULL when none. */
static char *
git_config(const char *key)
{
	char cmd[64], line[512];
	FILE *p;

	snprintf(cmd, sizeof(cmd), "git config %s 2>/dev/null", key);
	if ((p = popen(cmd, "r")) == NULL)
		return NULL;
	if (fgets(line, sizeof(line), p) == NULL)
		line[0] = '\0';
	pclose(p);
	line[strcspn(line, "\r\n")] = '\0';
	return line[0] != '\0' ? strdup(line) : NULL;
}

/* The author: --author, $CR_AUTHOR, `git config user.name`, else TODO.
 * When git gave the name, *email is `git config user.email` if that is
 * a plain address (else NULL). The results are malloc'd. */
static char *
find_author(const char *opt, char **email)
{
	const char *env = getenv("CR_AUTHOR");
	char *name;

	*email = NULL;
	if (opt != NULL && *opt != '\0')
		return strdup(opt);
	if (env != NULL && *env != '\0')
		return strdup(env);
	if ((name = git_config("user.name")) != NULL) {
		*email = git_config("user.email");
		if (*email != NULL &&
		    (strchr(*email, '@') == NULL ||
		     strpbrk(*email, " \t<>()[],;:\"\\") != NULL)) {
			free(*email);
			*email = NULL;
		}
		return name;
	}
	return strdup(TODO);
}

static int
add_person(cr_persons *ps, const char *s)
{
	cr_person p;

	memset(&p, 0, sizeof(p));
	if (cr_person_parse(s, nopos, &p) == -1 ||
	    cr_persons_push(ps, &p) == -1) {
		cr_person_clear(&p);
		return -1;
	}
	ps->given = 1;
	return 0;
}

static int
has_person(const cr_persons *ps, const char *name)
{
	size_t i;

	for (i = 0; i < ps->len; i++)
		if (ps->items[i].name.s != NULL &&
		    cr_utf8_casecmp(ps->items[i].name.s, name) == 0)
			return 1;
	return 0;
}

/* The contact's date: --date, else now at the local offset, to the
 * minute. */
static int
set_date(cr_report *r, const struct opts *o)
{
	cr_datetime dt;
	char text[32];

	if (o->date != NULL)
		return cr_date_set(&r->date, o->date, nopos);
	cr_datetime_from_epoch(o->now - o->now % 60, o->now_offset, &dt);
	dt.has_time = 1;
	dt.has_offset = 1;
	cr_datetime_format(&dt, text);
	return cr_date_set(&r->date, text, nopos);
}

static int
build(cr_report *r, const struct opts *o, const cr_report *prev)
{
	cr_action todo;
	char *author, *email;
	int rc, planned;

	if (set_date(r, o) == -1 ||
	    set(&r->title, o->title != NULL ? o->title : TODO) == -1 ||
	    set(&r->client, o->client != NULL ? o->client
			    : prev != NULL    ? prev->client.s
					      : TODO) == -1 ||
	    set(&r->project, o->project != NULL ? o->project
			     : prev != NULL	? prev->project.s
						: NULL) == -1 ||
	    set(&r->type, o->type != NULL ? o->type : TODO) == -1 ||
	    set(&r->location, o->location) == -1 ||
	    set(&r->stage, o->stage != NULL ? o->stage
			   : prev != NULL   ? prev->stage.s
					    : NULL) == -1)
		return -1;
	/* A contact still to come: its agenda, nothing said or agreed yet
	 * (SPEC 5). */
	planned = r->date.valid && cr_datetime_epoch(&r->date.dt, 0) > o->now;
	for (size_t i = 0; i < o->nagenda; i++)
		if (cr_texts_push(&r->agenda, o->agenda[i],
				  strlen(o->agenda[i]), nopos) == -1)
			return -1;
	if (planned && o->nagenda == 0 &&
	    cr_texts_push(&r->agenda, TODO, 4, nopos) == -1)
		return -1;
	r->agenda.given = r->agenda.len > 0;
	if ((author = find_author(o->author, &email)) == NULL)
		return -1;
	rc = set(&r->author, author);
	if (o->lang != CR_LANG_INVALID)
		rc = rc == -1 ? -1 : set(&r->language, cr_lang_name(o->lang));
	else if (prev != NULL)
		rc = rc == -1 ? -1 : set(&r->language, prev->language.s);
	if (rc == 0 && prev != NULL) {
		rc = copy_persons(&r->attendees, &prev->attendees);
		if (rc == 0)
			rc =
			    copy_persons(&r->distribution, &prev->distribution);
		if (rc == 0)
			rc = set(&r->previous, prev->id.s);
	}
	for (size_t i = 0; rc == 0 && i < o->nattendees; i++) {
		cr_person p;

		memset(&p, 0, sizeof(p));
		if (cr_person_parse(o->attendees[i], nopos, &p) == -1)
			rc = -1;
		else if (!has_person(&r->attendees, p.name.s))
			rc = add_person(&r->attendees, o->attendees[i]);
		cr_person_clear(&p);
	}
	/* The author took part: cr-lint warns otherwise. */
	if (rc == 0 && strcmp(author, TODO) != 0 &&
	    !has_person(&r->attendees, author)) {
		cr_persons first = {0};

		/* the author from git: with git's address, so that the
		 * report can be sent (cr-render --to eml) */
		rc = add_person(&first, author);
		if (rc == 0 && email != NULL &&
		    cr_str_set(&first.items[0].email, email, nopos) == -1)
			rc = -1;
		if (rc == 0)
			rc = copy_persons(&first, &r->attendees);
		if (rc == 0) {
			cr_persons old = r->attendees;

			r->attendees = first;
			first = old;
		}
		for (size_t i = 0; i < first.len; i++)
			cr_person_clear(&first.items[i]);
		free(first.items);
	}
	free(author);
	free(email);
	if (rc == 0 && r->attendees.len == 0)
		rc = add_person(&r->attendees, TODO);
	/* The new meeting's own: what was said, agreed and decided next;
	 * written after a planned contact, when it has happened. */
	if (rc == 0 && !planned)
		rc = cr_texts_push(&r->discussion, TODO, 4, nopos);
	if (rc == 0 && !planned)
		rc = cr_texts_push(&r->agreements, TODO, 4, nopos);
	r->discussion.given = r->agreements.given = !planned;
	if (rc == 0 && prev != NULL)
		rc = carry_actions(r, prev);
	if (rc == 0 && !planned) {
		memset(&todo, 0, sizeof(todo));
		if (set(&todo.what, TODO) == -1 || set(&todo.who, TODO) == -1 ||
		    cr_date_set(&todo.due, TODO, nopos) == -1 ||
		    cr_actions_push(r, &todo) == -1) {
			cr_action_clear(&todo);
			rc = -1;
		}
	}
	r->actions.given = r->actions.len > 0 || !planned;
	return rc;
}

/* ------------------------------------------------------------------ */
/* The id                                                              */

/* Reads the reports of the folder of `out` (not out itself, not below)
 * into rs: an id written inside a file of another name is taken too. */
static void
folder_reports(const char *out, cr_reports *rs)
{
	const char *slash = strrchr(out, '/');
	char *dir = slash != NULL ? strndup(out, (size_t)(slash - out) + 1)
				  : strdup("./");
	struct stat self, st;
	struct dirent *e;
	DIR *dp;
	int have_self = stat(out, &self) == 0;

	if (dir == NULL || (dp = opendir(dir)) == NULL) {
		free(dir);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		cli_inputs ins = {0};
		char path[4096], *arg = path;
		cr_diags d;

		if (e->d_name[0] == '.' ||
		    cr_form_from_path(e->d_name) == CR_FORM_AUTO)
			continue;
		snprintf(path, sizeof(path), "%s%s", dir, e->d_name);
		if (stat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
		    (have_self && st.st_dev == self.st_dev &&
		     st.st_ino == self.st_ino))
			continue;
		cr_diags_init(&d);
		if (cli_inputs_collect(&ins, &arg, 1, 0, prog) == 0 &&
		    ins.len == 1 && cli_input_load(&ins.items[0], prog) == 0)
			(void)cli_input_parse(&ins.items[0], CR_FORM_AUTO, rs,
					      &d);
		cr_diags_free(&d);
		cli_inputs_free(&ins);
	}
	closedir(dp);
	free(dir);
}

/* Whether another report in the folder of `out` already has the id that
 * `out`'s name gives (as its own `id:`, under another file name): two
 * reports would share it. Said on stderr. */
static int
id_taken(const char *out)
{
	cr_reports near = {0};
	char *id = cr_id_from_path(out);
	size_t i;
	int hit = 0;

	if (id == NULL || strcmp(out, "-") == 0) {
		free(id);
		return 0;
	}
	folder_reports(out, &near);
	for (i = 0; i < near.len && !hit; i++)
		if (near.items[i]->id.s != NULL &&
		    strcmp(near.items[i]->id.s, id) == 0) {
			cli_error(prog,
				  "%s: the id '%s' is already that of %s; two "
				  "reports would share it: choose another "
				  "file name",
				  out, id, near.items[i]->file);
			hit = 1;
		}
	cr_reports_free(&near);
	free(id);
	return hit;
}

/* With -o FILE, the file name without its extension (the default id of
 * SPEC 2.1, so that ids and file names agree); else client-YYYY-MM-DD. */
static int
set_id(cr_report *r, const char *out)
{
	char *slug, date[32], id[512];
	int rc;

	if (out != NULL && strcmp(out, "-") != 0) {
		if ((slug = cr_id_from_path(out)) == NULL)
			return -1;
		rc = set(&r->id, slug);
		free(slug);
		return rc;
	}
	slug = cr_slug(r->client.s != NULL && strcmp(r->client.s, TODO)
			   ? r->client.s
			   : "report");
	if (slug == NULL)
		return -1;
	if (r->date.valid) {
		cr_datetime_format(&r->date.dt, date);
		date[10] = '\0';
	} else
		strcpy(date, "undated");
	snprintf(id, sizeof(id), "%s%s%s", slug, *slug ? "-" : "", date);
	free(slug);
	return set(&r->id, id);
}

/* ------------------------------------------------------------------ */
/* New action ids: the thread's numbering                              */

struct ids {
	char **s;
	size_t len, cap;
};

static int
ids_push(struct ids *ids, const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	if (ids->len == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 32;
		char **p = realloc(ids->s, cap * sizeof(*p));
		if (p == NULL)
			return -1;
		ids->s = p;
		ids->cap = cap;
	}
	if ((ids->s[ids->len] = strdup(s)) == NULL)
		return -1;
	ids->len++;
	return 0;
}

static void
ids_free(struct ids *ids)
{
	for (size_t i = 0; i < ids->len; i++)
		free(ids->s[i]);
	free(ids->s);
}

static int
ids_of(struct ids *ids, const cr_report *r)
{
	for (size_t i = 0; i < r->actions.len; i++)
		if (ids_push(ids, r->actions.items[i].id.s) == -1)
			return -1;
	return 0;
}

/* The report file of id `id` beside `from` (id.yaml, id.yml or id.md),
 * read into rs; NULL when there is none or it cannot be read. */
static const cr_report *
read_beside(const char *from, const char *id, cr_reports *rs)
{
	static const char *const exts[] = {".yaml", ".yml", ".md"};
	const char *slash = strrchr(from, '/');
	int dirlen = slash != NULL ? (int)(slash - from) + 1 : 0;
	const cr_report *found = NULL;
	char path[4096];
	struct stat st;

	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		cli_inputs ins = {0};
		char *arg = path;
		cr_diags d;
		size_t first = rs->len;

		snprintf(path, sizeof(path), "%.*s%s%s", dirlen, from, id,
			 exts[i]);
		if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
			continue;
		cr_diags_init(&d);
		if (cli_inputs_collect(&ins, &arg, 1, 0, prog) == 0 &&
		    cli_input_load(&ins.items[0], prog) == 0 &&
		    cli_input_parse(&ins.items[0], CR_FORM_AUTO, rs, &d) == 0)
			for (size_t j = first; j < rs->len; j++)
				if (!rs->items[j]->broken &&
				    rs->items[j]->id.s != NULL &&
				    strcmp(rs->items[j]->id.s, id) == 0)
					found = rs->items[j];
		cr_diags_free(&d);
		cli_inputs_free(&ins);
		if (found != NULL)
			break;
	}
	return found;
}

/*
 * The action ids of prev's thread: those of its file, then of each
 * report up its `previous` chain found beside it (the chain ends at a
 * report not found, or one met before). New actions are numbered after
 * the highest, so that an id closed long ago is never given again.
 */
static int
thread_ids(struct ids *ids, const char *from, const cr_reports *prevs,
	   const cr_report *prev)
{
	struct ids seen = {0};
	cr_reports chain = {0};
	const cr_report *r = prev;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < prevs->len; i++)
		if (!prevs->items[i]->broken)
			rc = ids_of(ids, prevs->items[i]);
	if (rc == 0)
		rc = ids_push(&seen, prev->id.s);
	while (rc == 0 && r != NULL && r->previous.s != NULL &&
	       seen.len < 10000) {
		const char *p = r->previous.s;
		size_t i;

		for (i = 0; i < seen.len && strcmp(seen.s[i], p) != 0; i++)
			;
		if (i < seen.len || strchr(p, '/') != NULL ||
		    ids_push(&seen, p) == -1 ||
		    (r = read_beside(from, p, &chain)) == NULL)
			break;
		rc = ids_of(ids, r);
	}
	cr_reports_free(&chain);
	ids_free(&seen);
	return rc;
}

/* Gives each new action (one without an id yet) the next id of the
 * thread's numbering, when the thread numbers its ids. */
static int
number_actions(cr_report *r, struct ids *ids)
{
	for (size_t i = 0; i < r->actions.len; i++) {
		cr_action *a = &r->actions.items[i];
		char *next;

		if (a->id_given)
			continue;
		if (cr_action_id_next((const char *const *)ids->s, ids->len,
				      &next) == -1)
			return -1;
		if (next == NULL)
			return 0;
		if (set(&a->id, next) == -1 || ids_push(ids, next) == -1) {
			free(next);
			return -1;
		}
		free(next);
		a->id_given = 1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct opts o;
	cli_inputs ins = {0};
	cr_reports prevs = {0};
	cr_report *prev = NULL, *r = NULL;
	struct ids ids = {0};
	cr_write_opts w;
	cli_output out;
	cr_buf b;
	int status = CLI_EXIT_OK, rc;

	cli_i18n_init();
	memset(&o, 0, sizeof(o));
	o.lang = CR_LANG_INVALID;
	o.to = CR_FORM_YAML;
	if ((rc = parse_args(argc, argv, &o)) < 0) {
		free(o.attendees);
		free(o.agenda);
		return rc == -2 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
	}
	if (o.out != NULL && o.to == CR_FORM_YAML &&
	    cr_form_from_path(o.out) == CR_FORM_MD)
		o.to = CR_FORM_MD; /* -o r.md means Markdown */
	if (o.from != NULL &&
	    (prev = read_previous(o.from, &prevs, &ins, &status)) == NULL) {
		if (status == CLI_EXIT_OK) {
			cli_error(prog, "%s: holds no report", o.from);
			status = CLI_EXIT_INPUT;
		}
		goto done;
	}
	if (o.out != NULL && id_taken(o.out)) {
		status = CLI_EXIT_FAIL;
		goto done;
	}
	cr_buf_init(&b);
	memset(&w, 0, sizeof(w));
	w.lang = CR_LANG_INVALID;
	w.audience = CR_AUDIENCE_INTERNAL;
	w.now = o.now;
	w.now_offset = o.now_offset;
	if ((r = cr_report_new()) == NULL || build(r, &o, prev) == -1 ||
	    set_id(r, o.out) == -1 ||
	    (prev != NULL && (thread_ids(&ids, o.from, &prevs, prev) == -1 ||
			      number_actions(r, &ids) == -1)) ||
	    cr_report_finish(r, NULL) == -1 ||
	    (o.to == CR_FORM_MD ? cr_write_md(r, &w, &b)
				: cr_write_yaml(r, &w, &b)) == -1) {
		cli_error(prog, "out of memory");
		status = CLI_EXIT_FAIL;
	} else if (cli_output_open(&out, o.out, &ins,
				   o.force ? 0 : CLI_OUT_NOCLOBBER, prog) == -1)
		status = CLI_EXIT_FAIL;
	else if (fwrite(b.data, 1, b.len, out.fp) != b.len) {
		cli_error(prog, "%s: write error",
			  o.out != NULL ? o.out : "stdout");
		cli_output_abort(&out);
		status = CLI_EXIT_FAIL;
	} else if (cli_output_commit(&out, prog) == -1)
		status = CLI_EXIT_FAIL;
	cr_buf_free(&b);
done:
	ids_free(&ids);
	cr_report_free(r);
	cr_reports_free(&prevs);
	cli_inputs_free(&ins);
	free(o.attendees);
	free(o.agenda);
	return status;
}
