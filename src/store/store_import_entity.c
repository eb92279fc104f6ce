// SPDX-License-Identifier: MIT
/*
 * store_import_entity.c — the entities of a record file (doc/records.md):
 * people with their identity keys, regional issues with their measure,
 * meetings with their participants, cases and agenda, a case's phase
 * times and regional issues.  Each is a table of its keys
 * (YAML key, kind, the member of the entity's struct) read by imp_read and
 * imp_fill (store_import_table.c), and written by the entity's own write
 * function, the one a screen's save uses; what is left here is what an
 * entity does beyond its table: how its id is found, defaults, and its
 * children.
 *
 * Every write merges (struct store_write): it keeps what the file leaves
 * out and changes nothing when nothing differs, so the same file imported
 * twice leaves no trace the second time, audit included.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/identity.h"
#include "kaigi/xalloc.h"
#include "store_import.h"

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* Where an entity of the file is read: its meeting and case (NULL: the
 * meeting's own), the meeting's template, and its place in its list. */
struct imp_at {
	const char *meeting_id, *case_id;
	const struct schema_meeting *tmpl;
	size_t ord;
};

/* A list of children: the parent's key (its index in the parent's table)
 * holding it, and what reads each item. */
struct imp_child {
	int key;
	const char *what;
	void (*read)(struct imp *im, const yaml_node_t *n, const struct imp_at *at);
};

/* Read the items of each list of children (up to one without read), in
 * the table's order; at: where the parent is. */
static void import_children(struct imp *im, const struct imp_val *v, const struct imp_child *c,
			    struct imp_at at)
{
	for (; c->read; c++) {
		yaml_node_item_t *items = NULL;
		size_t count = 0;
		ydoc_seq_items(&im->w, v[c->key].node, c->what, &items, &count);
		for (at.ord = 0; at.ord < count && !im->w.stop; at.ord++) {
			yaml_node_t *item = ydoc_node(&im->w, items[at.ord]);
			if (item)
				c->read(im, item, &at);
		}
	}
}

/* ---- people and regional issues ---------------------------------------- */

/* The identity keys of a person (name … insured_no): given ones
 * replace what is stored, absent ones keep it. */
static void person_identity(struct imp *im, const yaml_node_t *n, const char *person_id,
			    const struct imp_val *v)
{
	const char *val[IDENTITY_FIELD_COUNT];
	bool any = false;
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++) {
		val[i] = ydoc_text(&im->w, v[i].node, store_identity_key(i));
		const char *why = store_identity_check(i, val[i]);
		if (why) {
			ydoc_error(&im->w, v[i].node, "%s, not '%s'", why, val[i]);
			return;
		}
		any |= val[i] && *val[i];
	}
	if (!any)
		return;
	struct store_identity id = {0};
	for (int i = 0; i < IDENTITY_FIELD_COUNT; i++)
		id.v[i] = (char *)val[i]; /* borrowed from the document; never cleared */
	imp_wrote(im, n, store_identity_write(im->st, person_id, &id, imp_merge(im), &im->err));
}

static const char *const sexes[] = {"F", "M", "X", NULL};

/* A person: the pseudonymous row, then the identity keys (IMP_NODE, from
 * name on, in enum store_identity_field order). */
enum { PERSON_CODE, PERSON_ID, PERSON_INITIALS, PERSON_YEAR, PERSON_BAND, PERSON_SEX, PERSON_AREA };
#define PERSON(m) offsetof(struct store_person, m)
static const struct imp_key person_keys[] = {
    {.key = "code", .kind = IMP_TEXT, .off = PERSON(code)},
    {.key = "id", .kind = IMP_NODE},
    {.key = "initials", .kind = IMP_TEXT, .off = PERSON(initials)},
    {.key = "birth_year", .kind = IMP_INT, .off = PERSON(birth_year), .lo = 1850, .hi = 2200},
    {.key = "age_band", .kind = IMP_TEXT, .off = PERSON(age_band)},
    {.key = "sex", .kind = IMP_ENUM, .off = PERSON(sex), .allowed = sexes},
    {.key = "area", .kind = IMP_TEXT, .off = PERSON(area)},
    {.key = "name", .kind = IMP_NODE},
    {.key = "kana", .kind = IMP_NODE},
    {.key = "birth_date", .kind = IMP_NODE},
    {.key = "address", .kind = IMP_NODE},
    {.key = "phone", .kind = IMP_NODE},
    {.key = "insured_no", .kind = IMP_NODE},
    {0}};
