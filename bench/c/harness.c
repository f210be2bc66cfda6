/*
 * Times the C workloads over the same values as the Java benchmark (written by DumpData), checks every
 * result against the one the Java versions agreed on, and prints ns per SPTE (median, quartiles, min
 * over repetitions; the cells of a profile are run round-robin so they share the machine's noise).
 *
 * Each repetition of a cell runs whole passes over the 1 Mi values for at least WINDOW_MS (as long as
 * one JMH measurement iteration of RuntimeBench), so both languages take medians over windows of the
 * same length, which time-slicing on a shared machine affects alike.
 *
 * usage: harness DATA_DIR [REPS] [WINDOW_MS]
 * output: one line per cell: c <profile> <workload> <version> <median> <p25> <p75> <min> <reps>
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kstyle.h"
#include "work.h"

struct data {
	size_t n;
	u64 *mixed, *leaves, *pfn, *gen, *flags;
	u64 expect[8];
};

struct version {
	const char *name;
	u64 (*classify)(const u64 *a, size_t n, u64 *out);
	u64 (*extract)(const u64 *a, size_t n, u64 *out);
	u64 (*make)(const u64 *pfn, const u64 *gen, const u64 *flags, size_t n);
	u64 (*round_trip)(const u64 *leaves, size_t n);
};

static const char *const workloads[] = { "classify", "extract", "make", "roundTrip" };

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static void load(const char *path, struct data *d)
{
	FILE *f = fopen(path, "rb");
	u64 hdr[2];
	u64 **arrays[] = { &d->mixed, &d->leaves, &d->pfn, &d->gen, &d->flags };

	if (!f)
		die(path);
	if (fread(hdr, 8, 2, f) != 2 || memcmp(hdr, "SPTEBNCH", 8))
		die("bad data file");
	d->n = hdr[1];
	for (size_t i = 0; i < 5; i++) {
		*arrays[i] = aligned_alloc(64, d->n * 8);
		if (!*arrays[i] || fread(*arrays[i], 8, d->n, f) != d->n)
			die("read");
	}
	if (fread(d->expect, 8, 8, f) != 8)
		die("read expect");
	fclose(f);
}

static u64 run(const struct version *v, int w, const struct data *d, u64 *out)
{
	switch (w) {
	case 0: return v->classify(d->mixed, d->n, out);
	case 1: return v->extract(d->mixed, d->n, out);
	case 2: return out[0] = v->make(d->pfn, d->gen, d->flags, d->n);
	default: return out[0] = v->round_trip(d->leaves, d->n);
	}
}

static void check(const char *profile, const struct version *v, const struct data *d)
{
	u64 out[4];
	int bad = 0;

	run(v, 0, d, out);
	for (int i = 0; i < 4; i++)
		bad |= out[i] != d->expect[i];
	run(v, 1, d, out);
	bad |= out[0] != d->expect[4] || out[1] != d->expect[5];
	run(v, 2, d, out);
	bad |= out[0] != d->expect[6];
	run(v, 3, d, out);
	bad |= out[0] != d->expect[7];
	if (bad) {
		fprintf(stderr, "harness: %s/%s does not compute what the Java versions do\n", profile, v->name);
		exit(1);
	}
}

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static volatile u64 sink;

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	int reps = argc > 2 ? atoi(argv[2]) : 41;
	double window = (argc > 3 ? atof(argv[3]) : 50) * 1e6;
	const char *profiles[] = { "ept", "npt" };
	const struct version gen[] = {
		{ "generated", gen_ept_classify, gen_ept_extract, gen_ept_make, gen_ept_round_trip },
		{ "generated", gen_npt_classify, gen_npt_extract, gen_npt_make, gen_npt_round_trip },
	};
	const struct version kstyle = { "kernelStyle", kstyle_classify, kstyle_extract, kstyle_make,
					kstyle_round_trip };

	for (int p = 0; p < 2; p++) {
		char path[4096];
		struct data d;
		const struct version *vs[] = { &gen[p], &kstyle };
		double *t = malloc(sizeof(double) * 2 * 4 * reps);
		u64 out[4];

		snprintf(path, sizeof(path), "%s/kvm-6.11-%s.bin", dir, profiles[p]);
		load(path, &d);
		if (kstyle_init(profiles[p]))
			die("kstyle_init");
		check(profiles[p], vs[0], &d);
		check(profiles[p], vs[1], &d);
		for (int warm = 0; warm < 3; warm++)
			for (int c = 0; c < 8; c++)
				sink += run(vs[c / 4], c % 4, &d, out);
		for (int r = 0; r < reps; r++) {
			for (int c = 0; c < 8; c++) {
				double t0 = now_ns(), t1;
				long passes = 0;

				do {
					sink += run(vs[c / 4], c % 4, &d, out);
					passes++;
					t1 = now_ns();
				} while (t1 - t0 < window);
				t[c * reps + r] = (t1 - t0) / ((double)passes * d.n);
			}
		}
		for (int c = 0; c < 8; c++) {
			double *s = t + c * reps;

			qsort(s, reps, sizeof(double), cmp_double);
			printf("c %s %s %s %.4f %.4f %.4f %.4f %d\n", profiles[p], workloads[c % 4], vs[c / 4]->name,
			       s[reps / 2], s[reps / 4], s[(3 * reps) / 4], s[0], reps);
		}
		free(t);
	}
	return 0;
}
