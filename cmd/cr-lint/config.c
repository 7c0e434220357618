/*
 * config.c - finding and reading .cr-lint.yaml (through cr_yaml_load, so
 * its diagnostics have positions like a report's).
 */
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"

#define CONFIG_NAME ".cr-lint.yaml"

static const char *const config_keys[] = {
    "profile", "max-issue-hours", "confirm-days", "rules", "team", "ignore",
    NULL};

int
lint_rule_fixed(cr_rule rule)
{
	return rule == CR_RULE_SYNTAX || rule == CR_RULE_ENCODING ||
	       rule == CR_RULE_LIMIT;
}

char *
lint_config_find(const char *prog)
{
	return cli_config_find(CONFIG_NAME, prog);
}

void
lint_config_free(lint_config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nteam; i++)
		free(cfg->team[i]);
	for (i = 0; i < cfg->nignore; i++)
		free(cfg->ignore[i]);
	free(cfg->team);
	free(cfg->ignore);
	free(cfg->path);
	free(cfg->dir);
	memset(cfg, 0, sizeof(*cfg));
	cfg->max_issue_hours = -1;
}

static int
strings(char ***dst, size_t *n, const cr_node *v, const char *key,
	const char *file, cr_diags *d)
{
	size_t i;

	if (v->type != CR_NODE_SEQ)
		return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'%s' must be a list of text ('- item')",
				    key);
	if (v->len > 0 && (*dst = calloc(v->len, sizeof(**dst))) == NULL)
		return -1;
	for (i = 0; i < v->len; i++) {
		const cr_node *it = v->items[i];
		if (it->type != CR_NODE_SCALAR) {
			if (cr_diags_add(d, file, it->pos, CR_RULE_BAD_VALUE,
					 "an entry of '%s' must be text",
					 key) == -1)
				return -1;
			continue;
		}
		if (((*dst)[(*n)++] = strdup(it->value)) == NULL)
			return -1;
	}
	return 0;
}

static int
rules(lint_config *cfg, const cr_node *v, const char *file, cr_diags *d)
{
	size_t i;
	int rule, sev;

	if (v->type != CR_NODE_MAP)
		return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'rules' must be a map of rule: "
				    "off|note|warning|error");
	for (i = 0; i + 1 < v->len; i += 2) {
		const cr_node *k = v->items[i], *s = v->items[i + 1];
		const char *known[CR_RULE__COUNT + 1], *near;
		int j;

		if (k->type != CR_NODE_SCALAR ||
		    (rule = cr_rule_lookup(k->value)) < 0) {
			for (j = 0; j < CR_RULE__COUNT; j++)
				known[j] = cr_rule_name((cr_rule)j);
			known[CR_RULE__COUNT] = NULL;
			near = k->type == CR_NODE_SCALAR
				   ? cr_suggest(k->value, known)
				   : NULL;
			/* whole sentences, for the translations */
			if ((near != NULL
				 ? cr_diags_add(d, file, k->pos,
						CR_RULE_UNKNOWN_FIELD,
						"unknown rule '%s'; did you "
						"mean '%s'?",
						k->value, near)
				 : cr_diags_add(
				       d, file, k->pos, CR_RULE_UNKNOWN_FIELD,
				       "unknown rule '%s'; the rules are "
				       "listed in cr-lint(1)",
				       k->type == CR_NODE_SCALAR ? k->value
								 : "?")) == -1)
				return -1;
			continue;
		}
		if (s->type != CR_NODE_SCALAR ||
		    (sev = cr_severity_lookup(s->value)) < 0) {
			if (cr_diags_add(
				d, file, s->pos, CR_RULE_BAD_VALUE,
				"rule '%s' takes off, note, warning or "
				"error",
				k->value) == -1)
				return -1;
			continue;
		}
		if (lint_rule_fixed((cr_rule)rule) && sev != CR_SEV_ERROR) {
			if (cr_diags_add(d, file, s->pos, CR_RULE_BAD_VALUE,
					 "rule '%s' cannot be turned off or "
					 "lowered: a file that is not a "
					 "readable report never passes",
					 k->value) == -1)
				return -1;
			continue;
		}
		cfg->has_rule[rule] = 1;
		cfg->rule[rule] = (cr_severity)sev;
	}
	return 0;
}

