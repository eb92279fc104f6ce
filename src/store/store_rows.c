// SPDX-License-Identifier: MIT
/*
 * store_rows.c — the columns of the store's entities, each described once
 * as a table (store_internal.h, struct store_col), which store_cols_read,
 * store_cols_clear and store_cols_bind (store_sql.c) serve: read a row into
 * its struct, free what the struct owns, bind it to a write's parameters.
 * Each table lists the columns in the order of the SELECT named above it.
 */
#include <stddef.h>

#include "kaigi/draft.h"
#include "kaigi/followup.h"
#include "kaigi/policy.h"
#include "kaigi/register.h"
#include "kaigi/search.h"
#include "kaigi/sync.h"
#include "store_internal.h"
#include "store_sync.h"

/* person_row and bind_person (store_case.c): SELECT id, code, initials,
 * birth_year, age_band, sex, area; the upsert's ?1…?7. */
#define PERSON(m) offsetof(struct store_person, m)
const struct store_col store_person_cols[] = {
    {.kind = STORE_COL_ID, .off = PERSON(id)},
    {.kind = STORE_COL_STR, .off = PERSON(code)},
    {.kind = STORE_COL_TEXT, .off = PERSON(initials)},
    {.kind = STORE_COL_INT0, .off = PERSON(birth_year)},
    {.kind = STORE_COL_TEXT, .off = PERSON(age_band)},
    {.kind = STORE_COL_TEXT, .off = PERSON(sex)},
    {.kind = STORE_COL_TEXT, .off = PERSON(area)},
    {0},
};

/* A case (store_case.c): the first eight columns of CASE_SELECT and of
 * CASE_HIT_COLS, c.id, c.meeting_id, c.person_id, c.ord, c.presenter,
 * c.follows, p.code, m.date; bind_case's ?1…?6. */
#define CASE(m) offsetof(struct store_case, m)
const struct store_col store_case_cols[] = {
    {.kind = STORE_COL_ID, .off = CASE(id)},
    {.kind = STORE_COL_ID, .off = CASE(meeting_id)},
    {.kind = STORE_COL_ID, .off = CASE(person_id)},
    {.kind = STORE_COL_INT, .off = CASE(ord)},
    {.kind = STORE_COL_TEXT, .off = CASE(presenter)},
    {.kind = STORE_COL_REF, .off = CASE(follows)},
    {.kind = STORE_COL_TEXT, .off = CASE(person_code)},
    {.kind = STORE_COL_TEXT, .off = CASE(meeting_date)},
    {0},
};

/* What names a case found (store_case_hit_row), after the case's columns:
 * p.initials, p.age_band, p.sex, m.title. */
#define HIT(m) offsetof(struct store_case_hit, m)
const struct store_col store_case_hit_cols[] = {
    {.kind = STORE_COL_TEXT, .off = HIT(initials)},
    {.kind = STORE_COL_TEXT, .off = HIT(age_band)},
    {.kind = STORE_COL_TEXT, .off = HIT(sex)},
    {.kind = STORE_COL_TEXT, .off = HIT(meeting_title)},
    {0},
};

/* A phase time of a case (store_phase_list): phase, ord, planned_sec,
 * actual_sec (-1 for a value never set). */
#define PHASE(m) offsetof(struct store_phase, m)
const struct store_col store_phase_cols[] = {
    {.kind = STORE_COL_TEXT, .off = PHASE(phase)},
    {.kind = STORE_COL_INT, .off = PHASE(ord)},
    {.kind = STORE_COL_INTN, .off = PHASE(planned_sec)},
    {.kind = STORE_COL_INTN, .off = PHASE(actual_sec)},
    {0},
};

/* A regional issue (store_issue.c): ISSUE_COLUMNS; bind_issue's ?1…?18
 * are its first eighteen. */
#define ISSUE(m) offsetof(struct store_issue, m)
const struct store_col store_issue_cols[] = {
    {.kind = STORE_COL_ID, .off = ISSUE(id)},
    {.kind = STORE_COL_STR, .off = ISSUE(title)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(description)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(policy)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(status)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(owner)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(category)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(area)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(measure)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(decided)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(indicator)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(indicator_key)},
    {.kind = STORE_COL_REAL, .off = ISSUE(baseline), .has = ISSUE(has_baseline)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(baseline_date)},
    {.kind = STORE_COL_REAL, .off = ISSUE(target), .has = ISSUE(has_target)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(target_date)},
    {.kind = STORE_COL_REAL, .off = ISSUE(result), .has = ISSUE(has_result)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(result_date)},
    {.kind = STORE_COL_INT, .off = ISSUE(ncases)},
    {.kind = STORE_COL_INT, .off = ISSUE(nmeetings)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(first_seen)},
    {.kind = STORE_COL_TEXT, .off = ISSUE(last_seen)},
    {0},
};

