-- API keys: one row per issued client certificate. A key is found by the SHA-256 fingerprint
-- of its certificate, so revoking it takes effect on the next request.
CREATE TABLE api_key (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('analyst', 'cloak', 'admin')),
    fingerprint text        NOT NULL UNIQUE,
    serial      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- owner is the analyst name of the keys that may read the task.
CREATE TABLE task (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text        NOT NULL,
    owner             text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    -- Kept by the triggers below so that a page never has to COUNT(*) a million rows.
    result_count      bigint      NOT NULL DEFAULT 0,
    last_published_at timestamptz
);

CREATE INDEX task_owner_newest_idx ON task (owner, created_at DESC, id DESC);
CREATE INDEX task_newest_idx ON task (created_at DESC, id DESC);

CREATE TABLE result (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id      bigint      NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    published_at timestamptz NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);

-- The read path: a task's results newest first, ties broken by the newest insert.
-- Paging walks this index only; the id column makes the order total and so paging stable.
CREATE INDEX result_task_newest_idx ON result (task_id, published_at DESC, id DESC);

CREATE TABLE result_bucket (
    result_id bigint  NOT NULL REFERENCES result (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    name      text    NOT NULL,
    value     bigint  NOT NULL,
    PRIMARY KEY (result_id, position)
);

CREATE TABLE result_exception (
    result_id bigint  NOT NULL REFERENCES result (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    error     text    NOT NULL,
    count     bigint  NOT NULL,
    PRIMARY KEY (result_id, position)
);

-- Statement-level triggers keep task.result_count and task.last_published_at exact for
-- every writer (the API, the demo seeder, or plain SQL), at one task update per statement.
CREATE FUNCTION result_count_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE task t
       SET result_count = t.result_count + n.added,
           last_published_at = GREATEST(t.last_published_at, n.newest)
      FROM (SELECT task_id, count(*) AS added, max(published_at) AS newest
              FROM inserted_rows GROUP BY task_id) n
     WHERE t.id = n.task_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER result_count_after_insert
    AFTER INSERT ON result
    REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION result_count_after_insert();

CREATE FUNCTION result_count_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE task t
       SET result_count = t.result_count - d.removed,
           last_published_at = (SELECT max(r.published_at) FROM result r WHERE r.task_id = t.id)
      FROM (SELECT task_id, count(*) AS removed FROM deleted_rows GROUP BY task_id) d
     WHERE t.id = d.task_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER result_count_after_delete
    AFTER DELETE ON result
    REFERENCING OLD TABLE AS deleted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION result_count_after_delete();