static const struct imp_entity person = {
    .what = "a person",
    .keys = person_keys,
    .missing = "a person needs a code (the pseudonymous case code)",
};

static void import_person(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	(void)at;
	static const char find[] = "SELECT id FROM person WHERE code = ?1";
	struct imp_val v[IMP_MAX_KEYS];
	if (!imp_read(im, n, &person, v))
		return;
	struct store_person p = {0};
	if (!imp_resolve_id(im, v[PERSON_ID].node, find, v[PERSON_CODE].text, NULL, NULL, p.id,
			    v[PERSON_CODE].node))
		return;
	/* What the file says of the person, against another file of the
	 * import that says something else. */
	char *said =
	    xasprintf("%s|%s|%lld|%s|%s|%s", v[PERSON_ID].node ? p.id : "",
		      nz(v[PERSON_INITIALS].text), v[PERSON_YEAR].num, nz(v[PERSON_BAND].text),
		      nz(v[PERSON_SEX].text), nz(v[PERSON_AREA].text));
	bool fresh = imp_seen_check(im, "person", v[PERSON_CODE].text, said, v[PERSON_CODE].node);
	free(said);
	if (!fresh)
		return;
	imp_fill(&person, v, &p);
	if (imp_wrote(im, n, store_person_write(im->st, &p, imp_merge(im), &im->err)))
		person_identity(im, n, p.id, v + PERSON_AREA + 1);
}

static const char *const policies[] = {"cooperation", "programme", "resource", NULL};
static const char *const statuses[] = {"open", "referred", "addressed", "closed", NULL};

/* A regional issue of the register, with its measure and numbers (kept
 * when the file leaves them out). */
#define ISSUE(m) offsetof(struct store_issue, m)
static const struct imp_key issue_keys[] = {
    {.key = "title", .kind = IMP_TEXT, .off = ISSUE(title)},
    {.key = "id", .kind = IMP_NODE},
    {.key = "description", .kind = IMP_TEXT, .off = ISSUE(description)},
    {.key = "policy", .kind = IMP_ENUM, .off = ISSUE(policy), .allowed = policies},
    {.key = "status", .kind = IMP_ENUM, .off = ISSUE(status), .allowed = statuses},
    {.key = "owner", .kind = IMP_TEXT, .off = ISSUE(owner)},
    {.key = "category", .kind = IMP_TEXT, .off = ISSUE(category)},
    {.key = "area", .kind = IMP_TEXT, .off = ISSUE(area)},
    {.key = "measure", .kind = IMP_TEXT, .off = ISSUE(measure)},
    {.key = "decided", .kind = IMP_DATE, .off = ISSUE(decided)},
    {.key = "indicator", .kind = IMP_TEXT, .off = ISSUE(indicator)},
    {.key = "indicator_key", .kind = IMP_TEXT, .off = ISSUE(indicator_key)},
    {.key = "baseline", .kind = IMP_NUMBER, .off = ISSUE(baseline), .has = ISSUE(has_baseline)},
    {.key = "baseline_date", .kind = IMP_DATE, .off = ISSUE(baseline_date)},
    {.key = "target", .kind = IMP_NUMBER, .off = ISSUE(target), .has = ISSUE(has_target)},
    {.key = "target_date", .kind = IMP_DATE, .off = ISSUE(target_date)},
    {.key = "result", .kind = IMP_NUMBER, .off = ISSUE(result), .has = ISSUE(has_result)},
    {.key = "result_date", .kind = IMP_DATE, .off = ISSUE(result_date)},
    {0}};
