/*
 * yaml_load.c - libyaml events to node trees, with positions.
 *
 * libyaml has no depth limit, does not detect duplicate keys and never
 * expands aliases; all three are done here, in the event loop, so that a
 * hostile file is refused in bounded time and memory.
 *
 * Each document's nodes and texts are made in an arena of its own, which
 * its root owns: nothing is freed node by node, and a node put out of the
 * tree (a duplicate key, a merge key) stays valid for the anchors that
 * name it until the document is done with.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "internal.h"

struct anchor {
	char *name;
	const cr_node *node;
};

struct loader {
	const char *buf;
	size_t len;
	const char *file;
	cr_diags *d;
	cr_node **stack; /* open collections */
	size_t depth, stackcap;
	struct anchor *anchors;
	size_t nanchors, anchorcap;
	size_t expanded; /* bytes (and nodes) produced by aliases so far */
	size_t nodes;	 /* nodes made in the whole stream */
	cr_arena *arena; /* of the document being read */
	cr_node *root;
	int failed; /* a diagnostic stopped this document */
	int oom;
	cr_pos_cursor cur; /* libyaml's marks count code points */
	unsigned text;	   /* CR_TEXT_* of it */
};

static cr_pos
mark_pos(struct loader *l, yaml_mark_t m)
{
	if (l->text & CR_TEXT_NARROW) { /* a column a character */
		cr_pos p = {(int)m.line + 1, (int)m.column + 1,
			    (int)m.column + 1};
		return p;
	}
	return cr_pos_cursor_index(&l->cur, m.index);
}

/* Deep copy of an anchored node for an alias, at the alias's position,
 * counting what it costs. */
static cr_node *
node_expand(struct loader *l, const cr_node *src, cr_pos pos)
{
	cr_node *n;
	size_t i;

	l->expanded += 1 + (src->value != NULL ? strlen(src->value) : 0);
	if (l->expanded > CR_MAX_ALIAS_BYTES || ++l->nodes > CR_MAX_YAML_NODES)
		return NULL;
	if ((n = cr_node_new(l->arena, src->type, pos)) == NULL)
		goto oom;
	n->plain = src->plain;
	n->stable = src->stable;
	if (src->value != NULL &&
	    (n->value = cr_arena_strndup(l->arena, src->value,
					 strlen(src->value))) == NULL)
		goto oom;
	for (i = 0; i < src->len; i++) {
		/* every node of the copy is where the alias is: a
		 * finding in it points at what the user wrote there */
		cr_node *c = node_expand(l, src->items[i], pos);
		if (c == NULL)
			return NULL;
		if (cr_node_append(n, c) == -1)
			goto oom;
	}
	return n;
oom:
	l->oom = 1;
	return NULL;
}

static void tag_warning(cr_diags *d, const char *file, cr_pos pos,
			const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A warning whatever the rule's default: an unknown tag loses nothing
 * that the text does not keep. */
static void
tag_warning(cr_diags *d, const char *file, cr_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cr_diags_vadd(d, file, pos, CR_RULE_UNKNOWN_FIELD, CR_SEV_WARNING, fmt,
		      ap);
	va_end(ap);
}

static void fail(struct loader *l, cr_pos pos, cr_rule rule, const char *fmt,
		 ...) __attribute__((format(printf, 4, 5)));

static void
fail(struct loader *l, cr_pos pos, cr_rule rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cr_diags_vadd(l->d, l->file, pos, rule, cr_rule_default(rule), fmt, ap);
	va_end(ap);
	l->failed = 1;
}

static int
anchor_add(struct loader *l, const char *name, const cr_node *n)
{
	char *copy;

	if (name == NULL)
		return 0;
	if (cr_grow(&l->anchors, &l->anchorcap, l->nanchors + 1,
		    sizeof(*l->anchors)) == -1 ||
	    (copy = cr_strdup(name)) == NULL) {
		l->oom = 1;
		return -1;
	}
	l->anchors[l->nanchors].name = copy;
	l->anchors[l->nanchors].node = n;
	l->nanchors++;
	return 0;
}

static const cr_node *
anchor_find(struct loader *l, const char *name)
{
	size_t i;

	for (i = l->nanchors; i-- > 0;)
		if (strcmp(l->anchors[i].name, name) == 0)
			return l->anchors[i].node;
	return NULL;
}

static void
anchors_clear(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nanchors; i++)
		free(l->anchors[i].name);
	l->nanchors = 0;
}

