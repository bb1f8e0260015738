-- Idempotency records expire (gremium.idempotency.retention); the clean-up finds the old ones by their creation time.
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