static const struct imp_entity issue = {
    .what = "a regional issue",
    .keys = issue_keys,
    .missing = "a regional issue needs a title",
};

static void import_issue(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	(void)at;
	static const char find[] = "SELECT id FROM regional_issue WHERE title = ?1";
	struct imp_val v[IMP_MAX_KEYS];
	if (!imp_read(im, n, &issue, v))
		return;
	struct store_issue row = {0};
	if (!imp_resolve_id(im, v[1].node, find, v[0].text, NULL, NULL, row.id, v[0].node))
		return;
	imp_fill(&issue, v, &row);
	imp_wrote(im, n, store_issue_write(im->st, &row, imp_merge(im), &im->err));
}

/* ---- meetings ----------------------------------------------------------- */

enum { PART_NAME, PART_ID, PART_ORG, PART_ROLE, PART_PRESENT, PART_PROFESSION };
#define PARTICIPANT(m) offsetof(struct store_participant, m)
static const struct imp_key participant_keys[] = {
    {.key = "name", .kind = IMP_TEXT, .off = PARTICIPANT(name)},
    {.key = "id", .kind = IMP_NODE},
    {.key = "organisation", .kind = IMP_TEXT, .off = PARTICIPANT(organisation)},
    {.key = "role", .kind = IMP_TEXT, .off = PARTICIPANT(role)},
    {.key = "present", .kind = IMP_YESNO},
    {.key = "profession", .kind = IMP_TEXT, .off = PARTICIPANT(profession)},
    {0}};
static const struct imp_entity participant = {
    .what = "a participant",
    .keys = participant_keys,
    .missing = "a participant needs a name",
};

static void import_participant(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	const char *meeting_id = at->meeting_id;
	static const char find[] = "SELECT id FROM participant WHERE meeting_id = ?1 AND name = ?2";
	struct imp_val v[IMP_MAX_KEYS];
	if (!imp_read(im, n, &participant, v))
		return;
	struct store_participant p = {.ord = (int)at->ord};
	if (!imp_resolve_id(im, v[PART_ID].node, find, meeting_id, v[PART_NAME].text, NULL, p.id,
			    v[PART_NAME].node))
		return;
	snprintf(p.meeting_id, sizeof p.meeting_id, "%s", meeting_id);
	imp_fill(&participant, v, &p);
	/* role: the part played (facilitator, presenter).  A file of an older
	 * kaigi put the profession there: it goes to profession. */
	if (p.role && strcmp(p.role, "facilitator") != 0 && strcmp(p.role, "presenter") != 0) {
		if (!p.profession)
			p.profession = p.role;
		p.role = NULL;
	}
	int present = v[PART_PRESENT].ok ? (int)v[PART_PRESENT].num : -1;
	imp_wrote(im, n, store_participant_write(im->st, &p, present, imp_merge(im), &im->err));
}

static const struct imp_key phase_keys[] = {
    {.key = "phase", .kind = IMP_TEXT},
    {.key = "planned", .kind = IMP_INT, .lo = 0, .hi = 86400, .what = "planned (seconds)"},
    {.key = "actual", .kind = IMP_INT, .lo = 0, .hi = 86400, .what = "actual (seconds)"},
    {0}};
static const struct imp_entity phase = {
    .what = "a phase",
    .keys = phase_keys,
    .missing = "a phase needs its id (phase: framing)",
};

