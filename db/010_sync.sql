-- SPDX-License-Identifier: MIT
-- 010_sync.sql — several laptops, one town: offline sync by encrypted
-- bundles of SQLite session changesets (doc/sync.md, issue 10).
--
--   * Every database is a site with its own UUID (setting 'site_id'), made
--     here once.  A copy of a database file is the same site: a second
--     laptop starts from an empty database and an imported bundle instead.
--   * Travelling rows: meeting, participant, person, case_review,
--     phase_timing, form_record, list_item, answer, regional_issue,
--     regional_issue_case, and sync_decision below.  Each has a declared
--     primary key of travelling values (a UUID, or a composite of UUIDs and
--     form ids), none a local rowid; tests/store/test_sync.c checks it.
--     setting, audit, search_doc/search_fts and the sync_* tables other than
--     sync_decision are this laptop's own and never travel.
--   * sync_log holds every change set this database knows, its own and
--     those received, in the order it learnt them: a site's own entries
--     are numbered 1, 2, 3 … (origin_seq), so "what has PEER not seen"
--     is a comparison of numbers (sync_peer_has), and applying the same
--     entry twice is impossible (UNIQUE (origin, origin_seq)).
CREATE TABLE sync_log (
	seq INTEGER PRIMARY KEY,          -- local order (causal: an entry's
	                                  -- dependencies always come before it)
	origin TEXT NOT NULL CHECK (length(origin) = 36), -- the site that made it
	origin_seq INTEGER NOT NULL CHECK (origin_seq >= 1),
	at INTEGER NOT NULL,              -- when it was made (ms since 1970)
	actor TEXT NOT NULL,              -- kaigi_actor() of who made it
	deps TEXT NOT NULL DEFAULT '',    -- 'site:seq;…' it needs applied first
	changeset BLOB NOT NULL,          -- an SQLite session changeset
	sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
	received INTEGER,                 -- when it arrived here; NULL: made here
	via TEXT,                         -- the site whose bundle brought it
	UNIQUE (origin, origin_seq)
) STRICT;

-- Entries received before an entry they depend on: applied as soon as it
-- comes (bundles may arrive in any order).
CREATE TABLE sync_pending (
	origin TEXT NOT NULL,
	origin_seq INTEGER NOT NULL,
	at INTEGER NOT NULL,
	actor TEXT NOT NULL,
	deps TEXT NOT NULL DEFAULT '',
	changeset BLOB NOT NULL,
	received INTEGER NOT NULL,
	via TEXT,
	PRIMARY KEY (origin, origin_seq)
) STRICT, WITHOUT ROWID;

-- The other sites this one has exchanged with.
CREATE TABLE sync_peer (
	site TEXT PRIMARY KEY NOT NULL CHECK (length(site) = 36),
	name TEXT NOT NULL DEFAULT '',
	last_received INTEGER,    -- when a bundle from it was last imported
	last_sent INTEGER,        -- when a bundle for it was last exported
	received_entries INTEGER NOT NULL DEFAULT 0,
	sent_entries INTEGER NOT NULL DEFAULT 0
) STRICT;

-- What each peer holds, as far as this site knows: for each origin, the
-- highest origin_seq (peers hold every entry of an origin up to it).
CREATE TABLE sync_peer_has (
	peer TEXT NOT NULL,
	origin TEXT NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (peer, origin)
) STRICT, WITHOUT ROWID;

-- Conflicts found while applying a bundle: the local value stayed, the
-- incoming one is kept here until a person decides (kaigi sync resolve).
CREATE TABLE sync_conflict (
	id INTEGER PRIMARY KEY,
	found INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('both-changed', 'both-added', 'deleted-there',
		'deleted-here', 'duplicate', 'foreign-key')),
	tbl TEXT NOT NULL,
	pk TEXT NOT NULL,         -- JSON array of the row's primary key values
	col TEXT NOT NULL DEFAULT '', -- the column, or '' for the whole row
	local_value ANY,          -- the value here (a JSON object for a row)
	incoming_value ANY,       -- the other side's (a JSON object for a row)
	local_who TEXT,
	local_at INTEGER,
	incoming_who TEXT,
	incoming_at INTEGER,
	incoming_site TEXT NOT NULL,
	origin_seq INTEGER NOT NULL,
	state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
	resolution TEXT,          -- 'local', 'incoming', 'text' or 'decided at SITE'
	resolved_by TEXT,
	resolved_at INTEGER,
	UNIQUE (incoming_site, origin_seq, tbl, pk, col)
) STRICT;
CREATE INDEX sync_conflict_open ON sync_conflict (state, tbl, pk, col);

-- A person's decision on a conflict.  It travels (it is captured like any
-- record), so the other laptops settle the same conflict the same way.
CREATE TABLE sync_decision (
	id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	tbl TEXT NOT NULL,
	pk TEXT NOT NULL,
	col TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL CHECK (action IN ('set', 'delete', 'restore', 'close')),
	value ANY,                -- the chosen value ('set'), the row ('restore')
	who TEXT NOT NULL,
	site TEXT NOT NULL,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) STRICT;

-- Decisions already carried out here (local).
CREATE TABLE sync_decision_done (
	id TEXT PRIMARY KEY NOT NULL
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO setting (key, value)
VALUES ('site_id', lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
	substr(lower(hex(randomblob(2))), 2) || '-' ||
	substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) ||
	'-' || lower(hex(randomblob(6))));
