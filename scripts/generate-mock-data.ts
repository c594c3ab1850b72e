/**
 * Writes the mock data set the agents read (CONTRACT: MOCK_DATA_DIR):
 *   npx tsx scripts/generate-mock-data.ts [outDir]     (default mock_data/)
 * Every value comes from ONE seeded PRNG (scripts/lib/random.ts) consumed in
 * a fixed order, so two runs write byte-identical files. The demand model (level × trend × weekly ×
 * yearly × count noise) is what makes the forecasting agent's holdout
 * meaningful; the supplier profiles are what makes the ranking meaningful.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random } from './lib/random.js';

/** Seed of the single PRNG; change it for another, equally valid data set. */
export const SEED = 20261031;
/** The last day of sales history, the data set's "today". */
const END_DATE = '2026-10-31';
/** Days of sales history per SKU: two years, so yearly seasonality is seen twice. */
const HISTORY_DAYS = 730;
/** Share of board items at or below their reorder point; "Restock low-stock items" needs some. */
const LOW_STOCK_SHARE = 0.15;
/** Mean daily units for a $1 product; demand falls with sqrt(unit cost). */
const DEMAND_SCALE = 60;
/** Spread (log sd) of per-SKU demand around the price-driven level. */
const DEMAND_SPREAD = 0.35;
/** Mon..Sun demand multipliers: trade customers buy on working days. */
const WEEKLY_PROFILE = [1.2, 1.24, 1.2, 1.14, 1.02, 0.66, 0.54];
/** Per-SKU jitter of the weekly profile, so no two SKUs share it exactly. */
const WEEKLY_JITTER = 0.06;
/** Range of the yearly seasonal amplitude (fraction of the level). */
const YEARLY_AMPLITUDE: Range = [0.15, 0.35];
/** Range of the linear trend, as a fraction of the starting level per year. */
const TREND_PER_YEAR: Range = [-0.1, 0.25];
/** Negative-binomial shape of daily counts: larger is closer to Poisson; 12 is moderate noise. */
const NOISE_SHAPE = 12;
/** Days of demand held between reorder point and max stock. */
const CYCLE_DAYS: Range = [14, 45];
/** Purchase orders per supplier over the history. */
const ORDERS_PER_SUPPLIER: Range = [20, 60];

type Range = readonly [number, number];

interface CategorySpec {
  readonly name: string;
  readonly prefix: string;
  /** Day of year when demand peaks (the phase of the yearly seasonality). */
  readonly peakDay: number;
  /** How many of its products are on the board, and how many only in the catalog. */
  readonly inventory: number;
  readonly catalog: number;
  readonly products: readonly { template: string; cost: number; variants: readonly string[] }[];
}

interface SupplierSpec {
  readonly name: string;
  readonly country: string;
  readonly domain: string;
  readonly terms: string;
  readonly leadTime: number;
  readonly categories: readonly string[];
  /** P(delivered on or before the promised date). */
  readonly onTime: number;
  /** Mean days late when late: the spread of the real lead time. */
  readonly lateMean: number;
  /** P(an order arrives complete); short deliveries bring 40–90%. */
  readonly fullFill: number;
  /** Share of received units that are defective. */
  readonly defects: number;
}

/**
 * Product tables, one row per product line: name template ({v} = variant) |
 * base unit cost | variants. Each variant step costs 20% more. Kept as text
 * tables because they read like the price lists they imitate.
 */
