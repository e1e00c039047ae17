import { rmSync } from 'node:fs';
import { mulberry32 } from '../../../shared/random/seeded-random';
import { scratchDatabase } from '../kinds/scratch-database';

const CATEGORIES = ['books', 'games', 'garden', 'kitchen', 'music', 'office', 'sports', 'toys'];
const CUSTOMERS = 500;
const DAY_MS = 86_400_000;

/** Creates the scratch database at `path` with `rows` sample orders, reproducible from `seed`. */
export function seedDatabase(path: string, rows: number, seed: number): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  const db = scratchDatabase(path);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer TEXT NOT NULL,
    category TEXT NOT NULL,
    amount REAL NOT NULL,
    created_at TEXT NOT NULL
  )`);
  const insert = db.prepare('INSERT INTO orders (customer, category, amount, created_at) VALUES (?, ?, ?, ?)');
  const random = mulberry32(seed);
  const epochMs = Date.UTC(2024, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) {
      const customer = `customer-${Math.floor(random() * CUSTOMERS)}`;
      const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)] ?? 'books';
      const amount = Math.round(random() * 20_000) / 100;
      const createdAt = new Date(epochMs + Math.floor(random() * 365) * DAY_MS).toISOString();
      insert.run(customer, category, amount, createdAt);
    }
  })();
  db.exec('CREATE INDEX orders_category ON orders (category)');
}