static int
config_map(lint_config *cfg, const cr_node *map, const char *file, cr_diags *d)
{
	size_t i;

	if (map->type != CR_NODE_MAP)
		return cr_diags_add(d, file, map->pos, CR_RULE_SYNTAX,
				    "the configuration is a map of keys "
				    "(profile, max-issue-hours, confirm-days, "
				    "rules, team, ignore)");
	for (i = 0; i + 1 < map->len; i += 2) {
		const cr_node *k = map->items[i], *v = map->items[i + 1];
		const char *key = k->type == CR_NODE_SCALAR ? k->value : "";
		int rc = 0;

		if (strcmp(key, "profile") == 0) {
			if (v->type == CR_NODE_SCALAR &&
			    strcmp(v->value, "agency") == 0)
				cfg->profile = CR_PROFILE_AGENCY;
			else if (v->type == CR_NODE_SCALAR &&
				 strcmp(v->value, "fundraising") == 0)
				cfg->profile = CR_PROFILE_FUNDRAISING;
			else {
				rc = cr_diags_add(d, file, v->pos,
						  CR_RULE_BAD_VALUE,
						  "'profile' is agency or "
						  "fundraising");
				continue;
			}
			cfg->has_profile = 1;
		} else if (strcmp(key, "max-issue-hours") == 0) {
			char *end = NULL;
			long h = v->type == CR_NODE_SCALAR
				     ? strtol(v->value, &end, 10)
				     : -1;
			if (end == NULL || end == v->value || *end != '\0' ||
			    h < 0 || h > 100000)
				rc = cr_diags_add(
				    d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'max-issue-hours' is a number of "
				    "hours, e.g. 24");
			else
				cfg->max_issue_hours = (int)h;
		} else if (strcmp(key, "confirm-days") == 0) {
			char *end = NULL;
			long n = v->type == CR_NODE_SCALAR
				     ? strtol(v->value, &end, 10)
				     : -1;
			if (end == NULL || end == v->value || *end != '\0' ||
			    n < 0 || n > 10000)
				rc = cr_diags_add(d, file, v->pos,
						  CR_RULE_BAD_VALUE,
						  "'confirm-days' is a number "
						  "of days, e.g. 3");
			else {
				cfg->confirm_days = (int)n;
				cfg->has_confirm_days = 1;
			}
		} else if (strcmp(key, "rules") == 0)
			rc = rules(cfg, v, file, d);
		else if (strcmp(key, "team") == 0)
			rc = strings(&cfg->team, &cfg->nteam, v, key, file, d);
		else if (strcmp(key, "ignore") == 0)
			rc = strings(&cfg->ignore, &cfg->nignore, v, key, file,
				     d);
		else {
			const char *near = cr_suggest(key, config_keys);
			rc = near != NULL
				 ? cr_diags_add(d, file, k->pos,
						CR_RULE_UNKNOWN_FIELD,
						"unknown key '%s' in the "
						"configuration; did you mean "
						"'%s'?",
						key, near)
				 : cr_diags_add(
				       d, file, k->pos, CR_RULE_UNKNOWN_FIELD,
				       "unknown key '%s' in the configuration; "
				       "the keys are profile, max-issue-hours, "
				       "confirm-days, rules, team and ignore",
				       key);
		}
		if (rc == -1)
			return -1;
	}
	return 0;
}

