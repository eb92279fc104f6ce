// SPDX-License-Identifier: MIT
/*
 * fuzz_settings.c — libFuzzer target for the town's settings file
 * (config_load_buffer: the YAML reader, labels, the keys it allows).
 *
 * A finding, besides crashes and sanitizer reports: a refusal without a
 * diagnostic, a diagnostic without a line, or settings that loaded with a
 * town or vision holding a NUL.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/config.h"

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define check(ok, what) fuzz_check("fuzz_settings", (ok), (what))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kaigi_config cfg;
	struct kaigi_diags d = {0};
	enum kaigi_status s = config_load_buffer(&cfg, "config.yaml", (const char *)data, size, &d);
	check(s == KAIGI_OK || s == KAIGI_EDATA, "status is OK or invalid data");
	check(s == KAIGI_OK || d.n > 0, "a refusal says why");
	for (size_t i = 0; i < d.n; i++)
		check(d.v[i].line > 0 && d.v[i].col > 0, "every message has a line and column");
	if (s == KAIGI_OK)
		config_free(&cfg);
	kaigi_diags_free(&d);
	return 0;
}
