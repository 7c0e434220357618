/*
 * md_read.c - the Markdown form of SPEC 2.3: YAML front matter through
 * cr_yaml_load and cr_report_from_map, the body through cmark-gfm with the
 * GFM table extension.
 *
 * cmark-gfm finds the structure (headings, lists, items, the table and its
 * rows); the values themselves are taken from the original bytes, so that
 * inline Markdown stays exactly as written. Only the top level of the
 * document and the direct children of list items are visited, in loops:
 * nesting depth costs no stack here, and cmark-gfm parses and frees
 * iteratively.
 *
 * Decisions where SPEC 2.3 is silent:
 *  - An entry is the text of its item's blocks, each source line trimmed,
 *    lines joined with one space (a soft break means a space anyway). A
 *    nested list or quote inside an item is flattened into that text.
 *  - A backslash that only stops an entry's start from reading as a block
 *    ("\# x", "\- x", "\> x", "\+ x", "\* x", "1\. x", "1\) x") is
 *    dropped: escaped or not, the characters mean the same inline, and the
 *    canonical writer needs such escapes to write these texts as items.
 *  - Content before the first level-2 heading, other than the level-1
 *    title, is not part of the model: each block gets an `unknown-field`
 *    warning. Thematic breaks and HTML comments are ignored everywhere.
 *  - Entries of a section given twice (or also in the front matter) are
 *    appended after the first ones, with a `duplicate-field` error: the
 *    error blocks the report, and nothing the user wrote is lost.
 *  - A table column named "x-..." keeps its cells as action extensions.
 *  - A table row with more cells than the header: `unknown-field` warning
 *    (the extra cells name no column), the extra cells are ignored.
 *
 * cmark-gfm's own habits: it keeps its extensions in a process-wide
 * registry (see body_read); its default allocator aborts when memory runs
 * out, and a custom one could not do better (the parser does not check
 * for NULL); a 16 MiB body can cost it a few GiB (about 250 bytes a
 * node).
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "internal.h"

/* The lines of the whole file, indexed once: line n (1-based) is bytes
 * [start[n-1], end[n-1]), its line end excluded. */
struct lines {
	const char *buf;
	size_t len;
	size_t *start, *end;
	int n;
	int pline, pcol, pcp; /* the last line_pos answer */
	size_t poff;
};

struct md {
	struct lines src;
	const char *file;
	cr_report *r;
	cr_diags *d;
	int line0; /* file line of the body's line 1, minus 1 */
	/*
	 * The one builder: the front matter's map, to which the body adds
	 * its sections as `key: [entries]` (actions as a list of maps, one
	 * per table row, keyed by column), every node positioned; then
	 * cr_report_from_map turns it into the model as for YAML.
	 */
	cr_node *map;
	int sec;       /* the current section: cr_section, SEC_NONE, ... */
	cr_node *list; /* where its entries go, or NULL */
	cr_pos seen[CR_SEC__COUNT]; /* sections seen in the body */
	cmark_syntax_extension *table;
	unsigned text; /* what cr_input_check learnt of it: CR_TEXT_* */
};

enum { SEC_NONE = -1, SEC_UNKNOWN = -2 };

/* ---------------------------------------------------------- source lines */

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Offset of the start of the line after the one starting at off: line
 * ends are LF, CRLF or a lone CR, as for cmark-gfm and cr_pos_at. */
/* Where the line at off ends: the first CR or LF from off, or len. */
static size_t
line_end(const char *buf, size_t off, size_t len)
{
	const char *nl, *cr;

	if (off >= len)
		return len;
	nl = memchr(buf + off, '\n', len - off);
	if (nl == NULL)
		nl = buf + len;
	cr = memchr(buf + off, '\r', (size_t)(nl - (buf + off)));
	return (size_t)((cr != NULL ? cr : nl) - buf);
}

static size_t
line_next(const struct lines *l, size_t off)
{
	off = line_end(l->buf, off, l->len);
	if (off < l->len && l->buf[off] == '\r')
		off++;
	if (off < l->len && l->buf[off] == '\n')
		off++;
	return off;
}

/* Indexes the lines of buf: 0, or -1 on memory. */
static int
lines_index(struct lines *l, const char *buf, size_t len)
{
	size_t off, e, cap = 0, *p;
	int n = 0;

	l->buf = buf;
	l->len = len;
	/* line 1 is there even in an empty file */
	for (off = 0; off < len || n == 0; off = line_next(l, off)) {
		if ((size_t)n == cap) {
			cap = cap ? cap * 2 : 64;
			if (cap > (size_t)INT_MAX ||
			    (p = realloc(l->start, cap * sizeof(*p))) == NULL)
				return -1;
			l->start = p;
			if ((p = realloc(l->end, cap * sizeof(*p))) == NULL)
				return -1;
			l->end = p;
		}
		e = line_end(buf, off, len);
		l->start[n] = off;
		l->end[n++] = e;
	}
	l->n = n;
	return 0;
}

