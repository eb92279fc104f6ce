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
    {.key = "issue", .kind = IMP_TEXT}, {.key = "decision", .kind = IMP_TEXT}, {0}};
static const struct imp_entity agenda = {
    .what = "an issue on the agenda",
    .keys = agenda_keys,
    .missing = "give the regional issue's title (issue: …)",
};

void imp_agenda_item(struct imp *im, const yaml_node_t *n, const char *meeting_id, size_t ord)
{
	struct imp_val v[IMP_MAX_KEYS];
	char issue_id[STORE_ID_SIZE];
	if (!imp_read(im, n, &agenda, v) || !imp_issue_ref(im, &v[0], issue_id))
		return;
	struct store_write w = {.merge = true, .now = im->now};
	struct kaigi_error err;
	imp_wrote(
	    im, n,
	    store_agenda_write(im->st, meeting_id, issue_id, (long long)ord, v[1].text, &w, &err),
	    &w, &err);
}
