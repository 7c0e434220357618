/*
 * config.h - cr-lint's configuration file, .cr-lint.yaml.
 */
#ifndef CR_LINT_CONFIG_H
#define CR_LINT_CONFIG_H

#include "crtools.h"

typedef struct lint_config {
	char *path; /* the file read; NULL when there was none */
	char *dir;  /* its folder, for `ignore` globs */
	int has_profile;
	cr_profile profile;
	int max_issue_hours; /* -1: not given */
	int has_confirm_days;
	int confirm_days; /* not-confirmed: days after issued */
	int has_rule[CR_RULE__COUNT];
	cr_severity rule[CR_RULE__COUNT];
	char **team; /* owned */
	size_t nteam;
	char **ignore; /* owned path globs */
	size_t nignore;
} lint_config;

/* The nearest .cr-lint.yaml from the current folder up to the root that
 * the user or root owns, or NULL (malloc'd path); one owned by another
 * user is skipped with a warning on stderr. */
char *lint_config_find(const char *prog);
/* Whether a rule can never be turned off or lowered (syntax, encoding,
 * limit: a file that is not a readable report never passes). */
int lint_rule_fixed(cr_rule rule);
/*
 * Loads `path` into cfg. Problems in the file (syntax, unknown keys, bad
 * values) are diagnostics appended to d, with positions. Returns 0, or -1
 * when the file cannot be read or memory ran out (reported on stderr).
 */
int lint_config_load(lint_config *cfg, const char *path, cr_diags *d,
		     const char *prog);
void lint_config_free(lint_config *cfg);
/* For a tool that honours only `ignore:` (cr-wip): the nearest trusted
 * .cr-lint.yaml into cfg (left empty when there is none, or skipped with
 * a warning when it has problems: cr-lint names them). 0, or -1 on
 * memory. */
int lint_config_nearest(lint_config *cfg, const char *prog);
/* Fills check options: the profile's defaults, then the file's values. */
void lint_config_apply(const lint_config *cfg, cr_check_opts *o);
/* Whether an input name matches one of the `ignore` globs. */
int lint_config_ignored(const lint_config *cfg, const char *name);

#endif