static void
lines_free(struct lines *l)
{
	free(l->start);
	free(l->end);
}

/*
 * Bytes [*s, *e) of line n (1-based), without its line end. Returns 0 when
 * the file has no such line (nothing follows the last line end).
 */
static int
line_get(struct lines *l, int n, size_t *s, size_t *e)
{
	if (n < 1 || n > l->n)
		return 0;
	*s = l->start[n - 1];
	*e = l->end[n - 1];
	return 1;
}

/*
 * The position of byte offset `off` on line n (cr_pos_advance). The
 * last answer is kept, so that many cells of one long line cost one pass.
 */
static cr_pos
line_pos(struct lines *l, int n, size_t off)
{
	cr_pos p = {n, 1, 1};
	size_t s, e, from;

	if (!line_get(l, n, &s, &e))
		return p;
	if (off > e)
		off = e;
	if (off < s)
		off = s;
	from = s;
	if (l->pline == n && l->poff >= s && l->poff <= off) {
		from = l->poff;
		p.column = l->pcol;
		p.cp = l->pcp;
	}
	p = cr_pos_advance(p, l->buf + from, off - from);
	l->pline = n;
	l->poff = off;
	l->pcol = p.column;
	l->pcp = p.cp;
	return p;
}

/* Trims blanks around [*s, *e). */
static void
trim(const char *buf, size_t *s, size_t *e)
{
	while (*s < *e && is_blank(buf[*s]))
		(*s)++;
	while (*e > *s && is_blank(buf[*e - 1]))
		(*e)--;
}

/* Whether line [s, e) is `word` followed by blanks only. */
static int
line_is(const char *buf, size_t s, size_t e, const char *word)
{
	size_t n = strlen(word);

	while (e > s && is_blank(buf[e - 1]))
		e--;
	return e - s == n && memcmp(buf + s, word, n) == 0;
}

/* ---------------------------------------------------------- cmark nodes */

/*
 * The node that tells where n starts: n itself, except for a paragraph
 * that a table interrupts, which has no position in cmark-gfm
 * 0.29.0.gfm.6 (the table after it took its start).
 */
static cmark_node *
start_node(cmark_node *n)
{
	if (cmark_node_get_start_line(n) == 0 && cmark_node_next(n) != NULL)
		return cmark_node_next(n);
	return n;
}

/* cmark-gfm lines count from the body's start; columns are 1-based bytes. */
static int
node_line(const struct md *m, cmark_node *n, int end)
{
	int line = end ? cmark_node_get_end_line(n)
		       : cmark_node_get_start_line(start_node(n));

	return line > 0 ? line + m->line0 : 0; /* 0: unknown */
}

/* Byte offset in the file of a node's start (or the start of its line when
 * cmark-gfm gives no column). */
static size_t
node_off(struct md *m, cmark_node *n)
{
	int col = cmark_node_get_start_column(start_node(n));
	size_t s, e;

	if (!line_get(&m->src, node_line(m, n, 0), &s, &e))
		return m->src.len;
	if (col > 1 && (size_t)(col - 1) <= e - s)
		return s + (size_t)(col - 1);
	return s;
}

static cr_pos
node_pos(struct md *m, cmark_node *n)
{
	int line = node_line(m, n, 0);

	return line_pos(&m->src, line, node_off(m, n));
}

static int
is_table(cmark_node *n)
{
	const char *t = cmark_node_get_type_string(n);

	return t != NULL && strcmp(t, "table") == 0;
}

/*
 * The text of lines first..last: from byte `from` on the first line, each
 * line trimmed, blank lines skipped, lines joined by one space. *pos is
 * where the text starts. Returns 1 when the text is one line of the file
 * as written (exact positions inside it), 0 when joined, -1 on memory.
 */
static int
span_text(struct md *m, int first, size_t from, int last, cr_buf *out,
	  cr_pos *pos)
{
	size_t s, e;
	int n, any = 0;

	*pos = line_pos(&m->src, first, from);
	for (n = first; n <= last; n++) {
		if (!line_get(&m->src, n, &s, &e))
			break;
		if (n == first && from > s && from <= e)
			s = from;
		trim(m->src.buf, &s, &e);
		if (s == e)
			continue;
		if (!any)
			*pos = line_pos(&m->src, n, s);
		if ((any && cr_buf_putc(out, ' ') == -1) ||
		    cr_buf_put(out, m->src.buf + s, e - s) == -1)
			return -1;
		any++;
	}
	return out->oom ? -1 : any <= 1;
}

