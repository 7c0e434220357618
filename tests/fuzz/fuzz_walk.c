/*
 * fuzz_walk.c - libFuzzer target for the directory walk of cr-lint and
 * cr-wip (cmd/common/cli.c): the bytes are a recipe for a tree of
 * folders, report files, FIFOs and symbolic links (to ".", "..", "/", a
 * sibling, an earlier entry, nowhere), built in a fresh temporary folder
 * and walked. The walk must end (libFuzzer's -timeout catches a loop),
 * list its inputs in the byte order of the path within the walk, leave no
 * FIFO among them, and, read as the tools read them (cli_input_load, then
 * cli_input_taken), read every file at most once: no two inputs kept
 * share a device and inode. Built with the .c files of cmd/common besides lib/.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Standard error back (the walk's notes went to /dev/null), so that the
 * reason and libFuzzer's report of the abort are seen. */
static void
fail(int saved, const char *why)
{
	dup2(saved, STDERR_FILENO);
	fprintf(stderr, "fuzz_walk: %s\n", why);
	abort();
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const targets[] = {".", "..", "/",	    "../..",
					      "a", "d0", "nowhere", "d0/d1"};
	static const char *const names[] = {
	    "a.yaml", "b.md", "c.yml", "d0", "d1", "e.yaml", "x", "README.md"};
	char root[] = "/tmp/crfuzz.XXXXXX", path[4096], cwd[4096];
	char *args[1], *kept;
	cli_inputs ins = {0};
	size_t i, j;
	int fd, saved;

	if (mkdtemp(root) == NULL || getcwd(cwd, sizeof(cwd)) == NULL)
		return 0;
	/* each pair of bytes: which folder (depth), what, which name */
	for (i = 0; i + 1 < size && i < 64; i += 2) {
		const char *dir = (data[i] & 3) == 0   ? ""
				  : (data[i] & 3) == 1 ? "d0/"
				  : (data[i] & 3) == 2 ? "d0/d1/"
						       : "d1/";
		const char *name = names[(data[i + 1] >> 3) & 7];

		snprintf(path, sizeof(path), "%s/%s%s", root, dir, name);
		switch ((data[i] >> 2) & 7) {
		case 0:
		case 1:
			mkdir(path, 0755);
			break;
		case 2:
		case 3:
			if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL,
				       0644)) >= 0) {
				if (write(fd, "---\ntitle: x\n---\n", 17) < 0)
					(void)0;
				close(fd);
			}
			break;
		case 4:
			mkfifo(path, 0644);
			break;
		default:
			if (symlink(targets[data[i + 1] & 7], path) == -1)
				(void)0;
			break;
		}
	}
	/* the walk's notes are not the point here */
	saved = dup(STDERR_FILENO);
	fd = open("/dev/null", O_WRONLY);
	dup2(fd, STDERR_FILENO);
	close(fd);
	if (chdir(root) == 0) {
		args[0] = ".";
		if (cli_inputs_collect(&ins, args, 1, 1, "fuzz") >= 0 &&
		    (kept = calloc(ins.len + 1, 1)) != NULL) {
			for (i = 0; i < ins.len; i++) {
				cli_input *in = &ins.items[i];
				struct stat st;
				int r;

				if (i > 0 && strcmp(ins.items[i - 1].name,
						    in->name) >= 0)
					fail(saved, "not in byte order");
				if (stat(in->path, &st) == 0 &&
				    !S_ISREG(st.st_mode))
					fail(saved, "a FIFO among the inputs");
				/* read as the tools read: in order, each
				 * asked once loaded whether it was taken */
				if (cli_input_load(in, "fuzz") != 0)
					continue; /* no report, or refused */
				cli_input_unload(in);
				if (!in->has_stat)
					fail(saved, "read, yet no inode known");
				if ((r = cli_input_taken(&ins, in)) == -1)
					fail(saved, "out of memory");
				if (r == 1)
					continue; /* a second name of one */
				for (j = 0; j < i; j++)
					if (kept[j] &&
					    ins.items[j].dev == in->dev &&
					    ins.items[j].ino == in->ino)
						fail(saved,
						     "a file read twice");
				kept[i] = 1;
			}
			free(kept);
		}
		cli_inputs_free(&ins);
		if (chdir(cwd) == -1)
			fail(saved, "cannot go back");
	}
	dup2(saved, STDERR_FILENO);
	close(saved);
	nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
