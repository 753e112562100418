-- Fencing tokens of turn leases (src/coordination/pg-turn-lease.ts): one sequence for all,
-- so a token is never handed out twice, even after a lease row was deleted and made again.
CREATE SEQUENCE turn_lease_token_seq;