/* An issue of a case (store_case_issue_list): r.id, r.title,
 * r.description, r.policy, l.note. */
#define CASE_ISSUE(m) offsetof(struct store_case_issue, m)
const struct store_col store_case_issue_cols[] = {
    {.kind = STORE_COL_ID, .off = CASE_ISSUE(id)},
    {.kind = STORE_COL_TEXT, .off = CASE_ISSUE(title)},
    {.kind = STORE_COL_TEXT, .off = CASE_ISSUE(description)},
    {.kind = STORE_COL_TEXT, .off = CASE_ISSUE(policy)},
    {.kind = STORE_COL_TEXT, .off = CASE_ISSUE(note)},
    {0},
};

/* A participant (store_meeting.c): id, meeting_id, ord, name,
 * organisation, role, present, profession; bind_participant's ?1…?8. */
#define PARTICIPANT(m) offsetof(struct store_participant, m)
const struct store_col store_participant_cols[] = {
    {.kind = STORE_COL_ID, .off = PARTICIPANT(id)},
    {.kind = STORE_COL_ID, .off = PARTICIPANT(meeting_id)},
    {.kind = STORE_COL_INT, .off = PARTICIPANT(ord)},
    {.kind = STORE_COL_STR, .off = PARTICIPANT(name)},
    {.kind = STORE_COL_TEXT, .off = PARTICIPANT(organisation)},
    {.kind = STORE_COL_TEXT, .off = PARTICIPANT(role)},
    {.kind = STORE_COL_BOOL, .off = PARTICIPANT(present)},
    {.kind = STORE_COL_TEXT, .off = PARTICIPANT(profession)},
    {0},
};

/* An audit row (store_audit.c): seq, at, who, tbl, op, row_key, path,
 * old, new. */
#define AUDIT(m) offsetof(struct store_audit_entry, m)
const struct store_col store_audit_cols[] = {
    {.kind = STORE_COL_INT64, .off = AUDIT(seq)},
    {.kind = STORE_COL_INT64, .off = AUDIT(at)},
    {.kind = STORE_COL_TEXT, .off = AUDIT(who)},
    {.kind = STORE_COL_TEXT, .off = AUDIT(tbl)},
    {.kind = STORE_COL_TEXT, .off = AUDIT(op)},
    {.kind = STORE_COL_TEXT, .off = AUDIT(row_key)},
    {.kind = STORE_COL_TEXT, .off = AUDIT(path)},
    {.kind = STORE_COL_VALUE, .off = AUDIT(old)},
    {.kind = STORE_COL_VALUE, .off = AUDIT(new_value)},
    {0},
};

/* A raised wording (store_raised_rollup): g.category, g.area,
 * g.statement, g.form, g.ncases, g.nmeetings, g.first_seen, g.last_seen,
 * i.id, i.title, g.nunlinked and pol.policy (both then set by raised_row). */
#define RAISED(m) offsetof(struct store_raised, m)
const struct store_col store_raised_cols[] = {
    {.kind = STORE_COL_TEXT, .off = RAISED(category)},
    {.kind = STORE_COL_TEXT, .off = RAISED(area)},
    {.kind = STORE_COL_TEXT, .off = RAISED(statement)},
    {.kind = STORE_COL_TEXT, .off = RAISED(form)},
    {.kind = STORE_COL_SIZE, .off = RAISED(ncases)},
    {.kind = STORE_COL_SIZE, .off = RAISED(nmeetings)},
    {.kind = STORE_COL_TEXT, .off = RAISED(first_seen)},
    {.kind = STORE_COL_TEXT, .off = RAISED(last_seen)},
    {.kind = STORE_COL_REF, .off = RAISED(issue_id)},
    {.kind = STORE_COL_TEXT, .off = RAISED(issue_title)},
    {.kind = STORE_COL_SKIP},
    {.kind = STORE_COL_TEXT, .off = RAISED(policy)},
    {0},
};

/* A text found (store_search.c, search_sql): d.kind, d.field, d.item,
 * d.col, the text, m.id, m.date, m.title, r.id, r.case_id, r.form,
 * p.code. */
