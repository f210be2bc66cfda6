/* Stand-in for the kernel's linux/bits.h (userspace has none): what the generated header uses. */
#ifndef BENCH_SHIM_LINUX_BITS_H
#define BENCH_SHIM_LINUX_BITS_H
#define BIT_ULL(nr) (1ULL << (nr))
#define GENMASK_ULL(h, l) (((~0ULL) << (l)) & (~0ULL >> (63 - (h))))
#endif