const CATEGORIES: readonly CategorySpec[] = [
  category(
    'Fasteners',
    'FAS',
    { peakDay: 190, inventory: 32, catalog: 9 },
    `
  Zinc Hex Bolt {v} x 40 mm, Box of 50            |   12 | M6; M8; M10; M12
  Stainless Machine Screw {v} x 20 mm, Box of 100 |   15 | M4; M5; M6
  Hex Nut {v}, Box of 100                         |    6 | M6; M8; M10; M12
  Nylon Lock Nut {v}, Box of 100                  |    9 | M6; M8; M10
  Flat Washer {v}, Box of 200                     |    5 | M6; M8; M10; M12
  Spring Lock Washer {v}, Box of 200              |    6 | M6; M8; M10
  Threaded Rod {v} x 1 m                          |    4 | M6; M8; M10; M12
  Socket Cap Screw {v} x 25 mm, Box of 50         |   14 | M5; M6; M8
  Flange Nut {v}, Box of 100                      |    8 | M6; M8; M10
  Wing Nut {v}, Pack of 25                        |    7 | M5; M6; M8
  Coach Screw {v} x 60 mm, Box of 25              |   11 | M8; M10; M12
  Expansion Anchor {v}, Box of 25                 |   16 | M8; M10; M12
  Wood Screw {v}, Box of 200                      |   10 | 4 x 30 mm; 4 x 40 mm; 5 x 50 mm; 5 x 70 mm
  `,
  ),
  category(
    'Electrical',
    'ELE',
    { peakDay: 340, inventory: 28, catalog: 9 },
    `
  LED Bulb A19 {v}, 4-Pack         |   11 | 9 W Warm White; 9 W Daylight; 14 W Warm White; 14 W Daylight
  Extension Cord {v}, 3-Outlet     |   13 | 1.5 m; 3 m; 5 m; 10 m
  THHN Copper Wire {v}, 30 m Spool |   28 | 14 AWG Black; 14 AWG White; 12 AWG Black; 12 AWG Red
  Duplex Receptacle {v}            |  2.5 | 15 A White; 15 A Ivory; 20 A White; 20 A GFCI
  Single-Pole Switch {v}           |    2 | White; Ivory; Black
  Wire Connector {v}, Bag of 100   |    9 | Yellow; Red; Orange; Blue
  Electrical Tape {v}, 10-Pack     |   12 | Black; Red; Blue; Green
  Cable Ties {v}, Bag of 100       |    5 | 150 mm Black; 200 mm Black; 300 mm Natural; 370 mm UV Black
  Circuit Breaker {v}              |    9 | 15 A Single-Pole; 20 A Single-Pole; 30 A Double-Pole; 50 A Double-Pole
  LED Shop Light {v}               |   32 | 2 ft; 4 ft; 4 ft Linkable
  Junction Box {v}                 |    4 | 1-Gang PVC; 2-Gang PVC; 4 in Square Steel
  `,
  ),
  category(
    'Packaging',
    'PKG',
    { peakDay: 305, inventory: 26, catalog: 8 },
    `
  Corrugated Box {v}, Bundle of 25      |   18 | 200 x 150 x 100 mm; 300 x 200 x 150 mm; 400 x 300 x 200 mm; 600 x 400 x 400 mm
  Packing Tape {v}, 6 Rolls             |   14 | 48 mm Clear; 48 mm Brown; 72 mm Clear; 48 mm Fragile Print
  Stretch Film {v}                      |   22 | 380 mm x 300 m; 450 mm x 300 m; 500 mm x 450 m
  Bubble Wrap Roll {v}                  |   19 | 300 mm x 50 m; 500 mm x 50 m; 1200 mm x 50 m
  Poly Mailer {v}, Pack of 100          |   12 | 250 x 350 mm; 350 x 450 mm; 450 x 550 mm
  Padded Envelope {v}, Box of 50        |   16 | Size A; Size C; Size E; Size H
  Void Fill Paper {v}                   |   24 | Roll 380 mm x 450 m; Fanfold Box 15 kg
  Shipping Labels {v}, 500 Sheets       |   21 | 1-Up; 2-Up; 4-Up; 6-Up
  Pallet Wrap Dispenser {v}             |   28 | Handheld; Extended Core
  Strapping Kit {v}                     |   45 | Polypropylene 12 mm; Polyester 16 mm
  Tape Gun Dispenser {v}                |    9 | 48 mm; 72 mm
  Kraft Paper Roll {v}                  |   17 | 600 mm x 100 m; 900 mm x 100 m
  Foam Corner Protector {v}, Pack of 50 |   11 | 25 mm; 50 mm
  `,
  ),
  category(
    'Tools',
    'TLS',
    { peakDay: 150, inventory: 24, catalog: 8 },
    `
  Claw Hammer {v}            |   18 | 16 oz; 20 oz; 22 oz Framing
  Screwdriver Set {v}        |   22 | 6-Piece; 10-Piece; Precision 12-Piece
  Combination Wrench {v}     |    7 | 10 mm; 13 mm; 17 mm; 19 mm
  Adjustable Wrench {v}      |   14 | 150 mm; 250 mm; 300 mm
  Tape Measure {v}           |    9 | 5 m; 8 m; 10 m
  Utility Knife {v}          |    8 | Fixed Blade; Retractable; Folding
  Utility Blades {v}         |    6 | Pack of 10; Pack of 50; Dispenser of 100
  HSS Drill Bit Set {v}      |   24 | 13-Piece; 19-Piece; 25-Piece
  Torpedo Level {v}          |   12 | 230 mm; Magnetic 230 mm
  Slip Joint Pliers {v}      |   10 | 150 mm; 200 mm; 250 mm
  Hacksaw {v}                |   15 | 300 mm; Junior 150 mm
  Cordless Drill Battery {v} |   59 | 18 V 2.0 Ah; 18 V 4.0 Ah; 18 V 5.0 Ah
  `,
  ),
  category(
    'Safety',
    'SAF',
    { peakDay: 180, inventory: 24, catalog: 7 },
    `
  Nitrile Gloves {v}, Box of 100 |   11 | Size S; Size M; Size L; Size XL
  Safety Glasses {v}             |  4.5 | Clear; Smoke; Anti-Fog Clear; Amber
  Hi-Vis Vest {v}                |    7 | Class 2 M; Class 2 L; Class 2 XL; Class 3 L
  Hard Hat {v}                   |   16 | White; Yellow; Orange; Blue
  Disposable Earplugs {v}        |   24 | Box of 200 Pairs; Corded Box of 100 Pairs
  Dust Mask {v}, Box of 20       |   19 | FFP2; FFP2 Valved; FFP3 Valved
  Cut-Resistant Gloves {v}       |    8 | Size 8; Size 9; Size 10
  First Aid Kit {v}              |   34 | 10-Person; 25-Person; 50-Person
  Safety Earmuffs {v}            |   18 | SNR 28 dB; SNR 33 dB
  Face Shield {v}                |   13 | Clear Visor; Flip-Up Visor
  Anti-Slip Floor Tape {v}       |   15 | 50 mm Black; 50 mm Yellow/Black; 100 mm Black
  `,
  ),
  category(
    'Cleaning',
    'CLN',
    { peakDay: 100, inventory: 22, catalog: 7 },
    `
  All-Purpose Cleaner {v}          |    6 | 1 L Spray; 5 L Refill
  Microfiber Cloth {v}, Pack of 12 |   10 | Blue; Green; Red; Yellow
  Trash Bags {v}, Roll of 50       |    9 | 30 L; 60 L; 120 L Heavy Duty
  Paper Towels {v}                 |   28 | Multifold Case of 4000; Centerpull Case of 6 Rolls
  Toilet Tissue {v}                |   32 | 2-Ply Case of 48; Jumbo Roll Case of 12
  Hand Soap {v}                    |    7 | 500 ml Pump; 5 L Refill; Foam 1 L Cartridge
  Floor Cleaner {v}                |   14 | Neutral 5 L; Degreasing 5 L
  Disinfectant Wipes {v}           |    6 | Canister of 80; Bucket of 800
  Mop Head {v}                     |    8 | Cotton Loop Large; Microfiber Flat 40 cm; Microfiber Flat 60 cm
  Glass Cleaner {v}                |    5 | 750 ml Spray; 5 L Refill
  Scrub Sponge {v}                 |    7 | Pack of 10; Heavy Duty Pack of 10
  Hand Sanitizer {v}               |    6 | 500 ml Pump; 1 L Refill; Gel 5 L
  Push Broom {v}                   |   22 | 45 cm Soft; 60 cm Stiff
  Dish Detergent {v}               |    5 | 1 L; 5 L
  `,
  ),
  category(
    'Office',
    'OFF',
    { peakDay: 240, inventory: 22, catalog: 6 },
    `
  Copy Paper A4 {v}, Box of 5 Reams |   27 | 80 gsm; 100 gsm
  Ballpoint Pen {v}, Box of 50      |    9 | Blue; Black; Red
  Gel Pen {v}, Pack of 12           |   11 | Blue; Black
  Sticky Notes {v}, 12 Pads         |    8 | 76 x 76 mm Yellow; 76 x 76 mm Assorted; 76 x 127 mm Yellow
  Lever Arch File {v}               |    3 | A4 Black; A4 Blue; A4 Red
  Stapler {v}                       |    9 | Desktop; Heavy Duty
  Staples {v}, Box of 5000          |    3 | 26/6; 24/6
  Whiteboard Marker {v}, Pack of 4  |    6 | Assorted; Black
  Printer Toner {v}                 |   69 | Black; Cyan; Magenta; Yellow
  DL Envelope {v}, Box of 500       |   22 | Self-Seal; Window Self-Seal
  Highlighter {v}, Pack of 6        |    5 | Assorted; Yellow
  Desk Organizer {v}                |   14 | Mesh Black; Bamboo
  Clipboard {v}                     |    4 | A4; Foolscap
  Correction Tape {v}               |    3 | 5 mm x 8 m; Pack of 10
  Paper Clips {v}, Box of 100       |    2 | 28 mm; 50 mm
  `,
  ),
  category(
    'Plumbing',
    'PLB',
    { peakDay: 20, inventory: 22, catalog: 6 },
    `
  PVC Pipe {v} x 3 m                  |    6 | 20 mm; 25 mm; 32 mm; 50 mm
  Copper Elbow 90 deg {v}, Pack of 10 |   12 | 15 mm; 22 mm; 28 mm
  Ball Valve {v}                      |   11 | 1/2 in; 3/4 in; 1 in
  PTFE Thread Tape {v}, 10 Rolls      |    5 | 12 mm x 12 m; 19 mm x 15 m
  Flexible Hose Connector {v}         |    7 | 300 mm; 500 mm
  Compression Fitting {v}, Pack of 5  |    9 | 15 mm Straight; 15 mm Tee; 22 mm Straight; 22 mm Tee
  Sink Trap {v}                       |    9 | 32 mm Bottle; 40 mm P-Trap; 40 mm S-Trap
  Pipe Clip {v}, Pack of 20           |    4 | 15 mm; 22 mm; 28 mm
  PVC Cement {v}                      |    7 | 125 ml; 250 ml; 500 ml
  Toilet Fill Valve {v}               |   14 | Side Entry; Bottom Entry
  Drain Snake {v}                     |   19 | 5 m; 7.5 m
  Plumbers Putty {v}                  |    5 | 400 g; 900 g
  `,
  ),
];

