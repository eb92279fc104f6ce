/* SPDX-License-Identifier: MIT */
/*
 * report_policy.h — a meeting's agenda of register issues and its own
 * records, and the policy meeting's decisions on a case
 * (report_policy.c; internal).
 */
#ifndef KAIGI_REPORT_POLICY_H
#define KAIGI_REPORT_POLICY_H

#include "report_build.h"

/* The agenda with decisions (a policy meeting) and the meeting-level
 * records (a planning meeting's sheets), each its own section. */
enum kaigi_status report_build_meeting_extra_add(struct report_build *b, const char *meeting_id,
						 struct kaigi_error *err);
/* Only the sheets of form in meeting_id: its own records of that form,
 * else those of its cases (with no person); KAIGI_EDATA when none. */
enum kaigi_status report_build_sheet_add(struct report_build *b, const char *meeting_id,
					 const char *form, struct kaigi_error *err);
/* The policy meeting's decisions that reach case c, into s. */
enum kaigi_status report_build_case_decisions_add(struct report_build *b,
						  const struct store_case *c,
						  struct report_section *s,
						  struct kaigi_error *err);

#endif