/* Whether line [s, e) is a setext underline: '=' or '-' only. */
static int
underline(const char *buf, size_t s, size_t e)
{
	size_t q;

	trim(buf, &s, &e);
	for (q = s; q < e && buf[q] == buf[s]; q++)
		;
	return s < e && q == e && (buf[s] == '=' || buf[s] == '-');
}

/* The last text line of a setext heading starting on `line`: cmark-gfm
 * 0.29.0.gfm.6 gives such headings a wrong end, so find the underline. */
static int
setext_end(struct md *m, int line)
{
	size_t s, e;
	int n;

	for (n = line + 1; line_get(&m->src, n, &s, &e); n++)
		if (underline(m->src.buf, s, e))
			break;
	return n - 1;
}

/* The text of a heading as written, without its '#' marks. */
static int
heading_text(struct md *m, cmark_node *h, cr_buf *out, cr_pos *pos)
{
	const char *buf = m->src.buf;
	int line = node_line(m, h, 0);
	size_t s, e, q, r;

	if (!line_get(&m->src, line, &s, &e))
		return 0;
	q = s;
	while (q < e && q - s < 3 && buf[q] == ' ')
		q++;
	r = q;
	while (r < e && r - q < 7 && buf[r] == '#')
		r++;
	/* ATX: 1 to 6 '#' and a blank or the line's end; else setext, whose
	 * underline is not text */
	if (r == q || r - q > 6 || (r < e && !is_blank(buf[r])))
		return span_text(m, line, s, setext_end(m, line), out, pos);
	q = r;
	trim(buf, &q, &e);
	s = e;
	while (s > q && buf[s - 1] == '#')
		s--;
	if (s == q || is_blank(buf[s - 1])) { /* a closing sequence */
		e = s;
		trim(buf, &q, &e);
	}
	*pos = line_pos(&m->src, line, q);
	return cr_buf_put(out, buf + q, e - q) == -1 ? -1 : 1;
}

/* Drops a backslash that only keeps an entry from starting a block;
 * returns 1 when it did. */
static int
entry_unescape(cr_buf *b)
{
	size_t i = 0;

	if (b->len < 2)
		return 0;
	while (i < b->len && b->data[i] >= '0' && b->data[i] <= '9')
		i++;
	if (i > 0) {
		if (i + 1 < b->len && b->data[i] == '\\' &&
		    (b->data[i + 1] == '.' || b->data[i + 1] == ')'))
			goto drop;
		return 0;
	}
	if (b->data[0] != '\\')
		return 0;
	if ((b->data[1] != '\0' && strchr("#>+-", b->data[1]) != NULL) ||
	    (b->data[1] == '*' && (b->len == 2 || is_blank(b->data[2]))))
		goto drop;
	return 0;
drop:
	memmove(b->data + i, b->data + i + 1, b->len - i);
	b->len--;
	return 1;
}

/* An item's text: all its blocks, see the comment at the top. Returns
 * as span_text does. */
static int
item_text(struct md *m, cmark_node *item, cr_buf *out, cr_pos *pos)
{
	cmark_node *first = cmark_node_first_child(item);
	cmark_node *last = cmark_node_last_child(item);
	int exact;

	if (first == NULL)
		return 0;
	if ((exact = span_text(m, node_line(m, first, 0), node_off(m, first),
			       node_line(m, last, 1), out, pos)) == -1)
		return -1;
	return entry_unescape(out) ? 0 : exact;
}

/* ---------------------------------------------------------- sections */

/* All names of sections (or columns) in every language, NULL-terminated. */
static void
known_names(const char **known, int columns)
{
	size_t i = 0;
	int k, l, n = columns ? CR_COL__COUNT : CR_SEC__COUNT;

	for (k = 0; k < n; k++)
		for (l = 0; l < CR_LANG__COUNT; l++)
			known[i++] = columns ? cr_column_label(k, l)
					     : cr_section_label(k, l);
	if (!columns)
		known[i++] = "Next steps";
	known[i] = NULL;
}

static int
unknown_name(struct md *m, cr_pos pos, const char *what, const char *name,
	     int columns)
{
	const char *known[CR_SEC__COUNT * CR_LANG__COUNT + 2];
	const char *near;

	/* the same buffer serves columns: fewer of them than sections */
	_Static_assert((int)CR_COL__COUNT <= (int)CR_SEC__COUNT,
		       "known[] size");
	known_names(known, columns);
	near = cr_suggest(name, known);
	if (near != NULL)
		return cr_diags_add(m->d, m->file, pos, CR_RULE_UNKNOWN_FIELD,
				    "unknown %s '%s'; did you mean '%s'?", what,
				    name, near);
	return cr_diags_add(m->d, m->file, pos, CR_RULE_UNKNOWN_FIELD,
			    "unknown %s '%s'", what, name);
}