/* Places a finished node: as the root, a sequence entry, or a map key or
 * value. */
static int
place(struct loader *l, cr_node *n)
{
	if (l->depth == 0) {
		l->root = n;
		return 0;
	}
	if (cr_node_append(l->stack[l->depth - 1], n) == -1) {
		l->oom = 1;
		return -1;
	}
	return 0;
}

static int
key_cmp(const void *a, const void *b)
{
	const cr_node *const *x = a, *const *y = b;
	int c = strcmp((*x)->value, (*y)->value);

	if (c != 0)
		return c;
	if ((*x)->pos.line != (*y)->pos.line)
		return (*x)->pos.line < (*y)->pos.line ? -1 : 1;
	return (*x)->pos.column < (*y)->pos.column ? -1 : 1;
}

/* Reports a key given twice and drops the later pair, so that consumers
 * see the first value only. Sorting keeps big maps linear-logarithmic. */
static void
check_duplicates(struct loader *l, cr_node *map)
{
	size_t i, j, n = 0;
	cr_node **keys;

	if (map->len < 4)
		return;
	if ((keys = malloc((map->len / 2) * sizeof(*keys))) == NULL) {
		l->oom = 1;
		return;
	}
	for (i = 0; i + 1 < map->len; i += 2)
		if (map->items[i]->type == CR_NODE_SCALAR)
			keys[n++] = map->items[i];
	if (n <= 16) {
		/* the maps of a report: insertion beats qsort's set-up */
		for (i = 1; i < n; i++) {
			cr_node *k = keys[i];

			for (j = i; j > 0 && key_cmp(&keys[j - 1], &k) > 0; j--)
				keys[j] = keys[j - 1];
			keys[j] = k;
		}
	} else
		qsort(keys, n, sizeof(*keys), key_cmp);
	for (i = 1; i < n; i++) {
		if (strcmp(keys[i]->value, keys[i - 1]->value) != 0)
			continue;
		cr_diags_add(l->d, l->file, keys[i]->pos,
			     CR_RULE_DUPLICATE_FIELD,
			     "key '%s' given twice (first at %d:%d); keep one",
			     keys[i]->value, keys[i - 1]->pos.line,
			     keys[i - 1]->pos.column);
		keys[i]->plain = -1;   /* mark for removal */
		keys[i] = keys[i - 1]; /* compare the next with the first */
	}
	free(keys);
	for (i = j = 0; i + 1 < map->len; i += 2) {
		if (map->items[i]->plain == -1)
			continue; /* out of the tree, still in the arena */
		map->items[j++] = map->items[i];
		map->items[j++] = map->items[i + 1];
	}
	map->len = j;
}

static void
cr_diags_vadd_tag(struct loader *l, cr_pos pos, const char *pre,
		  const char *tag)
{
	tag_warning(l->d, l->file, pos,
		    "the tag '%s%s' is not one of YAML's "
		    "core schema (!!str, !!int, !!float, !!bool, "
		    "!!null, !!seq, !!map); the value is read as "
		    "written, without it",
		    pre, tag);
}

/* Sorting the keys of a map with merged pairs: by text, then by their
 * index (priority order), with non-scalars last. */
struct mkey {
	const char *s;
	size_t idx;
};

static int
merge_cmp(const void *a, const void *b)
{
	const struct mkey *x = a, *y = b;
	int c = strcmp(x->s, y->s);

	return c != 0 ? c : (x->idx < y->idx ? -1 : x->idx > y->idx);
}

/* Whether a map pair is the merge key "<<" (plain, untagged). */
static int
is_merge_key(const cr_node *k)
{
	return k->type == CR_NODE_SCALAR && k->plain == 1 &&
	       strcmp(k->value, "<<") == 0;
}

/* The number of pairs a "<<" value brings, or -1 when it is no map or
 * list of maps. */
