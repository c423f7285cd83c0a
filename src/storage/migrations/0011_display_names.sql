-- Users' display names (姓名, e.g. 王芳): optional ('' = none), kept whole here only. Records'
-- histories show them masked (王*), looked up when read; audit rows keep the login as the actor and
-- at most the masked name (a transition's detail, user_add / user_update), as it was when written.
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