/* The value of `key` in the map being built, or NULL. */
static cr_node *
map_value(cr_node *map, const char *key, cr_node **keynode)
{
	size_t i;

	for (i = 0; i + 1 < map->len; i += 2) {
		cr_node *k = map->items[i];

		if (k != NULL && k->type == CR_NODE_SCALAR &&
		    strcmp(k->value, key) == 0) {
			if (keynode != NULL)
				*keynode = k;
			return map->items[i + 1];
		}
	}
	return NULL;
}

/* Appends key: value to the map being built; takes both nodes. */
static int
map_put(struct md *m, cr_node *key, cr_node *value)
{
	if (key == NULL || value == NULL) {
		cr_node_free(key);
		cr_node_free(value);
		return -1;
	}
	if (cr_node_push(m->map, key) == -1) {
		cr_node_free(value);
		return -1;
	}
	return cr_node_push(m->map, value);
}

/*
 * The list node a section's entries go into: a new `key: [...]` pair, or
 * the list the front matter (or an earlier section, after the error) gave
 * for that key, so that nothing the user wrote is lost.
 */
static cr_node *
section_list(struct md *m, const char *key, cr_pos kpos, cr_pos pos, int noted)
{
	cr_node *v = map_value(m->map, key, NULL), *k, *seq;
	size_t i;

	if (v != NULL && v->type == CR_NODE_SEQ)
		return v;
	if (v != NULL && cr_node_is_null(v)) { /* "attendees:" alone */
		if ((seq = cr_node_new(m->map->arena, CR_NODE_SEQ, pos)) ==
		    NULL)
			return NULL;
		for (i = 1; i < m->map->len; i += 2)
			if (m->map->items[i] == v)
				m->map->items[i] = seq;
		cr_node_free(v);
		return seq;
	}
	if ((k = cr_node_scalar(m->map->arena, key, strlen(key), kpos, 0)) ==
	    NULL)
		return NULL;
	k->noted = noted;
	seq = cr_node_new(m->map->arena, CR_NODE_SEQ, pos);
	if (seq == NULL || map_put(m, k, seq) == -1)
		return NULL;
	return seq;
}

/* A level-2 heading: opens a section, known or not (m->sec, m->list). */
static int
section_start(struct md *m, cmark_node *h)
{
	cr_pos pos = node_pos(m, h), tpos = pos;
	const char *key;
	cr_buf b;
	int s, rc = 0;

	cr_buf_init(&b);
	if (heading_text(m, h, &b, &tpos) == -1 ||
	    cr_buf_putc(&b, '\0') == -1) {
		cr_buf_free(&b);
		return -1;
	}
	m->list = NULL;
	if ((s = cr_section_lookup(b.data)) < 0) {
		m->sec = SEC_UNKNOWN;
		rc = unknown_name(m, tpos, CR_("section"), b.data, 0);
		/* kept as written (SPEC 7), after the warning above */
		if (rc == 0 && b.len > 1 &&
		    map_value(m->map, b.data, NULL) == NULL &&
		    (m->list = section_list(m, b.data, tpos, pos,
					    CR_NOTED_SECTION)) == NULL)
			rc = -1;
		cr_buf_free(&b);
		return rc;
	}
	cr_buf_free(&b);
	m->sec = s;
	key = cr_section_key(s);
	if (m->seen[s].line != 0)
		rc = cr_diags_add(m->d, m->file, pos, CR_RULE_DUPLICATE_FIELD,
				  "section '%s' given twice (first at %d:%d); "
				  "keep one",
				  key, m->seen[s].line, m->seen[s].column);
	else if (map_value(m->map, key, NULL) != NULL) {
		rc = cr_diags_add(m->d, m->file, pos, CR_RULE_DUPLICATE_FIELD,
				  "'%s' given both in the front matter and as "
				  "a section; keep one",
				  key);
	}
	if (m->seen[s].line == 0)
		m->seen[s] = pos;
	if (rc == 0 && (m->list = section_list(m, key, pos, pos, 0)) == NULL)
		rc = -1;
	return rc;
}

static int
level1(struct md *m, cmark_node *h)
{
	cr_pos pos = node_pos(m, h), tpos;
	cr_node *k = NULL, *v;
	cr_buf b;
	int rc, exact;

	if ((v = map_value(m->map, "title", &k)) != NULL)
		return cr_diags_add(
		    m->d, m->file, pos, CR_RULE_DUPLICATE_FIELD,
		    "'title' given twice (first at %d:%d); keep "
		    "one",
		    v->pos.line, v->pos.column);
	cr_buf_init(&b);
	tpos = pos;
	rc = heading_text(m, h, &b, &tpos);
	exact = rc == 1;
	if (rc >= 0 && b.len > 0)
		rc = map_put(
		    m, cr_node_scalar(m->map->arena, "title", 5, pos, 0),
		    cr_node_scalar(m->map->arena, b.data, b.len, tpos, exact));
	cr_buf_free(&b);
	return rc < 0 ? -1 : 0;
}