static long
merged_pairs(const cr_node *v)
{
	const cr_node *const *src =
	    v->type == CR_NODE_SEQ ? (const cr_node *const *)v->items : &v;
	size_t nsrc = v->type == CR_NODE_SEQ ? v->len : 1, m;
	long n = 0;

	if (v->type != CR_NODE_MAP && v->type != CR_NODE_SEQ)
		return -1;
	for (m = 0; m < nsrc; m++) {
		if (src[m]->type != CR_NODE_MAP)
			return -1;
		n += (long)(src[m]->len / 2);
	}
	return n;
}

/* Moves the pairs of the maps after a "<<" to out (room made). */
static void
take_merged(cr_node *v, cr_node **out, size_t *n)
{
	cr_node **src = v->type == CR_NODE_SEQ ? v->items : &v;
	size_t nsrc = v->type == CR_NODE_SEQ ? v->len : 1, m, j;

	for (m = 0; m < nsrc; m++) {
		for (j = 0; j + 1 < src[m]->len; j += 2) {
			out[(*n)++] = src[m]->items[j];
			out[(*n)++] = src[m]->items[j + 1];
		}
		src[m]->len = 0; /* the pairs are out's now */
	}
}

/*
 * YAML's merge key: `<<: *anchor` (a map) or `<<: [*a, *b]` (maps) puts
 * the keys of those maps into this one as if written here (at the
 * alias), except where this map gives the key itself; of several merged
 * maps the first that has a key wins. Anything else after `<<` is a
 * bad-value at the `<<`.
 */
static void
merge_keys(struct loader *l, cr_node *map)
{
	cr_node **out;
	struct mkey *keys;
	size_t i, j, g, n = 0, cap = 0, nexplicit, nk, nsc = 0;
	int any = 0;
	long r;

	for (i = 0; i + 1 < map->len; i += 2)
		any |= is_merge_key(map->items[i]);
	if (!any)
		return;
	/* room for everything first: the moves below cannot fail */
	for (i = 0; i + 1 < map->len; i += 2)
		if (!is_merge_key(map->items[i]))
			cap += 2;
		else if ((r = merged_pairs(map->items[i + 1])) > 0)
			cap += 2 * (size_t)r;
	if ((out = cr_arena_alloc(l->arena, (cap + 1) * sizeof(*out))) == NULL)
		goto oom;
	for (i = 0; i + 1 < map->len; i += 2)
		if (!is_merge_key(map->items[i])) {
			out[n++] = map->items[i];
			out[n++] = map->items[i + 1];
		}
	nexplicit = n / 2;
	for (i = 0; i + 1 < map->len; i += 2) {
		if (!is_merge_key(map->items[i]))
			continue;
		if (merged_pairs(map->items[i + 1]) < 0)
			cr_diags_add(l->d, l->file, map->items[i]->pos,
				     CR_RULE_BAD_VALUE,
				     "the merge key '<<' takes a map or a "
				     "list of maps (an alias such as "
				     "*defaults)");
		else
			take_merged(map->items[i + 1], out, &n);
	}
	map->items = out;
	map->len = n;
	map->cap = cap + 1;
	/* a merged key loses to an explicit one and to an earlier merged:
	 * sorted by text then priority, the first of a run stays, and of
	 * the rest only explicit keys (duplicates check_duplicates names) */
	nk = n / 2;
	if ((keys = malloc((nk + 1) * sizeof(*keys))) == NULL)
		goto oom;
	for (i = 0; i < nk; i++)
		if (out[2 * i]->type == CR_NODE_SCALAR) {
			keys[nsc].s = out[2 * i]->value;
			keys[nsc++].idx = i;
		}
	qsort(keys, nsc, sizeof(*keys), merge_cmp);
	for (g = 0; g < nsc; g = j) {
		for (j = g + 1; j < nsc && strcmp(keys[j].s, keys[g].s) == 0;
		     j++)
			if (keys[j].idx >= nexplicit)
				out[2 * keys[j].idx] = NULL;
	}
	for (i = 0, j = 0; i < nk; i++)
		if (out[2 * i] != NULL) {
			out[j++] = out[2 * i];
			out[j++] = out[2 * i + 1];
		}
	map->len = j;
	free(keys);
	return;
oom:
	l->oom = 1;
}

/* Tags of YAML's core schema, read as the values they tag; any other
 * (!!binary, !local) is named in a warning and its value read as text. */
