/* SPDX-License-Identifier: MIT */
/*
 * store.h — the case record store: one local SQLite file per laptop.
 *
 * Everything kaigi records lives here: meetings and their participants, the
 * people whose cases are reviewed (pseudonymously), case reviews with their
 * phase timings, filled forms (records) and their answers (agreed actions
 * are the `actions` list of a case's form), the regional-issue register, the
 * full-text index and the audit trail.  The tables are in
 * db/001_init.sql; the YAML record format for import/export is
 * doc/records.md.
 *
 * This header is the store itself and its records, entity by entity.  The
 * other faces of the store have their own headers: kaigi/register.h (the
 * register of regional issues), kaigi/followup.h (actions, follow-up
 * reviews, grids compared, raised issues), kaigi/tally.h (tallies, KPIs),
 * kaigi/policy.h (the policy meeting), kaigi/meeting.h (the time plan and
 * the meeting's frame), kaigi/case_open.h (opening a case for the room),
 * kaigi/draft.h, kaigi/identity.h,
 * kaigi/store_exchange.h (backup, import, export), kaigi/search.h
 * (full-text search), kaigi/sync.h, kaigi/store_stop.h, kaigi/store_wal.h.
 *
 * Guarantees (design.md, "Storage invariants"):
 *   - every write function is one committed transaction (synchronous=FULL,
 *     WAL): when it returns KAIGI_OK the change survives a killed process
 *     or a lost lid; when it fails, nothing was written;
 *   - answers are checked against the form (type, min/max, choices,
 *     constraint) before they are written; a refused value comes back as
 *     KAIGI_EDATA with the reason;
 *   - every change of an answer, action or meeting leaves an audit row
 *     (triggers do it; nothing can change or delete audit rows);
 *   - a database newer than this binary, a file that is not a kaigi
 *     database, a read-only or locked file are refused with KAIGI_EENV and
 *     left untouched.
 *
 * Ownership: a struct store is used from one thread.  Strings in the
 * structs the store fills are owned by the struct and freed by its
 * *_clear() function; lists likewise by *_list_free().  Strings passed in
 * are copied when kept.
 */
#ifndef KAIGI_STORE_H
#define KAIGI_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/schema.h"
#include "kaigi/value.h"

struct store;

/* A UUID in its 36-character text form, NUL-terminated. */
#define STORE_ID_SIZE 37
/* Items in one list of one record, whatever the form says: a meeting
 * agrees tens of actions; import and the UI refuse more than this. */
#define STORE_MAX_LIST_ITEMS 50000

/*
 * A list the store fills: n elements at v, owned by the list and freed by
 * its *_list_free() (each element and the array).  Every list of the store
 * has this one shape: STORE_LIST_TYPE(store_case_list, struct store_case)
 * declares struct store_case_list { struct store_case *v; size_t n; }.
 */
#define STORE_LIST_TYPE(name, T)                                                                   \
	struct name {                                                                              \
		T *v;                                                                              \
		size_t n;                                                                          \
	}

/* The schema version (PRAGMA user_version) this binary writes. */
int store_schema_version(void);

/* ---- opening ----------------------------------------------------------- */

enum store_open_mode {
	STORE_READ_WRITE = 0, /* create if missing, migrate if older */
	STORE_READ_ONLY = 1,  /* never creates, migrates or writes */
};

/*
 * Open (and for STORE_READ_WRITE create, with mode 0600 and its folder
 * 0700) the database at path, set WAL, foreign keys, synchronous=FULL and a
 * busy timeout, and bring it to store_schema_version(), taking a backup
 * first when an existing database is migrated.  Fails with KAIGI_EENV for a
 * file that is not a kaigi database, a newer schema, a locked, unreadable
 * or read-only file (for STORE_READ_WRITE), a full disk.  *out is the new
 * store; close it with store_close().
 */
enum kaigi_status store_open(struct store **out, const char *path, enum store_open_mode mode,
			     struct kaigi_error *err);
void store_close(struct store *st);

/* Whether the store was opened (or fell back to) read-only. */
bool store_is_read_only(const struct store *st);
/* What opening did that the person should hear once ("" when nothing): a
 * database or its -wal/-shm readable by others made 0600, or a warning when
 * another user owns them. */
const char *store_open_notice(const struct store *st);
const char *store_path(const struct store *st);

/*
 * The forms used to check and read answers.  The set is borrowed: it must
 * outlive the store or be replaced first.  Without forms, answers cannot
 * be saved and records are read raw.
 */
void store_set_forms(struct store *st, const struct schema_set *forms);

/* The language ("ja" or "en") of messages taken from forms, such as a
 * constraint's message.  Default "en". */
void store_set_lang(struct store *st, const char *lang);

