// SPDX-License-Identifier: MIT
/*
 * cmd_sync.c — `kaigi sync`: export and import encrypted bundles, list and
 * settle conflicts, show the state per peer (doc/sync.md).
 *
 * Every bundle named on an import is read, checked against this laptop's
 * town and schema, decrypted and verified before the database is touched;
 * any failure leaves it byte-for-byte as it was (exit 1).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "kaigi/config.h"
#include "kaigi/file.h"
#include "kaigi/sync.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"

#define PASS_MAX 1024

static int bad_usage(const char *why)
{
	return cmd_usage_error("sync", "%s", why);
}

/* The town (config.yaml `sync: town:`, else the town's name) and the
 * passphrase policy. */
static int town_policy(char **town, long *min)
{
	struct kaigi_config cfg;
	struct kaigi_diags d = {0};
	cmd_load_config(&cfg, &d);
	if (d.n) {
		cmd_print_diags(&d);
		kaigi_diags_free(&d);
		config_free(&cfg);
		return KAIGI_EDATA;
	}
	kaigi_diags_free(&d);
	const char *t = cfg.sync_town;
	if (!t || !*t)
		t = schema_label_get(&cfg.town, "ja");
	*town = xstrdup(t ? t : "");
	*min = cfg.sync_passphrase_min > SYNC_PASSPHRASE_MIN ? cfg.sync_passphrase_min
							     : SYNC_PASSPHRASE_MIN;
	config_free(&cfg);
	if (!**town) {
		fprintf(stderr, "kaigi sync: the town is not set: add `sync: {town: NAME}` to the "
				"settings (config.yaml; doc/sync.md)\n");
		free(*town);
		*town = NULL;
		return KAIGI_EDATA;
	}
	return 0;
}

static char *pass_from_file(const char *path, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	struct kaigi_error err;
	if (kaigi_file_read(path, PASS_MAX, "a passphrase file", &buf, &n, &err) != KAIGI_OK) {
		cmd_print_error(&err);
		return NULL;
	}
	char *nl = strpbrk(buf, "\r\n");
	if (nl)
		*nl = '\0';
	*len = strlen(buf);
	return buf;
}

static char *ask(int fd, const char *prompt, size_t *len)
{
	struct termios old, quiet;
	bool tty = tcgetattr(fd, &old) == 0;
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	if (write(fd, prompt, strlen(prompt)) < 0) {
		/* nothing to do: the read below still works */
	}
	char *buf = xcalloc(PASS_MAX, 1);
	size_t n = 0;
	char c;
	while (n + 1 < PASS_MAX && read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
		buf[n++] = c;
	if (tty) {
		tcsetattr(fd, TCSAFLUSH, &old);
		if (write(fd, "\n", 1) < 0) {
			/* ignored */
		}
	}
	*len = n;
	return buf;
}

/* --passphrase-file, else $KAIGI_PASSPHRASE_FILE, else the terminal
 * (twice when confirm). */
static char *passphrase(const char *file, bool confirm, size_t *len)
{
	if (!file || !*file)
		file = getenv("KAIGI_PASSPHRASE_FILE");
	if (file && *file)
		return pass_from_file(file, len);
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "kaigi sync: no passphrase: give --passphrase-file FILE or set "
				"KAIGI_PASSPHRASE_FILE (no terminal to ask on)\n");
		return NULL;
	}
	char *p = ask(fd, "passphrase (合言葉): ", len);
	if (confirm) {
		size_t l2 = 0;
		char *again = ask(fd, "again (もう一度): ", &l2);
		if (l2 != *len || memcmp(again, p, l2) != 0) {
			fprintf(stderr, "kaigi sync: the two passphrases differ\n");
			free(again);
			free(p);
			close(fd);
			return NULL;
		}
		free(again);
	}
	close(fd);
	return p;
}

static void wipe_free(char *p, size_t n)
{
	if (!p)
		return;
	volatile char *v = p;
	for (size_t i = 0; i < n; i++)
		v[i] = 0;
	free(p);
}