static void import_phase(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	const struct schema_meeting *tmpl = at->tmpl;
	struct imp_val v[IMP_MAX_KEYS];
	if (!imp_read(im, n, &phase, v))
		return;
	const char *id = v[0].text;
	size_t i = 0;
	while (tmpl && i < tmpl->nphases && strcmp(tmpl->phases[i].id, id) != 0)
		i++;
	if (tmpl && i == tmpl->nphases)
		ydoc_error(&im->w, v[0].node, "meeting template %s has no phase '%s'", tmpl->id,
			   id);
	int planned = v[1].ok ? (int)v[1].num : -1, actual = v[2].ok ? (int)v[2].num : -1;
	imp_wrote(im, n,
		  store_phase_write(im->st, at->case_id, id, (int)at->ord, planned, actual,
				    imp_merge(im), &im->err));
}

static const struct imp_key issue_link_keys[] = {{.key = "issue", .kind = IMP_TEXT},
						 {.key = "note", .kind = IMP_TEXT},
						 {.key = "statement", .kind = IMP_TEXT},
						 {0}};
static const struct imp_entity issue_link = {
    .what = "a regional issue of a case",
    .keys = issue_link_keys,
    .missing = "give the regional issue's title (issue: …)",
};

static void import_issue_link(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	struct imp_val v[IMP_MAX_KEYS];
	char issue_id[STORE_ID_SIZE];
	if (!imp_read(im, n, &issue_link, v) || !imp_issue_ref(im, &v[0], issue_id))
		return;
	imp_wrote(im, n,
		  store_issue_link_write(im->st, issue_id, at->case_id, v[1].text, v[2].text,
					 imp_merge(im), &im->err));
}

enum {
	CASE_PERSON,
	CASE_ID,
	CASE_PRESENTER,
	CASE_FOLLOWS,
	CASE_PHASES,
	CASE_RECORDS,
	CASE_ISSUES,
	CASE_ACTIONS,
	CASE_CLOSED
};
static const struct imp_key case_keys[] = {
    {.key = "person", .kind = IMP_TEXT},
    {.key = "id", .kind = IMP_NODE},
    {.key = "presenter", .kind = IMP_TEXT, .off = offsetof(struct store_case, presenter)},
    {.key = "follows", .kind = IMP_TEXT},
    {.key = "phases", .kind = IMP_NODE},
    {.key = "records", .kind = IMP_NODE},
    {.key = "regional_issues", .kind = IMP_NODE},
    {.key = "actions", .kind = IMP_NODE},
    {.key = "closed", .kind = IMP_TEXT},
    {0}};
static const struct imp_entity case_review = {.what = "a case", .keys = case_keys};

/* The case's person by code; else (reported) a stand-in, so that the case's
 * records are checked too.  False when the import cannot go on. */
static bool case_person(struct imp *im, const yaml_node_t *n, const struct imp_val *code,
			char person[STORE_ID_SIZE])
{
	static const char find[] = "SELECT id FROM person WHERE code = ?1";
	person[0] = '\0';
	if (!code->text)
		ydoc_error(&im->w, n, "a case needs person: (the person's case code)");
	else if (!imp_find_id(im, find, code->text, NULL, NULL, person, code->node))
		return false;
	else if (!person[0])
		ydoc_error(&im->w, code->node,
			   "no person with code '%s': list them under people at the top",
			   code->text);
	if (person[0])
		return true;
	store_uuid_new(person);
	sqlite3_stmt *q =
	    imp_stmt(im, "INSERT INTO person (id, code, created, updated) VALUES (?1, ?1, 0, 0)");
	if (!q)
		return false;
	sqlite3_bind_text(q, 1, person, -1, SQLITE_TRANSIENT);
	return imp_step_write(im, q, n, "checking a case");
}

/* Remember the case's follows: (checked at the end: it may name a later
 * case). */
