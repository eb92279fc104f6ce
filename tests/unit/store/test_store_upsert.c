// SPDX-License-Identifier: MIT
/*
 * test_store_upsert.c — each entity's upsert, written from its description
 * (store_rows.c, struct store_upsert), is byte for byte the statement that
 * was written by hand before, and the same string at every call (the
 * statement cache keys on its address).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "store/store_internal.h"

/* The hand-written statements the descriptions replace. */
static const struct {
	struct store_upsert *u;
	const char *sql;
} upserts[] = {
    {&store_person_upsert,
     "INSERT INTO person (id, code, initials, birth_year, age_band, sex, area, created, "
     "updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, :now, :now) ON CONFLICT (id) DO UPDATE "
     "SET code = ?2, initials = iif(:merge, coalesce(?3, initials), ?3), birth_year = "
     "iif(:merge, coalesce(?4, birth_year), ?4), age_band = iif(:merge, coalesce(?5, "
     "age_band), ?5), sex = iif(:merge, coalesce(?6, sex), ?6), area = iif(:merge, "
     "coalesce(?7, area), ?7), updated = :now WHERE NOT :merge OR (code, initials, "
     "birth_year, age_band, sex, area) IS NOT (?2, coalesce(?3, initials), coalesce(?4, "
     "birth_year), coalesce(?5, age_band), coalesce(?6, sex), coalesce(?7, area))"},
    {&store_case_upsert,
     "INSERT INTO case_review (id, meeting_id, person_id, ord, presenter, follows, "
     "created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, :now, :now) ON CONFLICT (id) DO "
     "UPDATE SET meeting_id = ?2, person_id = ?3, ord = ?4, presenter = iif(:merge, "
     "coalesce(?5, presenter), ?5), follows = iif(:merge, coalesce(?6, follows), ?6), "
     "updated = :now WHERE NOT :merge OR (meeting_id, person_id, ord, presenter, follows) "
     "IS NOT (?2, ?3, ?4, coalesce(?5, presenter), coalesce(?6, follows))"},
    {&store_issue_upsert,
     "INSERT INTO regional_issue (id, title, description, policy, status, owner, "
     "category, area, measure, decided, indicator, indicator_key, baseline, "
     "baseline_date, target, target_date, result, result_date, created, updated) VALUES "
     "(?1, ?2, ?3, ?4, ifnull(?5, 'open'), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
     "?16, ?17, ?18, :now, :now) ON CONFLICT (id) DO UPDATE SET title = ?2, description = "
     "iif(:merge, coalesce(?3, description), ?3), policy = iif(:merge, coalesce(?4, "
     "policy), ?4), status = iif(:merge, coalesce(?5, status), ifnull(?5, 'open')), owner "
     "= iif(:merge, coalesce(?6, owner), ?6), category = iif(:merge, coalesce(?7, "
     "category), ?7), area = iif(:merge, coalesce(?8, area), ?8), measure = iif(:merge, "
     "coalesce(?9, measure), ?9), decided = iif(:merge, coalesce(?10, decided), ?10), "
     "indicator = iif(:merge, coalesce(?11, indicator), ?11), indicator_key = iif(:merge, "
     "coalesce(?12, indicator_key), ?12), baseline = iif(:merge, coalesce(?13, baseline), "
     "?13), baseline_date = iif(:merge, coalesce(?14, baseline_date), ?14), target = "
     "iif(:merge, coalesce(?15, target), ?15), target_date = iif(:merge, coalesce(?16, "
     "target_date), ?16), result = iif(:merge, coalesce(?17, result), ?17), result_date = "
     "iif(:merge, coalesce(?18, result_date), ?18), updated = :now WHERE NOT :merge OR "
     "(title, description, policy, status, owner, category, area, measure, decided, "
     "indicator, indicator_key, baseline, baseline_date, target, target_date, result, "
     "result_date) IS NOT (?2, coalesce(?3, description), coalesce(?4, policy), "
     "coalesce(?5, status), coalesce(?6, owner), coalesce(?7, category), coalesce(?8, "
     "area), coalesce(?9, measure), coalesce(?10, decided), coalesce(?11, indicator), "
     "coalesce(?12, indicator_key), coalesce(?13, baseline), coalesce(?14, "
     "baseline_date), coalesce(?15, target), coalesce(?16, target_date), coalesce(?17, "
     "result), coalesce(?18, result_date))"},
    {&store_meeting_upsert,
     "INSERT INTO meeting (id, template, template_version, kind, title, date, start_time, "
     "end_time, place, purpose, target, reached, next_time, created, updated) VALUES (?1, "
     "?2, ?3, ?4, ifnull(?5, ''), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, :now, :now) ON "
     "CONFLICT (id) DO UPDATE SET template = ?2, template_version = ?3, kind = ?4, title = "
     "iif(:merge, coalesce(?5, title), ifnull(?5, '')), date = ?6, start_time = "
     "iif(:merge, coalesce(?7, start_time), ?7), end_time = iif(:merge, coalesce(?8, "
     "end_time), ?8), place = iif(:merge, coalesce(?9, place), ?9), purpose = iif(:merge, "
     "coalesce(?10, purpose), ?10), target = iif(:merge, coalesce(?11, target), ?11), "
     "reached = iif(:merge, coalesce(?12, reached), ?12), next_time = iif(:merge, "
     "coalesce(?13, next_time), ?13), updated = :now WHERE NOT :merge OR (template, "
     "template_version, kind, title, date, start_time, end_time, place, purpose, target, "
     "reached, next_time) IS NOT (?2, ?3, ?4, coalesce(?5, title), ?6, coalesce(?7, "
     "start_time), coalesce(?8, end_time), coalesce(?9, place), coalesce(?10, purpose), "
     "coalesce(?11, target), coalesce(?12, reached), coalesce(?13, next_time))"},
    {&store_participant_upsert,
     "INSERT INTO participant (id, meeting_id, ord, name, organisation, role, present, "
     "profession, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ifnull(?7, 1), ?8, "
     ":now, :now) ON CONFLICT (id) DO UPDATE SET meeting_id = iif(:merge, ?2, "
     "meeting_id), ord = ?3, name = ?4, organisation = iif(:merge, coalesce(?5, "
     "organisation), ?5), role = iif(:merge, coalesce(?6, role), ?6), present = "
     "coalesce(?7, present), profession = iif(:merge, coalesce(?8, profession), ?8), "
     "updated = :now WHERE NOT :merge OR (meeting_id, ord, name, organisation, role, "
     "present, profession) IS NOT (?2, ?3, ?4, coalesce(?5, organisation), coalesce(?6, "
     "role), coalesce(?7, present), coalesce(?8, profession))"},
    {&store_phase_upsert,
     "INSERT INTO phase_timing (case_id, phase, ord, planned_sec, actual_sec, created, "
     "updated) VALUES (?1, ?2, ?3, ?4, ?5, :now, :now) ON CONFLICT (case_id, phase) DO "
     "UPDATE SET ord = ?3, planned_sec = coalesce(?4, planned_sec), actual_sec = "
     "coalesce(?5, actual_sec), updated = :now WHERE NOT :merge OR (ord, planned_sec, "
     "actual_sec) IS NOT (?3, coalesce(?4, planned_sec), coalesce(?5, actual_sec))"},
    {&store_identity_upsert,
     "INSERT INTO person_identity (person_id, name, kana, birth_date, address, phone, "
     "insured_no, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, :now, :now) ON "
     "CONFLICT (person_id) DO UPDATE SET name = iif(:merge, coalesce(?2, name), ?2), kana "
     "= iif(:merge, coalesce(?3, kana), ?3), birth_date = iif(:merge, coalesce(?4, "
     "birth_date), ?4), address = iif(:merge, coalesce(?5, address), ?5), phone = "
     "iif(:merge, coalesce(?6, phone), ?6), insured_no = iif(:merge, coalesce(?7, "
     "insured_no), ?7), updated = :now WHERE (name, kana, birth_date, address, phone, "
     "insured_no) IS NOT (iif(:merge, coalesce(?2, name), ?2), iif(:merge, coalesce(?3, "
     "kana), ?3), iif(:merge, coalesce(?4, birth_date), ?4), iif(:merge, coalesce(?5, "
     "address), ?5), iif(:merge, coalesce(?6, phone), ?6), iif(:merge, coalesce(?7, "
     "insured_no), ?7))"},
    {&store_issue_link_upsert,
     "INSERT INTO regional_issue_case (issue_id, case_id, note, statement, created, "
     "updated) VALUES (?1, ?2, ?3, ?4, :now, :now) ON CONFLICT (issue_id, case_id) DO "
     "UPDATE SET note = iif(:merge, coalesce(?3, note), ?3), statement = coalesce(?4, "
     "statement), updated = :now WHERE (note, statement) IS NOT (iif(:merge, coalesce(?3, "
     "note), ?3), coalesce(?4, statement))"},
    {&store_record_upsert,
     "INSERT INTO form_record (id, meeting_id, case_id, form, form_version, created, "
     "updated) VALUES (?1, ?2, ?3, ?4, ?5, :now, :now) ON CONFLICT (id) DO UPDATE SET "
     "meeting_id = ?2, case_id = ?3, form = ?4, form_version = ?5, updated = :now WHERE "
     "NOT :merge OR (meeting_id, case_id, form, form_version) IS NOT (?2, ?3, ?4, ?5)"},
};

static void test_upsert_text(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof upserts / sizeof upserts[0]; i++) {
		const char *sql = store_upsert_sql(upserts[i].u);
		assert_string_equal(sql, upserts[i].sql);
		assert_ptr_equal(store_upsert_sql(upserts[i].u), sql);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_upsert_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