int
lint_config_load(lint_config *cfg, const char *path, cr_diags *d,
		 const char *prog)
{
	cli_input in;
	cr_node **docs = NULL;
	size_t len, ndocs = 0, i;
	char *buf = NULL, *slash;
	long bad;
	int rc = 0;

	/* the same reading and encoding checks as for reports */
	memset(&in, 0, sizeof(in));
	in.name = in.path = (char *)path;
	if (cli_input_load(&in, prog) == -1)
		return -1;
	if (in.too_big) {
		cli_error(prog, "%s: too large", path);
		free(in.data);
		return -1;
	}
	bad = cr_input_clean(in.data, in.len, path, &buf, &len, d);
	free(in.data);
	if (bad == -1)
		goto oom;
	if ((cfg->path = strdup(path)) == NULL ||
	    (cfg->dir = strdup(path)) == NULL)
		goto oom;
	slash = strrchr(cfg->dir, '/');
	if (slash == NULL)
		strcpy(cfg->dir, ".");
	else
		slash[slash == cfg->dir ? 1 : 0] = '\0';
	if (bad > 0) {
		free(buf);
		return 0; /* the encoding errors are in d */
	}
	if (cr_yaml_load(buf, len, path, &docs, &ndocs, d) == -1)
		goto oom;
	for (i = 0; i < ndocs && rc == 0; i++)
		if (docs[i] != NULL && !cr_node_is_null(docs[i]))
			rc = config_map(cfg, docs[i], path, d);
	for (i = 0; i < ndocs; i++)
		cr_node_free(docs[i]);
	free(docs);
	free(buf);
	if (rc == -1)
		cli_error(prog, "%s: out of memory", path);
	return rc;
oom:
	free(buf);
	cli_error(prog, "%s: out of memory", path);
	return -1;
}

int
lint_config_nearest(lint_config *cfg, const char *prog)
{
	char *path = lint_config_find(prog);
	cr_diags d;
	int rc = 0;

	memset(cfg, 0, sizeof(*cfg));
	cfg->max_issue_hours = -1;
	if (path == NULL)
		return 0;
	cr_diags_init(&d);
	if (lint_config_load(cfg, path, &d, prog) == -1 || d.len > 0) {
		if (!d.oom)
			fprintf(stderr,
				"%s: %s: warning: not used: it has problems "
				"(cr-lint names them)\n",
				prog, path);
		rc = d.oom ? -1 : 0;
		lint_config_free(cfg);
	}
	cr_diags_free(&d);
	free(path);
	return rc;
}

void
lint_config_apply(const lint_config *cfg, cr_check_opts *o)
{
	long long now = o->now;
	int off = o->now_offset, i;

	cr_check_opts_init(o,
			   cfg->has_profile ? cfg->profile : CR_PROFILE_AGENCY);
	o->now = now;
	o->now_offset = off;
	if (cfg->max_issue_hours >= 0)
		o->max_issue_hours = cfg->max_issue_hours;
	if (cfg->has_confirm_days)
		o->confirm_days = cfg->confirm_days;
	for (i = 0; i < CR_RULE__COUNT; i++)
		if (cfg->has_rule[i])
			o->severity[i] = cfg->rule[i];
	o->team = (const char *const *)cfg->team;
	o->nteam = cfg->nteam;
}

/* The part of a real path below the configuration's folder, or NULL. */
static const char *
below(const char *real, const char *dir)
{
	size_t n = strlen(dir);

	if (strncmp(real, dir, n) != 0)
		return NULL;
	if (real[n] == '/')
		return real + n + 1;
	if (n == 1 && dir[0] == '/')
		return real + 1;
	return NULL;
}

int
lint_config_ignored(const lint_config *cfg, const char *name)
{
	char real[PATH_MAX], dir[PATH_MAX];
	const char *base = strrchr(name, '/'), *rel = NULL;
	size_t i;

	base = base != NULL ? base + 1 : name;
	while (strncmp(name, "./", 2) == 0)
		name += 2;
	if (cfg->nignore > 0 && cfg->dir != NULL &&
	    realpath(name, real) != NULL && realpath(cfg->dir, dir) != NULL)
		rel = below(real, dir);
	for (i = 0; i < cfg->nignore; i++) {
		const char *g = cfg->ignore[i];
		if (strchr(g, '/') == NULL) {
			if (fnmatch(g, base, 0) == 0)
				return 1;
			continue;
		}
		if (fnmatch(g, name, 0) == 0 ||
		    (rel != NULL && fnmatch(g, rel, 0) == 0))
			return 1;
	}
	return 0;
}
