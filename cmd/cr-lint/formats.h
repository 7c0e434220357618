/*
 * formats.h - cr-lint's machine outputs besides JSON: a SARIF 2.1.0 log
 * (sarif.c) and GitHub Actions workflow commands (github.c). Both write
 * into a buffer; the caller prints it.
 */
#ifndef CR_LINT_FORMATS_H
#define CR_LINT_FORMATS_H

#include "crtools.h"

/*
 * One SARIF 2.1.0 log of one run: every rule of lib/cr_rules.h described in
 * tool.driver.rules, the rules whose severity `o` changes from the default
 * as ruleConfigurationOverrides, and the diagnostics as results. File names
 * become URIs relative to the working folder. `ok` is whether every input
 * could be read. 0, or -1 on memory.
 */
int lint_sarif(cr_buf *b, const cr_diags *d, const cr_check_opts *o, int ok);

/* The diagnostics as "::error file=F,line=L,col=C,title=RULE::MESSAGE"
 * lines (::warning, ::notice). 0, or -1 on memory. */
int lint_github(cr_buf *b, const cr_diags *d);

#endif
