/*
 * yaml_parse.c - the physical limit for cr-lint: read each file once and
 * run libyaml's event parser over it, nothing else. Used by scripts/bench.
 * Markdown files are parsed from their front matter on, like YAML.
 *
 *   yaml_parse FILE...   (or a list of files on stdin with -)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

static long
parse(const char *path)
{
	static char buf[1 << 24];
	yaml_parser_t p;
	yaml_event_t ev;
	long events = 0;
	size_t n;
	FILE *f;

	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (unsigned char *)buf, n);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			break;
		events++;
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return events;
}

int
main(int argc, char *argv[])
{
	char line[4096];
	long total = 0;
	int i;

	if (argc == 2 && strcmp(argv[1], "-") == 0) {
		while (fgets(line, sizeof(line), stdin) != NULL) {
			line[strcspn(line, "\n")] = '\0';
			total += parse(line);
		}
	} else
		for (i = 1; i < argc; i++)
			total += parse(argv[i]);
	printf("%ld events\n", total);
	return 0;
}