#define TEXT_HIT(m) offsetof(struct store_text_hit, m)
const struct store_col store_text_hit_cols[] = {
    {.kind = STORE_COL_SKIP},
    {.kind = STORE_COL_TEXT, .off = TEXT_HIT(field)},
    {.kind = STORE_COL_TEXT, .off = TEXT_HIT(item)},
    {.kind = STORE_COL_TEXT, .off = TEXT_HIT(col)},
    {.kind = STORE_COL_TEXT, .off = TEXT_HIT(text)},
    {.kind = STORE_COL_ID, .off = TEXT_HIT(meeting_id)},
    {.kind = STORE_COL_TEXT, .off = TEXT_HIT(meeting_date)},
    {.kind = STORE_COL_TEXT, .off = TEXT_HIT(meeting_title)},
    {.kind = STORE_COL_REF, .off = TEXT_HIT(record_id)},
    {.kind = STORE_COL_REF, .off = TEXT_HIT(case_id)},
    {.kind = STORE_COL_TEXT, .off = TEXT_HIT(form)},
    {.kind = STORE_COL_TEXT, .off = TEXT_HIT(person_code)},
    {0},
};

/* A draft (store_draft_list): field, item, col, text, refused, reason,
 * updated; its scope is the one asked for. */
#define DRAFT(m) offsetof(struct store_draft, m)
const struct store_col store_draft_cols[] = {
    {.kind = STORE_COL_TEXT, .off = DRAFT(field)},
    {.kind = STORE_COL_TEXT, .off = DRAFT(item)},
    {.kind = STORE_COL_TEXT, .off = DRAFT(col)},
    {.kind = STORE_COL_TEXT, .off = DRAFT(text)},
    {.kind = STORE_COL_BOOL, .off = DRAFT(refused)},
    {.kind = STORE_COL_TEXT, .off = DRAFT(reason)},
    {.kind = STORE_COL_INT64, .off = DRAFT(updated)},
    {0},
};

/* A policy meeting's decision (store_policy.c, DECISION_COLUMNS):
 * a.meeting_id, a.issue_id, m.date, m.title, r.title, a.decision, a.ord. */
#define DECISION(m) offsetof(struct store_decision, m)
const struct store_col store_decision_cols[] = {
    {.kind = STORE_COL_ID, .off = DECISION(meeting_id)},
    {.kind = STORE_COL_ID, .off = DECISION(issue_id)},
    {.kind = STORE_COL_TEXT, .off = DECISION(meeting_date)},
    {.kind = STORE_COL_TEXT, .off = DECISION(meeting_title)},
    {.kind = STORE_COL_TEXT, .off = DECISION(issue_title)},
    {.kind = STORE_COL_TEXT, .off = DECISION(decision)},
    {.kind = STORE_COL_INT, .off = DECISION(ord)},
    {0},
};

/* A record's head (store_record_get): id, meeting_id, case_id, form,
 * form_version, created, updated. */
#define RECORD(m) offsetof(struct store_record, m)
const struct store_col store_record_head_cols[] = {
    {.kind = STORE_COL_ID, .off = RECORD(id)},
    {.kind = STORE_COL_ID, .off = RECORD(meeting_id)},
    {.kind = STORE_COL_REF, .off = RECORD(case_id)},
    {.kind = STORE_COL_TEXT, .off = RECORD(form)},
    {.kind = STORE_COL_INT, .off = RECORD(form_version)},
    {.kind = STORE_COL_INT64, .off = RECORD(created)},
    {.kind = STORE_COL_INT64, .off = RECORD(updated)},
    {0},
};

/* A record listed (store_record_list): id, form. */
const struct store_col store_record_ref_cols[] = {
    {.kind = STORE_COL_ID, .off = offsetof(struct store_record_ref, id)},
    {.kind = STORE_COL_TEXT, .off = offsetof(struct store_record_ref, form)},
    {0},
};

/* A sync log entry (sync_entry_rows, store_sync.c): origin, origin_seq,
 * at, actor, deps; the change set (5) is read by hand. */
#define SYNC_ENTRY(m) offsetof(struct sync_entry, m)
const struct store_col store_sync_entry_cols[] = {
    {.kind = STORE_COL_ID, .off = SYNC_ENTRY(origin)},
    {.kind = STORE_COL_INT64, .off = SYNC_ENTRY(origin_seq)},
    {.kind = STORE_COL_INT64, .off = SYNC_ENTRY(at)},
    {.kind = STORE_COL_TEXT, .off = SYNC_ENTRY(actor)},
    {.kind = STORE_COL_TEXT, .off = SYNC_ENTRY(deps)},
    {0},
};

