/*
 * report_map.c - YAML node trees onto the report model, driven by a table
 * of the keys of SPEC 2.1. Used for YAML documents and for Markdown front
 * matter alike.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *
type_word(const cr_node *n)
{
	switch (n->type) {
	case CR_NODE_SEQ:
		return CR_("a list");
	case CR_NODE_MAP:
		return CR_("a map");
	default:
		return CR_("text");
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
	if (cr_str_setn_as(dst, v->value, strlen(v->value), v->pos,
			   v->stable) == -1)
		return -1;
	/* exact only when NFC left the text as written */
	dst->exact =
	    cr_node_exact(v) && (v->stable || strcmp(dst->s, v->value) == 0);
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
	dst->raw.exact = cr_node_exact(v) && strcmp(dst->raw.s, v->value) == 0;
	return 0;
}

/* Keeps key: value as an extension (x-) or unknown key: a copy of the
 * value, in NFC, which outlives the tree (made in the reader's arena). */
static int
ext_push(cr_exts *e, const cr_node *key, const cr_node *val)
{
	cr_ext *p;

	if ((p = realloc(e->items, (e->len + 1) * sizeof(*p))) == NULL)
		return -1;
	e->items = p;
	memset(&p[e->len], 0, sizeof(*p));
	e->len++; /* cleared: the report frees what is made so far */
	if ((p[e->len - 1].key =
		 cr_utf8_nfc(key->value, strlen(key->value), NULL)) == NULL ||
	    (p[e->len - 1].value = cr_node_copy(val)) == NULL ||
	    cr_node_nfc(p[e->len - 1].value) == -1)
		return -1;
	p[e->len - 1].pos = key->pos;
	p[e->len - 1].unknown = strncmp(key->value, "x-", 2) != 0;
	p[e->len - 1].section = key->noted == CR_NOTED_SECTION;
	return 0;
}

/* A key neither known nor x-: warned about (unless its reader did) and
 * kept, so that a conversion never drops a typo unasked (SPEC 7). */
static int
unknown_kept(cr_exts *e, const cr_node *key, const cr_node *val,
	     const char *what, const char *const *known, const char *file,
	     cr_diags *d)
{
	if (key->noted == 0 && strncmp(key->value, "x-", 2) != 0 &&
	    unknown_key(key, what, known, file, d) == -1)
		return -1;
	return ext_push(e, key, val);
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
		if (cr_person_parse_as(n->value, n->pos, n->stable, p) == -1)
			return -1;
		if (p->name.s == NULL)
			return cr_diags_add(d, file, n->pos,
					    CR_RULE_MISSING_FIELD,
					    "a person needs a name: 'Name "
					    "(Role, Org) <email>'");
		return 0;
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
		dst = NULL;
#define CR_PERSON_FIELD(e, key, member)                                        \
	if (k->value[0] == (key)[0] && strcmp(k->value, key) == 0)             \
		dst = &p->member;
#include "cr_action_fields.h"
#undef CR_PERSON_FIELD
		if (dst == NULL) {
			if (strncmp(k->value, "x-", 2) != 0 &&
			    unknown_key(k, CR_("person"), cr_person_keys, file,
					d) == -1)
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
	size_t i, f;

	memset(a, 0, sizeof(*a));
	a->pos = n->pos;
	if (n->type != CR_NODE_MAP)
		return cr_diags_add(d, file, n->pos, CR_RULE_BAD_VALUE,
				    "an action is a map with what, who, due; "
				    "not %s",
				    type_word(n));
	for (i = 0; i + 1 < n->len; i += 2) {
		cr_node *k = n->items[i];
		const struct cr_afield_desc *fd = NULL;
		char *slot;
		int rc;

		if (k->type != CR_NODE_SCALAR) {
			rc = cr_diags_add(d, file, k->pos, CR_RULE_BAD_VALUE,
					  "a key must be text");
		} else {
			for (f = 0; f < CR_AF__COUNT && fd == NULL; f++)
				if (k->value[0] == cr_afields[f].key[0] &&
				    strcmp(k->value, cr_afields[f].key) == 0)
					fd = &cr_afields[f];
			slot = fd != NULL ? (char *)a + fd->off : NULL;
			if (fd == NULL)
				rc = unknown_kept(&a->ext, k, n->items[i + 1],
						  CR_("action"), cr_action_keys,
						  file, d);
			else if (fd->kind == CR_K_DATE)
				rc = date((cr_date *)(void *)slot, fd->key,
					  n->items[i + 1], file, d);
			else
				rc = scalar((cr_str *)(void *)slot, fd->key,
					    n->items[i + 1], file, d);
			if (fd == &cr_afields[CR_AF_ID])
				a->id_given = a->id.s != NULL;
		}
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
		if (cr_texts_push_as(dst, it->value, strlen(it->value), it->pos,
				     it->stable) == -1)
			return -1;
		/* exact only when NFC left the text as written */
		dst->items[dst->len - 1].exact =
		    cr_node_exact(it) &&
		    (it->stable ||
		     strcmp(dst->items[dst->len - 1].s, it->value) == 0);
	}
	return 0;
}

/* One confirmation: the string form, the map {name, at, note}, or the
 * one-key map that the string form with a note is in a YAML list. */
static int
confirmation(cr_confirmations *dst, cr_node *n, const char *file, cr_diags *d)
{
	cr_confirmation c;
	size_t i;
	int rc = 0;

	memset(&c, 0, sizeof(c));
	c.pos = n->pos;
	if (n->type == CR_NODE_SCALAR) {
		if (cr_confirmation_parse(n->value, n->pos, &c) == -1)
			return -1;
	} else if (n->type == CR_NODE_MAP && n->len == 2 &&
		   n->items[0]->type == CR_NODE_SCALAR &&
		   strchr(n->items[0]->value, '(') != NULL) {
		if (cr_confirmation_parse(n->items[0]->value, n->pos, &c) == -1)
			return -1;
		if (c.name.s != NULL &&
		    (rc = scalar(&c.note, "note", n->items[1], file, d)) ==
			-1) {
			cr_confirmation_clear(&c);
			return -1;
		}
	} else if (n->type == CR_NODE_MAP) {
		for (i = 0; rc == 0 && i + 1 < n->len; i += 2) {
			const cr_node *k = n->items[i], *v = n->items[i + 1];

			if (k->type != CR_NODE_SCALAR)
				rc = cr_diags_add(d, file, k->pos,
						  CR_RULE_BAD_VALUE,
						  "a key must be text");
			else if (strcmp(k->value, "name") == 0)
				rc = scalar(&c.name, "name", v, file, d);
			else if (strcmp(k->value, "at") == 0)
				rc = date(&c.at, "at", v, file, d);
			else if (strcmp(k->value, "note") == 0)
				rc = scalar(&c.note, "note", v, file, d);
			else if (strncmp(k->value, "x-", 2) != 0)
				rc = unknown_key(k, "confirmation",
						 cr_confirmation_keys, file, d);
		}
		if (rc == 0 && (c.name.s == NULL || c.at.raw.s == NULL))
			rc =
			    cr_diags_add(d, file, n->pos, CR_RULE_MISSING_FIELD,
					 "a confirmation needs a 'name' and "
					 "an 'at' (when it was given)");
		if (rc == 0 && c.name.s == NULL) {
			cr_confirmation_clear(&c);
			return 0;
		}
	} else
		return cr_diags_add(d, file, n->pos, CR_RULE_BAD_VALUE,
				    "a confirmation is 'Name (AT): note' or a "
				    "map with name, at, note; not %s",
				    type_word(n));
	if (rc == -1) {
		cr_confirmation_clear(&c);
		return -1;
	}
	if (c.name.s == NULL)
		return cr_diags_add(d, file, n->pos, CR_RULE_BAD_VALUE,
				    "a confirmation is 'Name (AT)' or 'Name "
				    "(AT): note', AT when it was given, e.g. "
				    "'Nguyen Van An (2026-11-21 10:12 "
				    "+07:00)'");
	if (cr_confirmations_push(dst, &c) == -1) {
		cr_confirmation_clear(&c);
		return -1;
	}
	return 0;
}

static int
confirmations(cr_confirmations *dst, cr_node *v, const char *file, cr_diags *d)
{
	size_t i;

	dst->given = 1;
	dst->pos = v->pos;
	if (cr_node_is_null(v))
		return 0;
	if (v->type != CR_NODE_SEQ)
		return cr_diags_add(d, file, v->pos, CR_RULE_BAD_VALUE,
				    "'confirmations' must be a list, not %s",
				    type_word(v));
	for (i = 0; i < v->len; i++)
		if (confirmation(dst, v->items[i], file, d) == -1)
			return -1;
	return 0;
}

static int
actions(cr_actions *dst, const cr_node *v, const char *file, cr_diags *d)
{
	cr_action a;
	size_t i;
	cr_actions *as = dst;

	as->given = 1;
	as->pos = v->pos;
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
		     cr_actions_append(as, &a) == -1)) {
			cr_action_clear(&a);
			return -1;
		}
	}
	return 0;
}

