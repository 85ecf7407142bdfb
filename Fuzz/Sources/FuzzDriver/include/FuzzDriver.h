#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command line's options, calling `test` for every input.
/// Returns libFuzzer's exit status (it exits by itself when it finds a crash).
int fuzz_driver_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