static void case_follows(struct imp *im, const char *id, const struct imp_val *f)
{
	if (!f->text)
		return;
	if (!store_uuid_valid(f->text)) {
		ydoc_error(&im->w, f->node, "follows should be the id of an earlier case review");
		return;
	}
	if (im->nfollows == im->capfollows) {
		im->capfollows = im->capfollows ? im->capfollows * 2 : 16;
		im->follows = xreallocarray(im->follows, im->capfollows, sizeof *im->follows);
	}
	struct follow_ref *r = &im->follows[im->nfollows++];
	snprintf(r->case_id, sizeof r->case_id, "%s", id);
	snprintf(r->follows, sizeof r->follows, "%s", f->text);
	r->file = im->w.file;
	r->line = (int)f->node->start_mark.line + 1;
	r->col = (int)f->node->start_mark.column + 1;
}

/* A record of a meeting or of a case. */
static void import_record(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	imp_record(im, n, at->meeting_id, at->case_id);
}

static const struct imp_child case_children[] = {
    {CASE_PHASES, "phases", import_phase},
    {CASE_RECORDS, "records", import_record},
    {CASE_ISSUES, "regional_issues", import_issue_link},
    {0}};

static void import_case(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	const char *meeting_id = at->meeting_id;
	static const char close_sql[] =
	    "UPDATE case_review SET closed = ?2, updated = ?2 WHERE id = ?1 AND closed IS NULL";
	static const char find[] =
	    "SELECT id FROM case_review WHERE meeting_id = ?1 AND person_id = ?2";
	struct imp_val v[IMP_MAX_KEYS];
	if (!imp_read(im, n, &case_review, v))
		return;
	if (im->stats)
		im->stats->cases++;
	struct store_case c = {.ord = (int)at->ord};
	snprintf(c.meeting_id, sizeof c.meeting_id, "%s", meeting_id);
	if (!case_person(im, n, &v[CASE_PERSON], c.person_id) ||
	    !imp_resolve_id(im, v[CASE_ID].node, find, meeting_id, c.person_id, NULL, c.id, n))
		return;
	imp_fill(&case_review, v, &c);
	if (!imp_wrote(im, n, store_case_write(im->st, &c, imp_merge(im), &im->err)))
		return;
	const char *id = c.id;
	/* closed: true — closed at the close check (✓済); import never reopens. */
	const char *closed = v[CASE_CLOSED].text;
	bool is_closed = closed && strcmp(closed, "true") == 0;
	if (closed && !is_closed && strcmp(closed, "false") != 0)
		ydoc_error(&im->w, v[CASE_CLOSED].node, "closed should be true or false");
	sqlite3_stmt *q;
	if (is_closed && (q = imp_stmt(im, close_sql)) != NULL) {
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 2, im->now);
		if (!imp_step_write(im, q, n, "saving a case"))
			return;
	}
	case_follows(im, id, &v[CASE_FOLLOWS]);
	import_children(im, v, case_children, (struct imp_at){meeting_id, id, at->tmpl, 0});
	/* A case's actions are kept in one place, the actions list of its
	 * case_plan record (doc/hacking.md, "Actions and regional issues"). */
	if (v[CASE_ACTIONS].node)
		ydoc_error(&im->w, v[CASE_ACTIONS].node,
			   "a case's actions are written in its case_plan record (records: - "
			   "form: case_plan, answers: {actions: [{who, what, due, status}]}); "
			   "the case-level 'actions' list is no longer read");
}

enum {
	MEET_ID,
	MEET_TEMPLATE,
	MEET_VERSION,
	MEET_KIND,
	MEET_TITLE,
	MEET_DATE,
	MEET_PLACE = 8,
	MEET_PARTICIPANTS = 13,
	MEET_RECORDS,
	MEET_CASES,
	MEET_VISION,
	MEET_AGENDA
};
/* An issue of the register on a policy meeting's agenda, with what the
 * meeting decided. */
static const struct imp_key agenda_keys[] = {
    {.key = "issue", .kind = IMP_TEXT}, {.key = "decision", .kind = IMP_TEXT}, {0}};
static const struct imp_entity agenda = {
    .what = "an issue on the agenda",
    .keys = agenda_keys,
    .missing = "give the regional issue's title (issue: …)",
};

