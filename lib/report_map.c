/*
 * report_map.c - YAML node trees onto the report model, driven by a table
 * of the keys of SPEC 2.1. Used for YAML documents and for Markdown front
 * matter alike.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum kind { K_STR, K_DATE, K_PERSONS, K_TEXTS, K_ACTIONS };

static const struct field {
	const char *key;
	enum kind kind;
	size_t off;
} fields[] = {
    {"id", K_STR, offsetof(cr_report, id)},
    {"title", K_STR, offsetof(cr_report, title)},
    {"client", K_STR, offsetof(cr_report, client)},
    {"project", K_STR, offsetof(cr_report, project)},
    {"type", K_STR, offsetof(cr_report, type)},
    {"outcome", K_STR, offsetof(cr_report, outcome)},
    {"date", K_DATE, offsetof(cr_report, date)},
    {"location", K_STR, offsetof(cr_report, location)},
    {"author", K_STR, offsetof(cr_report, author)},
    {"issued", K_DATE, offsetof(cr_report, issued)},
    {"confidentiality", K_STR, offsetof(cr_report, confidentiality)},
    {"language", K_STR, offsetof(cr_report, language)},
    {"attendees", K_PERSONS, offsetof(cr_report, attendees)},
    {"absent", K_PERSONS, offsetof(cr_report, absent)},
    {"distribution", K_PERSONS, offsetof(cr_report, distribution)},
    {"previous", K_STR, offsetof(cr_report, previous)},
    {"next_contact", K_DATE, offsetof(cr_report, next_contact)},
    {"tags", K_TEXTS, offsetof(cr_report, tags)},
    {"agenda", K_TEXTS, offsetof(cr_report, agenda)},
    {"discussion", K_TEXTS, offsetof(cr_report, discussion)},
    {"agreements", K_TEXTS, offsetof(cr_report, agreements)},
    {"actions", K_ACTIONS, 0},
    {"internal", K_TEXTS, offsetof(cr_report, internal)},
};

static const char *
type_word(const cr_node *n)
{
	switch (n->type) {
	case CR_NODE_SEQ:
		return "a list";
	case CR_NODE_MAP:
		return "a map";
	default:
		return "text";
	}
}

const char *
cr_suggest(const char *word, const char *const *known)
{
	size_t best = 4, dist, i;
	const char *hit = NULL;

	for (i = 0; known[i] != NULL; i++) {
		dist = cr_utf8_distance(word, known[i], 3);
		if (dist < best) {
			best = dist;
			hit = known[i];
		}
	}
	return hit;
}

static int
unknown_key(const cr_node *key, const char *what, const char *const *known,
	    const char *file, cr_diags *d)
{
	const char *near = cr_suggest(key->value, known);

	if (near != NULL)
		return cr_diags_add(d, file, key->pos, CR_RULE_UNKNOWN_FIELD,
				    "unknown %s key '%s'; did you mean '%s'?",
				    what, key->value, near);
	return cr_diags_add(d, file, key->pos, CR_RULE_UNKNOWN_FIELD,
			    "unknown %s key '%s'; extensions start with 'x-'",
			    what, key->value);
}

/* Whether a column inside the scalar's text is its own column plus the
 * characters before it: a plain scalar on one line. */
static int
exact(const cr_node *v)
{
	return v->plain && v->end.line == v->pos.line;
}

/* A scalar value for `key`; NULL value or wrong type leave dst absent. */
static int
scalar(cr_str *dst, const char *key, const cr_node *v, const char *file,
       cr_diags *d)
{
	if (v->type != CR_NODE_SCALAR)
		return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'%s' must be text, not %s", key,
				    type_word(v));
	if (cr_node_is_null(v))
		return 0;
	if (cr_str_set(dst, v->value, v->pos) == -1)
		return -1;
	dst->exact = exact(v);
	return 0;
}

static int
date(cr_date *dst, const char *key, const cr_node *v, const char *file,
     cr_diags *d)
{
	if (v->type != CR_NODE_SCALAR)
		return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'%s' must be a date, not %s", key,
				    type_word(v));
	if (cr_node_is_null(v))
		return 0;
	if (cr_date_set(dst, v->value, v->pos) == -1)
		return -1;
	dst->raw.exact = exact(v);
	return 0;
}