/* A peer (store_sync_status): site, name, last_received, last_sent,
 * received_entries, sent_entries. */
#define SYNC_PEER(m) offsetof(struct sync_peer_status, m)
const struct store_col store_sync_peer_cols[] = {
    {.kind = STORE_COL_ID, .off = SYNC_PEER(site)},
    {.kind = STORE_COL_TEXT, .off = SYNC_PEER(name)},
    {.kind = STORE_COL_INT64, .off = SYNC_PEER(last_received)},
    {.kind = STORE_COL_INT64, .off = SYNC_PEER(last_sent)},
    {.kind = STORE_COL_INT64, .off = SYNC_PEER(received_entries)},
    {.kind = STORE_COL_INT64, .off = SYNC_PEER(sent_entries)},
    {0},
};

/* A conflict (store_sync_conflicts, store_sync_resolve.c): c.id, kind,
 * tbl, pk, col, local_value, incoming_value, local_who, local_at,
 * incoming_who, incoming_at, incoming_site, found, resolution, the row's
 * readable name; then state, read by hand. */
#define CONFLICT(m) offsetof(struct sync_conflict, m)
const struct store_col store_sync_conflict_cols[] = {
    {.kind = STORE_COL_INT64, .off = CONFLICT(id)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(kind)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(tbl)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(pk)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(col)},
    {.kind = STORE_COL_VALUE, .off = CONFLICT(local)},
    {.kind = STORE_COL_VALUE, .off = CONFLICT(incoming)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(local_who)},
    {.kind = STORE_COL_INT64, .off = CONFLICT(local_at)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(incoming_who)},
    {.kind = STORE_COL_INT64, .off = CONFLICT(incoming_at)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(incoming_site)},
    {.kind = STORE_COL_INT64, .off = CONFLICT(found)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(resolution)},
    {.kind = STORE_COL_TEXT, .off = CONFLICT(row)},
    {0},
};

/* ---- upserts (store_internal.h, struct store_upsert) --------------------- */

/* store_person_write (store_case.c): ?1…?7 as store_person_cols binds them. */
static const struct store_upsert_col person_upsert_cols[] = {
    {.name = "id"},
    {.name = "code"},
    {.name = "initials", .how = STORE_UPSERT_MERGE},
    {.name = "birth_year", .how = STORE_UPSERT_MERGE},
    {.name = "age_band", .how = STORE_UPSERT_MERGE},
    {.name = "sex", .how = STORE_UPSERT_MERGE},
    {.name = "area", .how = STORE_UPSERT_MERGE},
    {0},
};
struct store_upsert store_person_upsert = {"person", 1, false, person_upsert_cols, NULL};

/* store_case_write (store_case.c): ?1…?6 as store_case_cols binds them. */
static const struct store_upsert_col case_upsert_cols[] = {
    {.name = "id"},
    {.name = "meeting_id"},
    {.name = "person_id"},
    {.name = "ord"},
    {.name = "presenter", .how = STORE_UPSERT_MERGE},
    {.name = "follows", .how = STORE_UPSERT_MERGE},
    {0},
};
struct store_upsert store_case_upsert = {"case_review", 1, false, case_upsert_cols, NULL};

/* store_issue_write (store_issue.c): every column but title as given, or
 * when merging kept unless given; ?1…?18 as store_issue_cols binds them. */
static const struct store_upsert_col issue_upsert_cols[] = {
    {.name = "id"},
    {.name = "title"},
    {.name = "description", .how = STORE_UPSERT_MERGE},
    {.name = "policy", .how = STORE_UPSERT_MERGE},
    {.name = "status", .how = STORE_UPSERT_MERGE, .dflt = "'open'"},
    {.name = "owner", .how = STORE_UPSERT_MERGE},
    {.name = "category", .how = STORE_UPSERT_MERGE},
    {.name = "area", .how = STORE_UPSERT_MERGE},
    {.name = "measure", .how = STORE_UPSERT_MERGE},
    {.name = "decided", .how = STORE_UPSERT_MERGE},
    {.name = "indicator", .how = STORE_UPSERT_MERGE},
    {.name = "indicator_key", .how = STORE_UPSERT_MERGE},
    {.name = "baseline", .how = STORE_UPSERT_MERGE},
    {.name = "baseline_date", .how = STORE_UPSERT_MERGE},
    {.name = "target", .how = STORE_UPSERT_MERGE},
    {.name = "target_date", .how = STORE_UPSERT_MERGE},
    {.name = "result", .how = STORE_UPSERT_MERGE},
    {.name = "result_date", .how = STORE_UPSERT_MERGE},
    {0},
};
struct store_upsert store_issue_upsert = {"regional_issue", 1, false, issue_upsert_cols, NULL};