/* The items of a list as text entries of the current section. */
static int
list_entries(struct md *m, cmark_node *list)
{
	cmark_node *it;
	cr_pos pos;
	cr_buf b;
	int rc = 0, exact;

	cr_buf_init(&b);
	for (it = cmark_node_first_child(list); rc == 0 && it != NULL;
	     it = cmark_node_next(it)) {
		b.len = 0;
		if ((exact = item_text(m, it, &b, &pos)) == -1) {
			rc = -1;
			break;
		}
		if (b.len == 0)
			continue; /* an empty item, like a null in YAML */
		rc = cr_node_push(m->list, cr_node_scalar(m->map->arena, b.data,
							  b.len, pos, exact));
	}
	cr_buf_free(&b);
	return rc;
}

/* ---------------------------------------------------------- the table */

/* Cells of one table row line, split on unescaped pipes as GFM does. */
struct row {
	const char *buf;
	size_t p, end;
};

static void
row_init(struct row *rw, const char *buf, size_t s, size_t e)
{
	rw->buf = buf;
	while (s < e && is_blank(buf[s]))
		s++;
	if (s < e && buf[s] == '|')
		s++;
	rw->p = s;
	rw->end = e;
}

/* The next cell, trimmed, as [*s, *e); 0 after the last. */
static int
row_next(struct row *rw, size_t *s, size_t *e)
{
	const char *buf = rw->buf;
	size_t q = rw->p, r;

	if (q >= rw->end)
		return 0;
	while (q < rw->end && buf[q] != '|')
		q += buf[q] == '\\' && q + 1 < rw->end ? 2 : 1;
	*s = rw->p;
	*e = q;
	rw->p = q < rw->end ? q + 1 : rw->end;
	/* a trailing pipe closes the row rather than opening a cell */
	for (r = rw->p; r < rw->end && is_blank(buf[r]); r++)
		;
	if (r == rw->end)
		rw->p = rw->end;
	trim(buf, s, e);
	return 1;
}

/* A cell's text with "\|" turned into "|", NUL-terminated in b. */
static int
cell_text(const char *buf, size_t s, size_t e, cr_buf *b)
{
	const char *q;

	b->len = 0;
	while (s < e) {
		/* the text up to the next backslash at once */
		q = memchr(buf + s, '\\', e - s);
		if (q == NULL)
			q = buf + e;
		if (cr_buf_put(b, buf + s, (size_t)(q - (buf + s))) == -1)
			return -1;
		s = (size_t)(q - buf);
		if (s >= e)
			break;
		if (s + 1 < e && buf[s + 1] == '|')
			s++;
		if (cr_buf_putc(b, buf[s]) == -1)
			return -1;
		s++;
	}
	return cr_buf_putc(b, '\0');
}

#define COL_IGNORED (-1)
#define COL_KEY (-2) /* kept under its header's text: x- or unknown */

struct columns {
	int *field; /* per header cell: a cr_column, COL_IGNORED or COL_KEY */
	char **key; /* per header cell: the key its cells are kept under */
	size_t n;
};

static void
columns_free(struct columns *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->key[i]);
	free(c->key);
	free(c->field);
}

