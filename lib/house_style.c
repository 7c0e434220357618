/*
 * house_style.c - the agency's house style, .cr-render.yaml (SPEC 7):
 * `agency` (its name), `logo` (a PNG or SVG file, relative to the
 * configuration) and `reply-hours` (48). Read through cr_yaml_load like
 * every YAML file; finding the file and reading the logo are the
 * caller's (the library opens no file).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const style_keys[] = {"agency", "logo", "reply-hours", NULL};

void
cr_house_style_free(cr_house_style *hs)
{
	free(hs->agency);
	free(hs->logo);
	memset(hs, 0, sizeof(*hs));
}

/* A scalar's text into *dst, or a bad-value error. */
static int
scalar(const cr_node *v, const char *key, const char *file, char **dst,
       cr_diags *d)
{
	if (v->type != CR_NODE_SCALAR || cr_node_is_null(v) ||
	    v->value[0] == '\0')
		return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'%s' is one line of text", key);
	free(*dst);
	return (*dst = cr_strdup(v->value)) == NULL ? -1 : 0;
}

/* reply-hours: a whole number of hours, 0 to 8760 (a year). */
static int
hours(const cr_node *v, const char *file, int *out, cr_diags *d)
{
	char *end;
	long h;

	if (v->type == CR_NODE_SCALAR && v->plain && v->value[0] >= '0' &&
	    v->value[0] <= '9') {
		h = strtol(v->value, &end, 10);
		if (*end == '\0' && h <= 8760) {
			*out = (int)h;
			return 0;
		}
	}
	return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
			    "'reply-hours' is a whole number of hours from 0 "
			    "(no reply line) to 8760");
}

static int
style_map(cr_house_style *hs, const cr_node *map, const char *file, cr_diags *d)
{
	size_t i;
	int rc = 0;

	if (map->type != CR_NODE_MAP)
		return cr_diags_add(d, file, map->pos, CR_RULE_SYNTAX,
				    "the house style is a map of keys (agency, "
				    "logo, reply-hours)");
	for (i = 0; i + 1 < map->len && rc == 0; i += 2) {
		const cr_node *k = map->items[i], *v = map->items[i + 1];
		const char *key = k->value != NULL ? k->value : "";
		const char *near;

		if (strcmp(key, "agency") == 0)
			rc = scalar(v, key, file, &hs->agency, d);
		else if (strcmp(key, "logo") == 0) {
			rc = scalar(v, key, file, &hs->logo, d);
			hs->logo_pos = v->pos;
		} else if (strcmp(key, "reply-hours") == 0)
			rc = hours(v, file, &hs->reply_hours, d);
		else if ((near = cr_suggest(key, style_keys)) != NULL)
			rc =
			    cr_diags_add(d, file, k->pos, CR_RULE_UNKNOWN_FIELD,
					 "unknown key '%s' in the house style; "
					 "did you mean '%s'?",
					 key, near);
		else
			rc =
			    cr_diags_add(d, file, k->pos, CR_RULE_UNKNOWN_FIELD,
					 "unknown key '%s' in the house style "
					 "(agency, logo, reply-hours)",
					 key);
	}
	return rc;
}

int
cr_house_style_read(const char *buf, size_t len, const char *file,
		    cr_house_style *hs, cr_diags *d)
{
	cr_node **docs = NULL;
	size_t ndocs = 0, i, clen;
	char *clean;
	int rc = 0;

	memset(hs, 0, sizeof(*hs));
	hs->reply_hours = CR_REPLY_HOURS_DEFAULT;
	if (cr_input_clean(buf, len, file, &clean, &clen, d) == -1)
		return -1;
	if (cr_yaml_load(clean, clen, file, &docs, &ndocs, d) == -1) {
		free(clean);
		return -1;
	}
	for (i = 0; i < ndocs && rc == 0; i++)
		if (docs[i] != NULL && !cr_node_is_null(docs[i]))
			rc = style_map(hs, docs[i], file, d);
	for (i = 0; i < ndocs; i++)
		cr_node_free(docs[i]);
	free(docs);
	free(clean);
	return rc;
}

const char *
cr_logo_type(const unsigned char *data, size_t len)
{
	static const unsigned char png[8] = {0x89, 'P',	 'N',  'G',
					     '\r', '\n', 0x1a, '\n'};
	size_t i, n = len < 1024 ? len : 1024;

	if (data == NULL)
		return NULL;
	if (len >= sizeof(png) && memcmp(data, png, sizeof(png)) == 0)
		return "image/png";
	/* SVG: an <svg element near the start (after an XML declaration,
	 * comments or a doctype). */
	for (i = 0; i + 4 <= n; i++)
		if (memcmp(data + i, "<svg", 4) == 0)
			return "image/svg+xml";
	return NULL;
}
