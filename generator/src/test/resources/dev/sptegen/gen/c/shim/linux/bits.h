/* Stand-in for linux/bits.h in the generator's gcc test (no kernel tree needed). */
#ifndef SHIM_LINUX_BITS_H
#define SHIM_LINUX_BITS_H
#define BIT_ULL(nr) (1ULL << (nr))
#define GENMASK_ULL(h, l) (((~0ULL) << (l)) & (~0ULL >> (63 - (h))))
#endif