static void fmt_time(long long ms, char *out, size_t n)
{
	if (ms <= 0) {
		snprintf(out, n, "never");
		return;
	}
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%d %H:%M", &tm);
}

/* The town this database belongs to: pinned at its first exchange. */
static int db_town_ok(struct store *st, const char *town)
{
	char *pinned = NULL;
	struct kaigi_error err;
	if (store_sync_town(st, &pinned, &err) != KAIGI_OK) {
		return cmd_fail(&err);
	}
	int rc = 0;
	if (*pinned && strcmp(pinned, town) != 0) {
		fprintf(
		    stderr,
		    "kaigi sync: this database belongs to town '%s', but the settings say '%s'; "
		    "nothing was changed\n",
		    pinned, town);
		rc = KAIGI_EDATA;
	}
	free(pinned);
	return rc;
}

static int cmd_sync_export_run(const struct cmd_opts *opts, int argc, char **argv)
{
	const char *to = NULL, *out = NULL, *pfile = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			to = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--passphrase-file") == 0 && i + 1 < argc)
			pfile = argv[++i];
		else
			return bad_usage("export: unexpected argument");
	}
	if (!out)
		return bad_usage("export needs -o FILE");
	char *town = NULL;
	long min = 0;
	int rc = town_policy(&town, &min);
	if (rc)
		return rc;
	struct cmd_store cs;
	rc = cmd_store_open(&cs, opts, STORE_READ_WRITE);
	if (rc) {
		free(town);
		return rc;
	}
	struct kaigi_error err;
	char peer[SYNC_ID_SIZE] = "";
	rc = db_town_ok(cs.st, town);
	if (!rc && to && store_sync_peer_find(cs.st, to, peer, &err) != KAIGI_OK) {
		rc = cmd_fail(&err);
	}
	size_t plen = 0;
	char *pass = NULL;
	if (!rc) {
		pass = passphrase(pfile, true, &plen);
		if (!pass)
			rc = KAIGI_EUSAGE;
		else if (utf8_chars(pass) < (size_t)min) {
			fprintf(
			    stderr,
			    "kaigi sync: the passphrase is too short: %zu characters; the town's "
			    "policy asks for at least %ld\n",
			    utf8_chars(pass), min);
			rc = KAIGI_EDATA;
		}
	}
	struct sync_payload p = {0};
	if (!rc && store_sync_collect(cs.st, to ? peer : NULL, &p, &err) != KAIGI_OK) {
		rc = cmd_fail(&err);
	}
	if (!rc) {
		unsigned char *buf = NULL;
		size_t len = 0;
		sync_payload_encode(&p, &buf, &len);
		struct sync_header h = {.format = SYNC_FORMAT_VERSION,
					.schema = store_schema_version(),
					.created = store_now_ms()};
		snprintf(h.site, sizeof h.site, "%s", p.site);
		snprintf(h.site_name, sizeof h.site_name, "%s", p.site_name);
		snprintf(h.town, sizeof h.town, "%s", town);
		sync_kdf_limits(&h.opslimit, &h.memlimit);
		if (sync_bundle_write(out, &h, buf, len, pass, plen, &err) != KAIGI_OK ||
		    store_sync_sent(cs.st, to ? peer : NULL, &p, town, &err) != KAIGI_OK) {
			rc = cmd_fail(&err);
		} else {
			printf("%s: %zu change set%s from %s%s%s for %s\n", out, p.n,
			       p.n == 1 ? "" : "s", p.site_name[0] ? p.site_name : "this site",
			       p.site_name[0] ? "" : " ", p.site_name[0] ? "" : p.site,
			       to ? to : "anyone (everything)");
		}
		wipe_free((char *)buf, len);
	}
	sync_payload_free(&p);
	wipe_free(pass, plen);
	free(town);
	cmd_store_close(&cs);
	return rc;
}

