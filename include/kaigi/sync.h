/* SPDX-License-Identifier: MIT */
/*
 * sync.h — several laptops, one town: offline sync by encrypted bundles.
 *
 * Changes are captured by SQLite's session extension, one change set per
 * saving transaction (merged with sqlite3changegroup until the next
 * exchange), into the local log sync_log (db/004_sync.sql).  A bundle
 * carries log entries a peer has not seen, sealed with a passphrase
 * (Argon2id + XChaCha20-Poly1305 secretstream, sync_bundle.c).  Importing
 * applies them with sqlite3changeset_apply_v2 and a conflict handler that
 * never overwrites a local value silently: conflicts go to sync_conflict
 * for a person to decide.  doc/sync.md is the user's side of this.
 */
#ifndef KAIGI_SYNC_H
#define KAIGI_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/store.h"

#define SYNC_ID_SIZE        37
#define SYNC_FORMAT_VERSION 1
/* The guideline's floor; a town's policy may ask for more, never less. */
#define SYNC_PASSPHRASE_MIN 13
/* A bundle larger than this is refused before any work (1 GiB). */
#define SYNC_BUNDLE_MAX ((size_t)1 << 30)

/* ---- the bundle file (sync_bundle.c) ------------------------------------ */

/* The header, in the clear: nothing personal. */
struct sync_header {
	int format;                  /* SYNC_FORMAT_VERSION */
	int schema;                  /* the sender's schema version */
	char site[SYNC_ID_SIZE];     /* the sending site */
	char site_name[128];         /* its name (a centre's name), may be "" */
	char town[128];              /* the town the sender belongs to */
	long long created;           /* ms since 1970 */
	unsigned long long opslimit; /* Argon2id cost of the passphrase key */
	unsigned long long memlimit;
};

/* Argon2id cost: libsodium's "moderate" limits (3 passes, 256 MiB, about
 * a second) unless KAIGI_SYNC_ARGON2=interactive|sensitive.  The cost is
 * written in the header, so the importer follows the exporter. */
void sync_kdf_limits(unsigned long long *opslimit, unsigned long long *memlimit);

/* Seal payload with pass into path: written whole (temporary file, fsync,
 * rename) or not at all; mode 0600. */
enum kaigi_status sync_bundle_write(const char *path, const struct sync_header *h,
				    const unsigned char *payload, size_t len, const char *pass,
				    size_t passlen, struct kaigi_error *err);

/* Parse the clear header of a bundle in buf; *body is where the sealed
 * part starts.  Errors name the file. */
enum kaigi_status sync_bundle_header(const char *file, const unsigned char *buf, size_t len,
				     struct sync_header *h, size_t *body, struct kaigi_error *err);

/* Open (decrypt and verify) a whole bundle: *payload (caller frees) is the
 * plain payload.  A wrong passphrase, a truncated file or any changed byte
 * (header included) is KAIGI_EDATA and *payload stays NULL. */
enum kaigi_status sync_bundle_open(const char *file, const unsigned char *buf, size_t len,
				   const char *pass, size_t passlen, unsigned char **payload,
				   size_t *plen, struct kaigi_error *err);

/* ---- the payload ---------------------------------------------------------- */

struct sync_entry {
	char origin[SYNC_ID_SIZE];
	long long origin_seq;
	long long at;
	char *actor;
	char *deps;
	unsigned char *changeset;
	size_t nchangeset;
};

struct sync_have {
	char origin[SYNC_ID_SIZE];
	long long seq;
};

struct sync_payload {
	char site[SYNC_ID_SIZE]; /* the sender */
	char site_name[128];
	struct sync_have *have; /* what the sender holds, per origin */
	size_t nhave;
	struct sync_entry *v;
	size_t n;
};

void sync_payload_free(struct sync_payload *p);
/* Serialise p; caller frees *out. */
void sync_payload_encode(const struct sync_payload *p, unsigned char **out, size_t *len);
/* Parse and check a payload (every change set is walked once, so a
 * malformed one is refused here, before the database is touched). */
enum kaigi_status sync_payload_parse(const char *file, const unsigned char *buf, size_t len,
				     struct sync_payload *out, struct kaigi_error *err);

/* ---- the store side (store_sync*.c) --------------------------------------- */

/* This database's site id and name. */
enum kaigi_status store_sync_site(struct store *st, char id[SYNC_ID_SIZE], char **name,
				  struct kaigi_error *err);
enum kaigi_status store_sync_set_name(struct store *st, const char *name, struct kaigi_error *err);
/* The town this database belongs to ("" until its first exchange). */
enum kaigi_status store_sync_town(struct store *st, char **town, struct kaigi_error *err);

/* Find a peer by name or id prefix; KAIGI_EUSAGE naming the known ones
 * when none or several match. */
enum kaigi_status store_sync_peer_find(struct store *st, const char *what, char id[SYNC_ID_SIZE],
				       struct kaigi_error *err);

/* Collect the entries peer (NULL: anyone — everything) has not seen into
 * out, and seal the local log (later changes start a new entry). */
enum kaigi_status store_sync_collect(struct store *st, const char *peer, struct sync_payload *out,
				     struct kaigi_error *err);
/* Record that out was written for peer (NULL: nobody in particular), and
 * pin the town. */
enum kaigi_status store_sync_sent(struct store *st, const char *peer,
				  const struct sync_payload *out, const char *town,
				  struct kaigi_error *err);

struct sync_import_result {
	size_t applied;   /* entries applied now */
	size_t known;     /* entries this database already had */
	size_t waiting;   /* entries waiting for an earlier one */
	size_t conflicts; /* new conflicts */
	size_t decisions; /* decisions of other sites carried out */
};

/* Apply the payloads, in one transaction: all or nothing. */
enum kaigi_status store_sync_import(struct store *st, struct sync_payload *const *p, size_t n,
				    const char *town, struct sync_import_result *res,
				    struct kaigi_error *err);

struct sync_conflict {
	long long id;
	char *kind, *tbl, *pk, *col, *row; /* row: a readable name of the row */
	struct kaigi_value local, incoming;
	char *local_who, *incoming_who, *incoming_site;
	long long local_at, incoming_at, found;
	bool open;
	char *resolution;
};

STORE_LIST_TYPE(sync_conflicts, struct sync_conflict);

/* The conflicts, open ones only unless all. */
enum kaigi_status store_sync_conflicts(struct store *st, bool all, struct sync_conflicts *out,
				       struct kaigi_error *err);
void sync_conflicts_free(struct sync_conflicts *c);

enum sync_keep { SYNC_KEEP_LOCAL, SYNC_KEEP_INCOMING, SYNC_KEEP_TEXT };
/* Settle conflict id: keep the local value, the incoming one, or text.
 * The decision is itself a travelling change. */
enum kaigi_status store_sync_resolve(struct store *st, long long id, enum sync_keep keep,
				     const char *text, struct kaigi_error *err);

struct sync_peer_status {
	char site[SYNC_ID_SIZE];
	char *name;
	long long last_received, last_sent; /* 0: never */
	long long received_entries, sent_entries;
	long long unsent; /* entries this site holds that the peer has not seen */
};

struct sync_status {
	char site[SYNC_ID_SIZE];
	char *name;
	char *town;
	long long entries, own_entries, pending, open_conflicts;
	struct sync_peer_status *peers;
	size_t npeers;
};

enum kaigi_status store_sync_status(struct store *st, struct sync_status *out,
				    struct kaigi_error *err);
void sync_status_free(struct sync_status *s);

#endif
