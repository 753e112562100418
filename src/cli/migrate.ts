import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';

// `npm run db:migrate`: apply the migrations in the repo (start-up does this too).
const config = loadConfig();
const db = openDatabase({ path: config.databasePath });
db.$client.close();
console.log(`migrated ${config.databasePath}`);