static int
ext_push(cr_exts *e, const cr_node *key, const cr_node *val)
{
	cr_ext *p;
	cr_node *copy;

	/* the tree is ours to take apart: see cr_report_from_map */
	copy = (cr_node *)val;
	if ((p = realloc(e->items, (e->len + 1) * sizeof(*p))) == NULL)
		return -1;
	e->items = p;
	p[e->len].key = cr_strdup(key->value);
	p[e->len].pos = key->pos;
	p[e->len].value = copy;
	if (p[e->len].key == NULL)
		return -1;
	e->len++;
	return 0;
}

int
cr_person_from_node(cr_person *p, const cr_node *n, const char *file,
		    cr_diags *d)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	p->pos = n->pos;
	if (n->type == CR_NODE_SCALAR) {
		if (cr_node_is_null(n))
			return cr_diags_add(d, file, n->pos,
					    CR_RULE_MISSING_FIELD,
					    "empty person; write a name");
		return cr_person_parse(n->value, n->pos, p);
	}
	if (n->type != CR_NODE_MAP)
		return cr_diags_add(d, file, n->pos, CR_RULE_BAD_VALUE,
				    "a person is 'Name (Role, Org) <email>' or "
				    "a map with name, role, org, email; not %s",
				    type_word(n));
	for (i = 0; i + 1 < n->len; i += 2) {
		const cr_node *k = n->items[i], *v = n->items[i + 1];
		cr_str *dst;

		if (k->type != CR_NODE_SCALAR) {
			if (cr_diags_add(d, file, k->pos, CR_RULE_BAD_VALUE,
					 "a key must be text") == -1)
				return -1;
			continue;
		}
		if (strcmp(k->value, "name") == 0)
			dst = &p->name;
		else if (strcmp(k->value, "role") == 0)
			dst = &p->role;
		else if (strcmp(k->value, "org") == 0)
			dst = &p->org;
		else if (strcmp(k->value, "email") == 0)
			dst = &p->email;
		else {
			if (strncmp(k->value, "x-", 2) != 0 &&
			    unknown_key(k, "person", cr_person_keys, file, d) ==
				-1)
				return -1;
			continue;
		}
		if (scalar(dst, k->value, v, file, d) == -1)
			return -1;
	}
	if (p->name.s == NULL)
		return cr_diags_add(d, file, n->pos, CR_RULE_MISSING_FIELD,
				    "a person needs a 'name'");
	return 0;
}

int
cr_action_from_node(cr_action *a, cr_node *n, const char *file, cr_diags *d)
{
	size_t i;

	memset(a, 0, sizeof(*a));
	a->pos = n->pos;
	if (n->type != CR_NODE_MAP)
		return cr_diags_add(d, file, n->pos, CR_RULE_BAD_VALUE,
				    "an action is a map with what, who, due; "
				    "not %s",
				    type_word(n));
	for (i = 0; i + 1 < n->len; i += 2) {
		cr_node *k = n->items[i], *v = n->items[i + 1];
		const char *key = k->value;
		int rc = 0;

		if (k->type != CR_NODE_SCALAR) {
			rc = cr_diags_add(d, file, k->pos, CR_RULE_BAD_VALUE,
					  "a key must be text");
		} else if (strcmp(key, "id") == 0) {
			rc = scalar(&a->id, key, v, file, d);
			a->id_given = a->id.s != NULL;
		} else if (strcmp(key, "what") == 0)
			rc = scalar(&a->what, key, v, file, d);
		else if (strcmp(key, "who") == 0)
			rc = scalar(&a->who, key, v, file, d);
		else if (strcmp(key, "due") == 0)
			rc = date(&a->due, key, v, file, d);
		else if (strcmp(key, "status") == 0)
			rc = scalar(&a->status, key, v, file, d);
		else if (strcmp(key, "note") == 0)
			rc = scalar(&a->note, key, v, file, d);
		else if (strncmp(key, "x-", 2) == 0) {
			if ((rc = ext_push(&a->ext, k, v)) == 0)
				n->items[i + 1] = NULL;
		} else
			rc = unknown_key(k, "action", cr_action_keys, file, d);
		if (rc == -1)
			return -1;
	}
	return 0;
}

static int
persons(cr_persons *dst, const char *key, const cr_node *v, const char *file,
	cr_diags *d)
{
	cr_person p;
	size_t i;

	dst->given = 1;
	dst->pos = v->pos;
	if (cr_node_is_null(v))
		return 0;
	if (v->type != CR_NODE_SEQ)
		return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'%s' must be a list of persons, not %s",
				    key, type_word(v));
	for (i = 0; i < v->len; i++) {
		if (cr_person_from_node(&p, v->items[i], file, d) == -1)
			return -1;
		if (p.name.s == NULL && p.role.s == NULL && p.org.s == NULL &&
		    p.email.s == NULL)
			continue;
		if (cr_persons_push(dst, &p) == -1) {
			cr_person_clear(&p);
			return -1;
		}
	}
	return 0;
}

