-- SPDX-License-Identifier: MIT
-- 003_rollup_index.sql — the answers of raised regional issues in an index
-- of their own.
--
-- The regional roll-up reads, for every regional issue raised in ten years
-- of cases, its wording, category, policy kind and area.  Looked up one by
-- one in `answer` (millions of rows, long text keys) that took ~200 ms on
-- the reference data set; this partial index holds only those answers
-- (a few tens of thousands), in record and item order, with their values,
-- so the roll-up reads it from end to end instead (~20 ms).  It covers the
-- query: `answer` itself is not touched.
CREATE INDEX answer_regional_issue ON answer (record_id, item, col, value)
WHERE field = 'regional_issues';
