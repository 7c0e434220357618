/*
 * replay.c - a main for the libFuzzer targets without libFuzzer: each
 * argument is a file whose bytes go once through LLVMFuzzerTestOneInput.
 * make builds every target with it (build/tests/fuzz-NAME), so that the
 * targets compile and link with the tree as it is, and
 * tests/cli/fuzz-replay.t replays tests/regress and the examples through
 * them (under ASan+UBSan in make asan).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *data = NULL;
		size_t len = 0, cap = 0, n;

		if (f == NULL) {
			perror(argv[i]);
			status = 2;
			continue;
		}
		do {
			if (len == cap) {
				uint8_t *p;

				cap = cap ? 2 * cap : 4096;
				if ((p = realloc(data, cap)) == NULL) {
					perror(argv[i]);
					free(data);
					fclose(f);
					return 2;
				}
				data = p;
			}
			n = fread(data + len, 1, cap - len, f);
			len += n;
		} while (n > 0);
		if (ferror(f)) {
			perror(argv[i]);
			status = 2;
		} else {
			LLVMFuzzerTestOneInput(data, len);
		}
		fclose(f);
		free(data);
	}
	return status;
}