struct loaded {
	char *buf;
	size_t len;
	struct sync_header h;
	struct sync_payload p;
};

static int cmd_sync_import_run(const struct cmd_opts *opts, int argc, char **argv)
{
	const char *pfile = NULL;
	const char **files = xcalloc((size_t)argc, sizeof *files);
	size_t nf = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--passphrase-file") == 0 && i + 1 < argc)
			pfile = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return free(files), bad_usage("import: unknown option");
		else
			files[nf++] = argv[i];
	}
	if (!nf) {
		free(files);
		return bad_usage("import needs at least one FILE");
	}
	char *town = NULL;
	long min = 0;
	int rc = town_policy(&town, &min);
	struct loaded *l = xcalloc(nf, sizeof *l);
	struct kaigi_error err;
	/* 1. Read every file and check its clear header. */
	for (size_t i = 0; i < nf && !rc; i++) {
		if (kaigi_file_read(files[i], SYNC_BUNDLE_MAX, "a sync bundle", &l[i].buf,
				    &l[i].len, &err) != KAIGI_OK) {
			rc = cmd_fail(&err);
			break;
		}
		size_t body;
		if (sync_bundle_header(files[i], (unsigned char *)l[i].buf, l[i].len, &l[i].h,
				       &body, &err) != KAIGI_OK) {
			rc = cmd_fail(&err);
		} else if (strcmp(l[i].h.town, town) != 0) {
			fprintf(stderr,
				"%s: error: the bundle is from town '%s'; this laptop belongs to "
				"'%s'; nothing was changed\n",
				files[i], l[i].h.town, town);
			rc = KAIGI_EDATA;
		} else if (l[i].h.schema > store_schema_version()) {
			fprintf(
			    stderr,
			    "%s: error: the bundle was written by a newer kaigi (schema %d; this "
			    "one knows up to %d): upgrade kaigi here first; nothing was changed\n",
			    files[i], l[i].h.schema, store_schema_version());
			rc = KAIGI_EDATA;
		} else if (l[i].h.schema < store_schema_version()) {
			fprintf(
			    stderr,
			    "%s: error: the bundle was written by an older kaigi (schema %d; this "
			    "one has %d): upgrade kaigi on the sending laptop and export again; "
			    "nothing was changed\n",
			    files[i], l[i].h.schema, store_schema_version());
			rc = KAIGI_EDATA;
		}
	}
	/* 2. Decrypt and verify every file, then parse the payloads: all
	 * before the database is even opened (opening may upgrade it). */
	size_t plen = 0;
	char *pass = NULL;
	if (!rc && !(pass = passphrase(pfile, false, &plen)))
		rc = KAIGI_EUSAGE;
	for (size_t i = 0; i < nf && !rc; i++) {
		unsigned char *pl = NULL;
		size_t n = 0;
		if (sync_bundle_open(files[i], (unsigned char *)l[i].buf, l[i].len, pass, plen, &pl,
				     &n, &err) != KAIGI_OK ||
		    sync_payload_parse(files[i], pl, n, &l[i].p, &err) != KAIGI_OK) {
			rc = cmd_fail(&err);
		} else if (strcmp(l[i].p.site, l[i].h.site) != 0) {
			fprintf(stderr,
				"%s: error: the bundle's sealed site differs from its header; "
				"nothing was changed\n",
				files[i]);
			rc = KAIGI_EDATA;
		}
		wipe_free((char *)pl, n);
	}
	wipe_free(pass, plen);
	/* 3. Apply them all in one transaction. */
	struct cmd_store cs = {0};
	bool opened = false;
	if (!rc) {
		rc = cmd_store_open(&cs, opts, STORE_READ_WRITE);
		opened = rc == 0;
	}
	if (!rc)
		rc = db_town_ok(cs.st, town);
	if (!rc) {
		struct sync_payload **pv = xcalloc(nf, sizeof *pv);
		for (size_t i = 0; i < nf; i++)
			pv[i] = &l[i].p;
		struct sync_import_result res;
		if (store_sync_import(cs.st, pv, nf, town, &res, &err) != KAIGI_OK) {
			rc = cmd_fail(&err);
		} else {
			for (size_t i = 0; i < nf; i++)
				printf("%s: from %s (%.8s), %zu change set%s\n", files[i],
				       l[i].h.site_name[0] ? l[i].h.site_name : "-", l[i].h.site,
				       l[i].p.n, l[i].p.n == 1 ? "" : "s");
			printf("applied %zu, already here %zu, waiting for earlier bundles %zu, "
			       "decisions carried out %zu\n",
			       res.applied, res.known, res.waiting, res.decisions);
			if (res.conflicts)
				printf("%zu new conflict%s: see `kaigi sync conflicts` (the local "
				       "values were kept)\n",
				       res.conflicts, res.conflicts == 1 ? "" : "s");
		}
		free(pv);
	}
	for (size_t i = 0; i < nf; i++) {
		free(l[i].buf);
		sync_payload_free(&l[i].p);
	}
	free(l);
	free(files);
	free(town);
	if (opened)
		cmd_store_close(&cs);
	return rc;
}

