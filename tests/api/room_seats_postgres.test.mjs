// The interview room's seats closing with their right, on PostgreSQL.
import { roomSeatsSuite } from './room_seats_suite.mjs';

roomSeatsSuite('postgres');
