-- Roles and permissions as data (see security/permissions.h and domain/accounts/role_service.h).
-- A role grants permissions ("module:entity:action", or patterns with "*"); a user holds any
-- number of roles. What a user sees is its own data scope, never its roles': users.region and,
-- new here, an owner organisation (owner_ledger + owner_id, e.g. a units record).
CREATE TABLE roles (
  id {{ID}},
  name TEXT NOT NULL UNIQUE,
  label_zh TEXT NOT NULL,
  -- Seeded roles (admin, staff, viewer, revealer and the three administrator roles of 等保
  -- level 3) cannot be changed or deleted: their meaning is fixed; offices add their own.
  builtin INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE role_permissions (
  role_id BIGINT NOT NULL REFERENCES roles(id),
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id),
  role_id BIGINT NOT NULL REFERENCES roles(id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role ON user_roles (role_id);

INSERT INTO roles (name, label_zh, builtin) VALUES
  ('admin', '超级管理员（兼任系统、安全、审计管理员）', 1),
  ('staff', '业务人员', 1),
  ('viewer', '查看人员', 1),
  ('revealer', '敏感信息查阅', 1),
  ('sysadmin', '系统管理员', 1),
  ('secadmin', '安全管理员', 1),
  ('auditadmin', '审计管理员', 1);

-- A module wildcard never covers the admin module, so staff and viewer hold no administrator duty.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, g.permission FROM roles r JOIN (
  SELECT 'admin' AS role, '*' AS permission
  UNION ALL SELECT 'staff', '*:*:list'
  UNION ALL SELECT 'staff', '*:*:read'
  UNION ALL SELECT 'staff', '*:*:create'
  UNION ALL SELECT 'staff', '*:*:update'
  UNION ALL SELECT 'staff', '*:*:delete'
  UNION ALL SELECT 'staff', '*:*:import'
  UNION ALL SELECT 'staff', '*:*:export'
  UNION ALL SELECT 'viewer', '*:*:list'
  UNION ALL SELECT 'viewer', '*:*:read'
  UNION ALL SELECT 'viewer', '*:*:export'
  UNION ALL SELECT 'revealer', '*:*:reveal'
  UNION ALL SELECT 'sysadmin', 'admin:dictionaries:admin'
  UNION ALL SELECT 'sysadmin', 'admin:system:admin'
  UNION ALL SELECT 'secadmin', 'admin:users:admin'
  UNION ALL SELECT 'secadmin', 'admin:roles:admin'
  UNION ALL SELECT 'auditadmin', 'admin:audit:admin'
) g ON g.role = r.name;

-- Existing accounts keep exactly what they could do. admin and viewer map to their roles.
-- A staff user could reveal everywhere before: it gets staff and revealer. A staff user limited
-- to some ledgers gets a role of its own ("staff.<name>") granting everything on those ledgers.
INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u JOIN roles r ON r.name = u.role WHERE u.role IN ('admin', 'viewer');

INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u JOIN roles r ON r.name IN ('staff', 'revealer')
WHERE u.role = 'staff' AND u.ledgers = '';

INSERT INTO roles (name, label_zh, builtin)
SELECT 'staff.' || name, '原台账范围：' || name, 0 FROM users WHERE role = 'staff' AND ledgers <> '';

INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u JOIN roles r ON r.name = 'staff.' || u.name WHERE u.role = 'staff' AND u.ledgers <> '';

-- users.ledgers held "module:entity" names joined by commas; these are every ledger of that time.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, l.name || ':*'
FROM users u
JOIN roles r ON r.name = 'staff.' || u.name
JOIN (
  SELECT 'exchange:visits' AS name UNION ALL SELECT 'exchange:meetings' UNION ALL SELECT 'exchange:agreements'
  UNION ALL SELECT 'funds:funds' UNION ALL SELECT 'investment:investments' UNION ALL SELECT 'needs:needs'
  UNION ALL SELECT 'pairing:pairs' UNION ALL SELECT 'pairing:units' UNION ALL SELECT 'pairing:pairings'
  UNION ALL SELECT 'people:people' UNION ALL SELECT 'projects:projects' UNION ALL SELECT 'projects:milestones'
  UNION ALL SELECT 'projects:outcomes' UNION ALL SELECT 'talent:secondments' UNION ALL SELECT 'talent:trainings'
  UNION ALL SELECT 'targets:targets'
) l ON (',' || u.ledgers || ',') LIKE ('%,' || l.name || ',%')
WHERE u.role = 'staff' AND u.ledgers <> '';

ALTER TABLE users DROP COLUMN role;
ALTER TABLE users DROP COLUMN ledgers;
ALTER TABLE users ADD COLUMN owner_ledger TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN owner_id BIGINT NOT NULL DEFAULT 0;