static void import_agenda_item(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	struct imp_val v[IMP_MAX_KEYS];
	char issue_id[STORE_ID_SIZE];
	if (!imp_read(im, n, &agenda, v) || !imp_issue_ref(im, &v[0], issue_id))
		return;
	imp_wrote(im, n,
		  store_agenda_write(im->st, at->meeting_id, issue_id, (long long)at->ord,
				     v[1].text, imp_merge(im), &im->err));
}

#define MEETING(m)   offsetof(struct store_meeting, m)
#define MEETING_F(i) (offsetof(struct store_meeting, f) + (i) * sizeof(char *))
static const struct imp_key meeting_keys[] = {
    {.key = "id", .kind = IMP_NODE},
    {.key = "template", .kind = IMP_TEXT, .off = MEETING(template_id)},
    {.key = "template_version",
     .kind = IMP_INT,
     .off = MEETING(template_version),
     .lo = 1,
     .hi = 1000000},
    {.key = "kind", .kind = IMP_TEXT, .off = MEETING(kind)},
    {.key = "title", .kind = IMP_TEXT, .off = MEETING_F(STORE_MEETING_TITLE)},
    {.key = "date", .kind = IMP_DATE, .off = MEETING_F(STORE_MEETING_DATE)},
    {.key = "start", .kind = IMP_TIME, .off = MEETING_F(STORE_MEETING_START_TIME)},
    {.key = "end", .kind = IMP_TIME, .off = MEETING_F(STORE_MEETING_END_TIME)},
    {.key = "place", .kind = IMP_TEXT, .off = MEETING_F(STORE_MEETING_PLACE)},
    {.key = "purpose", .kind = IMP_TEXT, .off = MEETING_F(STORE_MEETING_PURPOSE)},
    {.key = "target", .kind = IMP_TEXT, .off = MEETING_F(STORE_MEETING_TARGET)},
    {.key = "reached", .kind = IMP_TEXT, .off = MEETING_F(STORE_MEETING_REACHED)},
    {.key = "next_time", .kind = IMP_TEXT, .off = MEETING_F(STORE_MEETING_NEXT_TIME)},
    {.key = "participants", .kind = IMP_NODE},
    {.key = "records", .kind = IMP_NODE},
    {.key = "cases", .kind = IMP_NODE},
    {.key = "vision", .kind = IMP_TEXT},
    {.key = "agenda", .kind = IMP_NODE},
    {0}};
static const struct imp_entity meeting = {.what = "a meeting", .keys = meeting_keys};

/* Give v a value the file left out (or refused). */
static void imp_default(struct imp_val *v, const char *text, long long num)
{
	if (v->ok)
		return;
	v->text = text;
	v->num = num;
	v->ok = true;
}

static const struct imp_child meeting_children[] = {
    {MEET_PARTICIPANTS, "participants", import_participant},
    {MEET_RECORDS, "records", import_record},
    {MEET_CASES, "cases", import_case},
    {MEET_AGENDA, "agenda", import_agenda_item},
    {0}};

