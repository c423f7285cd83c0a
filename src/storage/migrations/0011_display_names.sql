-- Users' display names (姓名, e.g. 王芳): optional ('' = none), shown masked (王*) in records'
-- histories, which resolve them when read, so audit rows keep naming the login.
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
