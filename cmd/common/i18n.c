/*
 * i18n.c - messages in the user's language (SPEC 3): the locale's
 * LC_MESSAGES (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads
 * them) picks a catalogue of the "crtools" domain; English otherwise.
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef CR_LOCALEDIR
#define CR_LOCALEDIR "/usr/local/share/locale"
#endif

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Where the catalogues are: $CR_LOCALEDIR; else next to the program, as
 * installed (BIN/../share/locale) or in the build tree (bin/../build/locale);
 * else the configured prefix.
 */
static void
bind_catalogues(void)
{
	const char *env = getenv("CR_LOCALEDIR");
	char exe[PATH_MAX], dir[PATH_MAX + 32], *slash;
	ssize_t n;

	if (env != NULL && *env != '\0') {
		bindtextdomain(CR_TEXTDOMAIN, env);
		return;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		snprintf(dir, sizeof(dir), "%s/../share/locale", exe);
		if (!is_dir(dir))
			snprintf(dir, sizeof(dir), "%s/../build/locale", exe);
		if (is_dir(dir)) {
			bindtextdomain(CR_TEXTDOMAIN, dir);
			return;
		}
	}
	bindtextdomain(CR_TEXTDOMAIN, CR_LOCALEDIR);
}

void
cli_i18n_init(void)
{
	/* Messages only: numbers, character classes and time formats keep
	 * the C locale, so every output but the messages is the same
	 * everywhere. */
	setlocale(LC_MESSAGES, "");
	bind_catalogues();
	/* The text is UTF-8 whatever LC_CTYPE says; the C library's own
	 * messages (strerror, getopt) too, so that they never come out as
	 * '?' in the C locale's ASCII. */
	bind_textdomain_codeset(CR_TEXTDOMAIN, "UTF-8");
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain(CR_TEXTDOMAIN);
}
