/*
 * parallel.h - work on many inputs with several threads, delivering the
 * results in input order (cr-lint -j, cr-wip -j).
 *
 * work(i) runs on a worker thread and must touch only item i's own state
 * (a slot the caller keeps per item); it must not print: what it has to
 * say goes into the slot, and done(i) says it, on the calling thread, in
 * order. So the output is the same whatever the number of jobs.
 */
#ifndef CR_PARALLEL_H
#define CR_PARALLEL_H

#include <stddef.h>

typedef int (*cli_work_fn)(size_t i, void *arg);

/*
 * Runs work(i) for every i in [0, n) on `jobs` threads and done(i) on the
 * calling thread for i = 0, 1, ... n-1 in turn, each once work(i) has
 * returned (done NULL: nothing is said in order; the call returns once
 * every work(i) has). At most `window` items (at least 1) are worked but not
 * yet done, which bounds the memory the slots hold. With jobs <= 1 no thread is
 * started: work(i) then done(i), in turn.
 *
 * Returns 0, or the first non-zero value in input order that work or done
 * returned: then no further item is started, done is called for no item
 * from that one on, and the items worked but not done are left in their
 * slots for the caller to free. Whatever N, the same items are done.
 */
int cli_parallel(size_t n, int jobs, size_t window, cli_work_fn work,
		 cli_work_fn done, void *arg);

/* The number of online processors (at least 1): the default of -j. */
int cli_jobs_default(void);

/* Parses the argument of -j (a whole number from 1 to 1024) into *jobs;
 * -1 if it is not one (the caller says so). */
int cli_jobs_arg(const char *s, int *jobs);

#endif
