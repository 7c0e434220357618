/*
 * floor.c - the floor for cr-lint in `make bench`: what any tool that
 * reads both forms of a report must do, and nothing more. Each file is
 * read once; a YAML file goes through libyaml's event parser (every
 * document of the stream); a Markdown file has its front matter parsed
 * the same way and its body parsed by cmark-gfm with the table extension
 * (the tree built, then freed). Nothing is kept between files.
 *
 *   floor PATH...   (a directory is walked for *.yaml, *.yml and *.md)
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <yaml.h>

static cmark_syntax_extension *table;
static long events, nodes;

static void
yaml_events(const char *s, size_t n)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int end;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)s, n);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			break;
		events++;
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end)
			break;
	}
	yaml_parser_delete(&p);
}

static void
markdown(const char *s, size_t n)
{
	cmark_parser *p;
	cmark_node *doc;
	cmark_iter *it;
	const char *body = s, *e;

	/* Front matter: from a first line "---" to the next line "---". */
	if (n >= 4 && strncmp(s, "---\n", 4) == 0) {
		for (e = s + 4; e < s + n; e++) {
			if ((e == s + 4 || e[-1] == '\n') &&
			    (size_t)(s + n - e) >= 3 &&
			    strncmp(e, "---", 3) == 0 &&
			    (e + 3 == s + n || e[3] == '\n' || e[3] == '\r')) {
				yaml_events(s + 4, (size_t)(e - (s + 4)));
				body = e + 3;
				break;
			}
		}
	}
	p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_parser_attach_syntax_extension(p, table);
	cmark_parser_feed(p, body, (size_t)(s + n - body));
	doc = cmark_parser_finish(p);
	it = cmark_iter_new(doc);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE)
		nodes++;
	cmark_iter_free(it);
	cmark_node_free(doc);
	cmark_parser_free(p);
}

static int
one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	const char *dot = strrchr(path, '.');
	char *buf;
	size_t n;
	FILE *f;

	(void)ftw;
	if (type != FTW_F || dot == NULL)
		return 0;
	if (strcmp(dot, ".md") != 0 && strcmp(dot, ".yaml") != 0 &&
	    strcmp(dot, ".yml") != 0)
		return 0;
	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		return 0;
	}
	if ((buf = malloc((size_t)st->st_size + 1)) == NULL) {
		fclose(f);
		return 1;
	}
	n = fread(buf, 1, (size_t)st->st_size, f);
	fclose(f);
	if (strcmp(dot, ".md") == 0)
		markdown(buf, n);
	else
		yaml_events(buf, n);
	free(buf);
	return 0;
}

int
main(int argc, char *argv[])
{
	int i;

	cmark_gfm_core_extensions_ensure_registered();
	if ((table = cmark_find_syntax_extension("table")) == NULL) {
		fputs("floor: no table extension\n", stderr);
		return 2;
	}
	for (i = 1; i < argc; i++)
		if (nftw(argv[i], one, 16, FTW_PHYS) != 0) {
			perror(argv[i]);
			return 2;
		}
	printf("%ld events, %ld nodes\n", events, nodes);
	return 0;
}