static void
check_tag(struct loader *l, const yaml_char_t *tag, cr_pos pos)
{
	static const char *const core[] = {"str",  "int", "float", "bool",
					   "null", "seq", "map",   NULL};
	static const char prefix[] = "tag:yaml.org,2002:";
	const char *t = (const char *)tag;
	size_t i;

	if (t == NULL || strcmp(t, "!") == 0)
		return;
	if (strncmp(t, prefix, sizeof(prefix) - 1) == 0) {
		for (i = 0; core[i] != NULL; i++)
			if (strcmp(t + sizeof(prefix) - 1, core[i]) == 0)
				return;
		cr_diags_vadd_tag(l, pos, "!!", t + sizeof(prefix) - 1);
		return;
	}
	cr_diags_vadd_tag(l, pos, "", t);
}

static void
too_many(struct loader *l, cr_pos pos)
{
	fail(l, pos, CR_RULE_LIMIT,
	     "more than %u YAML values (scalars, lists, maps) by here, "
	     "beyond the limit that keeps reading in bounded memory; split "
	     "the file",
	     CR_MAX_YAML_NODES);
}

static void
handle_event(struct loader *l, yaml_event_t *ev)
{
	cr_pos pos = mark_pos(l, ev->start_mark);
	const cr_node *target;
	cr_node *n;

	if ((ev->type == YAML_SCALAR_EVENT ||
	     ev->type == YAML_SEQUENCE_START_EVENT ||
	     ev->type == YAML_MAPPING_START_EVENT) &&
	    ++l->nodes > CR_MAX_YAML_NODES) {
		too_many(l, pos);
		return;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if ((n = cr_node_new(l->arena, CR_NODE_SCALAR, pos)) == NULL ||
		    (n->value = cr_arena_strndup(
			 l->arena, (const char *)ev->data.scalar.value,
			 ev->data.scalar.length)) == NULL) {
			l->oom = 1;
			return;
		}
		n->end = mark_pos(l, ev->end_mark);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
			   ev->data.scalar.tag == NULL;
		/* double quotes with no backslash in the text: no escape
		 * to make any code point */
		n->stable =
		    (l->text & CR_TEXT_STABLE) &&
		    (ev->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE ||
		     !(l->text & CR_TEXT_BACKSLASH));
		check_tag(l, ev->data.scalar.tag, pos);
		if (place(l, n) == 0)
			anchor_add(l, (const char *)ev->data.scalar.anchor, n);
		break;
	case YAML_ALIAS_EVENT:
		target = anchor_find(l, (const char *)ev->data.alias.anchor);
		if (target == NULL) {
			fail(l, pos, CR_RULE_SYNTAX,
			     "alias *%s names no finished anchor",
			     (const char *)ev->data.alias.anchor);
			return;
		}
		if ((n = node_expand(l, target, pos)) == NULL) {
			if (!l->oom && l->nodes > CR_MAX_YAML_NODES)
				too_many(l, pos);
			else if (!l->oom)
				fail(l, pos, CR_RULE_LIMIT,
				     "alias expansion exceeds the limit of "
				     "1 MiB");
			return;
		}
		place(l, n);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (l->depth >= CR_MAX_DEPTH) {
			fail(l, pos, CR_RULE_LIMIT,
			     "nesting deeper than the limit of %d "
			     "levels",
			     CR_MAX_DEPTH);
			return;
		}
		n = cr_node_new(l->arena,
				ev->type == YAML_SEQUENCE_START_EVENT
				    ? CR_NODE_SEQ
				    : CR_NODE_MAP,
				pos);
		if (n == NULL || cr_grow(&l->stack, &l->stackcap, l->depth + 1,
					 sizeof(*l->stack)) == -1) {
			l->oom = 1;
			return;
		}
		check_tag(l,
			  ev->type == YAML_SEQUENCE_START_EVENT
			      ? ev->data.sequence_start.tag
			      : ev->data.mapping_start.tag,
			  pos);
		/* Keep the anchor name on the node until it is finished: an
		 * alias inside it must not see it (that would recurse). */
		if (ev->type == YAML_SEQUENCE_START_EVENT &&
		    ev->data.sequence_start.anchor != NULL)
			n->value = cr_strdup(
			    (const char *)ev->data.sequence_start.anchor);
		if (ev->type == YAML_MAPPING_START_EVENT &&
		    ev->data.mapping_start.anchor != NULL)
			n->value = cr_strdup(
			    (const char *)ev->data.mapping_start.anchor);
		l->stack[l->depth++] = n;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		char *anchor;

		n = l->stack[--l->depth];
		anchor = n->value;
		n->value = NULL;
		if (n->type == CR_NODE_MAP) {
			merge_keys(l, n);
			check_duplicates(l, n);
		}
		if (place(l, n) == 0)
			anchor_add(l, anchor, n);
		free(anchor);
		break;
	}
	default:
		break;
	}
}

