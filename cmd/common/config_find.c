/* config_find.c - the nearest configuration file of a tool. */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* A configuration is obeyed only when the user or root owns it: one put in
 * a shared parent folder by someone else could silence every check (git
 * refuses another user's repository for the same reason). */
static int
trusted(const char *path, const char *prog)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return 0;
	if (st.st_uid == geteuid() || st.st_uid == 0)
		return 1;
	fprintf(stderr,
		"%s: %s: warning: ignored: owned by another user (uid %lu)\n",
		prog, path, (unsigned long)st.st_uid);
	return 0;
}

char *
cli_config_find(const char *name, const char *prog)
{
	char *dir = getcwd(NULL, 0), *path, *slash;
	size_t n;

	if (dir == NULL)
		return NULL;
	for (;;) {
		n = strlen(dir) + strlen(name) + 2;
		if ((path = malloc(n)) == NULL)
			break;
		snprintf(path, n, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir,
			 name);
		if (access(path, F_OK) == 0 && trusted(path, prog)) {
			free(dir);
			return path;
		}
		free(path);
		if ((slash = strrchr(dir, '/')) == NULL ||
		    strcmp(dir, "/") == 0)
			break;
		slash[slash == dir ? 1 : 0] = '\0';
	}
	free(dir);
	return NULL;
}
