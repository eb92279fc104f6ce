-- SPDX-License-Identifier: MIT
-- 007_meeting_model.sql — the meeting as towns run it (issue 11).
--
--   * A participant's profession is its own field (participant.profession):
--     an id of the town's list of professions (settings, doc/config.md), or
--     the words typed for "other" (e.g. 司法書士補助者).  participant.role
--     keeps only the part someone plays in the meeting: 'facilitator'
--     (司会) or 'presenter' (事例提供者).  Until now role held either; a
--     role that is not one of those two moves to profession.
--   * The meeting keeps its frame: meeting.vision is the town's vision as
--     it was when the meeting was created, so that reprinting an old
--     meeting shows the vision of that day (the rest of the frame —
--     purpose, target, reached, next_time — was already the meeting's).

ALTER TABLE participant ADD COLUMN profession TEXT;
UPDATE participant SET profession = role, role = NULL
WHERE role IS NOT NULL AND role NOT IN ('facilitator', 'presenter');

ALTER TABLE meeting ADD COLUMN vision TEXT;