static void import_meeting(struct imp *im, const yaml_node_t *n, const struct imp_at *at)
{
	(void)at;
	static const char find[] = "SELECT id FROM meeting WHERE date = ?1 AND title = ?2";
	/* The town's vision kept with the meeting (meeting.h). */
	static const char keep_vision[] =
	    "UPDATE meeting SET vision = ?2 WHERE id = ?1 AND vision IS NOT ?2";
	struct imp_val v[IMP_MAX_KEYS];
	if (!imp_read(im, n, &meeting, v))
		return;
	if (im->stats)
		im->stats->meetings++;
	if (!v[MEET_TEMPLATE].ok)
		ydoc_error(&im->w, n, "a meeting needs template: (the meeting template's id)");
	imp_default(&v[MEET_TEMPLATE], "?", 0);
	const char *tmpl_id = v[MEET_TEMPLATE].text;
	const struct schema_meeting *tmpl =
	    im->st->forms ? schema_meeting_find(im->st->forms, tmpl_id) : NULL;
	if (!tmpl && v[MEET_TEMPLATE].node && im->st->forms)
		ydoc_error(&im->w, v[MEET_TEMPLATE].node,
			   "no meeting template '%s' (see kaigi forms list)", tmpl_id);
	imp_default(&v[MEET_VERSION], NULL, tmpl ? tmpl->version : 1);
	imp_default(&v[MEET_KIND], tmpl && tmpl->kind ? tmpl->kind : "individual", 0);
	if (!v[MEET_DATE].ok && !v[MEET_DATE].node)
		ydoc_error(&im->w, n, "a meeting needs a date (date: YYYY-MM-DD)");
	/* A stand-in date, so that the children are checked too. */
	imp_default(&v[MEET_DATE], "0001-01-01", 0);
	const char *title = v[MEET_TITLE].text, *date = v[MEET_DATE].text;
	char id[STORE_ID_SIZE];
	if (!imp_resolve_id(im, v[MEET_ID].node, find, date, nz(title), NULL, id, n))
		return;
	/* The same meeting twice in a file, or said differently by two files. */
	char *said = xasprintf("%s|%lld|%s|%s|%s|%s", tmpl_id, v[MEET_VERSION].num, date, nz(title),
			       nz(v[MEET_PLACE].text), v[MEET_KIND].text);
	bool fresh = imp_seen_check(im, "meeting", id, said, n);
	free(said);
	if (!fresh)
		return;
	struct store_meeting m = {0};
	snprintf(m.id, sizeof m.id, "%s", id);
	imp_fill(&meeting, v, &m);
	if (!imp_wrote(im, n, store_meeting_write(im->st, &m, imp_merge(im), &im->err)))
		return;
	const char *vision = v[MEET_VISION].text;
	sqlite3_stmt *q;
	if (vision && (q = imp_stmt(im, keep_vision)) != NULL) {
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 2, vision, -1, SQLITE_STATIC);
		if (!imp_step_write(im, q, v[MEET_VISION].node, "keeping the meeting's vision"))
			return;
	}
	import_children(im, v, meeting_children, (struct imp_at){id, NULL, tmpl, 0});
}

/* ---- the file ----------------------------------------------------------- */

static const struct imp_key document_keys[] = {
    {.key = "kaigi", .kind = IMP_TEXT},
    {.key = "version", .kind = IMP_INT, .lo = 1, .hi = 1000},
    {.key = "people", .kind = IMP_NODE},
    {.key = "meetings", .kind = IMP_NODE},
    {.key = "regional_issues", .kind = IMP_NODE},
    {0}};
static const struct imp_entity document = {.what = "a record file", .keys = document_keys};

void imp_document(struct imp *im, yaml_document_t *doc)
{
	yaml_node_t *root = yaml_document_get_root_node(doc);
	if (!root) {
		ydoc_error_at(&im->w, 0, 0, "the file is empty");
		return;
	}
	struct imp_val v[IMP_MAX_KEYS];
	if (!imp_read(im, root, &document, v))
		return;
	const char *magic = v[0].text;
	if (!magic || strcmp(magic, "records") != 0) {
		ydoc_error(&im->w, v[0].node ? v[0].node : root,
			   "a record file starts with 'kaigi: records' (see doc/records.md)");
		return;
	}
	if (v[1].ok && v[1].num != 1) {
		ydoc_error(&im->w, v[1].node,
			   "record format version %lld is newer than this kaigi reads (1)",
			   v[1].num);
		return;
	}
	static const struct imp_child lists[] = {{2, "people", import_person},
						 {4, "regional_issues", import_issue},
						 {3, "meetings", import_meeting},
						 {0}};
	import_children(im, v, lists, (struct imp_at){0});
}
