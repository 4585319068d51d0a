// The conformance properties of every format with many more generated cases than the
// default lane runs: round trips of hostile events, random bytes and random text into every
// reader (accounting intact, never an exception), options never mutated. `pnpm test:slow`.
import { formats } from '../apps/cli/src/registry.ts';
import { describeFormatConformance } from './conformance/format-conformance.ts';

// Every format the command knows (a test there checks that is every format a package
// exports); capability flags say which cases apply to each.
for (const format of formats) describeFormatConformance({ format, runs: 500 });