/** Fictional suppliers (.example domains are reserved); their profiles differ on purpose. */
const SUPPLIERS: readonly SupplierSpec[] = parseSuppliers(`
  # name                     | country        | email domain               | terms       | lead | categories       | on_time | late_mean | full_fill | defects
  Ironclad Fasteners Ltd     | United Kingdom | ironclad-fasteners.example | Net 30      | 12   | Fasteners        | 0.93    | 2         | 0.95      | 0.004
  Bolt & Nut Trading Co.     | China          | boltnut-trading.example    | Net 60      | 35   | Fasteners+Tools  | 0.55    | 9         | 0.8       | 0.03
  Voltline Electrical Supply | United States  | voltline.example           | Net 30      | 7    | Electrical       | 0.96    | 1.5       | 0.97      | 0.003
  Sparkway Components        | Taiwan         | sparkway.example           | Net 45      | 28   | Electrical       | 0.74    | 5         | 0.88      | 0.012
  BoxCraft Packaging         | United States  | boxcraft.example           | Net 30      | 5    | Packaging        | 0.9     | 2         | 0.93      | 0.006
  Nordpack AB                | Sweden         | nordpack.example           | Net 45      | 14   | Packaging+Office | 0.88    | 3         | 0.94      | 0.005
  Forge & Anvil Tools GmbH   | Germany        | forge-anvil.example        | 2/10 Net 30 | 18   | Tools            | 0.95    | 2         | 0.98      | 0.002
  Harbor Tool Imports        | Vietnam        | harbortool.example         | Net 60      | 40   | Tools+Fasteners  | 0.48    | 12        | 0.75      | 0.04
  Guardian Safety Products   | United States  | guardiansafety.example     | Net 30      | 6    | Safety           | 0.94    | 1.5       | 0.96      | 0.003
  Shieldworks PPE            | Mexico         | shieldworks.example        | Net 45      | 12   | Safety+Cleaning  | 0.7     | 4         | 0.85      | 0.025
  PureShine Janitorial       | Canada         | pureshine.example          | Net 30      | 8    | Cleaning         | 0.87    | 2.5       | 0.92      | 0.006
  Officeline Direct          | United States  | officeline.example         | Net 15      | 3    | Office           | 0.97    | 1         | 0.97      | 0.002
  Paperhouse Stationers      | India          | paperhouse.example         | Net 60      | 30   | Office+Packaging | 0.62    | 7         | 0.7       | 0.015
  AquaFlow Plumbing Supply   | United States  | aquaflow.example           | Net 30      | 9    | Plumbing         | 0.91    | 2         | 0.94      | 0.005
  Pipeworks Trading          | Turkey         | pipeworks.example          | Net 45      | 25   | Plumbing         | 0.68    | 6         | 0.82      | 0.02
`);

