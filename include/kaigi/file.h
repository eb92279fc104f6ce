/* SPDX-License-Identifier: MIT */
/*
 * file.h — reading a whole input file, with a size limit.
 *
 * Forms, settings and record files are read whole before they are parsed,
 * so a parser never sees a file that changed under it, and a size limit
 * stops a wrong file (a video, a disk image) before any memory is spent.
 */
#ifndef KAIGI_FILE_H
#define KAIGI_FILE_H

#include <stddef.h>
#include <sys/types.h>

#include "kaigi/error.h"

/*
 * Read the regular file path into *buf (NUL-terminated; caller frees) and
 * its length into *len.  A missing, unreadable or non-regular file is
 * KAIGI_EENV; a file over max bytes is KAIGI_EDATA at 1:1 with "file too
 * large (N bytes; WHAT may be at most MAX bytes)".  A named pipe is
 * refused without waiting for a writer, and the message says what the
 * path is (a folder, a named pipe, a device…).
 */
enum kaigi_status kaigi_file_read(const char *path, size_t max, const char *what, char **buf,
				  size_t *len, struct kaigi_error *err);

/* What a file of this st_mode is, for messages: "a named pipe (FIFO)". */
const char *kaigi_file_kind(mode_t mode);

/* The memory available now (MemAvailable) in bytes, or 0 when unknown. */
unsigned long long kaigi_mem_available(void);

#endif
