// SPDX-License-Identifier: MIT
/*
 * schema_config_lists.c — the parts of the town settings (config.h) that
 * are lists: the professions a participant is recorded by, with the
 * shipped default, and the region overview's answers.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/config.h"
#include "kaigi/xalloc.h"
#include "schema_internal.h"

/* The default list: the people of Toyoake's open conference (seed 001
 * L1886-1895) and the agencies of Kawasaki's evening review (seed 003
 * L4751-4760).  config/config.yaml ships the same list for a town to edit;
 * a test keeps the two equal. */
static struct config_profession default_professions[] = {
    {"centre", {"地域包括支援センター職員", "Community support centre staff"}},
    {"care_manager", {"介護支援専門員（ケアマネジャー）", "Care manager"}},
    {"chief_cm", {"主任介護支援専門員", "Chief care manager"}},
    {"provider", {"サービス事業所職員", "Service provider staff"}},
    {"physician", {"医師", "Physician"}},
    {"dentist", {"歯科医師", "Dentist"}},
    {"pharmacist", {"薬剤師", "Pharmacist"}},
    {"pt", {"理学療法士（PT）", "Physiotherapist (PT)"}},
    {"ot", {"作業療法士（OT）", "Occupational therapist (OT)"}},
    {"st", {"言語聴覚士（ST）", "Speech therapist (ST)"}},
    {"rehab", {"リハビリ職（PT・OT・ST）", "Therapist (PT, OT, ST)"}},
    {"dietitian", {"管理栄養士", "Registered dietitian"}},
    {"dental_hygienist", {"歯科衛生士", "Dental hygienist"}},
    {"phn", {"保健師", "Public-health nurse"}},
    {"nurse", {"看護師", "Nurse"}},
    {"msw", {"医療ソーシャルワーカー（MSW）", "Medical social worker (MSW)"}},
    {"sc", {"生活支援コーディネーター", "Life-support coordinator"}},
    {"scrivener", {"司法書士", "Judicial scrivener"}},
    {"disability", {"障害者基幹相談支援センター", "Core disability support centre"}},
    {"poverty", {"生活困窮者自立相談支援機関", "Self-reliance support for people in need"}},
    {"student", {"実習生", "Student on placement"}},
    {"company", {"民間企業", "Private company"}},
    {"child", {"こども支援機関", "Child support agency"}},
    {"foreign", {"外国人支援機関", "Support for foreign residents"}},
    {"mental_health", {"精神保健福祉センター", "Mental health and welfare centre"}},
    {"rehab_counsel", {"更生相談所", "Rehabilitation counselling office"}},
    {"municipal", {"市町村職員", "Municipal staff"}},
    {"council", {"社会福祉協議会", "Council of social welfare"}},
    {"minsei", {"民生委員・児童委員", "Community welfare volunteer"}},
};

const struct config_profession *config_professions(const struct kaigi_config *cfg, size_t *n)
{
	if (cfg && cfg->nprofessions) {
		*n = cfg->nprofessions;
		return cfg->professions;
	}
	*n = sizeof default_professions / sizeof default_professions[0];
	return default_professions;
}

const char *config_profession_label(const struct kaigi_config *cfg, const char *id,
				    const char *lang)
{
	size_t n;
	const struct config_profession *v = config_professions(cfg, &n);
	for (size_t i = 0; id && i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return schema_label_get(&v[i].label, lang);
	return NULL;
}

const char *config_profession_name(const struct kaigi_config *cfg, const struct schema_meeting *tpl,
				   const char *id, const char *lang)
{
	if (!id)
		return NULL;
	const char *l = config_profession_label(cfg, id, lang);
	if (l)
		return l;
	if (tpl)
		for (size_t i = 0; i < tpl->nroles; i++)
			if (strcmp(tpl->roles[i].id, id) == 0)
				return schema_label_get(&tpl->roles[i].label, lang);
	return NULL;
}

void config_parse_professions(struct loader *l, yaml_node_t *n, struct kaigi_config *cfg)
{
	struct ydoc *y = l->y;
	if (n->type != YAML_SEQUENCE_NODE || ydoc_seq_len(n) == 0) {
		ydoc_error(y, n, "'professions' must be a list of {id: …, label: …}, found %s",
			   ydoc_kind(n));
		return;
	}
	struct schema_id_label *v;
	size_t np = schema_parse_id_labels(l, n, "a profession", "profession id", &v);
	cfg->professions = xcalloc(ydoc_seq_len(n), sizeof *cfg->professions);
	for (size_t i = 0; i < np; i++)
		cfg->professions[i] = (struct config_profession){v[i].id, v[i].label};
	cfg->nprofessions = np;
	free(v);
}

void config_parse_region(struct loader *l, yaml_node_t *n, struct kaigi_config *cfg)
{
	struct ydoc *y = l->y;
	if (n->type != YAML_MAPPING_NODE) {
		ydoc_error(y, n,
			   "'region_overview' must be a mapping of the form region_overview's "
			   "field ids to values, found %s",
			   ydoc_kind(n));
		return;
	}
	size_t np = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	cfg->region = xcalloc(np ? np : 1, sizeof *cfg->region);
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&y->doc, p->value);
		const char *ks = ydoc_scalar(k), *vs = ydoc_scalar(v);
		if (!ks || !schema_check_id(l, k, ks, "field id"))
			continue;
		if (!vs) {
			ydoc_error(y, v ? v : k, "'%s' must be a number or a text, found %s", ks,
				   ydoc_kind(v));
			continue;
		}
		struct config_answer *a = &cfg->region[cfg->nregion++];
		a->field = xstrdup(ks);
		a->value = xstrdup(vs);
	}
}

void config_lists_free(struct kaigi_config *cfg)
{
	for (size_t i = 0; i < cfg->nprofessions; i++) {
		free(cfg->professions[i].id);
		schema_label_free(&cfg->professions[i].label);
	}
	free(cfg->professions);
	for (size_t i = 0; i < cfg->nregion; i++) {
		free(cfg->region[i].field);
		free(cfg->region[i].value);
	}
	free(cfg->region);
}