function tableRows(table: string, columns: number): string[][] {
  const rows = table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const bad = rows.find((row) => row.length !== columns);
  if (bad) throw new Error(`table row has ${bad.length} cells, expected ${columns}: ${bad.join(' | ')}`);
  return rows;
}

function category(
  name: string,
  prefix: string,
  counts: { peakDay: number; inventory: number; catalog: number },
  table: string,
): CategorySpec {
  const products = tableRows(table, 3).map(([template = '', cost = '', variants = '']) => ({
    template,
    cost: Number(cost),
    variants: variants.split(';').map((v) => v.trim()),
  }));
  return { name, prefix, ...counts, products };
}

function parseSuppliers(table: string): SupplierSpec[] {
  return tableRows(table, 10).map((row) => {
    const [name = '', country = '', domain = '', terms = '', lead, categories = '', ...profile] = row;
    const [onTime, lateMean, fullFill, defects] = profile.map(Number) as [number, number, number, number];
    return {
      ...{ name, country, domain, terms, leadTime: Number(lead) },
      ...{ categories: categories.split('+'), onTime, lateMean, fullFill, defects },
    };
  });
}

/** Standard normal (Box–Muller); draws two numbers. */
function normal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Marsaglia–Tsang, shape ≥ 1, scale 1. */
function gamma(rng: Random, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - rng.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Knuth for small means, a rounded normal above (where the two barely differ). */
function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** Gamma–Poisson mixture: counts more dispersed than Poisson, as real sales are. */
function negBinomial(rng: Random, mean: number, shape: number): number {
  return poisson(rng, (mean * gamma(rng, shape)) / shape);
}

const DAY_MS = 86_400_000;
const END_MS = Date.parse(`${END_DATE}T00:00:00Z`);
const START_MS = END_MS - (HISTORY_DAYS - 1) * DAY_MS;
const isoDay = (day: number): string => new Date(START_MS + day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Monday … 6 = Sunday. */
const weekday = (day: number): number => (new Date(START_MS + day * DAY_MS).getUTCDay() + 6) % 7;
const dayOfYear = (day: number): number => {
  const date = new Date(START_MS + day * DAY_MS);
  return (date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS;
};
const money = (value: number): string => value.toFixed(2);
/** Round to the steps a buyer would type: 1 below 20, 5 below 200, 10 above. */
const nice = (value: number, round: (x: number) => number): number => {
  const step = value < 20 ? 1 : value < 200 ? 5 : 10;
  return round(value / step) * step;
};

interface Product {
  sku: string;
  name: string;
  category: CategorySpec;
  supplier: SupplierSpec;
  unitCost: number;
}

function buildProducts(rng: Random): { inventory: Product[]; catalog: Product[] } {
  const inventory: Product[] = [];
  const catalog: Product[] = [];
  for (const cat of CATEGORIES) {
    const lines = cat.products.flatMap((p) =>
      p.variants.map((v, i) => ({ name: p.template.replace('{v}', v), cost: p.cost * (1 + 0.2 * i) })),
    );
    const need = cat.inventory + cat.catalog;
    if (lines.length < need) throw new Error(`${cat.name}: ${lines.length} product lines, need ${need}`);
    const numbers = new Set<number>();
    while (numbers.size < need) numbers.add(rng.intBetween(1000, 9999));
    const suppliers = SUPPLIERS.filter((s) => s.categories.includes(cat.name));
    const skus = [...numbers];
    const chosen = rng.shuffle(lines).slice(0, need);
    const products = chosen.map((line, j) => ({
      sku: `${cat.prefix}-${skus[j]}`,
      name: line.name,
      category: cat,
      // Round-robin, so every supplier of a category gets board items.
      supplier: suppliers[j % suppliers.length]!,
      unitCost: Math.max(0.5, Math.round(line.cost * rng.between([0.9, 1.1]) * 100) / 100),
    }));
    inventory.push(...products.slice(0, cat.inventory));
    catalog.push(...products.slice(cat.inventory));
  }
  const bySku = (a: Product, b: Product) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);
  return { inventory: inventory.sort(bySku), catalog: catalog.sort(bySku) };
}

interface Demand {
  level: number;
  trend: number;
  amplitude: number;
  peakDay: number;
  weekly: number[];
}

function buildDemand(rng: Random, product: Product): Demand {
  const raw = (DEMAND_SCALE / Math.sqrt(product.unitCost)) * Math.exp(DEMAND_SPREAD * normal(rng));
  const weekly = WEEKLY_PROFILE.map((w) => w * rng.between([1 - WEEKLY_JITTER, 1 + WEEKLY_JITTER]));
  const mean = weekly.reduce((a, b) => a + b, 0) / weekly.length;
  return {
    level: Math.min(80, Math.max(1, raw)),
    trend: rng.between(TREND_PER_YEAR),
    amplitude: rng.between(YEARLY_AMPLITUDE),
    peakDay: product.category.peakDay,
    weekly: weekly.map((w) => w / mean),
  };
}

/** Expected units on `day`, before count noise. */
function expectedUnits(d: Demand, day: number, withWeekday = true): number {
  const trend = 1 + (d.trend * day) / 365;
  const yearly = 1 + d.amplitude * Math.cos((2 * Math.PI * (dayOfYear(day) - d.peakDay)) / 365.25);
  return d.level * trend * yearly * (withWeekday ? d.weekly[weekday(day)]! : 1);
}

interface Stock {
  current_stock: number;
  min_stock: number;
  max_stock: number;
  reorder_point: number;
}

/** Reorder point covers lead-time demand plus safety stock, sized from today's demand. */
function buildStock(rng: Random, product: Product, demand: Demand, low: boolean): Stock {
  const daily = expectedUnits(demand, HISTORY_DAYS - 1, false);
  const lead = product.supplier.leadTime;
  const reorder = Math.max(1, nice(daily * lead + 0.6 * daily * Math.sqrt(lead), Math.ceil));
  const min = nice(reorder * rng.between([0.35, 0.6]), Math.floor);
  const max = nice(reorder + Math.max(5, daily * rng.between(CYCLE_DAYS)), Math.ceil);
  const current = low
    ? rng.chance(0.15)
      ? 0
      : rng.intBetween(Math.floor(reorder * 0.3), reorder)
    : rng.intBetween(reorder + 1, max);
  return { current_stock: current, min_stock: min, max_stock: max, reorder_point: reorder };
}

type Cell = string | number;
type Row = Record<string, Cell>;

/** The column order of each file (the server checks headers by name, people read them in this order). */
const COLUMNS = {
  'suppliers.csv': ['name', 'country', 'contact_email', 'payment_terms', 'lead_time_days'],
  'inventory.csv': [
    ...['sku', 'name', 'category', 'current_stock', 'min_stock', 'max_stock', 'reorder_point'],
    ...['supplier', 'unit_cost', 'lead_time_days'],
  ],
  'catalog.csv': ['sku', 'name', 'category', 'supplier', 'unit_cost', 'lead_time_days'],
  'sales_history.csv': ['date', 'sku', 'units'],
  'purchase_orders.csv': [
    ...['po_id', 'supplier', 'sku', 'order_date', 'promised_date', 'delivered_date'],
    ...['quantity_ordered', 'quantity_received', 'defective_units'],
  ],
} as const satisfies Record<string, readonly string[]>;

type FileName = keyof typeof COLUMNS;

function buildPurchaseOrders(rng: Random, products: Product[], stock: Map<string, Stock>): Row[] {
  const orders: { day: number; row: Row }[] = [];
  for (const supplier of SUPPLIERS) {
    const items = products.filter((p) => p.supplier === supplier);
    const count = rng.intBetween(ORDERS_PER_SUPPLIER[0], ORDERS_PER_SUPPLIER[1]);
    for (let k = 0; k < count; k++) {
      const item = rng.pick(items);
      const level = stock.get(item.sku)!;
      let day = rng.intBetween(0, HISTORY_DAYS - 1);
      // Buyers order on working days.
      if (weekday(day) === 5) day -= 1;
      if (weekday(day) === 6) day = day + 1 < HISTORY_DAYS ? day + 1 : day - 2;
      const promised = day + supplier.leadTime;
      const early = rng.chance(0.7) ? 0 : -rng.intBetween(1, 2);
      const late = 1 + Math.floor(-supplier.lateMean * Math.log(1 - rng.next()));
      const delivered = Math.max(day + 1, promised + (rng.chance(supplier.onTime) ? early : late));
      const cycle = (level.max_stock - level.reorder_point) * rng.between([0.8, 1.3]);
      const ordered = Math.max(10, Math.round(cycle / 10) * 10);
      // Orders not yet delivered by the data set's "today" stay open.
      const open = delivered > HISTORY_DAYS - 1;
      const short = Math.round(ordered * rng.between([0.4, 0.9]));
      const received = open ? 0 : rng.chance(supplier.fullFill) ? ordered : short;
      const row: Row = {
        supplier: supplier.name,
        sku: item.sku,
        order_date: isoDay(day),
        promised_date: isoDay(promised),
        delivered_date: open ? '' : isoDay(delivered),
        quantity_ordered: ordered,
        quantity_received: received,
        defective_units: Math.min(received, poisson(rng, received * supplier.defects)),
      };
      orders.push({ day, row });
    }
  }
  // Ids follow order date, numbered per year as an ERP would.
  orders.sort((a, b) => a.day - b.day);
  const perYear = new Map<string, number>();
  return orders.map(({ day, row }) => {
    const year = isoDay(day).slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    return { po_id: `PO-${year}-${String(seq).padStart(4, '0')}`, ...row };
  });
}

function csvCell(value: Cell): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function writeCsv(dir: string, file: FileName, rows: readonly Row[]): void {
  const columns: readonly string[] = COLUMNS[file];
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column] ?? '')).join(','));
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
}

