/* Stand-in for the kernel's linux/types.h: the fixed-width names the generated header uses. */
#ifndef BENCH_SHIM_LINUX_TYPES_H
#define BENCH_SHIM_LINUX_TYPES_H
#include <stdbool.h>
#include <stdint.h>
typedef uint64_t u64;
typedef uint32_t u32;
typedef uint16_t u16;
typedef uint8_t u8;
#endif
