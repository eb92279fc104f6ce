// SPDX-License-Identifier: MIT
/*
 * schema_meeting.c — meeting templates: the kind of meeting, its phases with
 * minutes and facilitator prompts, the roles expected, the forms a case uses.
 *
 * The flow of a case is data so that each town can tune its own meeting;
 * the UI's phase timer and prompts come from here.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "schema_internal.h"

static const char *const meeting_keys[] = {
    "meeting", "version", "kind",  "title",  "description",     "minutes",       "case_minutes",
    "cases",   "roles",   "forms", "phases", "reserve_minutes", "meeting_forms", NULL};
static const char *const phase_keys[] = {"id", "title", "minutes", "prompts", NULL};
static const char *const cases_keys[] = {"min", "max", NULL};

static void parse_phase(struct loader *l, yaml_node_t *n, struct schema_meeting *m,
			struct schema_phase *p)
{
	struct ydoc *y = l->y;
	const char *id;
	yaml_node_t *idn;
	if (!schema_item_start(l, n, "a phase", phase_keys, "phase id", &p->pos, &id, &idn))
		return;
	if (id) {
		for (struct schema_phase *o = m->phases; o < p; o++)
			if (o->id && strcmp(o->id, id) == 0)
				ydoc_error(y, idn, "duplicate phase id '%s' (first at line %d)", id,
					   o->pos.line);
		p->id = xstrdup(id);
	}
	schema_parse_label(l, n, "title", true, &p->title);
	long minutes = 0;
	if (ydoc_get_int(y, n, "minutes", true, 0, 600, &minutes))
		p->minutes = (int)minutes;
	yaml_node_t *pr = ydoc_map_get(y, n, "prompts");
	if (pr == NULL)
		return;
	if (pr->type != YAML_SEQUENCE_NODE) {
		ydoc_error(y, pr, "'prompts' must be a list of texts, found %s", ydoc_kind(pr));
		return;
	}
	size_t np = ydoc_seq_len(pr);
	p->prompts = xcalloc(np + 1, sizeof *p->prompts);
	for (size_t i = 0; i < np && !y->stop; i++) {
		yaml_node_t *item = ydoc_seq_at(y, pr, i);
		if (item == NULL)
			break;
		const char *s = ydoc_scalar(item);
		struct schema_label *lab = &p->prompts[p->nprompts];
		if (s && *s) {
			lab->ja = xstrdup(s);
			lab->en = xstrdup(s);
			p->nprompts++;
			continue;
		}
		if (item->type != YAML_MAPPING_NODE) {
			ydoc_error(y, item, "a prompt must be a text or {ja: …, en: …}, found %s",
				   ydoc_kind(item));
			continue;
		}
		static const char *const lk[] = {"ja", "en", NULL};
		ydoc_map_check(y, item, "a prompt (a text, or {ja: …, en: …})", lk);
		const char *ja = NULL, *en = NULL;
		if (!ydoc_get_str(y, item, "ja", false, &ja, NULL) ||
		    !ydoc_get_str(y, item, "en", false, &en, NULL))
			continue;
		if (ja && *ja == '\0')
			ja = NULL;
		if (en && *en == '\0')
			en = NULL;
		if (!ja && !en) {
			ydoc_error(y, item, "a prompt needs a 'ja' or an 'en' text");
			continue;
		}
		lab->ja = xstrdup_or_null(ja);
		lab->en = xstrdup_or_null(en);
		p->nprompts++;
	}
}

static void parse_roles(struct loader *l, yaml_node_t *n, struct schema_meeting *m)
{
	struct ydoc *y = l->y;
	if (n->type != YAML_SEQUENCE_NODE) {
		ydoc_error(y, n, "'roles' must be a list of {id: …, label: …}, found %s",
			   ydoc_kind(n));
		return;
	}
	struct schema_id_label *v;
	size_t nr = schema_parse_id_labels(l, n, "a role", "role id", &v);
	m->roles = xcalloc(ydoc_seq_len(n) + 1, sizeof *m->roles);
	for (size_t i = 0; i < nr; i++)
		m->roles[i] = (struct schema_role){v[i].id, v[i].label};
	m->nroles = nr;
	free(v);
}

/* A list of form ids under key (forms, meeting_forms) into *ids, *pos, *count. */
static void parse_forms(struct loader *l, yaml_node_t *n, const char *key, char ***ids,
			struct schema_pos **pos, size_t *count)
{
	struct ydoc *y = l->y;
	size_t nf = ydoc_seq_nonempty(y, n, key, "form id"), k = 0;
	if (nf == 0)
		return;
	char **v = xcalloc(nf + 1, sizeof *v);
	struct schema_pos *p = xcalloc(nf + 1, sizeof *p);
	for (size_t i = 0; i < nf && !y->stop; i++) {
		yaml_node_t *fn = ydoc_seq_at(y, n, i);
		const char *id = ydoc_scalar(fn);
		if (id == NULL) {
			ydoc_error(y, fn ? fn : n, "a form id must be a text, found %s",
				   ydoc_kind(fn));
			continue;
		}
		if (!schema_check_id(l, fn, id, "form id"))
			continue;
		bool dup = false;
		for (size_t j = 0; j < k; j++)
			if (strcmp(v[j], id) == 0)
				dup = true;
		if (dup) {
			ydoc_error(y, fn, "form '%s' is listed twice", id);
			continue;
		}
		p[k] = (struct schema_pos){ydoc_line(fn), ydoc_col(fn)};
		v[k++] = xstrdup(id);
	}
	*ids = v;
	*pos = p;
	*count = k;
}

