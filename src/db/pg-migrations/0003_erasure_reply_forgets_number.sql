-- SQLite migration 0007's trigger, in PL/pgSQL: the erasure's "your data is deleted" reply
-- is addressed to the number until WhatsApp has it (or gave up); then the number is replaced
-- by a random pseudonym. Such a reply is the only outbound message whose citizen row is gone.
-- The trigger's own update sets only wa_id, so it does not fire itself again.
CREATE FUNCTION messages_erasure_reply_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM citizens WHERE citizens.wa_id = NEW.wa_id) THEN
    UPDATE messages SET wa_id = 'erased:' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24)
    WHERE id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER messages_erasure_reply_forget AFTER UPDATE OF send_status ON messages
FOR EACH ROW
WHEN (NEW.direction = 'out'
  AND NEW.send_status IN ('sent', 'delivered', 'read', 'failed')
  AND NEW.wa_id NOT LIKE 'erased:%')
EXECUTE FUNCTION messages_erasure_reply_forget();
