// SPDX-License-Identifier: MIT
/*
 * store_import_policy.c — a policy meeting's agenda in a record file: the
 * issues of the register it took up, in order, with what it decided
 * (policy_agenda).  A register issue's measure and numbers are keys of the
 * regional issue itself (store_import_entity.c).  Checked the same way as
 * the rest of the file (FILE:LINE:COL, all or nothing).
 */
#include "store_import.h"

static const struct imp_key agenda_keys[] = {
    {.key = "issue", .kind = IMP_TEXT}, {.key = "decision", .kind = IMP_TEXT, .param = 4}, {0}};
static const struct imp_entity agenda = {
    .what = "an issue on the agenda",
    .keys = agenda_keys,
    .missing = "give the regional issue's title (issue: …)",
    .saving = "putting an issue on the agenda",
    .p_parent = 1,
    .p_ref = 2,
    .p_ord = 3,
    .p_now = 5,
    .sql = "INSERT INTO policy_agenda (meeting_id, issue_id, ord, decision, created, updated) "
	   "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (meeting_id, issue_id) DO UPDATE SET "
	   "ord = ?3, decision = coalesce(?4, decision), updated = ?5 WHERE (ord, decision) IS "
	   "NOT (?3, coalesce(?4, decision))",
};

void imp_agenda_item(struct imp *im, const yaml_node_t *n, const char *meeting_id, size_t ord)
{
	struct imp_val v[IMP_MAX_KEYS];
	char issue_id[STORE_ID_SIZE];
	if (imp_read(im, n, &agenda, v) && imp_issue_ref(im, &v[0], issue_id))
		imp_write(im, &agenda, v,
			  &(struct imp_row){.parent = meeting_id, .ref = issue_id, .ord = ord}, n);
}