static int
columns_read(struct md *m, int line, struct columns *c)
{
	static const cr_column required[] = {CR_COL_WHAT, CR_COL_WHO,
					     CR_COL_DUE};
	cr_pos seen[CR_COL__COUNT], pos;
	struct row rw;
	size_t s, e, s0, i, cap = 0;
	cr_buf b;
	int k, rc = 0;

	memset(seen, 0, sizeof(seen));
	memset(c, 0, sizeof(*c));
	cr_buf_init(&b);
	if (!line_get(&m->src, line, &s, &e))
		return 0;
	trim(m->src.buf, &s, &e);
	s0 = s;
	row_init(&rw, m->src.buf, s, e);
	while (rc == 0 && row_next(&rw, &s, &e)) {
		if (c->n == cap) {
			size_t ncap = cap == 0 ? 8 : cap * 2;
			int *f = realloc(c->field, ncap * sizeof(*f));
			char **x;

			if (f == NULL)
				goto oom;
			c->field = f;
			if ((x = realloc(c->key, ncap * sizeof(*x))) == NULL)
				goto oom;
			c->key = x;
			cap = ncap;
		}
		c->field[c->n] = COL_IGNORED;
		c->key[c->n] = NULL;
		c->n++;
		pos = line_pos(&m->src, line, s);
		if (cell_text(m->src.buf, s, e, &b) == -1)
			goto oom;
		if ((k = cr_column_lookup(b.data)) < 0) {
			/* x- columns are extensions; others are kept, and
			 * warned about here once rather than in every row */
			if (strncmp(b.data, "x-", 2) != 0)
				rc = unknown_name(m, pos, CR_("column"), b.data,
						  1);
			if (b.len > 1) {
				c->field[c->n - 1] = COL_KEY;
				if ((c->key[c->n - 1] = cr_strdup(b.data)) ==
				    NULL)
					goto oom;
			}
			continue;
		}
		if (seen[k].line != 0) {
			rc = cr_diags_add(
			    m->d, m->file, pos, CR_RULE_DUPLICATE_FIELD,
			    "column '%s' given twice (first at "
			    "%d:%d); keep one",
			    cr_column_key(k), seen[k].line, seen[k].column);
			continue;
		}
		seen[k] = pos;
		c->field[c->n - 1] = k;
	}
	pos = line_pos(&m->src, line, s0);
	for (i = 0; rc == 0 && i < CR_ARRAY_LEN(required); i++)
		if (seen[required[i]].line == 0)
			rc = cr_diags_add(
			    m->d, m->file, pos, CR_RULE_MISSING_FIELD,
			    "the actions table has no '%s' column",
			    cr_column_label(required[i], CR_LANG_EN));
	cr_buf_free(&b);
	return rc;
oom:
	cr_buf_free(&b);
	return -1;
}

/* One cell as `key: text` of the row's map. */
static int
action_cell(cr_node *row, const struct columns *c, size_t i, const cr_buf *b,
	    cr_pos pos, int exact)
{
	const char *key;
	cr_node *k, *v;

	if (c->field[i] == COL_KEY)
		key = c->key[i];
	else if (c->field[i] >= 0)
		key = cr_column_key(c->field[i]);
	else
		return 0;
	if ((k = cr_node_scalar(row->arena, key, strlen(key), pos, 0)) == NULL)
		return -1;
	if (c->field[i] == COL_KEY)
		k->noted = CR_NOTED_KEY;
	if (cr_node_push(row, k) == -1 ||
	    (v = cr_node_scalar(row->arena, b->data, b->len - 1, pos, exact)) ==
		NULL)
		return -1;
	/* as in YAML's flow style: `x-n: 1`, an extension's number */
	v->plain = c->field[i] == COL_KEY;
	return cr_node_push(row, v);
}

/* One body row of the table as a map of its cells (none when all cells
 * are empty). */
static int
action_row(struct md *m, const struct columns *c, int line, cr_buf *b)
{
	cr_node *row;
	struct row rw;
	size_t s, e, i = 0;
	int rc = 0;

	if (!line_get(&m->src, line, &s, &e))
		return 0;
	trim(m->src.buf, &s, &e);
	if ((row = cr_node_new(m->map->arena, CR_NODE_MAP,
			       line_pos(&m->src, line, s))) == NULL)
		return -1;
	row_init(&rw, m->src.buf, s, e);
	for (; rc == 0 && row_next(&rw, &s, &e); i++) {
		cr_pos pos = line_pos(&m->src, line, s);

		if (i == c->n) {
			size_t n = i + 1;
			while (row_next(&rw, &s, &e))
				n++;
			rc = cr_diags_add(
			    m->d, m->file, pos, CR_RULE_UNKNOWN_FIELD,
			    "this row has %zu cells, the header %zu: "
			    "the extra cells are ignored",
			    n, c->n);
			break;
		}
		if (s == e)
			continue;
		if (cell_text(m->src.buf, s, e, b) == -1)
			rc = -1;
		else
			rc =
			    action_cell(row, c, i, b, pos, b->len - 1 == e - s);
	}
	if (rc == 0 && row->len > 0)
		return cr_node_push(m->list, row);
	cr_node_free(row);
	return rc;
}

/*
 * The lines of the table come from its end line, which cmark-gfm gets
 * right: its start line is that of a paragraph the table interrupts
 * (0.29.0.gfm.6). The rows are consecutive lines, the delimiter row (no
 * node) right after the header.
 */
static int
action_table(struct md *m, cmark_node *table)
{
	struct columns c;
	cmark_node *row;
	int nrows = 0, header, i, rc;
	cr_buf b;

	for (row = cmark_node_first_child(table); row != NULL;
	     row = cmark_node_next(row))
		nrows++;
	if (nrows == 0)
		return 0;
	header = node_line(m, table, 1) - nrows;
	if ((rc = columns_read(m, header, &c)) == -1) {
		columns_free(&c);
		return -1;
	}
	cr_buf_init(&b);
	for (i = 2; rc == 0 && i <= nrows; i++)
		rc = action_row(m, &c, header + i, &b);
	cr_buf_free(&b);
	columns_free(&c);
	return rc;
}

