// Identity (throttling, lockout, forced change, TOTP) through the binary on PostgreSQL.
import { identitySuite } from './identity_suite.mjs';

identitySuite('postgres');
