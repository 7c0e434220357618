/* read_file.c - cr_read_file: a report file by its path, for library users. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Reads at most CR_MAX_FILE_BYTES + 1 bytes of a regular file. */
static int
slurp_fd(int fd, char **buf, size_t *len)
{
	size_t cap = 8192, n = 0;
	char *b = malloc(cap), *p;
	ssize_t k;

	if (b == NULL)
		return CR_ERR_MEMORY;
	for (;;) {
		if (n == cap) {
			if (cap > CR_MAX_FILE_BYTES)
				break; /* one byte over the limit tells */
			cap *= 2;
			if ((p = realloc(b, cap)) == NULL) {
				free(b);
				return CR_ERR_MEMORY;
			}
			b = p;
		}
		k = read(fd, b + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			free(b);
			return CR_ERR_IO;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	*buf = b;
	*len = n;
	return 0;
}

int
cr_read_file(const char *path, cr_form form, cr_reports *out, cr_diags *d)
{
	cr_read_opts o;
	struct stat st;
	char *buf = NULL, *id;
	size_t len = 0;
	int fd, rc, saved;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return CR_ERR_IO;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		saved = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		close(fd);
		errno = saved;
		return CR_ERR_IO;
	}
	rc = slurp_fd(fd, &buf, &len);
	saved = errno;
	close(fd);
	if (rc != 0) {
		errno = saved;
		return rc;
	}
	if ((id = cr_id_from_path(path)) == NULL) {
		free(buf);
		return CR_ERR_MEMORY;
	}
	o.form = form != CR_FORM_AUTO ? form : cr_form_from_path(path);
	o.file = path;
	o.default_id = id;
	rc = cr_read(buf, len, &o, out, d) == -1 ? CR_ERR_MEMORY : 0;
	free(id);
	free(buf);
	return rc;
}
