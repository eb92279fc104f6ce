/* SPDX-License-Identifier: MIT */
/*
 * ui_date.h — what people type for a date or a time, made into the form
 * the store keeps (YYYY-MM-DD, HH:MM).  The store still checks the result;
 * these only widen what is understood: 3/12, 2025/3/12, 20250312, R7.3.12
 * (令和), t / today / 今日, +14 (days from today), 14:00, 1400, 14時.
 */
#ifndef KAIGI_UI_DATE_H
#define KAIGI_UI_DATE_H

#include <stdbool.h>

/* Normalise a date into out[11]; false (out = the text, cut) when it is
 * not understood, to let the store's message explain. */
bool ui_date_normalise(const char *text, const char today[11], char out[64]);
/* The same for a clock time (out: HH:MM). */
bool ui_time_normalise(const char *text, char out[64]);

#endif
