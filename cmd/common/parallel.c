/*
 * parallel.c - a pool of worker threads handing items out in order and a
 * calling thread that takes the results back in order (parallel.h).
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "parallel.h"

#define PENDING INT_MIN /* status of an item whose work has not returned */

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t room;  /* the window has room, or stop */
	pthread_cond_t ready; /* an item's work returned */
	size_t n, window;
	size_t next; /* the next item to hand out */
	size_t done; /* items [0, done) are done */
	int stop;    /* hand out nothing more */
	int *status; /* per item: PENDING, or what work returned */
	/* the calling thread sleeps until `need` items of [lo, hi) have
	 * returned: woken once a batch, not once an item */
	size_t lo, hi, need;
	int asleep;
	int waiting; /* workers waiting for room */
	cli_work_fn work;
	void *arg;
};

static void *
worker(void *p)
{
	struct pool *pl = p;
	size_t i;
	int rc;

	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (!pl->stop && pl->next < pl->n &&
		       pl->next - pl->done >= pl->window) {
			pl->waiting++;
			pthread_cond_wait(&pl->room, &pl->mu);
			pl->waiting--;
		}
		if (pl->stop || pl->next >= pl->n)
			break;
		i = pl->next++;
		pthread_mutex_unlock(&pl->mu);
		rc = pl->work(i, pl->arg);
		pthread_mutex_lock(&pl->mu);
		pl->status[i] = rc;
		if (rc != 0) {
			pl->stop = 1;
			pthread_cond_broadcast(&pl->ready);
			pthread_cond_broadcast(&pl->room);
		} else if (pl->stop) /* the caller waits an item at a time */
			pthread_cond_broadcast(&pl->ready);
		else if (pl->asleep && i >= pl->lo && i < pl->hi &&
			 --pl->need == 0)
			pthread_cond_signal(&pl->ready);
	}
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

static int
serial(size_t n, cli_work_fn work, cli_work_fn done, void *arg)
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		if ((rc = work(i, arg)) != 0 ||
		    (done != NULL && (rc = done(i, arg)) != 0))
			return rc;
	return 0;
}

/* Sleeps until items [lo, hi) have all returned, or until stop. */
static void
await_batch(struct pool *pl, size_t lo, size_t hi)
{
	size_t k, need = 0;

	for (k = lo; k < hi; k++)
		need += pl->status[k] == PENDING;
	if (need == 0)
		return;
	pl->lo = lo;
	pl->hi = hi;
	pl->need = need;
	pl->asleep = 1;
	while (pl->need > 0 && !pl->stop)
		pthread_cond_wait(&pl->ready, &pl->mu);
	pl->asleep = 0;
}

/* Takes the items back in order, a batch of half the window at a time;
 * the pool's lock is held on entry. */
static int
collect(struct pool *pl, cli_work_fn done)
{
	size_t i = 0, hi, batch = pl->window / 2 ? pl->window / 2 : 1;
	int rc = 0;

	while (i < pl->n && rc == 0) {
		hi = pl->n - i < batch ? pl->n : i + batch;
		await_batch(pl, i, hi);
		for (; i < hi && rc == 0; i++) {
			/* after a failure: every item before the failed one
			 * was handed out, so each waited for here is running
			 * or has returned (and then says so, stop being set) */
			while (pl->status[i] == PENDING &&
			       (i < pl->next || !pl->stop))
				pthread_cond_wait(&pl->ready, &pl->mu);
			if (pl->status[i] == PENDING)
				return -1; /* cannot be: see above */
			if ((rc = pl->status[i]) != 0)
				break;
			if (done != NULL) {
				pthread_mutex_unlock(&pl->mu);
				rc = done(i, pl->arg);
				pthread_mutex_lock(&pl->mu);
			}
			pl->done = i + 1;
			if (rc != 0)
				pl->stop = 1;
			if (pl->waiting > 0)
				pthread_cond_broadcast(&pl->room);
		}
	}
	return rc;
}

int
cli_parallel(size_t n, int jobs, size_t window, cli_work_fn work,
	     cli_work_fn done, void *arg)
{
	struct pool pl;
	pthread_t *tids;
	size_t i, nthreads, started = 0;
	int rc;

	if (window < 1)
		window = 1;
	nthreads = jobs > 1 ? (size_t)jobs : 1;
	if (nthreads > n)
		nthreads = n;
	if (nthreads > window)
		nthreads = window;
	if (nthreads <= 1)
		return serial(n, work, done, arg);
	pl.n = n;
	pl.window = window;
	pl.next = pl.done = 0;
	pl.stop = 0;
	pl.lo = pl.hi = pl.need = 0;
	pl.asleep = pl.waiting = 0;
	pl.work = work;
	pl.arg = arg;
	pl.status = malloc(n * sizeof(*pl.status));
	tids = malloc(nthreads * sizeof(*tids));
	if (pl.status == NULL || tids == NULL) {
		free(pl.status);
		free(tids);
		return serial(n, work, done, arg);
	}
	for (i = 0; i < n; i++)
		pl.status[i] = PENDING;
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.room, NULL);
	pthread_cond_init(&pl.ready, NULL);
	for (i = 0; i < nthreads; i++)
		if (pthread_create(&tids[started], NULL, worker, &pl) == 0)
			started++;
	pthread_mutex_lock(&pl.mu);
	if (started == 0) {
		/* no thread to be had: the calling thread works alone */
		pthread_mutex_unlock(&pl.mu);
		rc = serial(n, work, done, arg);
	} else {
		rc = collect(&pl, done);
		pl.stop = 1;
		pthread_cond_broadcast(&pl.room);
		pthread_mutex_unlock(&pl.mu);
	}
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_cond_destroy(&pl.ready);
	pthread_cond_destroy(&pl.room);
	pthread_mutex_destroy(&pl.mu);
	free(pl.status);
	free(tids);
	return rc;
}

int
cli_jobs_default(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > 1024 ? 1024 : (int)n;
}

int
cli_jobs_arg(const char *s, int *jobs)
{
	char *end;
	long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > 1024)
		return -1;
	*jobs = (int)v;
	return 0;
}