/* ---------------------------------------------------------- the body */

/* Blocks that carry nothing and are fine anywhere. */
static int
ignorable(struct md *m, cmark_node *n)
{
	const char *lit;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_THEMATIC_BREAK:
		return 1;
	case CMARK_NODE_HTML_BLOCK:
		lit = cmark_node_get_literal(n);
		return lit != NULL && strncmp(lit, "<!--", 4) == 0;
	default:
		(void)m;
		return 0;
	}
}

/* A block of an unknown section, kept as one text entry. */
static int
kept_block(struct md *m, cmark_node *n)
{
	cr_pos pos;
	cr_buf b;
	int exact;

	if (cmark_node_get_type(n) == CMARK_NODE_LIST)
		return list_entries(m, n);
	cr_buf_init(&b);
	exact = span_text(m, node_line(m, n, 0), node_off(m, n),
			  node_line(m, n, 1), &b, &pos);
	if (exact != -1 && b.len > 0)
		exact =
		    cr_node_push(m->list, cr_node_scalar(m->map->arena, b.data,
							 b.len, pos, exact));
	cr_buf_free(&b);
	return exact == -1 ? -1 : 0;
}

/* A block directly under the heading of the current section. */
static int
section_block(struct md *m, cmark_node *n)
{
	cr_pos pos = node_pos(m, n);
	int list = cmark_node_get_type(n) == CMARK_NODE_LIST;

	if (ignorable(m, n))
		return 0;
	if (m->sec == SEC_UNKNOWN)
		return m->list != NULL ? kept_block(m, n) : 0;
	if (m->sec == SEC_NONE)
		return cr_diags_add(m->d, m->file, pos, CR_RULE_UNKNOWN_FIELD,
				    "text outside any section is not part of "
				    "the report; put it under a '## ' section "
				    "heading");
	if (m->sec == CR_SEC_ACTIONS) {
		if (is_table(n))
			return action_table(m, n);
		return cr_diags_add(
		    m->d, m->file, pos, CR_RULE_BAD_VALUE,
		    "expected a table with the columns What, "
		    "Who, Due%s",
		    list ? ", not a list"
			 : " (a header row, then a delimiter row "
			   "such as |---|---|---|)");
	}
	if (list)
		return list_entries(m, n);
	return cr_diags_add(m->d, m->file, pos, CR_RULE_BAD_VALUE,
			    "expected a list: write each entry of '%s' as "
			    "'- text'",
			    cr_section_key(m->sec));
}

/*
 * SPEC 4's nesting limit, as for YAML: lists, quotes and inline spans
 * inside each other count (an item is part of its list's level). The
 * levels are kept in the nodes' user data during one iterator pass.
 * Returns 1 (with the `limit` error) when the body is too deep.
 */
static int
too_deep(struct md *m, cmark_node *doc)
{
	cmark_iter *it;
	cmark_node *n, *up;
	intptr_t level;
	int rc = 0;

	if ((it = cmark_iter_new(doc)) == NULL)
		return -1;
	while (rc == 0 && cmark_iter_next(it) != CMARK_EVENT_DONE) {
		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		if ((up = cmark_node_parent(n)) == NULL)
			continue; /* the document: level 0 */
		level = (intptr_t)cmark_node_get_user_data(up) +
			(cmark_node_get_type(n) != CMARK_NODE_ITEM);
		cmark_node_set_user_data(n, (void *)level);
		if (level <= CR_MAX_DEPTH)
			continue;
		/* inline nodes have no reliable position: take the block */
		while ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) !=
		       CMARK_NODE_TYPE_BLOCK)
			n = cmark_node_parent(n);
		rc = cr_diags_add(m->d, m->file, node_pos(m, n), CR_RULE_LIMIT,
				  "nesting deeper than the limit of %d levels",
				  CR_MAX_DEPTH);
		m->r->broken = 1;
		rc = rc == -1 ? -1 : 1;
	}
	cmark_iter_free(it);
	return rc;
}