/* The name written to the audit trail (default: the OS user).  Copied. */
void store_set_actor(struct store *st, const char *name);
const char *store_actor(const struct store *st);

/* How long a write waits for another kaigi holding the file (default 5 s). */
void store_set_busy_timeout(struct store *st, int ms);

/* Milliseconds since 1970 UTC, as stored in created/updated. */
long long store_now_ms(void);
/* A fresh version-4 UUID from the system's random source. */
void store_uuid_new(char out[STORE_ID_SIZE]);
/* A date YYYY-MM-DD that exists on the calendar, from the year 1800. */
bool store_date_valid(const char *s);
/* A clock time HH:MM. */
bool store_time_valid(const char *s);
/* True when s is a UUID in canonical lower-case text form. */
bool store_uuid_valid(const char *s);

/* ---- meetings ---------------------------------------------------------- */

/* The editable text fields of a meeting, for store_meeting_set(). */
enum store_meeting_field {
	STORE_MEETING_TITLE,
	STORE_MEETING_DATE,       /* YYYY-MM-DD, required */
	STORE_MEETING_START_TIME, /* HH:MM */
	STORE_MEETING_END_TIME,
	STORE_MEETING_PLACE,
	STORE_MEETING_PURPOSE,
	STORE_MEETING_TARGET,    /* today's target */
	STORE_MEETING_REACHED,   /* what was reached */
	STORE_MEETING_NEXT_TIME, /* what is left for next time */
	STORE_MEETING_NFIELDS,
};

/* The column / YAML key of a field ("title", "start", …). */
const char *store_meeting_field_name(enum store_meeting_field f);

struct store_meeting {
	char id[STORE_ID_SIZE];
	char *template_id; /* meeting template id */
	int template_version;
	char *kind;
	char *f[STORE_MEETING_NFIELDS]; /* NULL when empty */
	long long created, updated;
};

void store_meeting_clear(struct store_meeting *m);

/*
 * Insert m.  An empty m->id gets a new UUID (written back).  template_id and
 * a valid date are required.
 */
enum kaigi_status store_meeting_create(struct store *st, struct store_meeting *m,
				       struct kaigi_error *err);
/* Fill out (cleared first) with meeting id; KAIGI_EDATA when absent. */
enum kaigi_status store_meeting_get(struct store *st, const char *id, struct store_meeting *out,
				    struct kaigi_error *err);
/* Save one field (the UI's autosave); NULL or "" clears it. */
enum kaigi_status store_meeting_set(struct store *st, const char *id, enum store_meeting_field f,
				    const char *text, struct kaigi_error *err);
/* Delete the meeting with its participants, cases, records and answers. */
enum kaigi_status store_meeting_delete(struct store *st, const char *id, struct kaigi_error *err);

STORE_LIST_TYPE(store_meeting_list, struct store_meeting);
void store_meeting_list_free(struct store_meeting_list *l);

/*
 * Meetings, newest first.  text (NULL for all) keeps those whose title,
 * place, purpose or date contains it; limit 0 means no limit.
 */
enum kaigi_status store_meeting_list(struct store *st, const char *text, size_t limit,
				     struct store_meeting_list *out, struct kaigi_error *err);

/* The ids of at most max meetings whose id starts with prefix, newest
 * first, into ids; *n is how many. */
enum kaigi_status store_meeting_ids_by_prefix(struct store *st, const char *prefix,
					      char (*ids)[STORE_ID_SIZE], size_t max, size_t *n,
					      struct kaigi_error *err);

/* ---- participants ------------------------------------------------------ */

struct store_participant {
	char id[STORE_ID_SIZE];
	char meeting_id[STORE_ID_SIZE];
	int ord;
	char *name;
	char *organisation; /* may be NULL */
	char *profession;   /* a profession id of the town's list, or free words; may be NULL */
	char *role;         /* the part played: "facilitator", "presenter", or NULL */
	bool present;
};
void store_participant_clear(struct store_participant *p);

/* Insert (empty id: a new UUID, written back) or update p by id. */
enum kaigi_status store_participant_save(struct store *st, struct store_participant *p,
					 struct kaigi_error *err);
enum kaigi_status store_participant_delete(struct store *st, const char *id,
					   struct kaigi_error *err);

STORE_LIST_TYPE(store_participant_list, struct store_participant);
void store_participant_list_free(struct store_participant_list *l);
enum kaigi_status store_participant_list(struct store *st, const char *meeting_id,
					 struct store_participant_list *out,
					 struct kaigi_error *err);

/*
 * People who attended other meetings and are not yet in meeting_id, one per
 * name and organisation with the role they last had, most recent first (at
 * most limit; 0 for all).  The ids and meeting ids of the list are empty.
 */
