-- Workflows (domain/ledger/workflow.h): a need's status and an investment's stage now change
-- only through named transitions, each its own permission. Staff could move them by editing
-- before; the seeded staff role keeps that by being granted the transitions by name (not
-- "*:*:claim", which would hand it every later ledger's claim unasked). Other roles get them
-- from their administrators.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, g.permission FROM roles r JOIN (
  SELECT 'needs:needs:claim' AS permission
  UNION ALL SELECT 'needs:needs:deliver'
  UNION ALL SELECT 'needs:needs:release'
  UNION ALL SELECT 'needs:needs:cancel'
  UNION ALL SELECT 'investment:investments:sign'
  UNION ALL SELECT 'investment:investments:land'
  UNION ALL SELECT 'investment:investments:produce'
) g ON 1 = 1
WHERE r.name = 'staff';
