/* The workload functions of each version (work_gen.c, work_kstyle.c). */
#ifndef BENCH_WORK_H
#define BENCH_WORK_H
#include <stddef.h>
#include <linux/types.h>

#define DECLARE_WORKLOADS(p)                                                             \
	u64 p##_classify(const u64 *a, size_t n, u64 *out);                              \
	u64 p##_extract(const u64 *a, size_t n, u64 *out);                               \
	u64 p##_make(const u64 *pfn, const u64 *gen, const u64 *flags, size_t n);        \
	u64 p##_round_trip(const u64 *leaves, size_t n);

DECLARE_WORKLOADS(gen_ept)
DECLARE_WORKLOADS(gen_npt)
DECLARE_WORKLOADS(kstyle)
#endif
