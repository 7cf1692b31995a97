-- A deleted task disappears from every read at once; its results are purged afterwards in
-- small batches by the background purger, which finally removes the task row itself.
ALTER TABLE task ADD COLUMN deleted_at timestamptz;

DROP INDEX task_owner_newest_idx;
DROP INDEX task_newest_idx;
CREATE INDEX task_owner_newest_idx ON task (owner, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX task_newest_idx ON task (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX task_deleted_idx ON task (deleted_at) WHERE deleted_at IS NOT NULL;

-- One row per Idempotency-Key a key has used to publish, written in the same transaction as
-- the results it guards, so that a 201 and the memory of it commit together. request_hash is
-- SHA-256 over the task id and the exact body bytes.
CREATE TABLE idempotency_key (
    api_key_id      uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    result_ids      bigint[]    NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (api_key_id, idempotency_key)
);

CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