static int
texts(cr_texts *dst, const char *key, const cr_node *v, const char *file,
      cr_diags *d)
{
	const cr_node *it;
	size_t i;

	dst->given = 1;
	dst->pos = v->pos;
	if (cr_node_is_null(v))
		return 0;
	if (v->type != CR_NODE_SEQ)
		return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'%s' must be a list, not %s; write each "
				    "entry as '- text'",
				    key, type_word(v));
	for (i = 0; i < v->len; i++) {
		it = v->items[i];
		if (it->type != CR_NODE_SCALAR) {
			if (cr_diags_add(
				d, file, it->pos, CR_RULE_BAD_VALUE,
				"an entry of '%s' must be text, not %s", key,
				type_word(it)) == -1)
				return -1;
			continue;
		}
		if (cr_node_is_null(it))
			continue;
		if (cr_texts_push(dst, it->value, strlen(it->value), it->pos) ==
		    -1)
			return -1;
		dst->items[dst->len - 1].exact = exact(it);
	}
	return 0;
}

static int
actions(cr_report *r, const cr_node *v, const char *file, cr_diags *d)
{
	cr_action a;
	size_t i;

	r->actions.given = 1;
	r->actions.pos = v->pos;
	if (cr_node_is_null(v))
		return 0;
	if (v->type != CR_NODE_SEQ)
		return cr_diags_add(
		    d, file, v->pos, CR_RULE_BAD_VALUE,
		    "'actions' must be a list of actions, not %s",
		    type_word(v));
	for (i = 0; i < v->len; i++) {
		if (cr_action_from_node(&a, v->items[i], file, d) == -1 ||
		    (v->items[i]->type == CR_NODE_MAP &&
		     cr_actions_push(r, &a) == -1)) {
			cr_action_clear(&a);
			return -1;
		}
	}
	return 0;
}

/*
 * Extension values are moved out of the tree rather than copied (the
 * caller frees the tree afterwards), hence the non-const node.
 */
int
cr_report_from_map(cr_report *r, cr_node *map, cr_diags *d)
{
	const char *file = r->file;
	size_t i, f;

	if (map->type != CR_NODE_MAP)
		return cr_diags_add(d, file, map->pos, CR_RULE_SYNTAX,
				    "a report is a map of keys (title: ..., "
				    "client: ...), not %s",
				    type_word(map));
	for (i = 0; i + 1 < map->len; i += 2) {
		cr_node *k = map->items[i], *v = map->items[i + 1];
		const struct field *fd = NULL;
		char *base = (char *)r;
		int rc = 0;

		if (k->type != CR_NODE_SCALAR) {
			if (cr_diags_add(d, file, k->pos, CR_RULE_BAD_VALUE,
					 "a key must be text") == -1)
				return -1;
			continue;
		}
		for (f = 0; f < CR_ARRAY_LEN(fields); f++)
			if (strcmp(k->value, fields[f].key) == 0)
				fd = &fields[f];
		if (fd == NULL) {
			if (strncmp(k->value, "x-", 2) == 0) {
				if (ext_push(&r->ext, k, v) == -1)
					return -1;
				map->items[i + 1] = NULL;
			} else if (unknown_key(k, "report", cr_report_keys,
					       file, d) == -1)
				return -1;
			continue;
		}
		switch (fd->kind) {
		case K_STR:
			rc = scalar((cr_str *)(base + fd->off), fd->key, v,
				    file, d);
			if (fd->off == offsetof(cr_report, id))
				r->id_given = r->id.s != NULL;
			break;
		case K_DATE:
			rc = date((cr_date *)(base + fd->off), fd->key, v, file,
				  d);
			break;
		case K_PERSONS:
			rc = persons((cr_persons *)(base + fd->off), fd->key, v,
				     file, d);
			break;
		case K_TEXTS:
			rc = texts((cr_texts *)(base + fd->off), fd->key, v,
				   file, d);
			break;
		case K_ACTIONS:
			rc = actions(r, v, file, d);
			break;
		}
		if (rc == -1)
			return -1;
	}
	return 0;
}
