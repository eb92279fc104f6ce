/* SPDX-License-Identifier: MIT */
/*
 * file_write.h — the one way kaigi writes an output file: whole or not at all.
 *
 * Reports, exports and backups are written to a temporary file beside the
 * target (TARGET.tmp-PID, mode 0600), synced, renamed over the target, and
 * the folder synced, so a crash or a full disk leaves the old file or the
 * new one, never half of one.  A target that exists and is not a regular
 * file is never replaced: a character device (/dev/stdout, a terminal) or a
 * named pipe with a reader is written directly; a folder, a socket, or a
 * pipe nobody reads is refused.
 *
 * Temporaries are registered while they exist: SIGINT, SIGTERM and SIGHUP
 * (when nothing else handles them) remove them before kaigi ends, and
 * opening a target removes TARGET.tmp-PID files left by processes that are
 * gone.
 */
#ifndef KAIGI_FILE_WRITE_H
#define KAIGI_FILE_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"

struct kaigi_outfile {
	char *path; /* the target */
	char *tmp;  /* the temporary beside it, or NULL when written directly */
	int fd;
	int err; /* errno of the first failed write, or 0 */
	const char *what;
};

/* Flags of kaigi_outfile_open. */
enum {
	KAIGI_OUT_REGULAR_ONLY = 1, /* refuse a device or pipe (a backup is a file) */
	KAIGI_OUT_NO_FD = 2,        /* create the temporary, keep no descriptor (SQLite
				       writes it by name) */
};

/*
 * Start writing path (what names it in messages: "the summary").  KAIGI_EENV
 * (reported) when the folder cannot be written; KAIGI_EUSAGE for a target
 * that cannot be an output (a folder, a socket, a device with
 * KAIGI_OUT_REGULAR_ONLY).
 */
enum kaigi_status kaigi_outfile_open(struct kaigi_outfile *o, const char *path, const char *what,
				     int flags, struct kaigi_error *err);
/* Write len bytes; 0, or -1 with the error kept for commit. */
int kaigi_outfile_write(struct kaigi_outfile *o, const void *buf, size_t len);
/* A write callback for writers taking (ctx, buf, len): ctx is the outfile. */
int kaigi_outfile_write_cb(void *ctx, const char *buf, size_t len);
/*
 * Finish: sync, rename over the target and sync the folder; on any failure
 * (or when ok is false) the temporary is removed and the target left as it
 * was.  Frees o's memory either way.
 */
enum kaigi_status kaigi_outfile_commit(struct kaigi_outfile *o, bool ok, struct kaigi_error *err);

/* The whole of data to path, as above. */
enum kaigi_status kaigi_file_write(const char *path, const void *data, size_t len, const char *what,
				   struct kaigi_error *err);

/* Register / forget a temporary path (and its -journal, -wal, -shm) to be
 * removed if a signal ends kaigi.  At most a few at once. */
void kaigi_tmp_register(const char *path);
void kaigi_tmp_forget(const char *path);
/* A temporary folder: removed (once empty: register its files too) by a
 * signal. */
void kaigi_tmp_register_dir(const char *path);
/* Forget a temporary folder and every file registered inside it. */
void kaigi_tmp_forget_dir(const char *dir);

/* Remove NAME.tmp-PID entries beside path whose process is gone (files, or
 * folders of files). */
void kaigi_tmp_sweep(const char *path);

/* fsync the folder that holds path ("." when it has no slash). */
void kaigi_fsync_parent(const char *path);

#endif
