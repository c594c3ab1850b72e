/** The static tables of the mock data set: product lines per category, and the suppliers. */

export interface CategorySpec {
  readonly name: string;
  readonly prefix: string;
  /** Day of year when demand peaks (the phase of the yearly seasonality). */
  readonly peakDay: number;
  /** How many of its products are on the board, and how many only in the catalog. */
  readonly inventory: number;
  readonly catalog: number;
  readonly products: readonly { template: string; cost: number; variants: readonly string[] }[];
}

export interface SupplierSpec {
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
export const CATEGORIES: readonly CategorySpec[] = [
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
export const SUPPLIERS: readonly SupplierSpec[] = parseSuppliers(`
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
