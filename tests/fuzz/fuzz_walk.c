/*
 * fuzz_walk.c - libFuzzer target for the directory walk of cr-lint and
 * cr-wip (cmd/common/cli.c): the bytes are a recipe for a tree of
 * folders, report files, FIFOs and symbolic links (to ".", "..", "/", a
 * sibling, an earlier entry, nowhere), built in a fresh temporary folder
 * and walked. The walk must end (libFuzzer's -timeout catches a loop),
 * read every file at most once (no two inputs share a device and inode),
 * in the byte order of the path within the walk, and leave no FIFO
 * among its inputs. Built with the .c files of cmd/common besides lib/.
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
	char *args[1];
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
		if (cli_inputs_collect(&ins, args, 1, 1, "fuzz") >= 0) {
			for (i = 0; i < ins.len; i++) {
				struct stat st;

				if (i > 0 && strcmp(ins.items[i - 1].name,
						    ins.items[i].name) >= 0)
					abort(); /* not in byte order */
				if (stat(ins.items[i].path, &st) == 0 &&
				    !S_ISREG(st.st_mode))
					abort(); /* a FIFO among the inputs */
				for (j = 0; j < i; j++)
					if (ins.items[j].dev ==
						ins.items[i].dev &&
					    ins.items[j].ino ==
						ins.items[i].ino)
						abort(); /* read twice */
			}
		}
		cli_inputs_free(&ins);
		if (chdir(cwd) == -1)
			abort();
	}
	dup2(saved, STDERR_FILENO);
	close(saved);
	nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
