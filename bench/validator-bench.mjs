// `pnpm bench:validator`: the validation hot path on one core, in events per second. Events
// reach the checks as the pipeline gives them: in batches of 1,000, each freshly parsed from
// JSON just before it is checked (so it is in the CPU's cache, as a reader's batch is). Only
// the checks are timed. Compared: zod's safeParse, the schema compiled into a plain check
// (isConflictEventShape), and the validator the pipeline uses (compiled shape check, every
// rule, duplicate ids). Median of 5 passes after a warm-up.
//   --events 200000
import {
  ConflictEventSchema,
  createEventValidator,
  isConflictEventShape,
} from '@conflict-events/schema';
import { flag } from './bench-files.mjs';
import { generateEvents } from './generate-events.mjs';

const count = Number(flag('events', '200000'));
const batchSize = 1000;
const texts = [];
let batch = [];
for (const event of generateEvents(count)) {
  batch.push(JSON.stringify(event));
  if (batch.length === batchSize) {
    texts.push(`[${batch.join(',')}]`);
    batch = [];
  }
}
if (batch.length > 0) texts.push(`[${batch.join(',')}]`);

/** One pass: each batch parsed (not timed), then checked (timed). Returns events/s. */
function pass(name, makeCheck) {
  const check = makeCheck();
  let seconds = 0;
  let accepted = 0;
  for (const text of texts) {
    const events = JSON.parse(text);
    const started = performance.now();
    for (const event of events) if (check(event)) accepted += 1;
    seconds += (performance.now() - started) / 1000;
  }
  if (accepted !== count) throw new Error(`${name}: ${accepted} of ${count} accepted`);
  return count / seconds;
}

function rate(name, makeCheck) {
  pass(name, makeCheck); // warm-up
  const rates = [];
  for (let round = 0; round < 5; round += 1) rates.push(pass(name, makeCheck));
  rates.sort((a, b) => a - b);
  return { name, eventsPerSecond: Math.round(rates[2]) };
}

const results = [
  rate('zod safeParse (shape)', () => (event) => ConflictEventSchema.safeParse(event).success),
  rate('compiled check (shape)', () => isConflictEventShape),
  rate('validator: shape + rules + duplicate ids', () => {
    const validator = createEventValidator({ today: '2026-11-26' });
    return (event) => {
      const check = validator.check(event);
      return check.event !== undefined && !check.issues.some((issue) => issue.severity === 'error');
    };
  }),
];
process.stdout.write(`${count.toLocaleString('en-US')} events, batches of ${batchSize}\n\n`);
process.stdout.write('| check | events/s |\n| --- | --- |\n');
for (const { name, eventsPerSecond } of results) {
  process.stdout.write(`| ${name} | ${eventsPerSecond.toLocaleString('en-US')} |\n`);
}
