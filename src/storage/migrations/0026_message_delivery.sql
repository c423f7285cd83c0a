-- Messages for an SMS gateway (serve --sms-gateway) are queued in outbox_messages inside the
-- sender's transaction and posted by the gateway relay (src/domain/messages/gateway_relay.h) after
-- it commits: no request waits on the gateway while holding the database, and a code request
-- takes the same time whether or not its number is anyone's.
-- delivery: NULL = kept in the outbox only (no gateway); 'pending' = to post (again);
-- 'sending' = claimed by a relay at delivery_at (reclaimed if that relay died); 'failed' = given up
-- after delivery_attempts tries, the last error kept (no number, no text). A row the gateway
-- accepted is deleted: the gateway has it, and a code is not kept where staff could read it.
ALTER TABLE outbox_messages ADD COLUMN delivery TEXT;
ALTER TABLE outbox_messages ADD COLUMN delivery_attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox_messages ADD COLUMN delivery_at TEXT;
ALTER TABLE outbox_messages ADD COLUMN delivery_error TEXT;
CREATE INDEX outbox_messages_delivery ON outbox_messages (delivery, id);
