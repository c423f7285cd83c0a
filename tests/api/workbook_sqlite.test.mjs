// The workbook import over HTTP on SQLite.
import { workbookApiSuite } from './workbook_suite.mjs';

workbookApiSuite('sqlite');
