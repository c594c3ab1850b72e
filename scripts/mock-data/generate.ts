/**
 * Generates the mock data set the agents read. Every value comes from ONE seeded PRNG
 * (scripts/lib/random.ts) consumed in a fixed order, so two runs write byte-identical files.
 * The demand model (level × trend × weekly × yearly × count noise) is what makes the
 * forecasting agent's holdout meaningful; the supplier profiles are what makes the ranking
 * meaningful.
 */
import { mkdirSync } from 'node:fs';
import { Random } from '../lib/random.js';
import { writeCsv, type FileName, type Row } from './csv.js';
import { negBinomial, normal, poisson } from './distributions.js';
import {
  CYCLE_DAYS,
  DEMAND_SCALE,
  DEMAND_SPREAD,
  END_DATE,
  HISTORY_DAYS,
  LOW_STOCK_SHARE,
  NOISE_SHAPE,
  ORDERS_PER_SUPPLIER,
  SEED,
  TREND_PER_YEAR,
  WEEKLY_JITTER,
  WEEKLY_PROFILE,
  YEARLY_AMPLITUDE,
} from './params.js';
import { CATEGORIES, SUPPLIERS, type CategorySpec, type SupplierSpec } from './tables.js';

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
