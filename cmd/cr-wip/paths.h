/*
 * paths.h - the report files as a workbook shows them: relative to the
 * reports' root (the folder argument they were found under), and linked
 * relative to the folder the workbook is written to.
 */
#ifndef CR_WIP_PATHS_H
#define CR_WIP_PATHS_H

typedef struct wip_paths {
	char **roots; /* the folder arguments, as given, no trailing '/' */
	size_t nroots;
	char *base; /* the workbook's folder, absolute; NULL: no links */
} wip_paths;

/* The files' folders made canonical, kept by whoever asks: zero it to
 * start, wip_dirs_free to end. */
typedef struct wip_dirs {
	void *tree; /* tsearch */
} wip_dirs;

/* Roots from the arguments that are folders; base from the output path
 * (NULL or "-": the current folder). 0, or -1 on memory. */
int wip_paths_init(wip_paths *p, char *const *args, size_t nargs,
		   const char *output);
void wip_paths_free(wip_paths *p);
/* *shown: the file relative to its root (or as given); *link: the path
 * from base to the file, NULL when it cannot be found. Both malloc'd. 0,
 * or -1 on memory. */
int wip_paths_of(const wip_paths *p, wip_dirs *dirs, const char *file,
		 char **shown, char **link);
void wip_dirs_free(wip_dirs *dirs);

#endif
