-- A mail can carry a secret that only works for a while (a one-time password reset link, whose token the
-- database otherwise keeps hashed only): its body is erased once it is sent, and a mail still unsent when the
-- secret expires is dropped, so the outbox never keeps a working link. NULL: an ordinary mail, kept as sent.
ALTER TABLE outgoing_mail ADD COLUMN secret_until timestamp with time zone;
