-- The erasure's "your data is deleted" reply must be addressed to the number to be sent.
-- The moment WhatsApp has it (or gave up), the number is replaced by a random pseudonym.
-- Such a reply is the only outbound message whose citizen row is gone. (In the simulator,
-- which has no send, src/privacy/erase-citizen.ts forgetErasureReplies does it later.)
CREATE TRIGGER IF NOT EXISTS `messages_erasure_reply_forget` AFTER UPDATE OF `send_status` ON `messages`
WHEN new.direction = 'out'
  AND new.send_status IN ('sent', 'delivered', 'read', 'failed')
  AND new.wa_id NOT LIKE 'erased:%'
  AND NOT EXISTS (SELECT 1 FROM citizens WHERE citizens.wa_id = new.wa_id)
BEGIN
  UPDATE messages SET wa_id = 'erased:' || lower(hex(randomblob(12))) WHERE id = new.id;
END;
