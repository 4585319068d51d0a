// The public entry: the HXL-tagged CSV format, its options and the hashtag helpers.

export { type HxlColumnRule, type HxlRole, hxlColumnRules } from './hxl-columns.ts';
export { hxlFormat } from './hxl-format.ts';
export {
  defaultHxlReadOptions,
  defaultHxlWriteOptions,
  type HxlReadOptions,
  type HxlWriteOptions,
} from './hxl-read-options.ts';
export {
  formatPattern,
  type HashtagSpec,
  isHashtagRow,
  matchesPattern,
  parseHashtag,
  selectColumn,
  type TagPattern,
} from './parse-hashtag.ts';
