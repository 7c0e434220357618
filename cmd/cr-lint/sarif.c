/*
 * sarif.c - diagnostics as a SARIF 2.1.0 log (OASIS, errata 01), the
 * format code-scanning services read: one run whose tool.driver describes
 * every rule of lib/cr_rules.h, fired or not, and one result a diagnostic.
 * tests/cli/cr-lint-sarif.t validates the output against the schema.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats.h"

#define SARIF_SCHEMA                                                           \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"  \
	"sarif-schema-2.1.0.json"

/* SARIF's level of a severity (off has none: the rule is disabled). */
static const char *
level(cr_severity sev)
{
	switch (sev) {
	case CR_SEV_ERROR:
		return "error";
	case CR_SEV_WARNING:
		return "warning";
	case CR_SEV_NOTE:
		return "note";
	default:
		return "none";
	}
}

/* Appends the bytes of a path as a URI path: unreserved characters, the
 * sub-delimiters, '@' and '/' as they are, every other byte (':' too, so a
 * relative reference never reads as a scheme; UTF-8 bytes) as %XX. */
static void
put_uri_path(cr_buf *b, const char *s)
{
	static const char keep[] = "-._~!$&'()*+,;=@/";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(keep, *p) != NULL)
			cr_buf_putc(b, (char)*p);
		else
			cr_buf_printf(b, "%%%02X", *p);
	}
}

/*
 * The artifactLocation of a file name as given: relative to the working
 * folder (an absolute name inside it loses that prefix, a leading "./"
 * goes), an absolute name elsewhere as a file: URI; standard input has no
 * URI, only a description.
 */
static void
put_location(cr_buf *b, const char *file, const char *cwd)
{
	cr_buf u;
	size_t n;

	if (strcmp(file, "<stdin>") == 0) {
		cr_buf_puts(b, "{\"description\": {\"text\": "
			       "\"standard input\"}}");
		return;
	}
	cr_buf_init(&u);
	if (file[0] == '/' && cwd != NULL && (n = strlen(cwd)) > 0 &&
	    strncmp(file, cwd, n) == 0 && (file[n] == '/' || cwd[n - 1] == '/'))
		file += n + (file[n] == '/');
	else if (file[0] == '/')
		cr_buf_puts(&u, "file://");
	while (file[0] == '.' && file[1] == '/')
		for (file += 2; *file == '/'; file++)
			;
	put_uri_path(&u, file);
	cr_buf_puts(b, "{\"uri\": ");
	cr_json_string(b, u.len > 0 ? u.data : ".");
	cr_buf_puts(b, "}");
	if (u.oom)
		b->oom = 1;
	cr_buf_free(&u);
}

static void
put_rules(cr_buf *b)
{
	int i;

	cr_buf_puts(b, "\"rules\": [");
	for (i = 0; i < CR_RULE__COUNT; i++) {
		cr_severity def = cr_rule_default((cr_rule)i);

		cr_buf_puts(b, i > 0 ? ",\n" : "\n");
		cr_buf_puts(b, "            {\"id\": ");
		cr_json_string(b, cr_rule_name((cr_rule)i));
		cr_buf_puts(b, ", \"shortDescription\": {\"text\": ");
		cr_json_string(b, cr_rule_summary((cr_rule)i));
		cr_buf_puts(b, "}, \"helpUri\": \"man:cr-lint(1)\", ");
		/* a rule off by default: disabled, at the level --enable
		 * gives it */
		if (def == CR_SEV_OFF)
			cr_buf_puts(b, "\"defaultConfiguration\": "
				       "{\"enabled\": false, \"level\": "
				       "\"warning\"}}");
		else
			cr_buf_printf(b,
				      "\"defaultConfiguration\": {\"level\": "
				      "\"%s\"}}",
				      level(def));
	}
	cr_buf_puts(b, "\n          ]");
}

/* The rules whose severity differs from the default (profile,
 * .cr-lint.yaml, --enable, --disable). */
