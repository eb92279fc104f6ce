/* SPDX-License-Identifier: MIT */
/*
 * ui_stats.h — timing of the loop itself, for tests/bench: how long each
 * key takes from its arrival to the end of the redraw, and when the first
 * screen was drawn.  Collected only when $KAIGI_UI_STATS names a file; the
 * figures are written there when the UI ends.  Costs nothing otherwise.
 */
#ifndef KAIGI_UI_STATS_H
#define KAIGI_UI_STATS_H

void ui_stats_init(void);
/* A timestamp (µs) to pass to ui_stats_key; 0 when stats are off. */
long long ui_stats_now(void);
/* One key handled and drawn, which began at t0. */
void ui_stats_key(long long t0);
/* The first full screen is on the terminal. */
void ui_stats_first_screen(void);
/* Write the figures (when enabled) and forget them. */
void ui_stats_report(void);

#endif
