// SPDX-License-Identifier: MIT
/* ui_app.c — the screen stack, the status line and the clocks. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui_app.h"

void ui_push(struct ui *ui, const struct ui_screen *s, void *state)
{
	if (ui->depth == UI_STACK_MAX) {
		/* Screens nest three deep at most; this is a programming error. */
		if (s->free)
			s->free(state);
		ui_msg(ui, UI_MSG_ERROR, "%s", _("too many screens open"));
		return;
	}
	ui->stack[ui->depth++] = (struct ui_frame){s, state};
}

void ui_pop(struct ui *ui)
{
	if (ui->depth == 0)
		return;
	struct ui_frame f = ui->stack[--ui->depth];
	if (ui->ndead < UI_STACK_MAX)
		ui->dead[ui->ndead++] = f;
	else if (f.screen->free)
		f.screen->free(f.state);
	if (ui->depth && ui->stack[ui->depth - 1].screen->resume)
		ui->stack[ui->depth - 1].screen->resume(ui, ui->stack[ui->depth - 1].state);
}

struct ui_frame *ui_top(struct ui *ui)
{
	return ui->depth ? &ui->stack[ui->depth - 1] : NULL;
}

bool ui_in_view(struct ui *ui, const void *state)
{
	for (size_t i = ui->depth; i-- > 0;) {
		if (ui->stack[i].state == state)
			return true;
		if (!ui->stack[i].screen->over)
			return false;
	}
	return false;
}

void ui_msg(struct ui *ui, enum ui_msg_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_kind = kind;
	ui->msg_at = ui_mono_ms();
}

void ui_msg_error(struct ui *ui, const struct kaigi_error *err)
{
	ui_msg(ui, err->status == KAIGI_EENV ? UI_MSG_WARN : UI_MSG_ERROR, "%s", err->msg);
}

void ui_saved(struct ui *ui)
{
	ui->saved_at = ui_now_ms();
	ui->saves++;
}

bool ui_writable(struct ui *ui)
{
	if (!ui->read_only)
		return true;
	ui_msg(ui, UI_MSG_WARN, "%s", _("The database is open read-only: nothing can be changed."));
	return false;
}

long long ui_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long ui_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ui_clock_fmt(long long ms, const char *fmt, char *out, size_t size)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, size, fmt, &tm);
}

void ui_today(char out[11])
{
	ui_clock_fmt((long long)time(NULL) * 1000, "%Y-%m-%d", out, 11);
}
