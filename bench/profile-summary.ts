import fs from 'node:fs';

/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`, or `BENCH_PROFILE_DIR=dir
 * npm run bench` for the servers under test): self time per function, and
 * inclusive time of the functions whose name matches an optional pattern.
 *
 *   npx tsx bench/profile-summary.ts CPU.….cpuprofile [pattern] [top]
 *
 * Times are samples, i.e. wall time the thread spent in a function: a native
 * call that blocks (fsync inside a SQLite commit) counts although it uses no
 * CPU, and so does time the process waited for a core on a loaded machine.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').slice(-2).join('/');
  return `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`;
}

export function summarize(profile: Profile, pattern: RegExp | null, top: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of selfById) {
    total += micros;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') idle += micros;
    self.set(label(node), (self.get(label(node)) ?? 0) + micros);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = label(byId.get(cur)!);
      if (seen.has(name)) continue; // recursion: count a frame once per sample
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    }
  }
  const busy = total - idle;
  const line = ([name, micros]: [string, number]): string =>
    `${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${name}`;
  const sorted = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1]);
  const out = [
    `sampled ${(total / 1000).toFixed(0)} ms, of which busy (not idle) ${(busy / 1000).toFixed(0)} ms; % of busy`,
    '--- self time',
    ...sorted(self)
      .filter(([name]) => !name.startsWith('(idle)'))
      .slice(0, top)
      .map(line),
  ];
  if (pattern) {
    out.push(`--- inclusive time of functions matching ${pattern}`);
    out.push(
      ...sorted(inclusive)
        .filter(([name]) => pattern.test(name))
        .slice(0, top)
        .map(line),
    );
  }
  return out.join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const [file, pattern, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [pattern] [top]');
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  console.log(summarize(profile, pattern ? new RegExp(pattern) : null, Number(top ?? 25)));
}