/* store_meeting_write (store_meeting.c): id, template, its version, kind,
 * then the fields in enum store_meeting_field order. */
static const struct store_upsert_col meeting_upsert_cols[] = {
    {.name = "id"},
    {.name = "template"},
    {.name = "template_version"},
    {.name = "kind"},
    {.name = "title", .how = STORE_UPSERT_MERGE, .dflt = "''"},
    {.name = "date"},
    {.name = "start_time", .how = STORE_UPSERT_MERGE},
    {.name = "end_time", .how = STORE_UPSERT_MERGE},
    {.name = "place", .how = STORE_UPSERT_MERGE},
    {.name = "purpose", .how = STORE_UPSERT_MERGE},
    {.name = "target", .how = STORE_UPSERT_MERGE},
    {.name = "reached", .how = STORE_UPSERT_MERGE},
    {.name = "next_time", .how = STORE_UPSERT_MERGE},
    {0},
};
struct store_upsert store_meeting_upsert = {"meeting", 1, false, meeting_upsert_cols, NULL};

/* store_participant_write (store_meeting.c): a screen's save keeps the
 * participant in its meeting; an import may move it to the meeting the
 * file puts it in.  ?7 present NULL keeps what is stored (1 when new). */
static const struct store_upsert_col participant_upsert_cols[] = {
    {.name = "id"},
    {.name = "meeting_id", .how = STORE_UPSERT_MOVE},
    {.name = "ord"},
    {.name = "name"},
    {.name = "organisation", .how = STORE_UPSERT_MERGE},
    {.name = "role", .how = STORE_UPSERT_MERGE},
    {.name = "present", .how = STORE_UPSERT_KEEP, .dflt = "1"},
    {.name = "profession", .how = STORE_UPSERT_MERGE},
    {0},
};
struct store_upsert store_participant_upsert = {"participant", 1, false, participant_upsert_cols,
						NULL};

/* store_phase_write (store_case.c): the times not given are kept. */
static const struct store_upsert_col phase_upsert_cols[] = {
    {.name = "case_id"},
    {.name = "phase"},
    {.name = "ord"},
    {.name = "planned_sec", .how = STORE_UPSERT_KEEP},
    {.name = "actual_sec", .how = STORE_UPSERT_KEEP},
    {0},
};
struct store_upsert store_phase_upsert = {"phase_timing", 2, false, phase_upsert_cols, NULL};

/* store_identity_write (store_identity.c): the identity fields in their
 * order; an unchanged row is not touched in either mode. */
static const struct store_upsert_col identity_upsert_cols[] = {
    {.name = "person_id"},
    {.name = "name", .how = STORE_UPSERT_MERGE},
    {.name = "kana", .how = STORE_UPSERT_MERGE},
    {.name = "birth_date", .how = STORE_UPSERT_MERGE},
    {.name = "address", .how = STORE_UPSERT_MERGE},
    {.name = "phone", .how = STORE_UPSERT_MERGE},
    {.name = "insured_no", .how = STORE_UPSERT_MERGE},
    {0},
};
struct store_upsert store_identity_upsert = {"person_identity", 1, true, identity_upsert_cols,
					     NULL};

/* store_issue_link_write (store_issue.c): the statement is kept when not
 * given, in both modes. */
static const struct store_upsert_col issue_link_upsert_cols[] = {
    {.name = "issue_id"},
    {.name = "case_id"},
    {.name = "note", .how = STORE_UPSERT_MERGE},
    {.name = "statement", .how = STORE_UPSERT_KEEP},
    {0},
};
struct store_upsert store_issue_link_upsert = {"regional_issue_case", 2, true,
					       issue_link_upsert_cols, NULL};

/* store_record_write (store_answer.c): a record's head, every column as given. */
static const struct store_upsert_col record_upsert_cols[] = {
    {.name = "id"},   {.name = "meeting_id"},   {.name = "case_id"},
    {.name = "form"}, {.name = "form_version"}, {0},
};
struct store_upsert store_record_upsert = {"form_record", 1, false, record_upsert_cols, NULL};