/** Generates every file into `outDir`; returns the data rows written per file. */
export function generateMockData(outDir: string, seed = SEED): Record<FileName, number> {
  const rng = new Random(seed);
  const { inventory, catalog } = buildProducts(rng);
  const demand = inventory.map((p) => buildDemand(rng, p));
  const lowCount = Math.round(inventory.length * LOW_STOCK_SHARE);
  const low = new Set(rng.shuffle(inventory.map((_, i) => i)).slice(0, lowCount));
  const stock = new Map(inventory.map((p, i) => [p.sku, buildStock(rng, p, demand[i]!, low.has(i))]));
  const sales: Row[] = [];
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const date = isoDay(day);
    inventory.forEach((p, i) => {
      sales.push({ date, sku: p.sku, units: negBinomial(rng, expectedUnits(demand[i]!, day), NOISE_SHAPE) });
    });
  }
  const product = (p: Product): Row => ({
    ...{ sku: p.sku, name: p.name, category: p.category.name, supplier: p.supplier.name },
    ...{ unit_cost: money(p.unitCost), lead_time_days: p.supplier.leadTime },
  });
  const files: Record<FileName, Row[]> = {
    'suppliers.csv': SUPPLIERS.map((s) => ({
      ...{ name: s.name, country: s.country, contact_email: `orders@${s.domain}` },
      ...{ payment_terms: s.terms, lead_time_days: s.leadTime },
    })),
    'inventory.csv': inventory.map((p) => ({ ...product(p), ...stock.get(p.sku)! })),
    'catalog.csv': catalog.map(product),
    'sales_history.csv': sales,
    'purchase_orders.csv': buildPurchaseOrders(rng, inventory, stock),
  };
  mkdirSync(outDir, { recursive: true });
  const counts = {} as Record<FileName, number>;
  for (const [file, rows] of Object.entries(files) as [FileName, Row[]][]) {
    writeCsv(outDir, file, rows);
    counts[file] = rows.length;
  }
  return counts;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? 'mock_data');
  const counts = generateMockData(outDir);
  for (const [file, rows] of Object.entries(counts)) console.log(`${join(outDir, file)}: ${rows} rows`);
}