static int
body_read(struct md *m, const char *body, size_t len)
{
	cmark_parser *p;
	cmark_node *doc, *n = NULL;
	int rc;

	/* cmark-gfm keeps its extensions in a process-wide registry, filled
	 * once here; that state is the library's own, not ours. */
	cmark_gfm_core_extensions_ensure_registered();
	if ((m->table = cmark_find_syntax_extension("table")) == NULL)
		return -1;
	if ((p = cmark_parser_new(CMARK_OPT_DEFAULT)) == NULL)
		return -1;
	if (!cmark_parser_attach_syntax_extension(p, m->table)) {
		cmark_parser_free(p);
		return -1;
	}
	cmark_parser_feed(p, body, len);
	if ((doc = cmark_parser_finish(p)) == NULL) {
		cmark_parser_free(p);
		return -1;
	}
	if ((rc = too_deep(m, doc)) == 1)
		rc = 0; /* refused: the tree is not read */
	else
		n = cmark_node_first_child(doc);
	for (; rc == 0 && n != NULL; n = cmark_node_next(n)) {
		int level = cmark_node_get_type(n) == CMARK_NODE_HEADING
				? cmark_node_get_heading_level(n)
				: 0;

		if (level == 1) {
			rc = level1(m, n);
			m->sec = SEC_NONE;
			m->list = NULL;
		} else if (level == 2)
			rc = section_start(m, n);
		else
			rc = section_block(m, n);
	}
	cmark_node_free(doc);
	cmark_parser_free(p);
	return rc;
}

/* ---------------------------------------------------------- front matter */

/*
 * Reads the front matter, if the file opens with one, and sets *body to
 * where the Markdown starts (len when nothing is left to read). The YAML
 * parser is given the file from its first byte up to the closing line: the
 * opening "---" is a YAML document start, so libyaml's positions are the
 * file's own.
 */
static int
front_matter(struct md *m, size_t *body)
{
	const char *buf = m->src.buf;
	cr_pos start = {1, 1, 1};
	cr_node **docs = NULL;
	size_t ndocs = 0, s, e, i;
	int n, rc = 0;

	*body = 0;
	if (!line_get(&m->src, 1, &s, &e) || !line_is(buf, s, e, "---"))
		return 0;
	for (n = 2; line_get(&m->src, n, &s, &e); n++)
		if (line_is(buf, s, e, "---") || line_is(buf, s, e, "..."))
			break;
	if (!line_get(&m->src, n, &s, &e)) {
		m->r->broken = 1;
		*body = m->src.len;
		return cr_diags_add(m->d, m->file, start, CR_RULE_SYNTAX,
				    "the front matter opened here has no "
				    "closing '---' line");
	}
	m->line0 = n;
	/* past the closing line and its line end */
	*body = line_next(&m->src, s);
	if (cr_yaml_load_text(buf, s, m->text, m->file, &docs, &ndocs, m->d) ==
	    -1)
		rc = -1;
	if (rc == 0 && ndocs > 0 && docs[0] == NULL)
		m->r->broken = 1; /* libyaml's diagnostic is in */
	else if (rc == 0 && ndocs > 1)
		rc = cr_diags_add(m->d, m->file,
				  docs[1] != NULL ? docs[1]->pos : start,
				  CR_RULE_SYNTAX,
				  "the front matter holds more than one YAML "
				  "document");
	if (rc == 0 && ndocs > 1)
		m->r->broken = 1;
	if (rc == 0 && ndocs > 0 && docs[0] != NULL &&
	    !cr_node_is_null(docs[0])) {
		if (docs[0]->type == CR_NODE_MAP) {
			cr_node_free(m->map); /* the body adds to this one */
			m->map = docs[0];
			docs[0] = NULL;
		} else {
			m->r->broken = 1; /* and the mapping says why: */
			rc = cr_report_from_map(m->r, docs[0], m->d);
		}
	}
	for (i = 0; i < ndocs; i++)
		cr_node_free(docs[i]);
	free(docs);
	return rc;
}

int
cr_md_read(const char *buf, size_t len, unsigned text, const char *file,
	   cr_reports *out, cr_diags *d)
{
	cr_pos start = {1, 1, 1};
	struct md m;
	size_t body;
	int rc;

	memset(&m, 0, sizeof(m));
	m.file = file;
	m.d = d;
	m.text = text;
	if (lines_index(&m.src, buf, len) == -1 ||
	    (m.r = cr_report_new()) == NULL) {
		lines_free(&m.src);
		return -1;
	}
	m.r->form = CR_FORM_MD;
	m.r->pos = start;
	if ((m.r->file = cr_strdup(file)) == NULL) {
		cr_report_free(m.r);
		lines_free(&m.src);
		return -1;
	}
	m.sec = SEC_NONE;
	if ((m.map = cr_node_root(CR_NODE_MAP, start)) == NULL) {
		cr_report_free(m.r);
		lines_free(&m.src);
		return -1;
	}
	rc = front_matter(&m, &body);
	if (rc == 0 && body < len)
		rc = body_read(&m, buf + body, len - body);
	if (rc == 0)
		rc = cr_report_from_map(m.r, m.map, d);
	cr_node_free(m.map);
	lines_free(&m.src);
	if (rc == -1 || cr_reports_push(out, m.r) == -1) {
		cr_report_free(m.r);
		return -1;
	}
	return d->oom ? -1 : 0;
}
