/*
 * test_parallel.c - the worker pool of -j (cmd/common/parallel.c): done
 * runs in input order after each work, never more than the window is in
 * flight, and a failure stops at the same item whatever the jobs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <pthread.h>

#include "parallel.h"

#define N 500

struct run {
	pthread_mutex_t mu;
	size_t window;
	size_t inflight, maxflight;
	size_t fail_at; /* work fails here (N: never) */
	size_t done_fail_at;
	int worked[N];
	size_t order[N];
	size_t ndone;
	int bad;
};

static void
pause_a_little(size_t i)
{
	struct timespec ts = {0, (long)((i * 7919) % 13) * 20000};

	nanosleep(&ts, NULL);
}

static int
work(size_t i, void *arg)
{
	struct run *r = arg;

	pthread_mutex_lock(&r->mu);
	if (++r->inflight > r->maxflight)
		r->maxflight = r->inflight;
	pthread_mutex_unlock(&r->mu);
	pause_a_little(i);
	r->worked[i] = 1;
	return i == r->fail_at ? 7 + (int)(i % 3) : 0;
}

static int
done(size_t i, void *arg)
{
	struct run *r = arg;

	if (!r->worked[i])
		r->bad = 1;
	r->order[r->ndone++] = i;
	pthread_mutex_lock(&r->mu);
	r->inflight--;
	pthread_mutex_unlock(&r->mu);
	return i == r->done_fail_at ? 5 : 0;
}

static int
run(struct run *r, int jobs, size_t window, size_t fail_at, size_t dfail)
{
	memset(r, 0, sizeof(*r));
	pthread_mutex_init(&r->mu, NULL);
	r->fail_at = fail_at;
	r->done_fail_at = dfail;
	return cli_parallel(N, jobs, window, work, done, r);
}

static void
test_order_and_window(void **state)
{
	static const int jobs[] = {1, 2, 4, 9};
	static const size_t windows[] = {1, 3, 64};
	struct run r;
	size_t i, j, k;

	(void)state;
	for (j = 0; j < sizeof(jobs) / sizeof(*jobs); j++)
		for (k = 0; k < sizeof(windows) / sizeof(*windows); k++) {
			assert_int_equal(run(&r, jobs[j], windows[k], N, N), 0);
			assert_int_equal(r.ndone, N);
			assert_false(r.bad);
			for (i = 0; i < N; i++)
				assert_int_equal(r.order[i], i);
			assert_true(r.maxflight <= windows[k]);
			if (jobs[j] > 1 && windows[k] > 1)
				/* else the test proves nothing */
				assert_true(r.maxflight > 1);
		}
}

static void
test_failure_same_whatever_jobs(void **state)
{
	static const int jobs[] = {1, 2, 4};
	struct run r;
	size_t j;

	(void)state;
	for (j = 0; j < sizeof(jobs) / sizeof(*jobs); j++) {
		/* work fails at 123: 0..122 done, its value returned */
		assert_int_equal(run(&r, jobs[j], 16, 123, N), 7 + 123 % 3);
		assert_int_equal(r.ndone, 123);
		assert_int_equal(r.order[122], 122);
		/* done fails at 40: done ran for 0..40, no more */
		assert_int_equal(run(&r, jobs[j], 16, N, 40), 5);
		assert_int_equal(r.ndone, 41);
		/* the first item fails */
		assert_int_equal(run(&r, jobs[j], 4, 0, N), 7);
		assert_int_equal(r.ndone, 0);
	}
}

/* Without done: every item worked once, and the call returns after the
 * last; a failure is still the first in input order. */
static void
test_no_done(void **state)
{
	static const int jobs[] = {1, 2, 4};
	struct run r;
	size_t i, j;

	(void)state;
	for (j = 0; j < sizeof(jobs) / sizeof(*jobs); j++) {
		memset(&r, 0, sizeof(r));
		pthread_mutex_init(&r.mu, NULL);
		r.fail_at = N;
		assert_int_equal(cli_parallel(N, jobs[j], 8, work, NULL, &r),
				 0);
		for (i = 0; i < N; i++)
			assert_int_equal(r.worked[i], 1);
		pthread_mutex_destroy(&r.mu);
		memset(&r, 0, sizeof(r));
		pthread_mutex_init(&r.mu, NULL);
		r.fail_at = 123;
		assert_int_equal(cli_parallel(N, jobs[j], 8, work, NULL, &r),
				 7 + 123 % 3);
		pthread_mutex_destroy(&r.mu);
	}
}

static void
test_empty_and_args(void **state)
{
	struct run r;
	int n = 0;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(cli_parallel(0, 4, 8, work, done, &r), 0);
	assert_int_equal(r.ndone, 0);
	assert_true(cli_jobs_default() >= 1);
	assert_int_equal(cli_jobs_arg("4", &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(cli_jobs_arg("1024", &n), 0);
	assert_int_equal(cli_jobs_arg("0", &n), -1);
	assert_int_equal(cli_jobs_arg("1025", &n), -1);
	assert_int_equal(cli_jobs_arg("-2", &n), -1);
	assert_int_equal(cli_jobs_arg("2x", &n), -1);
	assert_int_equal(cli_jobs_arg("", &n), -1);
	assert_int_equal(cli_jobs_arg(" 3", &n), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_order_and_window),
	    cmocka_unit_test(test_failure_same_whatever_jobs),
	    cmocka_unit_test(test_no_done),
	    cmocka_unit_test(test_empty_and_args),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
