// Identity (throttling, lockout, forced change, TOTP) through the binary on SQLite.
import { identitySuite } from './identity_suite.mjs';

identitySuite('sqlite');