enum kaigi_status store_participant_recent(struct store *st, const char *meeting_id, size_t limit,
					   struct store_participant_list *out,
					   struct kaigi_error *err);

/* ---- people and case reviews ------------------------------------------ */

struct store_person {
	char id[STORE_ID_SIZE];
	char *code;     /* pseudonymous case code, unique */
	char *initials; /* NULL when unknown, like the rest */
	int birth_year; /* 0 when unknown */
	char *age_band;
	char *sex; /* F, M or X */
	char *area;
};
void store_person_clear(struct store_person *p);

/* Insert (empty id) or update p by id.  KAIGI_EDATA for a duplicate code. */
enum kaigi_status store_person_save(struct store *st, struct store_person *p,
				    struct kaigi_error *err);
/* By id or, when id is NULL, by code.  KAIGI_EDATA when absent. */
enum kaigi_status store_person_get(struct store *st, const char *id, const char *code,
				   struct store_person *out, struct kaigi_error *err);

struct store_case {
	char id[STORE_ID_SIZE];
	char meeting_id[STORE_ID_SIZE];
	char person_id[STORE_ID_SIZE];
	int ord;
	char *presenter;             /* may be NULL */
	char follows[STORE_ID_SIZE]; /* previous review of the person, or "" */
	char *person_code;           /* filled by reads */
	char *meeting_date;          /* filled by reads */
	long long closed;            /* when it was closed (ms), 0 while open; reads only */
};
void store_case_clear(struct store_case *c);

/* Insert (empty id) or update c by id (meeting, person, order, presenter,
 * follows). */
enum kaigi_status store_case_save(struct store *st, struct store_case *c, struct kaigi_error *err);
enum kaigi_status store_case_get(struct store *st, const char *id, struct store_case *out,
				 struct kaigi_error *err);
enum kaigi_status store_case_delete(struct store *st, const char *id, struct kaigi_error *err);
/* Mark case id closed now (the close check); the meeting's case list shows
 * it as finished.  Closing again moves the time. */
enum kaigi_status store_case_close(struct store *st, const char *id, struct kaigi_error *err);

STORE_LIST_TYPE(store_case_list, struct store_case);
void store_case_list_free(struct store_case_list *l);
/* The cases of a meeting, in order. */
enum kaigi_status store_case_list(struct store *st, const char *meeting_id,
				  struct store_case_list *out, struct kaigi_error *err);
/* Every review of a person, oldest meeting first (follow-up history). */
enum kaigi_status store_case_history(struct store *st, const char *person_id,
				     struct store_case_list *out, struct kaigi_error *err);

/* Planned and actual seconds of one phase of a case; -1 leaves a value as
 * it is (NULL when new). */
enum kaigi_status store_phase_set(struct store *st, const char *case_id, const char *phase, int ord,
				  int planned_sec, int actual_sec, struct kaigi_error *err);

/* The next free case code prefix + a 3-digit number ("K-2025-" →
 * "K-2025-004").  *out is allocated; caller frees. */
enum kaigi_status store_person_code_next(struct store *st, const char *prefix, char **out,
					 struct kaigi_error *err);

/* One phase timing of a case; -1 for a value never set. */
struct store_phase {
	char *phase;
	int ord;
	int planned_sec, actual_sec;
};
STORE_LIST_TYPE(store_phase_list, struct store_phase);
void store_phase_list_free(struct store_phase_list *l);
/* The phase timings of a case, in phase order. */
enum kaigi_status store_phase_list(struct store *st, const char *case_id,
				   struct store_phase_list *out, struct kaigi_error *err);
/* Seconds of actual phase time recorded for the cases of a meeting, but
 * for except_case (NULL: all). */
enum kaigi_status store_meeting_time_used(struct store *st, const char *meeting_id,
					  const char *except_case, long long *seconds,
					  struct kaigi_error *err);

/* A case found by store_case_search(): the case, and what names it. */
struct store_case_hit {
	struct store_case c;                             /* person_code and meeting_date filled */
	char *initials, *age_band, *sex, *meeting_title; /* may be NULL */
};
STORE_LIST_TYPE(store_case_hit_list, struct store_case_hit);
void store_case_hit_list_free(struct store_case_hit_list *l);
/*
 * Case reviews whose case code, initials, area, age band, presenter or
 * meeting date contains text (NULL or "" for all), newest first, at most
 * limit (0: all).  latest_only keeps each person's latest review (to pick
 * a case to follow up).
 */
enum kaigi_status store_case_search(struct store *st, const char *text, bool latest_only,
				    size_t limit, struct store_case_hit_list *out,
				    struct kaigi_error *err);

/* ---- records and answers ---------------------------------------------- */