static void
loader_reset(struct loader *l)
{
	while (l->depth > 0) {
		cr_node *n = l->stack[--l->depth];
		free(n->value); /* the anchor name of an open collection */
		n->value = NULL;
	}
	l->root = NULL;
	cr_arena_free(l->arena);
	l->arena = NULL;
	anchors_clear(l);
	l->expanded = 0;
	l->failed = 0;
}

static void
parser_error(struct loader *l, yaml_parser_t *p)
{
	cr_pos pos;
	const char *problem = p->problem != NULL ? p->problem : "invalid YAML";

	if (p->error == YAML_MEMORY_ERROR) {
		l->oom = 1;
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		pos = cr_pos_at(l->buf, l->len, p->problem_offset);
		cr_diags_add(l->d, l->file, pos, CR_RULE_SYNTAX, "%s", problem);
		return;
	}
	pos = mark_pos(l, p->problem_mark);
	if (p->context != NULL) {
		cr_pos at = mark_pos(l, p->context_mark);
		cr_diags_add(l->d, l->file, pos, CR_RULE_SYNTAX,
			     "%s (%s at %d:%d)", problem, p->context, at.line,
			     at.column);
	} else
		cr_diags_add(l->d, l->file, pos, CR_RULE_SYNTAX, "%s", problem);
}

static int
docs_push(cr_node ***docs, size_t *ndocs, size_t *cap, cr_node *n)
{
	if (cr_grow(docs, cap, *ndocs + 1, sizeof(**docs)) == -1)
		return -1;
	(*docs)[(*ndocs)++] = n;
	return 0;
}

int
cr_yaml_load(const char *buf, size_t len, const char *file, cr_node ***docs,
	     size_t *ndocs, cr_diags *d)
{
	return cr_yaml_load_text(buf, len, 0, file, docs, ndocs, d);
}

int
cr_yaml_load_text(const char *buf, size_t len, unsigned text, const char *file,
		  cr_node ***docs, size_t *ndocs, cr_diags *d)
{
	struct loader l;
	yaml_parser_t p;
	yaml_event_t ev;
	size_t cap = 0;
	int done = 0, indoc = 0, rc = 0;

	*docs = NULL;
	*ndocs = 0;
	memset(&l, 0, sizeof(l));
	l.buf = buf;
	l.len = len;
	cr_pos_cursor_init(&l.cur, buf, len);
	l.file = file;
	l.d = d;
	l.text = text;
	if (!yaml_parser_initialize(&p))
		return -1;
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(&l, &p);
			if (indoc && docs_push(docs, ndocs, &cap, NULL) == -1)
				l.oom = 1;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			loader_reset(&l);
			if ((l.arena = cr_arena_new()) == NULL)
				l.oom = 1;
			indoc = 1;
			break;
		case YAML_DOCUMENT_END_EVENT:
			if (docs_push(docs, ndocs, &cap, l.root) == -1) {
				l.oom = 1;
				break;
			}
			if (l.root != NULL) { /* the document's arena is its */
				l.root->owns_arena = 1;
				l.arena = NULL;
			}
			l.root = NULL;
			indoc = 0;
			loader_reset(&l);
			break;
		default:
			handle_event(&l, &ev);
			break;
		}
		yaml_event_delete(&ev);
		if (l.oom)
			break;
		if (l.failed) {
			/* A limit or alias problem: the rest of the stream
			 * cannot be trusted to be cheap to parse. */
			if (docs_push(docs, ndocs, &cap, NULL) == -1)
				l.oom = 1;
			break;
		}
	}
	if (l.oom || d->oom)
		rc = -1;
	loader_reset(&l);
	free(l.stack);
	free(l.anchors);
	yaml_parser_delete(&p);
	return rc;
}
