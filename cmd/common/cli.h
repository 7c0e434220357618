/*
 * cli.h - what the four tools share: inputs, atomic output, diagnostics on
 * stderr, the clock, exit codes. Only cmd/ prints and exits; the library
 * (crtools.h) never does.
 *
 * Every function that can fail prints its own message to stderr as
 * "PROG: WHAT: REASON" (PROG is the tool name passed in) and returns -1;
 * the caller only decides the exit status.
 */
#ifndef CR_CLI_H
#define CR_CLI_H

#include <libintl.h>
#include <stdio.h>
#include <sys/types.h>

#include "crtools.h"

/* ------------------------------------------------------------------ */
/* Messages in the user's language (i18n.c)                            */

#define _(s) gettext(s)
#define N_(s) (s) /* marked for xgettext, translated where used */
/* setlocale(LC_MESSAGES) and the crtools catalogues; first in main(). */
void cli_i18n_init(void);

/* Exit status of every tool (SPEC 3). */
enum cli_exit {
	CLI_EXIT_OK = 0,    /* success */
	CLI_EXIT_INPUT = 1, /* the input has problems */
	CLI_EXIT_FAIL = 2   /* usage error or I/O failure */
};

/* ------------------------------------------------------------------ */
/* Inputs                                                              */

typedef struct cli_input {
	char *name;   /* as given (or found in a directory); "<stdin>" */
	char *path;   /* what to open; NULL for standard input; may be
			 name itself (cli_input_free_names) */
	cr_form form; /* from the extension, or CR_FORM_AUTO (sniffed) */
	char *data;   /* the bytes, after cli_input_load; NUL-terminated */
	size_t len;
	int too_big;  /* more than CR_MAX_FILE_BYTES: data holds only the
			 first CR_MAX_FILE_BYTES + 1 bytes */
	int has_stat; /* dev/ino are known (a regular file, or standard
			 input redirected from one) */
	int walked;   /* found by a directory walk: must stay a regular file
			 (the one the walk saw, when it had to stat it: a
			 walked input without has_stat is one its folder
			 entry said was regular, known once loaded) */
	int peek;     /* a walked Markdown file: a report only if it opens
			 with front matter, known once it is loaded */
	int linked;   /* more than one hard link (known once loaded) */
	dev_t dev;
	ino_t ino;
} cli_input;

typedef struct cli_inputs {
	cli_input *items;
	size_t len;
	size_t cap;
	struct cli_seen *seen;	/* while collecting: the (device, inode)s */
	struct cli_seen *taken; /* cli_input_taken's */
	size_t named;		/* inputs not found by a walk */
} cli_inputs;

/*
 * Turns the file arguments into inputs: none, or "-", is standard input.
 * With `walk`, a directory is walked recursively for *.yaml, *.yml and
 * *.md, skipping hidden entries (names starting with '.'), in byte order
 * of the full path (a walked Markdown file with no front matter, not a
 * report, a README.md, is skipped when it is loaded: cli_input_load);
 * without it, a directory is an error. A walk reads only regular files;
 * it follows a symbolic link to a folder once per (device, inode), and
 * cuts a link back into the walk or to one of its parents with a note.
 * The same file (device, inode) given twice, by whatever spelling or
 * walk, is one input: at once when the walk had to stat it, else once
 * read (cli_input_taken). Returns the number of
 * arguments that could not be used (missing, unreadable, a directory
 * without walk), each reported; the usable ones are still appended.
 * -1 on memory.
 */
int cli_inputs_collect(cli_inputs *ins, char *const *args, int nargs, int walk,
		       const char *prog);
void cli_inputs_free(cli_inputs *ins);
/* Frees an input's name and path (one string when they are the same). */
void cli_input_free_names(cli_input *in);

/*
 * Reads the bytes of one input (at most CR_MAX_FILE_BYTES + 1, so a huge
 * file is refused in bounded memory). A file found by a walk is opened
 * without blocking and must still be a regular file (a FIFO put in its
 * place is refused, never waited on), the one the walk saw when it had to
 * stat it. 0; 1 when it is no report after all (a walked Markdown file
 * without front matter: nothing loaded, nothing said); -1 reported.
 *
 * The walk stats no regular file (its directory entry says what it is):
 * that costs a system call a file, and the reading has to stat it anyway.
 * So the same file found twice (a hard link, or a walked file named on
 * the command line too) is two inputs until read: cli_input_taken, called
 * for each input in order once it is read, says which is the second.
 */
int cli_input_load(cli_input *in, const char *prog);
/* 1 if an input before `in` in order (each given here in turn) was the
 * same file (device, inode): `in` is then no input of its own; else 0
 * (also when its device and inode are unknown). -1 on memory. */
int cli_input_taken(cli_inputs *ins, const cli_input *in);
/* Stats the walked inputs not stat'ed yet (has_stat 0), for a caller that
 * needs every input's device and inode before reading (--context). One
 * that is gone stays unknown: its reading says why. */
void cli_inputs_stat(cli_inputs *ins);
/* Frees the bytes (the input stays in its list). */
void cli_input_unload(cli_input *in);

/*
 * Parses a loaded input into reports appended to `out`, diagnostics to
 * `d`: the form is `force` when not CR_FORM_AUTO, else the input's own,
 * else sniffed (cr_sniff); the default id is the file name without its
 * extension (none on stdin). -1 on memory only.
 */
int cli_input_parse(const cli_input *in, cr_form force, cr_reports *out,
		    cr_diags *d);

/* "yaml" / "md" for --from; -1 for anything else. */
int cli_form_lookup(const char *s);

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