/*
 * Where an answer sits in a record: a plain field (item and col NULL), a
 * grid cell (item = row id, col = column id) or a field of a list item
 * (item = the item's UUID, col = the item field id).
 */
struct store_path {
	const char *field;
	const char *item;
	const char *col;
};

/*
 * The record of form for a case (case_id) or for the meeting itself
 * (case_id NULL), created with the installed form's version when absent.
 * Writes the record's UUID to id.
 */
enum kaigi_status store_record_ensure(struct store *st, const char *meeting_id, const char *case_id,
				      const char *form, char id[STORE_ID_SIZE],
				      struct kaigi_error *err);

/*
 * Check text against the field at path of the record's form and save it
 * in its own transaction; "" deletes the answer.  Refused values return
 * KAIGI_EDATA with the reason (the form's constraint message when there is
 * one) and write nothing.  Calculated fields cannot be saved.
 */
enum kaigi_status store_answer_save(struct store *st, const char *record_id,
				    const struct store_path *path, const char *text,
				    struct kaigi_error *err);

/*
 * Add an item to list field of a record at position pos (0-based; beyond
 * the end appends).  Writes the new item's UUID to id.
 */
enum kaigi_status store_item_add(struct store *st, const char *record_id, const char *field,
				 size_t pos, char id[STORE_ID_SIZE], struct kaigi_error *err);
/* Move an item to position pos among its siblings. */
enum kaigi_status store_item_move(struct store *st, const char *item_id, size_t pos,
				  struct kaigi_error *err);
/* Delete an item and its answers. */
enum kaigi_status store_item_delete(struct store *st, const char *item_id, struct kaigi_error *err);

/* One stored answer of a record read whole. */
struct store_answer {
	char *field;
	char *item; /* "" for plain fields */
	char *col;  /* "" for plain fields */
	struct kaigi_value value;
};

/* One list item, in order. */
struct store_item {
	char id[STORE_ID_SIZE];
	char *field;
	int ord;
};

struct store_record {
	char id[STORE_ID_SIZE];
	char meeting_id[STORE_ID_SIZE];
	char case_id[STORE_ID_SIZE]; /* "" for a meeting-level record */
	char *form;
	int form_version;
	/* The installed form, or NULL when it is no longer installed: the
	 * answers are then raw (still readable and exportable). */
	const struct schema_form *schema;
	struct store_answer *answers; /* ordered by field, item order, col */
	size_t nanswers;
	struct store_item *items; /* ordered by field, ord */
	size_t nitems;
	long long created, updated;
	/* answers' indexes sorted by (field, item, col) in byte order, so a
	 * lookup is a binary search, not a scan (a list of 20,000 items read
	 * item by item was quadratic) */
	size_t *by_key;
};
void store_record_clear(struct store_record *r);
/* The answers of (field, item): *idx points at their count indexes into
 * r->answers, sorted by col. */
size_t store_record_cells(const struct store_record *r, const char *field, const char *item,
			  const size_t **idx);

/* Read a whole record.  KAIGI_EDATA when absent. */
enum kaigi_status store_record_get(struct store *st, const char *record_id,
				   struct store_record *out, struct kaigi_error *err);

/* The answer at path in r, or NULL. */
const struct kaigi_value *store_record_value(const struct store_record *r,
					     const struct store_path *path);

struct store_record_ref {
	char id[STORE_ID_SIZE];
	char *form;
};
STORE_LIST_TYPE(store_record_list, struct store_record_ref);
void store_record_list_free(struct store_record_list *l);
/* The records of a case (case_id), or of the meeting only (case_id NULL). */
enum kaigi_status store_record_list(struct store *st, const char *meeting_id, const char *case_id,
				    struct store_record_list *out, struct kaigi_error *err);

/* ---- audit ------------------------------------------------------------- */

struct store_audit_entry {
	long long seq, at;
	char *who, *tbl, *op, *row_key, *path;
	struct kaigi_value old, new_value;
};
STORE_LIST_TYPE(store_audit_list, struct store_audit_entry);
void store_audit_list_free(struct store_audit_list *l);
/* Audit rows about row_key (NULL: all), oldest first, at most limit (0: all). */
enum kaigi_status store_audit_list(struct store *st, const char *row_key, size_t limit,
				   struct store_audit_list *out, struct kaigi_error *err);

/* ---- periods and lists for the roll-ups ------------------------------ */

/* A period of meeting dates (YYYY-MM-DD, inclusive; NULL: open) and an
 * area (日常生活圏域 as recorded; NULL: every area), for the roll-ups. */
struct store_period {
	const char *from, *to;
	const char *area;
};

/* A list of strings; store_strings_free() frees each and the array. */
STORE_LIST_TYPE(store_strings, char *);
void store_strings_free(struct store_strings *l);

#endif