int
cr_report_from_map(cr_report *r, cr_node *map, cr_diags *d)
{
	const char *file = r->file;
	size_t i;

	if (map->type != CR_NODE_MAP)
		return cr_diags_add(d, file, map->pos, CR_RULE_SYNTAX,
				    "a report is a map of keys (title: ..., "
				    "client: ...), not %s",
				    type_word(map));
	for (i = 0; i + 1 < map->len; i += 2) {
		cr_node *k = map->items[i], *v = map->items[i + 1];
		enum cr_field f;
		const char *key;
		int rc = 0;

		if (k->type != CR_NODE_SCALAR) {
			if (cr_diags_add(d, file, k->pos, CR_RULE_BAD_VALUE,
					 "a key must be text") == -1)
				return -1;
			continue;
		}
		if ((f = cr_field_lookup(k->value)) == CR_F__COUNT) {
			if (unknown_kept(&r->ext, k, map->items[i + 1],
					 CR_("report"), cr_report_keys, file,
					 d) == -1)
				return -1;
			continue;
		}
		key = cr_fields[f].key;
		switch (cr_fields[f].kind) {
		case CR_K_STR:
			rc =
			    scalar(CR_FIELD_MUT(r, f, cr_str), key, v, file, d);
			if (f == CR_F_ID)
				r->id_given = r->id.s != NULL;
			break;
		case CR_K_DATE:
			rc = date(CR_FIELD_MUT(r, f, cr_date), key, v, file, d);
			break;
		case CR_K_PERSONS:
			rc = persons(CR_FIELD_MUT(r, f, cr_persons), key, v,
				     file, d);
			break;
		case CR_K_TEXTS:
			rc = texts(CR_FIELD_MUT(r, f, cr_texts), key, v, file,
				   d);
			break;
		case CR_K_ACTIONS:
			rc =
			    actions(CR_FIELD_MUT(r, f, cr_actions), v, file, d);
			break;
		case CR_K_CONFIRMATIONS:
			rc = confirmations(CR_FIELD_MUT(r, f, cr_confirmations),
					   v, file, d);
			break;
		}
		if (rc == -1)
			return -1;
	}
	return 0;
}