/* Phase i of the template being read (schema_parse_items). */
static void phase_item(struct loader *l, yaml_node_t *n, void *v, size_t i)
{
	l->meeting->phases = v;
	l->meeting->nphases = i + 1;
	parse_phase(l, n, l->meeting, &l->meeting->phases[i]);
}

struct schema_meeting *schema_parse_meeting(struct loader *l, yaml_node_t *root)
{
	struct ydoc *y = l->y;
	struct schema_meeting *m = xcalloc(1, sizeof *m);
	m->pos = (struct schema_pos){ydoc_line(root), ydoc_col(root)};
	ydoc_map_check(y, root, "a meeting template", meeting_keys);
	schema_parse_head(l, root, "meeting", "meeting id", &m->id, &m->version);
	const char *kind = NULL;
	yaml_node_t *kn = NULL;
	if (ydoc_get_str(y, root, "kind", true, &kind, &kn) &&
	    schema_check_id(l, kn, kind, "meeting kind"))
		m->kind = xstrdup(kind);
	schema_parse_label(l, root, "title", true, &m->title);
	schema_parse_label(l, root, "description", false, &m->description);
	long minutes = 0;
	if (ydoc_get_int(y, root, "minutes", false, 1, 1440, &minutes))
		m->minutes = (int)minutes;
	/* The time plan (plan.h): a slot's most, and what the meeting keeps
	 * for itself; both only make sense inside the meeting's minutes. */
	long budget = 0, reserve = 0;
	yaml_node_t *bn = ydoc_map_get(y, root, "case_minutes");
	if (ydoc_get_int(y, root, "case_minutes", false, 1, 1440, &budget))
		m->case_minutes = (int)budget;
	yaml_node_t *rn = ydoc_map_get(y, root, "reserve_minutes");
	if (ydoc_get_int(y, root, "reserve_minutes", false, 0, 1440, &reserve))
		m->reserve_minutes = (int)reserve;
	if (bn && !m->minutes)
		ydoc_error(y, bn, "'case_minutes' needs the meeting's 'minutes'");
	if (rn && m->minutes && reserve >= m->minutes)
		ydoc_error(y, rn, "'reserve_minutes' (%ld) leaves no time for cases in %d minutes",
			   reserve, m->minutes);
	yaml_node_t *cases = ydoc_map_get(y, root, "cases");
	if (cases && ydoc_map_check(y, cases, "'cases' ({min: …, max: …})", cases_keys)) {
		long mn = 0, mx = 0;
		ydoc_get_int(y, cases, "min", false, 0, 100, &mn);
		ydoc_get_int(y, cases, "max", false, 0, 100, &mx);
		if (mx && mn > mx)
			ydoc_error(y, cases, "cases: 'min' (%ld) is larger than 'max' (%ld)", mn,
				   mx);
		m->cases_min = (int)mn;
		m->cases_max = (int)mx;
	}
	yaml_node_t *roles = ydoc_map_get(y, root, "roles");
	if (roles)
		parse_roles(l, roles, m);
	yaml_node_t *forms = ydoc_map_want(y, root, "forms", true);
	if (forms)
		parse_forms(l, forms, "forms", &m->forms, &m->forms_pos, &m->nforms);
	yaml_node_t *own = ydoc_map_get(y, root, "meeting_forms");
	if (own)
		parse_forms(l, own, "meeting_forms", &m->meeting_forms, &m->meeting_forms_pos,
			    &m->nmeeting_forms);
	l->meeting = m;
	schema_parse_items(l, root, "phases", "phase", sizeof *m->phases, phase_item);
	l->meeting = NULL;
	return m;
}

void schema_meeting_free(struct schema_meeting *m)
{
	if (m == NULL)
		return;
	free(m->id);
	free(m->kind);
	free(m->source);
	schema_label_free(&m->title);
	schema_label_free(&m->description);
	for (size_t i = 0; i < m->nphases; i++) {
		struct schema_phase *p = &m->phases[i];
		free(p->id);
		schema_label_free(&p->title);
		for (size_t j = 0; j < p->nprompts; j++)
			schema_label_free(&p->prompts[j]);
		free(p->prompts);
	}
	free(m->phases);
	for (size_t i = 0; i < m->nroles; i++) {
		free(m->roles[i].id);
		schema_label_free(&m->roles[i].label);
	}
	free(m->roles);
	xfree_strings(m->forms, m->nforms);
	free(m->forms_pos);
	xfree_strings(m->meeting_forms, m->nmeeting_forms);
	free(m->meeting_forms_pos);
	free(m);
}