static void
put_overrides(cr_buf *b, const cr_check_opts *o)
{
	int i, n = 0;

	for (i = 0; i < CR_RULE__COUNT; i++) {
		cr_severity sev = o->severity[i];

		if (sev == cr_rule_default((cr_rule)i))
			continue;
		cr_buf_puts(b, n++ > 0 ? ",\n"
				       : ",\n          "
					 "\"ruleConfigurationOverrides\": "
					 "[\n");
		cr_buf_printf(b, "            {\"descriptor\": {\"id\": ");
		cr_json_string(b, cr_rule_name((cr_rule)i));
		cr_buf_printf(b, ", \"index\": %d}, \"configuration\": ", i);
		if (sev == CR_SEV_OFF)
			cr_buf_puts(b, "{\"enabled\": false}}");
		else
			cr_buf_printf(b,
				      "{\"enabled\": true, \"level\": \"%s\"}}",
				      level(sev));
	}
	if (n > 0)
		cr_buf_puts(b, "\n          ]");
}

static void
put_result(cr_buf *b, const cr_diags *d, const cr_diag *g, const char *cwd)
{
	cr_buf msg;

	cr_buf_init(&msg);
	if (cr_diag_message(d, g, &msg) == -1)
		b->oom = 1;
	cr_buf_puts(b, "        {\"ruleId\": ");
	cr_json_string(b, cr_rule_name(g->rule));
	cr_buf_printf(b, ", \"ruleIndex\": %d, \"level\": \"%s\",\n",
		      (int)g->rule, level(g->severity));
	cr_buf_puts(b, "         \"message\": {\"text\": ");
	cr_json_string(b, msg.data != NULL ? msg.data : "");
	cr_buf_free(&msg);
	cr_buf_puts(b, "},\n         \"locations\": [{\"physicalLocation\": "
		       "{\"artifactLocation\": ");
	put_location(b, cr_diag_file(d, g), cwd);
	/* SARIF counts columns in code points (columnKind), where the gnu
	 * form counts display columns */
	if (g->pos.line > 0)
		cr_buf_printf(b,
			      ", \"region\": {\"startLine\": %d, "
			      "\"startColumn\": %d}",
			      g->pos.line, g->pos.cp > 0 ? g->pos.cp : 1);
	cr_buf_puts(b, "}}]}");
}

int
lint_sarif(cr_buf *b, const cr_diags *d, const cr_check_opts *o, int ok)
{
	char *cwd = getcwd(NULL, 0);
	size_t i;

	cr_buf_puts(b, "{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n"
		       "  \"version\": \"2.1.0\",\n"
		       "  \"runs\": [\n    {\n"
		       "      \"tool\": {\n        \"driver\": {\n"
		       "          \"name\": \"cr-lint\",\n"
		       "          \"fullName\": \"cr-lint (crtools)\",\n"
		       "          \"version\": \"" CR_VERSION "\",\n"
		       "          \"semanticVersion\": \"" CR_VERSION "\",\n"
		       "          \"informationUri\": \"man:cr-lint(1)\",\n"
		       "          ");
	put_rules(b);
	cr_buf_puts(b, "\n        }\n      },\n");
	cr_buf_printf(b,
		      "      \"invocations\": [\n        {\n"
		      "          \"executionSuccessful\": %s",
		      ok ? "true" : "false");
	put_overrides(b, o);
	cr_buf_puts(b, "\n        }\n      ],\n"
		       "      \"columnKind\": \"unicodeCodePoints\",\n"
		       "      \"results\": [");
	for (i = 0; i < d->len; i++) {
		cr_buf_puts(b, i > 0 ? ",\n" : "\n");
		put_result(b, d, &d->items[i], cwd);
	}
	cr_buf_puts(b, d->len > 0 ? "\n      ]\n    }\n  ]\n}\n"
				  : "]\n    }\n  ]\n}\n");
	free(cwd);
	return b->oom ? -1 : 0;
}