/* Whether to colour output on fp: it is a terminal and NO_COLOR is unset
 * or empty (https://no-color.org). */
int cli_use_color(FILE *fp);
/* Prints diagnostics [from, len) as "FILE:LINE:COL: SEVERITY: MESSAGE
 * [RULE]", the severity coloured when `color`. */
void cli_diags_print(FILE *fp, const cr_diags *d, size_t from, int color);
/* Where cli_error and the notes of reading an input go for the calling
 * thread: standard error, or the cli_said a -j worker has begun. */
FILE *cli_messages(void);

/* What a -j worker has to say about its item (text, malloc'd), said in
 * input order by the thread that takes the item back. */
typedef struct cli_said {
	char *text;
	size_t len;
	FILE *fp; /* made by the first message */
	int oom;  /* it could not be made */
} cli_said;
/* From now on this thread's messages go into s (empty). 0. */
int cli_said_begin(cli_said *s);
/* Standard error again; -1 if what was said could not be kept. */
int cli_said_end(cli_said *s);
/* Writes what s holds on standard error and empties it. */
void cli_said_flush(cli_said *s);

/* The argument of -j into *jobs (cli_jobs_arg), or a message and -1. */
int cli_jobs_option(const char *prog, const char *arg, int *jobs);
/* "PROG: message\n" on stderr, fmt translated (gettext). */
void cli_error(const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ------------------------------------------------------------------ */
/* The clock                                                           */

/* Now, and the local offset (minutes east of UTC) at that moment. */
void cli_now(long long *now, int *offset);
/*
 * Parses --now: any date form of SPEC 2.1. A date alone is its start
 * (00:00); no offset means the local time zone. 0, or -1 (reported).
 */
int cli_parse_now(const char *arg, long long *now, int *offset,
		  const char *prog);

/* ------------------------------------------------------------------ */
/* Output                                                              */

typedef struct cli_output {
	FILE *fp;   /* write here */
	char *path; /* the target, a symbolic link resolved; NULL for standard
		       output and for a file written into directly */
	char *tmp;  /* the named temporary file beside it (when the folder's
		       file system has no O_TMPFILE), until commit */
	int anon;   /* the temporary file is unnamed (O_TMPFILE) */
	char reopen[64]; /* a path that opens the temporary file */
	int noclobber;
} cli_output;

enum {
	CLI_OUT_NOCLOBBER = 1 /* refuse to replace an existing file */
};

/*
 * Opens the output: `path` NULL or "-" is standard output. A path that
 * names standard output (/dev/stdout, /dev/fd/1, ...), a device, a FIFO
 * or a socket is written into directly, never replaced. A symbolic link
 * is followed: its target is what gets replaced. A regular file (or a new
 * one) is written to a temporary file in the target's folder, unnamed
 * (O_TMPFILE) where the file system allows it so that even SIGKILL leaves
 * nothing behind, and renamed over the target by cli_output_commit, so
 * that an interrupted run leaves the old file whole; the new file keeps
 * the old one's mode (and, for root, its owner). Refuses a target that is
 * one of `ins` (same device and inode, whatever the path, standard input
 * included), a file the user may not write, a file with several hard
 * links (replacing it would split them), and with CLI_OUT_NOCLOBBER an
 * existing file. A named temporary file is removed if the tool is stopped
 * by SIGINT, SIGTERM, SIGHUP or SIGPIPE. The unnamed file is given a name
 * (.NAME.PID.N) only for the rename at the very end: a SIGKILL between
 * those two system calls leaves it, and the next write of NAME removes
 * it. 0, or -1 (reported).
 */
int cli_output_open(cli_output *o, const char *path, const cli_inputs *ins,
		    int flags, const char *prog);
/* A path by which a library that writes to a file name (libxlsxwriter)
 * can write the output, or NULL when the output is a stream (standard
 * output, a FIFO, a device): then write to a cli_scratch file and copy. */
const char *cli_output_file(const cli_output *o);
/* Flushes, fsyncs and links or renames into place (a stream: flushes and
 * checks for a write error, naming its cause). 0, or -1 (reported; the
 * target untouched and no temporary file left). */
int cli_output_commit(cli_output *o, const char *prog);
/* Drops the output: removes the temporary file. */
void cli_output_abort(cli_output *o);

/* The folder for temporary files: $TMPDIR, or /tmp when it is unset or
 * empty. */
const char *cli_tmpdir(void);
/*
 * A scratch file that no name points to (O_TMPFILE in cli_tmpdir(), or
 * a file unlinked as soon as made), so nothing is left behind whatever
 * stops the tool; `path` receives a /proc/self/fd name that opens it.
 * Returns the descriptor, or -1 (reported).
 */
int cli_scratch(char path[64], const char *prog);
/* Copies the scratch file fd (from its start) into the stream output o.
 * 0, or -1 (reported, unless the reader went away). */
int cli_copy_out(int fd, cli_output *o, const char *prog);

/* ------------------------------------------------------------------ */
/* Help and version                                                    */

/* ------------------------------------------------------------------ */
/* Configuration files (config_find.c)                                 */

/* The nearest file called `name` in the current folder or a parent that
 * the user or root owns (another user's is ignored with a warning on
 * stderr); malloc'd, or NULL when there is none. */
char *cli_config_find(const char *name, const char *prog);

/* "PROG (crtools) VERSION" on stdout. */
void cli_version(const char *prog);
/* After a bad option (which getopt_long has named): the tool's usage
 * lines (an N_() text, translated here), then "Try 'PROG --help' for more
 * information.", on stderr. One behaviour for every tool. */
void cli_usage_error(const char *prog, const char *usage);

#endif