static void print_value(const struct kaigi_value *v)
{
	switch (v->type) {
	case KAIGI_NULL:
		printf("(none)");
		break;
	case KAIGI_INT:
		printf("%lld", v->i);
		break;
	case KAIGI_REAL:
		printf("%g", v->r);
		break;
	case KAIGI_TEXT:
		printf("%s", v->s);
		break;
	}
}

/* ctx: a bool, true for the settled conflicts too (--all). */
static int conflicts_list(struct cmd_store *cs, void *ctx)
{
	bool all = *(const bool *)ctx;
	struct sync_conflicts c;
	struct kaigi_error err;
	if (store_sync_conflicts(cs->st, all, &c, &err) != KAIGI_OK)
		return cmd_fail(&err);
	for (size_t i = 0; i < c.n; i++) {
		const struct sync_conflict *x = &c.v[i];
		char lt[32], it[32];
		fmt_time(x->local_at, lt, sizeof lt);
		fmt_time(x->incoming_at, it, sizeof it);
		printf("#%lld  %s  %s%s%s%s\n", x->id, x->kind, x->row, x->col[0] ? " [" : "",
		       x->col, x->col[0] ? "]" : "");
		printf("    here:     ");
		print_value(&x->local);
		printf("  (%s, %s)\n", x->local_who ? x->local_who : "-", lt);
		printf("    incoming: ");
		print_value(&x->incoming);
		printf("  (%s, %s, site %.8s)\n", x->incoming_who ? x->incoming_who : "-", it,
		       x->incoming_site);
		if (!x->open)
			printf("    resolved: %s\n", x->resolution ? x->resolution : "");
	}
	if (!c.n)
		printf(all ? "no conflicts\n" : "no open conflicts\n");
	sync_conflicts_free(&c);
	return 0;
}

static int cmd_sync_conflicts_run(const struct cmd_opts *opts, int argc, char **argv)
{
	bool all = argc > 1 && strcmp(argv[1], "--all") == 0;
	if (argc > (all ? 2 : 1))
		return bad_usage("conflicts takes only --all");
	return cmd_store_run(opts, STORE_READ_ONLY, conflicts_list, &all);
}

struct resolve_args {
	long long id;
	enum sync_keep keep;
	const char *how; /* local, incoming, or the new text */
};

static int resolve(struct cmd_store *cs, void *ctx)
{
	const struct resolve_args *a = ctx;
	struct kaigi_error err;
	if (store_sync_resolve(cs->st, a->id, a->keep, a->keep == SYNC_KEEP_TEXT ? a->how : NULL,
			       &err) != KAIGI_OK)
		return cmd_fail(&err);
	printf("conflict %lld resolved (%s); the decision travels with the next export\n", a->id,
	       a->keep == SYNC_KEEP_TEXT ? "new text" : a->how);
	return 0;
}

