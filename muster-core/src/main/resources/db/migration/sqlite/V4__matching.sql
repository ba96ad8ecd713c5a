-- Identity resolution, SQLite dialect. Keep in step with ../postgresql/V4__matching.sql.
-- match_review: a pair of people the matcher found uncertain (or a batch dedupe proposed), with the explanation
-- as JSON. The pair is stored smaller id first, once: a REJECTED row is the remembered "not the same person".
create table match_review (
    id              integer primary key,
    campaign_id     bigint           not null references campaign (id),
    left_person_id  bigint           not null,
    right_person_id bigint           not null,
    probability     double precision not null,
    explanation     text             not null,
    source          text,
    status          text             not null default 'OPEN',
    created_at      bigint           not null,
    decided_by      bigint,
    decided_at      bigint,
    unique (campaign_id, left_person_id, right_person_id)
);
create index match_review_status on match_review (campaign_id, status, probability);

-- person_merge: one merge of a person into a survivor. snapshot holds, as JSON, both person rows before the
-- merge, every row of the merged person that moved (by id) or was dropped as a duplicate (whole row), so an
-- undo restores exactly the state before.
create table person_merge (
    id           integer primary key,
    campaign_id  bigint not null references campaign (id),
    survivor_id  bigint not null,
    merged_id    bigint not null,
    review_id    bigint,
    merged_by    bigint,
    merged_at    bigint not null,
    snapshot     text   not null,
    undone_by    bigint,
    undone_at    bigint
);
create index person_merge_campaign on person_merge (campaign_id, merged_at);
