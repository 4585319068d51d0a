// Test helpers: the ones every format package shares (chunked input, collected output, a
// summary of read batches that checks their accounting), from their one place.
export * from '../../../test/helpers/format-streams.ts';
