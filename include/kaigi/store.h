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

struct store_meeting_list {
	struct store_meeting *v;
	size_t n;
};
void store_meeting_list_free(struct store_meeting_list *l);

/*
 * Meetings, newest first.  text (NULL for all) keeps those whose title,
 * place, purpose or date contains it; limit 0 means no limit.
 */
enum kaigi_status store_meeting_list(struct store *st, const char *text, size_t limit,
				     struct store_meeting_list *out, struct kaigi_error *err);

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

struct store_participant_list {
	struct store_participant *v;
	size_t n;
};
void store_participant_list_free(struct store_participant_list *l);
enum kaigi_status store_participant_list(struct store *st, const char *meeting_id,
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

struct store_case_list {
	struct store_case *v;
	size_t n;
};
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
struct store_record_list {
	struct store_record_ref *v;
	size_t n;
};
void store_record_list_free(struct store_record_list *l);
/* The records of a case (case_id), or of the meeting only (case_id NULL). */
enum kaigi_status store_record_list(struct store *st, const char *meeting_id, const char *case_id,
				    struct store_record_list *out, struct kaigi_error *err);

/* ---- regional issues --------------------------------------------------- */

/*
 * An issue of the register (地域課題): one *promoted* for the policy meeting,
 * with its policy kind, owner and status, linked to the cases that raised
 * it.  What the room types in a case is its case_plan `regional_issues`
 * list (store_raised_rollup); the register is the town's decision about
 * them (doc/hacking.md, "Actions and regional issues").
 */
struct store_issue {
	char id[STORE_ID_SIZE];
	char *title; /* unique */
	char *description;
	char *policy; /* cooperation 連携強化, programme 公的制度化, resource 資源発掘, or NULL */
	char *status;   /* open, referred, addressed, closed */
	char *owner;    /* who carries it, or NULL */
	char *category; /* an issue_category value, or NULL */
	char *area;     /* 日常生活圏域 (or 全域), or NULL */
	/* The measure and its numbers (db/004; doc/followup.md): each may be
	 * NULL / absent.  indicator_key names the tally line that computes the
	 * indicator (kaigi/tally.h), e.g. "row:adl_toyoake/adl/medication". */
	char *measure, *decided, *indicator, *indicator_key;
	double baseline, target, result;
	bool has_baseline, has_target, has_result;
	char *baseline_date, *target_date, *result_date;
	/* Filled by the roll-ups: linked cases and their meetings in the
	 * period, and the first and last meeting dates among them. */
	int ncases, nmeetings;
	char *first_seen, *last_seen;
};
void store_issue_clear(struct store_issue *i);
/* Insert (empty id) or update by id, every column above.  KAIGI_EDATA for
 * a duplicate title, an unknown policy or status. */
enum kaigi_status store_issue_save(struct store *st, struct store_issue *i,
				   struct kaigi_error *err);
/* Record that case_id revealed the issue (note may be NULL); idempotent. */
enum kaigi_status store_issue_link(struct store *st, const char *issue_id, const char *case_id,
				   const char *note, struct kaigi_error *err);

struct store_issue_list {
	struct store_issue *v;
	size_t n;
};
void store_issue_list_free(struct store_issue_list *l);
/* Every issue with how many cases revealed it between from and to (dates,
 * inclusive; NULL for open ends), most cases first. */
enum kaigi_status store_issue_rollup(struct store *st, const char *from, const char *to,
				     struct store_issue_list *out, struct kaigi_error *err);

/* ---- audit ------------------------------------------------------------- */

struct store_audit_entry {
	long long seq, at;
	char *who, *tbl, *op, *row_key, *path;
	struct kaigi_value old, new_value;
};
struct store_audit_list {
	struct store_audit_entry *v;
	size_t n;
};
void store_audit_list_free(struct store_audit_list *l);
/* Audit rows about row_key (NULL: all), oldest first, at most limit (0: all). */
enum kaigi_status store_audit_list(struct store *st, const char *row_key, size_t limit,
				   struct store_audit_list *out, struct kaigi_error *err);

/* ---- backup ------------------------------------------------------------ */

/*
 * Copy the database to dest with SQLite's online-backup API, as one
 * consistent snapshot (writers in other processes are not blocked), into a
 * temporary file that is synced and renamed over dest, mode 0600.  dest
 * NULL picks backups/kaigi-YYYYMMDD-HHMMSS.db beside the database; the path
 * used is written to used (when not NULL; caller frees).
 */
enum kaigi_status store_backup(struct store *st, const char *dest, char **used,
			       struct kaigi_error *err);

/* ---- import and export (doc/records.md) ------------------------------- */

struct store_import_stats {
	size_t meetings, cases, records, answers; /* seen in the files */
	size_t changes;                           /* rows inserted, updated or deleted */
};

/*
 * Import YAML record files in one transaction: every file is read and every
 * value checked against the forms (store_set_forms) first, and all of it is
 * written or none.  Every problem goes to diags as FILE:LINE:COL.  Rows are
 * matched by id, or by their natural key when the file gives none, so
 * importing the same file twice changes nothing the second time.  Import
 * never deletes.  stats may be NULL.
 */
enum kaigi_status store_import_files(struct store *st, const char *const *paths, size_t npaths,
				     struct store_import_stats *stats, struct kaigi_diags *diags);
/* The same for one file in memory; name is used in messages. */
enum kaigi_status store_import_buffer(struct store *st, const char *name, const char *buf,
				      size_t len, struct store_import_stats *stats,
				      struct kaigi_diags *diags);

/* Which meetings to export: ids (or NULL / 0 for every meeting). */
struct store_export_filter {
	const char *const *meetings;
	size_t nmeetings;
	bool identity;   /* also each person's identity (name, kana …): --identity */
	bool anonymised; /* what may leave the centre: no identifying value, free
			    text scrubbed (kaigi/scrub.h): --anonymised */
};

/* A sink for exported bytes: returns 0, or -1 on a write error (errno set). */
typedef int (*store_write_fn)(void *ctx, const char *buf, size_t len);

/*
 * Write the filtered meetings (with people, cases, records and the
 * regional issues they touch) as a YAML record file.  Records whose form is
 * not installed are written raw, with a warning in warnings.
 */
enum kaigi_status store_export_yaml(struct store *st, const struct store_export_filter *filter,
				    store_write_fn write, void *ctx, struct kaigi_diags *warnings,
				    struct kaigi_error *err);

/*
 * Write tidy CSV tables into the folder dir (created 0700 if missing):
 * meetings.csv, participants.csv, cases.csv,
 * regional_issues.csv, FORM.csv per form (one row per record, one column
 * per field), FORM.FIELD.csv per grid or list field (one row per grid row
 * or list item, keyed to the record), and raw_answers.csv for records
 * whose form is not installed (with a warning).  UTF-8 with a BOM, CRLF,
 * RFC 4180 quoting.  Each file is written whole or not at all.
 */
enum kaigi_status store_export_csv(struct store *st, const struct store_export_filter *filter,
				   const char *dir, struct kaigi_diags *warnings,
				   struct kaigi_error *err);

/* ---- reads for the printable summary (store_report_queries.c) --------- */

/* A regional issue as one case revealed it, with the case's note. */
struct store_case_issue {
	char id[STORE_ID_SIZE];
	char *title;
	char *description; /* may be NULL, like the rest */
	char *policy;      /* cooperation, programme, resource */
	char *note;
};
struct store_case_issue_list {
	struct store_case_issue *v;
	size_t n;
};
void store_case_issue_list_free(struct store_case_issue_list *l);
/* The regional issues linked to case_id, in the order they were linked. */
enum kaigi_status store_case_issue_list(struct store *st, const char *case_id,
					struct store_case_issue_list *out, struct kaigi_error *err);
/* The ids of at most max meetings whose id starts with prefix, newest
 * first, into ids; *n is how many. */
enum kaigi_status store_meeting_ids_by_prefix(struct store *st, const char *prefix,
					      char (*ids)[STORE_ID_SIZE], size_t max, size_t *n,
					      struct kaigi_error *err);

/* ---- reads for the facilitator UI (store_ui_queries.c) --------------- */

/* One phase timing of a case; -1 for a value never set. */
struct store_phase {
	char *phase;
	int ord;
	int planned_sec, actual_sec;
};
struct store_phase_list {
	struct store_phase *v;
	size_t n;
};
void store_phase_list_free(struct store_phase_list *l);
/* The phase timings of a case, in phase order. */
enum kaigi_status store_phase_list(struct store *st, const char *case_id,
				   struct store_phase_list *out, struct kaigi_error *err);
/* Seconds of actual phase time recorded for the cases of a meeting, but
 * for except_case (NULL: all). */
enum kaigi_status store_meeting_time_used(struct store *st, const char *meeting_id,
					  const char *except_case, long long *seconds,
					  struct kaigi_error *err);

/*
 * People who attended other meetings and are not yet in meeting_id, one per
 * name and organisation with the role they last had, most recent first (at
 * most limit; 0 for all).  The ids and meeting ids of the list are empty.
 */
enum kaigi_status store_participant_recent(struct store *st, const char *meeting_id, size_t limit,
					   struct store_participant_list *out,
					   struct kaigi_error *err);

/* A case found by store_case_search(): the case, and what names it. */
struct store_case_hit {
	struct store_case c;                             /* person_code and meeting_date filled */
	char *initials, *age_band, *sex, *meeting_title; /* may be NULL */
};
struct store_case_hit_list {
	struct store_case_hit *v;
	size_t n;
};
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

/* The next free case code prefix + a 3-digit number ("K-2025-" →
 * "K-2025-004").  *out is allocated; caller frees. */
enum kaigi_status store_person_code_next(struct store *st, const char *prefix, char **out,
					 struct kaigi_error *err);

/* ======================================================================
 * Follow-up and the regional picture (issue 6): store_followup.c,
 * store_compare.c, store_register.c, store_search.c; db/002_followup.sql.
 * doc/followup.md tells users what these do, and which field ids of the
 * forms they read (goals, actions, evaluations, followup_date,
 * regional_issues).  All need store_set_forms().
 * ====================================================================== */

/* A period of meeting dates (YYYY-MM-DD, inclusive; NULL: open) and an
 * area (日常生活圏域 as recorded; NULL: every area), for the roll-ups. */
struct store_period {
	const char *from, *to;
	const char *area;
};

/* A list of strings; store_strings_free() frees each and the array. */
struct store_strings {
	char **v;
	size_t n;
};
void store_strings_free(struct store_strings *l);

/* ---- agreed actions: the `actions` list of a case's form -------------- */

/* One agreed action (役割分担), an item of a record's `actions` list. */
struct store_action {
	char record_id[STORE_ID_SIZE];
	char item_id[STORE_ID_SIZE];
	char case_id[STORE_ID_SIZE];
	char *meeting_date;     /* of the review that agreed it */
	char *who, *what, *due; /* NULL when unanswered */
	char *status;           /* the stored value (todo, doing, done, dropped) or NULL */
	bool open;              /* neither done nor dropped */
};
struct store_action_list {
	struct store_action *v;
	size_t n;
};
void store_action_list_free(struct store_action_list *l);
/* The actions agreed at review case_id, in list order. */
enum kaigi_status store_action_list(struct store *st, const char *case_id,
				    struct store_action_list *out, struct kaigi_error *err);
/* What follow-up case_id carries from before: every action of the review
 * it follows, then the still-open actions of the person's earlier
 * reviews (oldest first).  Empty for a case that follows none. */
enum kaigi_status store_followup_actions(struct store *st, const char *case_id,
					 struct store_action_list *out, struct kaigi_error *err);
/* Set a's status to status (a value of its status field's choices; "done"
 * closes it), checked and audited like any answer; a->status follows. */
enum kaigi_status store_action_status_set(struct store *st, struct store_action *a,
					  const char *status, struct kaigi_error *err);

/* ---- the follow-up review --------------------------------------------- */

/* The short-term goals still open after review case_id: the goals it
 * evaluated as not (yet) reached, then its own short-term goals, in order,
 * each wording once. */
enum kaigi_status store_open_goals(struct store *st, const char *case_id, struct store_strings *out,
				   struct kaigi_error *err);

/* What store_followup_prefill() wrote. */
struct store_prefill {
	size_t records; /* records created */
	size_t goals;   /* evaluation items, one per open short-term goal */
	size_t ratings; /* grid ratings copied from last time */
};

/*
 * Start follow-up review case_id from the review it follows.  For each form
 * of the meeting's template that the case has no record of yet: an
 * evaluation form (a list `evaluations` of `goal`s) is made with one item
 * per open short-term goal (store_open_goals) and `evaluation_date` set to
 * the meeting's date; a form with an ADL/IADL grid gets last time's scale
 * ratings, so only changes are typed.  Forms the case already has are left
 * alone, so a second call changes nothing.  One transaction.  A case that
 * follows no review: nothing to do.  out may be NULL.
 */
enum kaigi_status store_followup_prefill(struct store *st, const char *case_id,
					 struct store_prefill *out, struct kaigi_error *err);

/* A review whose follow-up report is due (store_followup_due). */
struct store_due {
	struct store_case_hit hit; /* the review to follow up */
	char *followup_date;
	char *area; /* the person's, or NULL */
};
struct store_due_list {
	struct store_due *v;
	size_t n;
};
void store_due_list_free(struct store_due_list *l);
/*
 * Reviews whose follow-up report date (`followup_date`) is on or before
 * `before`, that are the latest review of their person (not followed up
 * yet), earliest date first, at most limit (0: all).  People already on
 * meeting_id's agenda are left out (meeting_id may be NULL).
 */
enum kaigi_status store_followup_due(struct store *st, const char *before, const char *meeting_id,
				     size_t limit, struct store_due_list *out,
				     struct kaigi_error *err);

/* ---- before and after: two reviews' grids, row by row ----------------- */

enum store_change {
	STORE_CHANGE_NONE = 0, /* not comparable: a side unanswered or not applicable */
	STORE_CHANGE_BETTER,
	STORE_CHANGE_SAME,
	STORE_CHANGE_WORSE,
};

/* The change from rating before to rating after in column col of a grid
 * row: by the scale's order (the lower value is the better), ignoring
 * choices marked `na: true` and values outside the row's choices. */
enum store_change store_change_of(const struct schema_field *grid,
				  const struct schema_grid_row *row, size_t col,
				  const struct kaigi_value *before,
				  const struct kaigi_value *after);

struct store_change_row {
	const struct schema_grid_row *row; /* borrowed from the forms */
	struct kaigi_value before, after;  /* KAIGI_NULL when unanswered */
	enum store_change change;
};
/* One grid of a form both reviews filled, compared on its rating column. */
struct store_grid_compare {
	const struct schema_form *form;  /* borrowed */
	const struct schema_field *grid; /* borrowed */
	size_t col;                      /* the rating column: the grid's first scale column */
	struct store_change_row *rows;   /* every row answered on either side, in grid order */
	size_t nrows;
	size_t better, same, worse;
};
struct store_compare {
	char earlier[STORE_ID_SIZE], later[STORE_ID_SIZE];
	char *earlier_date, *later_date; /* meeting dates */
	struct store_grid_compare *grids;
	size_t ngrids;
};
void store_compare_clear(struct store_compare *c);
/*
 * Compare the ADL/IADL grids of two reviews (case ids; usually a follow-up
 * and the review it follows): for each installed form both have a record
 * of, each grid with a scale column, row by row on the grid's first scale
 * column (the rating now: Toyoake 事前判定, national 現在).
 */
enum kaigi_status store_compare_cases(struct store *st, const char *earlier, const char *later,
				      struct store_compare *out, struct kaigi_error *err);

/* Follow-up reviews in a year and area, by how their grid changed. */
struct store_outcome {
	char year[5]; /* 年度 (calendar: store_outcome_rollup_years, kaigi/tally.h) */
	char *area;   /* the person's; "" when not recorded */
	size_t improved, same, worsened;
	size_t not_comparable; /* no row comparable with the review followed */
};
struct store_outcome_list {
	struct store_outcome *v;
	size_t n;
};
void store_outcome_list_free(struct store_outcome_list *l);
/*
 * Follow-up reviews (those that follow an earlier one) whose meeting is in
 * the period, compared with the review they follow as store_compare_cases
 * does: improved when more rows got better than worse, worsened when more
 * got worse, the same otherwise.  By year and area, in that order.
 */
enum kaigi_status store_outcome_rollup(struct store *st, const struct store_period *p,
				       struct store_outcome_list *out, struct kaigi_error *err);

/* ---- regional issues raised in cases, and the register ---------------- */

/* How many meetings, case reviews and follow-up reviews the period holds
 * (with an area: cases of people of that area, and their meetings). */
struct store_period_counts {
	size_t meetings, cases, followups;
};
enum kaigi_status store_period_count(struct store *st, const struct store_period *p,
				     struct store_period_counts *out, struct kaigi_error *err);

/* One wording of a regional issue raised in cases (case_plan's
 * `regional_issues` list), within a category and an area. */
struct store_raised {
	char *category;  /* the stored choice value, or "" */
	char *area;      /* the item's area, else the person's, or "" */
	char *statement; /* the wording */
	char *policy;    /* the policy kind suggested most often, or NULL */
	char *form;      /* a form the wording was recorded in (for labels) */
	size_t ncases, nmeetings;
	char *first_seen, *last_seen;
	char issue_id[STORE_ID_SIZE]; /* the register issue it was linked to, or "" */
	char *issue_title;            /* that issue's title, or NULL */
	size_t nunlinked;             /* cases raising it not linked to that issue */
};
struct store_raised_list {
	struct store_raised *v;
	size_t n;
};
void store_raised_list_free(struct store_raised_list *l);
/* Regional issues raised in the period (and area), one row per category,
 * area and wording, counted by cases and meetings; by category, area,
 * then most cases first. */
enum kaigi_status store_raised_rollup(struct store *st, const struct store_period *p,
				      struct store_raised_list *out, struct kaigi_error *err);

/* The register with each issue's linked cases and meetings in the period;
 * with an area, the issues of that area or with cases there (a case's
 * area is its person's).  By category, area, then most cases first. */
enum kaigi_status store_register_rollup(struct store *st, const struct store_period *p,
					struct store_issue_list *out, struct kaigi_error *err);
/* One issue of the register (counts over all time).  KAIGI_EDATA when
 * absent. */
enum kaigi_status store_issue_get(struct store *st, const char *id, struct store_issue *out,
				  struct kaigi_error *err);
/* Remove an issue from the register (its links go with it; the cases'
 * raised issues stay). */
enum kaigi_status store_issue_delete(struct store *st, const char *id, struct kaigi_error *err);
/*
 * Link every case that raised wording statement (in any period) to issue
 * issue_id, remembering the wording; cases already linked are left as they
 * are.  *linked (may be NULL) counts the new links.  This is how a raised
 * issue is promoted into the register, and how later cases join it.
 */
enum kaigi_status store_issue_link_statement(struct store *st, const char *issue_id,
					     const char *statement, size_t *linked,
					     struct kaigi_error *err);
/* The register's value for a form's policy_kind value ("resources" →
 * "resource"); NULL for none or an unknown one. */
const char *store_policy_normalise(const char *policy);

/* ---- full-text search ------------------------------------------------- */

/* Where a text was found: an answer of a record, or a text of a meeting. */
struct store_text_hit {
	char meeting_id[STORE_ID_SIZE];
	char case_id[STORE_ID_SIZE];   /* "" for a meeting's own text or record */
	char record_id[STORE_ID_SIZE]; /* "" for a meeting's text (title, purpose …) */
	char *meeting_date, *meeting_title;
	char *person_code;        /* NULL without a case */
	char *form;               /* NULL for a meeting's text */
	char *field, *item, *col; /* the answer's path; field = the meeting column */
	char *text;
	bool sensitive; /* the field is marked sensitive: mask it unless names are on */
};
struct store_text_hit_list {
	struct store_text_hit *v;
	size_t n;
};
void store_text_hit_list_free(struct store_text_hit_list *l);

enum store_search_mode {
	STORE_SEARCH_INDEX, /* the index was used (since issue 16, always) */
	STORE_SEARCH_SCAN,  /* every text was read (no longer happens) */
};

/*
 * Free-text answers and meeting texts that contain every word of query
 * (words split at spaces, ASCII or 全角), newest meeting first, at most
 * limit (0: all).  Every word is looked up in the FTS5 index of bigrams
 * (db/004_speed.sql): a word of two or more characters as a phrase
 * of its bigrams, a single character as a prefix.  Hits are ordered and cut
 * to the limit before they are joined to their meetings.  *mode (may be
 * NULL) is STORE_SEARCH_INDEX.  ASCII letters match either case.
 * KAIGI_EUSAGE for an empty query.
 */
enum kaigi_status store_text_search(struct store *st, const char *query, size_t limit,
				    struct store_text_hit_list *out, enum store_search_mode *mode,
				    struct kaigi_error *err);
/* Whether query has a word to look up in the index (any word, since the
 * index holds bigrams). */
bool store_text_search_indexed(const char *query);
/* "form › field › column" labels of where h was found, in lang.  Caller
 * frees. */
char *store_text_hit_place(const struct store *st, const struct store_text_hit *h,
			   const char *lang);
/* A piece of text around the first match of query's first word, at most
 * cols display columns, "…" where cut.  Caller frees. */
char *store_text_excerpt(const char *text, const char *query, size_t cols);

#endif