static int cmd_sync_resolve_run(const struct cmd_opts *opts, int argc, char **argv)
{
	if (argc != 4 || strcmp(argv[2], "--keep") != 0)
		return bad_usage("resolve needs ID --keep local|incoming|TEXT");
	char *end = NULL;
	long long id = strtoll(argv[1][0] == '#' ? argv[1] + 1 : argv[1], &end, 10);
	if (!end || *end || id <= 0)
		return bad_usage("resolve: ID is a number from `kaigi sync conflicts`");
	struct resolve_args a = {
	    .id = id,
	    .keep = strcmp(argv[3], "local") == 0      ? SYNC_KEEP_LOCAL
		    : strcmp(argv[3], "incoming") == 0 ? SYNC_KEEP_INCOMING
						       : SYNC_KEEP_TEXT,
	    .how = argv[3],
	};
	return cmd_store_run(opts, STORE_READ_WRITE, resolve, &a);
}

static int status_show(struct cmd_store *cs, void *ctx)
{
	(void)ctx;
	struct sync_status s;
	struct kaigi_error err;
	if (store_sync_status(cs->st, &s, &err) != KAIGI_OK)
		return cmd_fail(&err);
	printf("this site: %s %s\ntown: %s\nchange sets: %lld (%lld made here), waiting: %lld, "
	       "open conflicts: %lld\n",
	       s.site, s.name[0] ? s.name : "(no name: kaigi sync name NAME)",
	       s.town[0] ? s.town : "(set at the first exchange)", s.entries, s.own_entries,
	       s.pending, s.open_conflicts);
	if (!s.npeers)
		printf("no peers yet (a peer is known once one of its bundles is imported)\n");
	for (size_t i = 0; i < s.npeers; i++) {
		const struct sync_peer_status *p = &s.peers[i];
		char r[32], w[32];
		fmt_time(p->last_received, r, sizeof r);
		fmt_time(p->last_sent, w, sizeof w);
		printf("peer %s (%.8s): received %s (%lld change set%s), sent %s (%lld change "
		       "set%s), not yet sent %lld\n",
		       p->name && p->name[0] ? p->name : "-", p->site, r, p->received_entries,
		       p->received_entries == 1 ? "" : "s", w, p->sent_entries,
		       p->sent_entries == 1 ? "" : "s", p->unsent);
	}
	sync_status_free(&s);
	return 0;
}

static int cmd_sync_status_run(const struct cmd_opts *opts, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return bad_usage("status takes no argument");
	return cmd_store_run(opts, STORE_READ_WRITE, status_show, NULL);
}

/* ctx: the name. */
static int name_set(struct cmd_store *cs, void *ctx)
{
	struct kaigi_error err;
	return store_sync_set_name(cs->st, ctx, &err) != KAIGI_OK ? cmd_fail(&err) : 0;
}

static int cmd_sync_name_run(const struct cmd_opts *opts, int argc, char **argv)
{
	if (argc != 2 || !*argv[1])
		return bad_usage("name needs NAME (e.g. the centre's name)");
	return cmd_store_run(opts, STORE_READ_WRITE, name_set, argv[1]);
}

int cmd_sync_run(const struct cmd_opts *opts, int argc, char **argv)
{
	(void)opts;
	(void)argv;
	return bad_usage(argc < 2 ? "which one?" : "unknown sync command");
}

const struct cmd_sub cmd_sync_subs[] = {
    {"export", "export [--to PEER] -o FILE [--passphrase-file FILE]", cmd_sync_export_run},
    {"import", "import [--passphrase-file FILE] FILE...", cmd_sync_import_run},
    {"conflicts", "conflicts [--all]", cmd_sync_conflicts_run},
    {"resolve", "resolve ID --keep local|incoming|TEXT", cmd_sync_resolve_run},
    {"status", "status", cmd_sync_status_run},
    {"name", "name NAME", cmd_sync_name_run},
    {0},
};
