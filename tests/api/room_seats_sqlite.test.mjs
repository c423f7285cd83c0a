// The interview room's seats closing with their right, on SQLite.
import { roomSeatsSuite } from './room_seats_suite.mjs';

roomSeatsSuite('sqlite');
